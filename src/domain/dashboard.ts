import { FieldError } from './recommendations.js';
import { REVIEW_SOON_DAYS } from './governing-documents.js';

// Uppföljning: what a body or a huvudman has outstanding — assignments, adoption, the reports its
// grants owe, the governing documents due for review. The rules for "due soon" and for choosing
// whose dashboard it is live here; the counting is SQL (src/store/queries/dashboard.ts).

/**
 * How far ahead a due date counts as coming up. One window for fund reports and document reviews,
 * the same as the register's "review within 90 days" filter, so the dashboard and the lists agree.
 */
export const DUE_SOON_DAYS = REVIEW_SOON_DAYS;

/** Whose follow-up: the whole collaboration, one body (given or received), or one huvudman. */
export type DashboardScope = { kind: 'all' } | { kind: 'body'; id: number } | { kind: 'huvudman'; id: number };

/** The scope a request asks for: a body or a huvudman, not both (the dashboard shows one at a time). */
export function dashboardScope(q: { body?: number | undefined; huvudman?: number | undefined }): DashboardScope {
  if (q.body !== undefined && q.huvudman !== undefined) throw new FieldError('huvudman', 'välj ett organ eller en huvudman, inte båda');
  if (q.body !== undefined) return { kind: 'body', id: q.body };
  if (q.huvudman !== undefined) return { kind: 'huvudman', id: q.huvudman };
  return { kind: 'all' };
}

/** The calendar day `days` after an ISO date (negative: before). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last day that counts as due soon, seen from today. */
export function dueSoonUntil(today: string, days = DUE_SOON_DAYS): string {
  return addDays(today, days);
}

export type DueState = 'settled' | 'overdue' | 'soon' | 'later' | 'none';

/**
 * Where something with a due date stands today: settled (reported, decided) whatever its date;
 * overdue after the date; soon up to and including `days` ahead; later beyond; none without a date.
 */
export function dueState(due: string | null, settled: boolean, today: string, days = DUE_SOON_DAYS): DueState {
  if (settled) return 'settled';
  if (due === null) return 'none';
  if (due < today) return 'overdue';
  return due <= dueSoonUntil(today, days) ? 'soon' : 'later';
}

/** The first and last day of a year, for filters on a date column. */
export function yearBounds(year: number): [string, string] {
  return [`${String(year).padStart(4, '0')}-01-01`, `${String(year).padStart(4, '0')}-12-31`];
}

/** "3 av 16" as a share for a chart's axis and a table: whole per cent, 0 when there is nothing. */
export function percentOf(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part * 100) / total);
}
