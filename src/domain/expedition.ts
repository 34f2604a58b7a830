// Expediering: after justering, the decisions that concern others go out to them — a
// recommendation (rekommendation) to every huvudman's registry (registrator), an assignment
// (uppdrag) to the receiving body's secretaries or the huvudman's registry, an extract
// (protokollsutdrag) to anyone the secretary names. One dispatch (utskick) is one agenda item
// (paragraf) to one recipient: its extract as PDF and its decision record as XML, sent once.
// The receiving registry registers it and tells us its diary number (diarienummer).

import type { MeetingStatus } from './model.js';

/** Why a recipient gets the item: rekommendation, uppdrag, or an extract for their information. */
export const DISPATCH_REASONS = ['recommendation', 'assignment', 'extract'] as const;
export type DispatchReason = (typeof DISPATCH_REASONS)[number];

export const RECIPIENT_KINDS = ['huvudman', 'body', 'named'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** What is stored: queued until the mail server accepts it, then sent; bounced when it refuses the address for good. */
export const STORED_STATES = ['queued', 'sent', 'bounced'] as const;
export type StoredState = (typeof STORED_STATES)[number];

/** What the secretary sees: the stored state, with the job queue's view of a queued one, and registration on top. */
export const DISPATCH_STATES = ['queued', 'retrying', 'failed', 'sent', 'bounced', 'registered'] as const;
export type DispatchState = (typeof DISPATCH_STATES)[number];

export const MAX_DIARY_NUMBER = 100;
export const MAX_DISPATCHES_PER_REQUEST = 200;

/** A recipient as the secretary chooses it (mottagare). */
export type RecipientChoice =
  | { kind: 'huvudman'; huvudmanId: number }
  | { kind: 'body'; bodyId: number }
  | { kind: 'named'; name: string; email: string };

/** The facts of a published meeting that decide who gets what. */
export interface ExpeditionFacts {
  items: { id: number; number: number | null; title: string }[];
  recommendations: { id: number; itemId: number; deadline: string | null }[];
  assignments: { id: number; itemId: number; toBodyId: number | null; toHuvudmanId: number | null; toPersonId: number | null; dueDate: string | null }[];
  huvudman: { id: number; name: string; registryEmail: string | null }[];
  bodies: { id: number; name: string; secretaryEmails: string[] }[];
  people: { id: number; name: string; email: string | null }[];
  /** What was already dispatched: (item, recipient) pairs, with their stored state. */
  dispatched: { id: number; itemId: number; recipientKey: string; state: StoredState }[];
}

/** A recipient resolved: who, at which addresses, why, by when. */
export interface ResolvedRecipient {
  key: string;
  kind: RecipientKind;
  huvudmanId: number | null;
  bodyId: number | null;
  name: string;
  addresses: string[];
  reasons: DispatchReason[];
  deadline: string | null;
}

/** Why a recipient cannot be sent to now. */
export type RecipientProblem = 'no-address' | 'already-sent' | 'no-number';

export interface ProposedRecipient extends ResolvedRecipient {
  problem: RecipientProblem | null;
  /** The dispatch that already went to them for this item. */
  dispatchId: number | null;
}

export interface ItemProposal {
  itemId: number;
  number: number | null;
  title: string;
  recipients: ProposedRecipient[];
}

const normaliseEmail = (e: string) => e.trim().toLowerCase();

export function recipientKey(choice: RecipientChoice): string {
  if (choice.kind === 'huvudman') return `huvudman:${choice.huvudmanId}`;
  if (choice.kind === 'body') return `body:${choice.bodyId}`;
  return `email:${normaliseEmail(choice.email)}`;
}

/** A plain e-mail address: one @, no spaces or angle brackets (nothing a mail header could be made of). */
export function isPlainEmail(s: string): boolean {
  return s.length <= 254 && /^[^\s@<>",;:()[\]\\]+@[^\s@<>",;:()[\]\\]+\.[^\s@<>",;:()[\]\\]+$/.test(s);
}

const byReason = (a: DispatchReason, b: DispatchReason) => DISPATCH_REASONS.indexOf(a) - DISPATCH_REASONS.indexOf(b);

/** The earliest of the dates, or null. */
function earliest(dates: (string | null)[]): string | null {
  return dates.filter((d): d is string => d !== null).sort()[0] ?? null;
}

/**
 * Who the item's decisions concern, and why, with the deadline each must act by: every huvudman
 * for a recommendation (by its deadline); the receiving body, huvudman or person of an assignment
 * (by its due date). The order: huvudmän as listed (region first), then bodies, then people.
 */
function concerned(facts: ExpeditionFacts, itemId: number): Map<string, { choice: RecipientChoice; reasons: Set<DispatchReason>; deadlines: (string | null)[] }> {
  const out = new Map<string, { choice: RecipientChoice; reasons: Set<DispatchReason>; deadlines: (string | null)[] }>();
  const add = (choice: RecipientChoice, reason: DispatchReason, deadline: string | null) => {
    const key = recipientKey(choice);
    const entry = out.get(key) ?? { choice, reasons: new Set<DispatchReason>(), deadlines: [] };
    entry.reasons.add(reason);
    entry.deadlines.push(deadline);
    out.set(key, entry);
  };
  const recommendations = facts.recommendations.filter((r) => r.itemId === itemId);
  const assignments = facts.assignments.filter((a) => a.itemId === itemId);
  for (const h of facts.huvudman) {
    for (const r of recommendations) add({ kind: 'huvudman', huvudmanId: h.id }, 'recommendation', r.deadline);
    for (const a of assignments.filter((x) => x.toHuvudmanId === h.id)) add({ kind: 'huvudman', huvudmanId: h.id }, 'assignment', a.dueDate);
  }
  for (const a of assignments) {
    if (a.toBodyId !== null) add({ kind: 'body', bodyId: a.toBodyId }, 'assignment', a.dueDate);
    const person = a.toPersonId !== null ? facts.people.find((p) => p.id === a.toPersonId) : undefined;
    if (person?.email) add({ kind: 'named', name: person.name, email: person.email }, 'assignment', a.dueDate);
  }
  return out;
}

/**
 * A chosen recipient for an item, resolved to its name and addresses, with the reasons the item's
 * decisions give (an extract when none does). Null when the huvudman or body does not exist.
 */
export function resolveRecipient(facts: ExpeditionFacts, itemId: number, choice: RecipientChoice): ResolvedRecipient | null {
  const key = recipientKey(choice);
  const given = concerned(facts, itemId).get(key);
  const reasons = given ? [...given.reasons].sort(byReason) : (['extract'] as DispatchReason[]);
  const deadline = given ? earliest(given.deadlines) : null;
  if (choice.kind === 'huvudman') {
    const h = facts.huvudman.find((x) => x.id === choice.huvudmanId);
    if (!h) return null;
    return { key, kind: 'huvudman', huvudmanId: h.id, bodyId: null, name: h.name, addresses: h.registryEmail ? [normaliseEmail(h.registryEmail)] : [], reasons, deadline };
  }
  if (choice.kind === 'body') {
    const b = facts.bodies.find((x) => x.id === choice.bodyId);
    if (!b) return null;
    return { key, kind: 'body', huvudmanId: null, bodyId: b.id, name: b.name, addresses: [...new Set(b.secretaryEmails.map(normaliseEmail))].sort(), reasons, deadline };
  }
  return { key, kind: 'named', huvudmanId: null, bodyId: null, name: choice.name.trim(), addresses: [normaliseEmail(choice.email)], reasons, deadline };
}

function problemOf(facts: ExpeditionFacts, item: { id: number; number: number | null }, r: ResolvedRecipient): { problem: RecipientProblem | null; dispatchId: number | null } {
  const done = facts.dispatched.find((d) => d.itemId === item.id && d.recipientKey === r.key);
  // A bounced dispatch is sent again from its own row (with the address corrected), not anew.
  if (done) return { problem: 'already-sent', dispatchId: done.id };
  if (item.number === null) return { problem: 'no-number', dispatchId: null };
  if (r.addresses.length === 0) return { problem: 'no-address', dispatchId: null };
  return { problem: null, dispatchId: null };
}

/** The default expediering of a meeting: per item whose decisions concern others, who should get it. */
export function proposeExpedition(facts: ExpeditionFacts): ItemProposal[] {
  return facts.items.flatMap((item) => {
    const recipients = [...concerned(facts, item.id).values()]
      .map(({ choice }) => resolveRecipient(facts, item.id, choice))
      .filter((r): r is ResolvedRecipient => r !== null)
      .map((r) => ({ ...r, ...problemOf(facts, item, r) }));
    return recipients.length ? [{ itemId: item.id, number: item.number, title: item.title, recipients }] : [];
  });
}

/** Whether a meeting's protocol may be expedited: only once justerat and published (sealed, or an imported archive record). */
export function expeditionRefusal(meeting: { status: MeetingStatus }): { status: 409; code: string; message: string } | null {
  if (meeting.status !== 'published') {
    return { status: 409, code: 'not_published', message: 'Expediering görs först när protokollet är justerat och publicerat.' };
  }
  return null;
}

export interface SendCheck {
  itemId: number;
  choice: RecipientChoice;
}

export type SendProblem =
  | { code: 'unknown_item'; itemId: number }
  | { code: 'no_number'; itemId: number }
  | { code: 'unknown_recipient'; itemId: number }
  | { code: 'no_address'; name: string }
  | { code: 'already_sent'; name: string; itemNumber: number | null }
  | { code: 'duplicate'; name: string };

/**
 * Checks a whole request before anything is stored: every item belongs to the meeting and has a
 * number (an extract is made of numbered items), every recipient exists and has an address, none
 * is named twice, none has had the item already. The first problem refuses all of it.
 */
export function checkSend(facts: ExpeditionFacts, wanted: SendCheck[]): { ok: { itemId: number; recipient: ResolvedRecipient }[] } | { problem: SendProblem } {
  const ok: { itemId: number; recipient: ResolvedRecipient }[] = [];
  const seen = new Set<string>();
  for (const w of wanted) {
    const item = facts.items.find((i) => i.id === w.itemId);
    if (!item) return { problem: { code: 'unknown_item', itemId: w.itemId } };
    if (item.number === null) return { problem: { code: 'no_number', itemId: w.itemId } };
    const r = resolveRecipient(facts, item.id, w.choice);
    if (!r) return { problem: { code: 'unknown_recipient', itemId: w.itemId } };
    const pair = `${item.id}\n${r.key}`;
    if (seen.has(pair)) return { problem: { code: 'duplicate', name: r.name } };
    seen.add(pair);
    const { problem } = problemOf(facts, item, r);
    if (problem === 'already-sent') return { problem: { code: 'already_sent', name: r.name, itemNumber: item.number } };
    if (problem === 'no-address') return { problem: { code: 'no_address', name: r.name } };
    ok.push({ itemId: item.id, recipient: r });
  }
  return { ok };
}

/** The API's message for a refused send, in Swedish. */
export function sendProblemMessage(p: SendProblem): { status: 400 | 409 | 422; code: string; message: string } {
  switch (p.code) {
    case 'unknown_item':
      return { status: 422, code: p.code, message: `Ärende ${p.itemId} hör inte till det här mötet.` };
    case 'no_number':
      return { status: 422, code: p.code, message: 'Ärendet har inget paragrafnummer, så det går inte att göra ett protokollsutdrag av det.' };
    case 'unknown_recipient':
      return { status: 422, code: p.code, message: 'Mottagaren finns inte.' };
    case 'no_address':
      return { status: 422, code: p.code, message: `${p.name} saknar e-postadress till registraturen (eller sekreterare med e-post). En administratör lägger in den under Administration → Registratorer. Inget har skickats.` };
    case 'already_sent':
      return { status: 409, code: p.code, message: `${p.name} har redan fått ${p.itemNumber !== null ? `§ ${p.itemNumber}` : 'ärendet'}. Inget har skickats.` };
    case 'duplicate':
      return { status: 400, code: 'invalid_request', message: `${p.name} är vald två gånger för samma ärende.` };
  }
}

/** What the secretary sees for a dispatch. */
export function dispatchState(d: { state: StoredState; registeredAt: string | null }, job: { failed: boolean; lastError: string | null } | null): DispatchState {
  if (d.registeredAt !== null) return 'registered';
  if (d.state !== 'queued') return d.state;
  if (job?.failed) return 'failed';
  return job?.lastError ? 'retrying' : 'queued';
}

/** The stored state behind what the secretary sees. */
export function storedStateOf(state: DispatchState): StoredState {
  if (state === 'sent' || state === 'registered') return 'sent';
  return state === 'bounced' ? 'bounced' : 'queued';
}

/** A bounced dispatch may go again (to a corrected address); nothing else may: it was sent, or is on its way. */
export function resendRefusal(d: { state: StoredState }): { status: 409; code: string; message: string } | null {
  if (d.state === 'bounced') return null;
  return d.state === 'sent'
    ? { status: 409, code: 'already_sent', message: 'Utskicket har redan tagits emot av mottagarens e-postserver och skickas inte igen.' }
    : { status: 409, code: 'queued', message: 'Utskicket väntar redan på att skickas.' };
}

/** A diary number can be recorded once the dispatch has gone out (or is on its way); not for one that bounced. */
export function registrationRefusal(d: { state: StoredState }): { status: 409; code: string; message: string } | null {
  return d.state === 'bounced' ? { status: 409, code: 'bounced', message: 'Utskicket studsade och har inte kommit fram; skicka det igen först.' } : null;
}

/** Our reference (vår referens) on the e-mail and in the record: stable, short, unique. */
export function dispatchReference(id: number): string {
  return `SAMVERKA-EXP-${id}`;
}

export const REASON_LABELS: Record<DispatchReason, string> = {
  recommendation: 'Rekommendation till huvudmännen',
  assignment: 'Uppdrag',
  extract: 'Protokollsutdrag för kännedom',
};
