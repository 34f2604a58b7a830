import type { AssignmentStatus } from './model.js';

// Uppdrag: the life of an assignment from the decision that gives it to the decision that closes it.
//   unconfirmed (found by the importer) → open → reported (the report-back was on an agenda) → done
//   any but done → withdrawn

const NEXT: Record<AssignmentStatus, AssignmentStatus[]> = {
  unconfirmed: ['open', 'withdrawn'],
  open: ['reported', 'done', 'withdrawn'],
  reported: ['open', 'done', 'withdrawn'],
  done: [],
  withdrawn: ['open'],
};

export function canMove(from: AssignmentStatus, to: AssignmentStatus): boolean {
  return NEXT[from].includes(to);
}

/** Overdue is derived, never stored: still open (or unconfirmed) after its due date. */
export function isOverdue(a: { status: AssignmentStatus; dueDate: string | null }, today: string): boolean {
  return (a.status === 'open' || a.status === 'unconfirmed') && a.dueDate !== null && a.dueDate < today;
}

export function todayIso(now = new Date()): string {
  // The collaboration's calendar day, whatever the server's time zone.
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
