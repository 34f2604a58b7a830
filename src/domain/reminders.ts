import { bodyRoleOf } from './access.js';
import type { MembershipRole } from './model.js';

// Påminnelser: which due dates are reminded on which days, to whom, and the keys that make sure
// no one is reminded of the same occasion twice. The planner (src/jobs) runs once a day and covers
// every day since the previous run, so a worker that was down for a while catches up with one
// e-mail instead of one per missed day.

/** What can fall due: an assignment (uppdrag), a recommendation's deadline for the huvudmän, a fund report (återrapportering), a governing document's review (revision). */
export type ThingKind = 'assignment' | 'recommendation' | 'fund-report' | 'document-review';

/** A reminder occasion: some days before the due date, or the day it becomes overdue (the day after). */
export type Occasion = { kind: 'before'; days: number } | { kind: 'overdue' };

/** Something with a due date, and the body whose secretaries answer for it. */
export interface DueThing {
  kind: ThingKind;
  id: number;
  due: string; // yyyy-mm-dd
  title: string;
  context: string; // a line saying what it is: "Länssamverkansgruppen → Beredning barn och unga"
  path: string; // the page, from the site's root
  bodyId: number;
}

/** One line of a reminder e-mail, as the sending job carries it (its payload is JSON). */
export interface ReminderItem {
  key: string;
  kind: ThingKind;
  id: number;
  due: string;
  occasion: 'before' | 'overdue';
  title: string;
  context: string;
  path: string;
}

/** The hour (Swedish time) at which the day's reminders are planned. */
export const PLAN_HOUR = 7;

export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Every occasion of a due date, earliest first: each configured number of days before, and the overdue day. */
export function occasionsOf(due: string, reminderDays: readonly number[]): { day: string; occasion: Occasion }[] {
  const before = [...new Set(reminderDays)].filter((n) => n >= 0).map((days) => ({ day: addDays(due, -days), occasion: { kind: 'before', days } as Occasion }));
  return [...before, { day: addDays(due, 1), occasion: { kind: 'overdue' } as Occasion }].sort((a, b) => a.day.localeCompare(b.day));
}

/** The latest occasion that falls in [from, to] (a run that covers several days reminds once, of the newest), or null. */
export function occasionIn(due: string, reminderDays: readonly number[], from: string, to: string): Occasion | null {
  const hits = occasionsOf(due, reminderDays).filter((o) => o.day >= from && o.day <= to);
  return hits.at(-1)?.occasion ?? null;
}

/** The due dates that may have an occasion in [from, to]: from the overdue day back to the earliest reminder. */
export function dueRange(from: string, to: string, reminderDays: readonly number[]): { earliest: string; latest: string } {
  return { earliest: addDays(from, -1), latest: addDays(to, Math.max(0, ...reminderDays)) };
}

function occasionCode(o: Occasion): string {
  return o.kind === 'overdue' ? 'overdue' : `d${o.days}`;
}

/** One occasion of one thing: a moved due date is a new occasion, and is reminded again. */
export function thingKey(thing: Pick<DueThing, 'kind' | 'id' | 'due'>, o: Occasion): string {
  return `${thing.kind}:${thing.id}:${thing.due}:${occasionCode(o)}`;
}

/** One e-mail per recipient and day. */
export function reminderDedupeKey(email: string, day: string): string {
  return `reminder:${email.toLowerCase()}:${day}`;
}

/** One planning run per day. */
export function planDedupeKey(day: string): string {
  return `plan-reminders:${day}`;
}

/**
 * Whose secretaries are reminded of an assignment: the receiving body's, when there is one and its
 * members may read the decision (the protocol is published, or the receiving body was in the
 * meeting); otherwise the giving body's, else the body whose meeting gave it. Null: no one.
 */
export function assignmentReminderBody(a: {
  toBodyId: number | null;
  fromBodyId: number | null;
  meetingBodyIds: readonly number[];
  meetingPublished: boolean;
}): number | null {
  if (a.toBodyId !== null && (a.meetingPublished || a.meetingBodyIds.includes(a.toBodyId))) return a.toBodyId;
  return a.fromBodyId ?? a.meetingBodyIds[0] ?? null;
}

/** A membership on the day, as the store reads it: who, in what role, with which address. */
export interface MembershipOnDay {
  bodyId: number;
  role: MembershipRole;
  email: string | null;
  validFrom: string | null;
  validTo: string | null;
}

/** The secretaries' (sekreterare, koordinator) addresses per body on the day, lower case, without repeats. */
export function secretariesOn(memberships: readonly MembershipOnDay[], day: string): Map<number, string[]> {
  const out = new Map<number, Set<string>>();
  for (const m of memberships) {
    if (!m.email || bodyRoleOf(m.role) !== 'secretary') continue;
    if ((m.validFrom !== null && m.validFrom > day) || (m.validTo !== null && m.validTo < day)) continue;
    const set = out.get(m.bodyId) ?? new Set<string>();
    set.add(m.email.trim().toLowerCase());
    out.set(m.bodyId, set);
  }
  return new Map([...out].map(([body, set]) => [body, [...set].sort()]));
}

const KIND_ORDER: ThingKind[] = ['assignment', 'recommendation', 'fund-report', 'document-review'];

/**
 * What each recipient is reminded of in a run covering [from, to]: every thing with an occasion in
 * the window, to the secretaries of its body, less what `alreadySent(recipient, key)` says they
 * were reminded of. Recipients with nothing left are left out; items in kind order, then by due date.
 */
export function remindersByRecipient(
  things: readonly DueThing[],
  secretaries: ReadonlyMap<number, readonly string[]>,
  window: { from: string; to: string; reminderDays: readonly number[] },
  alreadySent: (recipient: string, key: string) => boolean,
): Map<string, ReminderItem[]> {
  const out = new Map<string, ReminderItem[]>();
  for (const t of things) {
    const o = occasionIn(t.due, window.reminderDays, window.from, window.to);
    if (!o) continue;
    const key = thingKey(t, o);
    for (const recipient of secretaries.get(t.bodyId) ?? []) {
      if (alreadySent(recipient, key)) continue;
      const list = out.get(recipient) ?? [];
      if (list.some((i) => i.key === key)) continue;
      list.push({ key, kind: t.kind, id: t.id, due: t.due, occasion: o.kind, title: t.title, context: t.context, path: t.path });
      out.set(recipient, list);
    }
  }
  for (const list of out.values()) {
    list.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.due.localeCompare(b.due) || a.id - b.id);
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

/** The page of a thing, from the site's root; `pageId` is the recommendation, the fund call or the document. */
export function thingPath(kind: ThingKind, pageId: number): string {
  switch (kind) {
    case 'assignment': return '/uppdrag';
    case 'recommendation': return `/rekommendationer/${pageId}`;
    case 'fund-report': return `/statsbidrag/${pageId}`; // the fund call's page, where its reports are
    case 'document-review': return `/styrdokument/${pageId}`;
  }
}

/** The instant a wall-clock time in Sweden falls on (07:00 on 2024-02-23 is 06:00Z; in summer 05:00Z). */
export function swedishTime(day: string, hour: number): Date {
  const guess = Date.parse(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  let at = guess - offsetMinutes(new Date(guess)) * 60_000;
  at = guess - offsetMinutes(new Date(at)) * 60_000; // again, at the instant itself, for the days the clocks change
  return new Date(at);
}

function offsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Stockholm', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round((Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute')) - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}
