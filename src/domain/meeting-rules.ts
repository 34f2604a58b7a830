import type { MeetingStatus } from './model.js';

// When a meeting's content may change. Once justering has started the text is frozen (a change
// starts a new version, see the signing issue); imported protocols are archive records signed
// elsewhere and are corrected by importing again, not edited.

export function isEditable(meeting: { status: MeetingStatus; origin: 'native' | 'imported' }): boolean {
  return meeting.origin === 'native' && (meeting.status === 'planned' || meeting.status === 'draft');
}

/** A meeting on a date its body did not plan is allowed, but flagged. */
export function isInYearPlan(date: string, plannedDates: string[]): boolean {
  return plannedDates.includes(date);
}

export interface YearPlanEntry {
  date: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  kind: 'meeting' | 'seminar';
  title: string | null;
  jointBodyIds: number[];
}

/** Entries outside the year, or twice on one date, make a year plan ambiguous. */
export function yearPlanProblems(year: number, entries: YearPlanEntry[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (!e.date.startsWith(`${year}-`)) problems.push(`${e.date} is not in ${year}`);
    if (seen.has(e.date)) problems.push(`${e.date} appears twice`);
    seen.add(e.date);
    if (e.startTime && e.endTime && e.endTime <= e.startTime) problems.push(`${e.date}: the meeting ends before it starts`);
  }
  return problems;
}
