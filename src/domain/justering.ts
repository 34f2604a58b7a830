import type { MeetingStatus, Participant } from './model.js';

// Justering: who may do what to a protocol on its way from draft to sealed record, in which state.
// A round (justeringsomgång) sends one frozen version of the protocol to its signatories
// (undertecknare: sekreterare, justerare, ordförande); each approves or comments, then signs after
// signing in again. A revision ends the round and the next version starts a new one.

export const ROUND_STATES = ['open', 'revising', 'signed', 'sealed', 'withdrawn'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const SIGNATORY_STATES = ['pending', 'approved', 'commented', 'signed'] as const;
export type SignatoryState = (typeof SIGNATORY_STATES)[number];

export const SIGNATORY_ROLES = ['sekreterare', 'justerare', 'ordförande'] as const;
export type SignatoryRole = (typeof SIGNATORY_ROLES)[number];

/** The rounds that still hold the meeting: at most one of these per meeting. */
export const ACTIVE_ROUND_STATES: readonly RoundState[] = ['open', 'revising', 'signed'];

/** How recent a sign-in must be to sign without a password (accounts that sign in through OIDC). */
export const FRESH_SIGN_IN_MINUTES = 5;

export const MAX_SIGNATORIES = 20;

/** Why an action is refused: the HTTP status it becomes, a stable code and a Swedish message. */
export interface Refusal {
  status: 403 | 409 | 422;
  code: string;
  message: string;
}

const refuse = (status: Refusal['status'], code: string, message: string): Refusal => ({ status, code, message });

export const NOTHING_TO_JUSTERA = refuse(409, 'not_open', 'Protokollet är inte ute på justering just nu.');

/** Sending on justering (skicka på justering): a native draft with no round in progress. */
export function sendRefusal(meeting: { status: MeetingStatus; origin: 'native' | 'imported' }, active: RoundState | null): Refusal | null {
  if (meeting.origin === 'imported') return refuse(409, 'imported', 'Ett importerat arkivprotokoll har justerats utanför Samverka och skickas inte på justering.');
  if (active === 'open') return refuse(409, 'already_open', 'Protokollet är redan ute på justering.');
  if (active === 'signed' || meeting.status === 'signed' || meeting.status === 'published') return refuse(409, 'signed', 'Protokollet är redan justerat och undertecknat.');
  if (meeting.status !== 'draft') return refuse(409, 'not_draft', 'Bara ett protokollsutkast kan skickas på justering.');
  return null;
}

export type SignatoryAction = 'approve' | 'comment' | 'sign';

/**
 * A signatory's own actions. The order of the checks matters: with nothing out on justering no one
 * learns more than that; then only the round's own signatories; a signature is final.
 */
export function signatoryRefusal(action: SignatoryAction, round: { state: RoundState } | null, signatory: { state: SignatoryState } | null): Refusal | null {
  if (!round || round.state !== 'open') return NOTHING_TO_JUSTERA;
  if (!signatory) return refuse(403, 'not_signatory', 'Du är inte undertecknare av det här protokollet.');
  if (signatory.state === 'signed') {
    return action === 'sign'
      ? refuse(409, 'already_signed', 'Du har redan undertecknat protokollet.')
      : refuse(409, 'already_signed', 'Du har redan undertecknat protokollet och kan inte längre ändra ditt svar.');
  }
  return null;
}

/** Revision (revidering): the secretary takes an open round back to change the draft. */
export function reviseRefusal(round: { state: RoundState } | null): Refusal | null {
  if (round?.state === 'signed') return refuse(409, 'signed', 'Alla har undertecknat: protokollet kan inte längre revideras.');
  if (!round || round.state !== 'open') return NOTHING_TO_JUSTERA;
  return null;
}

/** The secretary answers a comment while the round it was made in is in progress. */
export function answerRefusal(round: { state: RoundState } | null): Refusal | null {
  if (!round || (round.state !== 'open' && round.state !== 'revising')) return refuse(409, 'closed', 'Justeringsomgången är avslutad; kommentaren kan inte längre besvaras.');
  return null;
}

/** Sealing again (försegla igen) after a failed seal: only when every signatory has signed. */
export function sealRefusal(round: { state: RoundState } | null): Refusal | null {
  if (round?.state === 'sealed') return refuse(409, 'sealed', 'Protokollet är redan förseglat.');
  if (!round || round.state !== 'signed') return refuse(409, 'not_signed', 'Protokollet kan förseglas först när alla har undertecknat.');
  return null;
}

/** The round after a signature: signed when it was the last one. */
export function roundAfterSignature(states: readonly SignatoryState[]): 'open' | 'signed' {
  return states.length > 0 && states.every((s) => s === 'signed') ? 'signed' : 'open';
}

/** Whether a sign-in is recent enough to count as fresh authentication for a signature. */
export function isFreshSignIn(authenticatedAt: Date, now: Date): boolean {
  const age = now.getTime() - authenticatedAt.getTime();
  return age >= -60_000 && age <= FRESH_SIGN_IN_MINUTES * 60_000;
}

/** The identification method as the signature page writes it. */
export function signingMethod(how: { kind: 'password' } | { kind: 'oidc'; provider: string }): string {
  return how.kind === 'password' ? 'Samverka-konto, lösenord' : `Inloggning via ${how.provider}`;
}

export interface SignatoryDraft {
  personId: number;
  name: string;
  role: SignatoryRole;
  organization: string | null;
}

const ROLE_ORDER: Record<SignatoryRole, number> = { sekreterare: 0, justerare: 1, ordförande: 2 };

/**
 * Who signs by default, from what the meeting recorded: its sekreterare (role or note in the
 * attendance; else the secretary sending it), the justerare chosen at "Val av justerare" (marked
 * in the attendance, or named in that item's decision), and its ordförande. In the order of
 * example 002's signature page: sekreterare, justerare, ordförande.
 */
export function defaultSignatories(input: {
  present: readonly Participant[];
  officials: readonly Participant[];
  justerareItemTexts: readonly string[];
  sender: { personId: number; name: string; organization: string | null } | null;
}): SignatoryDraft[] {
  const everyone = [...input.present, ...input.officials].filter((p): p is Participant & { personId: number } => p.personId !== null);
  const said = (p: Participant, re: RegExp) => re.test(`${p.role ?? ''} ${p.note ?? ''}`);
  const out: SignatoryDraft[] = [];
  const add = (p: { personId: number; name: string; organization: string | null }, role: SignatoryRole) => {
    if (!out.some((s) => s.personId === p.personId)) out.push({ personId: p.personId, name: p.name, role, organization: p.organization });
  };

  const secretary = everyone.find((p) => said(p, /\bsekreterare\b/i));
  if (secretary) add(secretary, 'sekreterare');
  else if (input.sender) add(input.sender, 'sekreterare');

  const chosen = input.justerareItemTexts.join('\n');
  for (const p of input.present) {
    if (p.personId === null) continue;
    if (said(p, /\bjusterare\b/i) || (chosen && mentions(chosen, p.name))) add(p as Participant & { personId: number }, 'justerare');
  }

  const chair = input.present.find((p) => p.personId !== null && /^ordförande$/i.test((p.role ?? '').trim()));
  if (chair) add(chair as Participant & { personId: number }, 'ordförande');

  return out.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
}

/** A whole name in a text, as a word ("Eva Stuge" not in "Evald Stugeson"). */
function mentions(text: string, name: string): boolean {
  const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return escaped.length > 0 && new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'iu').test(text);
}

/** What is wrong with a list of signatories the secretary chose, or null. */
export function signatoryListProblem(list: readonly { personId: number; role: SignatoryRole }[]): string | null {
  if (list.length === 0) return 'ange minst en undertecknare';
  if (list.length > MAX_SIGNATORIES) return `högst ${MAX_SIGNATORIES} undertecknare`;
  const ids = list.map((s) => s.personId);
  if (new Set(ids).size !== ids.length) return 'samma person kan bara underteckna en gång';
  return null;
}

/** The next version number of a meeting's protocol. */
export function nextVersion(latest: number | null): number {
  return (latest ?? 0) + 1;
}
