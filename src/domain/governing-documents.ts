import { isIsoDate } from './dates.js';
import { FieldError } from './recommendations.js';

// Styrdokument: the agreements, strategies, guidelines and routines the collaboration lives by.
// A document has versions; each version was decided by a body on a date and is valid from a date
// (to a date, or until the next version). The document is reviewed by a date; reminders before it
// are the job queue's (dashboard and reminders), which reads reviewState.

export const DOCUMENT_KINDS = ['överenskommelse', 'strategi', 'riktlinje', 'rutin', 'handlingsplan', 'färdplan', 'annat'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  överenskommelse: 'Överenskommelse', strategi: 'Strategi', riktlinje: 'Riktlinje', rutin: 'Rutin', handlingsplan: 'Handlingsplan', färdplan: 'Färdplan', annat: 'Annat',
};

export interface VersionDates {
  decidedOn: string;
  validFrom: string;
  validTo: string | null;
}

export function versionProblem(v: VersionDates): FieldError | null {
  for (const field of ['decidedOn', 'validFrom', 'validTo'] as const) {
    const d = v[field];
    if (d !== null && !isIsoDate(d)) return new FieldError(field, 'datum skrivs ÅÅÅÅ-MM-DD');
  }
  if (v.validTo !== null && v.validTo < v.validFrom) return new FieldError('validTo', `giltig till ${v.validTo} är före giltig från ${v.validFrom}`);
  return null;
}

/** The day before a date: the last day an earlier version is valid when the next takes over. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Where a new version goes among the existing ones: it must start after every earlier version
 * starts (versions are added in order), and the version still open then ends the day before.
 * Returns the id of the version to close, or null.
 */
export function placeVersion(existing: ({ id: number } & VersionDates)[], next: VersionDates): number | null {
  const latest = [...existing].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  if (!latest) return null;
  if (next.validFrom <= latest.validFrom) throw new FieldError('validFrom', `en ny version måste gälla från efter ${latest.validFrom}, då den senaste versionen började gälla`);
  return latest.validTo === null || latest.validTo >= next.validFrom ? latest.id : null;
}

/** The version valid on a day, if any. */
export function versionOn<T extends VersionDates>(versions: T[], day: string): T | null {
  return versions.find((v) => v.validFrom <= day && (v.validTo === null || day <= v.validTo)) ?? null;
}

export type ReviewState = 'none' | 'ok' | 'soon' | 'overdue';

/** How far ahead a review counts as coming up (the register's filter, the dashboard). */
export const REVIEW_SOON_DAYS = 90;

/** Whether a document's review is coming up (within `soonDays`) or past. */
export function reviewState(nextReview: string | null, today: string, soonDays = REVIEW_SOON_DAYS): ReviewState {
  if (nextReview === null) return 'none';
  if (nextReview < today) return 'overdue';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + soonDays);
  return nextReview <= soon.toISOString().slice(0, 10) ? 'soon' : 'ok';
}

export const REVIEW_LABELS: Record<ReviewState, string> = { none: 'Ingen revision planerad', ok: 'Revision planerad', soon: 'Revision snart', overdue: 'Revision försenad' };
