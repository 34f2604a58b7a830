import type { AssignmentStatus, DecisionOutcome } from './model.js';
import { canMove } from './assignments.js';

// "The report-back is an agenda item linked to the assignment; closing it is a decision." In the
// minutes of a report-back item (återrapportering) the body decides that the assignment is
// fulfilled — "uppdraget anses slutfört", "återredovisningen godkänns" — and from the moment that
// decision applies (the protocol is justified, or the item justified at once) the assignment is done.

/** When the closing decision applied: the protocol was published, or the item was justified at once. */
export const CLOSURE_REASONS = ['published', 'immediate-justering'] as const;
export type AssignmentClosureReason = (typeof CLOSURE_REASONS)[number];

/** The decision that closed an assignment, as the assignment list and the trace show it. */
export interface ClosedBy {
  itemId: number | null;
  meetingId: number | null;
  date: string | null;
  itemNumber: number | null;
  decision: string;
  reason: AssignmentClosureReason;
  closedAt: string;
}

// Word boundaries for Swedish: \b knows only ASCII letters, and "återredovisning" begins with å.
const START = '(?<![\\p{L}\\p{N}])';
const END = '(?![\\p{L}\\p{N}])';
const FULFILLED = '(?:slutfört|slutförd|fullgjort|fullgjord|genomfört|genomförd|avslutat|avslutad|fullföljt|klart|utfört)';
const REPORT = '(?:återredovisning(?:en)?|återrapportering(?:en)?|redovisning(?:en)?|rapport(?:en)?)';
const word = (pattern: string) => new RegExp(`${START}${pattern}${END}`, 'iu');

// Each pattern says the assignment is over.
const CLOSING: RegExp[] = [
  word(`uppdraget\\s+(?:anses|är|förklaras|betraktas)(?:\\s+(?:som|därmed|härmed|nu|vara))*\\s+${FULFILLED}`),
  word(`(?:anse|anser|förklara|förklarar|betrakta|betraktar)\\s+uppdraget(?:\\s+(?:som|därmed|härmed|vara))*\\s+${FULFILLED}`),
  word('(?:avsluta|avslutar)\\s+uppdraget'),
  word('uppdraget\\s+avslutas'),
  word(`${REPORT}\\s+(?:godkänns|godkändes|godtas|godkännes)`),
  word(`(?:godkänna|godkänner|godkände|godta|godtar)\\s+${REPORT}`),
];
// "inte"/"ej" before the verdict turns it around; an assignment that remains, or a referral back, is not closed.
const NEGATED = word('(?:inte|ej|icke)\\s+(?:\\p{L}+\\s+){0,2}?(?:slutfört|slutförd|fullgjort|genomfört|avslutat|klart|godkänn\\p{L}*|godta\\p{L}*|anse\\p{L}*|avsluta\\p{L}*)');
const NOT_CLOSING = word('(?:kvarstår|återremitter\\p{L}*)');

/** Whether a decision of a report-back item closes the assignment it reports on. */
export function closesAssignment(decision: { text: string; clauses: readonly string[]; outcome: DecisionOutcome | null }): boolean {
  if (decision.outcome === 'referred-back' || decision.outcome === 'withdrawn') return false;
  const parts = [decision.text, ...decision.clauses].map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const text = parts.join(' ');
  if (NOT_CLOSING.test(text) || NEGATED.test(text)) return false;
  return parts.some((p) => CLOSING.some((re) => re.test(p)));
}

/** The first decision among an item's that closes its assignment, or null. */
export function closingDecision<D extends { text: string; clauses: readonly string[]; outcome: DecisionOutcome | null }>(decisions: readonly D[]): D | null {
  return decisions.find(closesAssignment) ?? null;
}

/** Whether an assignment in this state may be closed by such a decision (an open or reported one). */
export function closableBy(status: AssignmentStatus): boolean {
  return status !== 'unconfirmed' && canMove(status, 'done');
}
