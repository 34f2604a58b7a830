import type { MeetingStatus } from './model.js';

// Ärendeplanering: a case's planned path through the bodies (beredning → Länssamverkansgruppen →
// Samråd → each huvudman's decision), with a target meeting at each step taken from the year plans.
//
// Decided here:
// - Deadlines are counted in calendar days ("handlingar senast 14 dagar före mötet", as the bodies
//   write it), and a deadline that falls on a Saturday, Sunday or Swedish public holiday — including
//   midsommarafton, julafton and nyårsafton, which offices keep as holidays — moves back to the
//   working day before, so that it is a day someone can send documents. A body without its own rule
//   uses DEFAULT_LEAD_DAYS.
// - A path may not loop: a body appears once (twice in a row or coming back later is refused).
//   Each huvudman's decision (huvudmännens beslut) can only be the last step.
// - A step must come after the step that feeds it (strictly: a later day). A path that breaks this,
//   or that targets a cancelled meeting, is refused when it is saved; when a meeting is later moved
//   or cancelled the plan is kept and warns, computed on every read from the meetings as they are.
// - Saving a plan again accepts the meetings' current dates (the "moved" warning goes away).

export const DEFAULT_LEAD_DAYS = 14;
export const MAX_LEAD_DAYS = 90;
export const MAX_STEPS = 12;

/** A step as the secretary plans it. */
export type StepInput =
  | { kind: 'body'; bodyId: number; meetingId: number | null }
  /** Varje huvudmans beslut, by this date (often the recommendation's deadline). */
  | { kind: 'huvudman'; date: string | null };

/** A step as stored, joined with its meeting as it is now. */
export type PlannedStep =
  | {
      kind: 'body';
      bodyId: number;
      bodyName: string;
      leadDays: number;
      /** The target meeting now; null when none was chosen (or it no longer exists). */
      meeting: { date: string | null; status: MeetingStatus } | null;
      /** The meeting's date when the step was planned: a different date now means it was moved. */
      plannedDate: string | null;
    }
  | { kind: 'huvudman'; date: string | null };

export type WarningCode = 'no-meeting' | 'no-date' | 'cancelled' | 'moved' | 'order' | 'documents-before-previous' | 'loop';

export interface PlanWarning {
  code: WarningCode;
  step: number; // index of the step the warning is about
  message: string;
}

export interface DerivedStep {
  /** The day the step happens: the meeting's current date, or the huvudmän's decision date. */
  date: string | null;
  /** Handlingar senast: when the documents are due for the step's meeting. */
  documentsDue: string | null;
  warnings: PlanWarning[];
}

export interface PathProblem {
  code: 'empty' | 'loop' | 'huvudman-not-last' | 'no-body';
  step: number | null;
  message: string;
}

// --- dates --------------------------------------------------------------------------------------

const DAY = 86_400_000;
const toTime = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const fromTime = (t: number) => new Date(t).toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  return fromTime(toTime(iso) + days * DAY);
}

/** Påskdagen, by the anonymous Gregorian algorithm (Meeus). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const holidayCache = new Map<number, Set<string>>();

/** The weekdays offices are closed in a year: röda dagar, and the afton days kept as holidays. */
export function swedishHolidays(year: number): Set<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const y = String(year).padStart(4, '0');
  const easter = easterSunday(year);
  // Midsommarafton: the Friday between 19 and 25 June.
  const june19 = toTime(`${y}-06-19`);
  const midsummerEve = fromTime(june19 + ((5 - new Date(june19).getUTCDay() + 7) % 7) * DAY);
  const days = new Set([
    `${y}-01-01`, `${y}-01-06`, addDays(easter, -2), addDays(easter, 1), `${y}-05-01`, addDays(easter, 39),
    `${y}-06-06`, midsummerEve, `${y}-12-24`, `${y}-12-25`, `${y}-12-26`, `${y}-12-31`,
  ]);
  holidayCache.set(year, days);
  return days;
}

export function isWorkingDay(iso: string): boolean {
  const weekday = new Date(toTime(iso)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !swedishHolidays(Number(iso.slice(0, 4))).has(iso);
}

/** Handlingar senast: leadDays calendar days before the meeting, back to the working day before if that day is not one. */
export function documentsDue(meetingDate: string, leadDays: number): string {
  let due = addDays(meetingDate, -leadDays);
  while (!isWorkingDay(due)) due = addDays(due, -1);
  return due;
}

/** Where a date sits in its year, from 0 (1 January) to just under 1 (31 December): for the year wheel. */
export function yearFraction(iso: string): number {
  const year = Number(iso.slice(0, 4));
  const start = Date.UTC(year, 0, 1);
  const length = Date.UTC(year + 1, 0, 1) - start;
  return (toTime(iso) - start) / length;
}

/**
 * The meeting to suggest for a step: the first of the body's meetings whose documents are due no
 * earlier than the day the previous step decides (or the first one from `today` when it is the first step).
 */
export function suggestMeeting<M extends { date: string; status: MeetingStatus }>(meetings: readonly M[], leadDays: number, after: string | null, today: string): M | null {
  const sorted = [...meetings].filter((m) => m.status !== 'cancelled').sort((a, b) => a.date.localeCompare(b.date));
  if (after === null) return sorted.find((m) => m.date >= today) ?? null;
  return sorted.find((m) => m.date > after && documentsDue(m.date, leadDays) >= after) ?? sorted.find((m) => m.date > after) ?? null;
}

// --- the path -----------------------------------------------------------------------------------

/** What makes a path impossible whatever the dates: no steps, a body twice (a loop), the huvudmän before the end. */
export function pathProblems(steps: readonly StepInput[], bodyName: (id: number) => string): PathProblem[] {
  const problems: PathProblem[] = [];
  if (steps.length === 0) return [{ code: 'empty', step: null, message: 'Planen behöver minst ett steg.' }];
  if (!steps.some((s) => s.kind === 'body')) problems.push({ code: 'no-body', step: null, message: 'Planen behöver gå genom minst ett organ.' });
  const seen = new Map<number, number>();
  steps.forEach((s, i) => {
    if (s.kind === 'huvudman') {
      if (i !== steps.length - 1) problems.push({ code: 'huvudman-not-last', step: i, message: `Steg ${i + 1}: huvudmännens beslut kan bara vara det sista steget.` });
      return;
    }
    const before = seen.get(s.bodyId);
    if (before !== undefined) {
      const message = before === i - 1
        ? `Steg ${i + 1}: ${bodyName(s.bodyId)} kommer två gånger i rad. Vägen får inte gå i en slinga.`
        : `Steg ${i + 1}: vägen går tillbaka till ${bodyName(s.bodyId)} (steg ${before + 1}) och bildar en slinga. Varje organ kan bara finnas en gång i vägen.`;
      problems.push({ code: 'loop', step: i, message });
    } else seen.set(s.bodyId, i);
  });
  return problems;
}

/** Swedish genitive: "Länssamverkansgruppens", but "Samverkansråd patientsäkerhets" only when it does not end in s, x or z. */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/**
 * Each step's date, its documents deadline and what is wrong with it, from the meetings as they are
 * now. Warnings never stop a plan from being read; see refusesSaving() for those that stop a save.
 */
export function derivePlan(steps: readonly PlannedStep[]): DerivedStep[] {
  const out: DerivedStep[] = [];
  const seen = new Map<number, number>();
  let previous: { index: number; date: string; name: string } | null = null;
  steps.forEach((s, i) => {
    const warnings: PlanWarning[] = [];
    const warn = (code: WarningCode, message: string) => warnings.push({ code, step: i, message });
    if (s.kind === 'huvudman') {
      if (!s.date) warn('no-date', 'Inget datum är satt för huvudmännens beslut.');
      else if (previous && s.date <= previous.date) warn('order', `Huvudmännens beslut ${s.date} ligger inte efter ${previous.name} ${previous.date}, som beslutet bygger på.`);
      out.push({ date: s.date, documentsDue: null, warnings });
      if (s.date) previous = { index: i, date: s.date, name: 'huvudmännens beslut' };
      return;
    }
    const before = seen.get(s.bodyId);
    if (before !== undefined) warn('loop', before === i - 1 ? `${s.bodyName} kommer två gånger i rad.` : `Vägen går tillbaka till ${s.bodyName} (steg ${before + 1}) och bildar en slinga.`);
    else seen.set(s.bodyId, i);

    const date = s.meeting?.date ?? null;
    if (!s.meeting || !date) {
      warn('no-meeting', `Inget möte i årsplanen är valt för ${s.bodyName}.`);
      out.push({ date: null, documentsDue: null, warnings });
      return;
    }
    const due = documentsDue(date, s.leadDays);
    if (s.meeting.status === 'cancelled') {
      warn('cancelled', `${genitive(s.bodyName)} möte ${date} är inställt. Välj ett annat möte.`);
      out.push({ date, documentsDue: due, warnings });
      return; // a cancelled meeting decides nothing: the next step is measured against the one before
    }
    if (s.plannedDate && s.plannedDate !== date) {
      warn('moved', `${genitive(s.bodyName)} möte har flyttats från ${s.plannedDate} till ${date} sedan planen gjordes.`);
    }
    if (previous && date <= previous.date) {
      warn('order', `${genitive(s.bodyName)} möte ${date} ligger inte efter ${previous.name} ${previous.date}, som steget bygger på.`);
    } else if (previous && due < previous.date) {
      warn('documents-before-previous', `Handlingarna till ${s.bodyName} ska vara inne ${due}, före ${previous.name} ${previous.date}.`);
    }
    out.push({ date, documentsDue: due, warnings });
    previous = { index: i, date, name: `${genitive(s.bodyName)} möte` };
  });
  return out;
}

/** Warnings that make a path impossible when it is being saved (later they only warn). */
export function refusesSaving(w: PlanWarning): boolean {
  return w.code === 'order' || w.code === 'cancelled' || w.code === 'loop';
}

// --- what the API gives (the web reads these types too) -----------------------------------------

export interface BodyRef {
  id: number;
  name: string;
  slug: string;
  shortName: string | null;
}

/** The case a plan belongs to, when it already exists in Samverka. */
export type PlanAnchor =
  | { kind: 'item'; itemId: number; title: string; itemNumber: number | null; meetingId: number; meetingDate: string | null }
  | { kind: 'assignment'; assignmentId: number; itemId: number | null; task: string }
  | { kind: 'recommendation'; recommendationId: number; title: string; deadline: string | null };

export type StepView =
  | {
      position: number;
      kind: 'body';
      body: BodyRef;
      leadDays: number;
      /** The target meeting's id, also when the reader may not open it (a draft of another body). */
      meetingId: number | null;
      /** The target meeting, when the reader may open it. */
      meeting: { id: number; date: string | null; status: MeetingStatus; startTime: string | null } | null;
      plannedDate: string | null;
      date: string | null;
      documentsDue: string | null;
      warnings: PlanWarning[];
    }
  | { position: number; kind: 'huvudman'; date: string | null; warnings: PlanWarning[] };

export interface CasePlanView {
  id: number;
  title: string;
  description: string;
  visibility: 'members' | 'public';
  version: number;
  updatedAt: string;
  anchor: PlanAnchor | null;
  steps: StepView[];
  warnings: PlanWarning[];
  /** May this reader change the plan (a secretary of a body in the path, or an administrator)? */
  canEdit: boolean;
}

/** One thing on the year wheel: a meeting, a case handled at one, documents due, the huvudmän deciding. */
export interface WheelEvent {
  kind: 'meeting' | 'step' | 'deadline' | 'decision';
  date: string;
  meetingId: number | null;
  meetingStatus: MeetingStatus | null;
  meetingTitle: string | null;
  plan: { id: number; title: string; step: number; steps: number } | null;
  warnings: PlanWarning[];
}

/** A ring of the wheel: one body, or (body null) the huvudmän's decisions. */
export interface WheelRing {
  body: BodyRef | null;
  leadDays: number | null;
  events: WheelEvent[];
}

export interface YearWheel {
  year: number;
  rings: WheelRing[];
  plans: { id: number; title: string; visibility: 'members' | 'public'; warnings: number }[];
}
