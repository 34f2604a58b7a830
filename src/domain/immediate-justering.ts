import { defaultSignatories, MAX_SIGNATORIES, type Refusal, type SignatoryDraft } from './justering.js';
import type { MeetingStatus, Participant } from './model.js';
import { presentForItem } from './votes.js';

// Omedelbar justering: one item justified at once during the meeting, so that its decision
// applies before the whole protocol is justified. The secretary proposes it; the signatories
// present (ordförande and justerare, as for the protocol) each approve the item's text — signed in
// on their own device, or aloud at the meeting with the secretary recording it. From the last
// approval the item's text and decision are frozen, its § number kept, and its extract public.

export const IMMEDIATE_STATES = ['proposed', 'justified', 'withdrawn'] as const;
export type ImmediateState = (typeof IMMEDIATE_STATES)[number];

/** Own device: signed in, with fresh authentication. On the spot: said at the meeting, recorded by the secretary. */
export const APPROVAL_WAYS = ['own-device', 'on-the-spot'] as const;
export type ApprovalWay = (typeof APPROVAL_WAYS)[number];

/** The secretary writes the protocol; the item is approved by those who justify it. */
export const IMMEDIATE_ROLES = ['justerare', 'ordförande'] as const;
export type ImmediateRole = (typeof IMMEDIATE_ROLES)[number];

/** What the protocol and its extract say about a justified item. */
export interface ImmediateJusteringNote {
  justifiedOn: string; // yyyy-mm-dd, Swedish time
  justifiedAt: string; // ISO 8601
  signatories: { name: string; role: ImmediateRole }[];
  contentSha256: string; // of the item as approved, canonical JSON (RFC 8785)
}

const refuse = (status: Refusal['status'], code: string, message: string): Refusal => ({ status, code, message });

/** The proposal in force for an item, if any ('withdrawn' ones are history). */
export type Current = { state: Exclude<ImmediateState, 'withdrawn'> } | null;

/** Proposing (föreslå omedelbar justering): an item with a decision, of a native draft, not proposed yet. */
export function proposeRefusal(
  meeting: { status: MeetingStatus; origin: 'native' | 'imported' },
  item: { decisions: number },
  current: Current,
): Refusal | null {
  if (meeting.origin === 'imported') return refuse(409, 'imported', 'Ett importerat arkivprotokoll är redan justerat.');
  if (current?.state === 'justified') return refuse(409, 'already_justified', 'Paragrafen är redan omedelbart justerad.');
  if (current?.state === 'proposed') return refuse(409, 'already_proposed', 'Paragrafen är redan föreslagen för omedelbar justering.');
  if (meeting.status === 'justering') return refuse(409, 'on_justering', 'Protokollet är ute på justering i sin helhet; omedelbar justering av en paragraf görs under mötet.');
  if (meeting.status === 'signed' || meeting.status === 'published') return refuse(409, 'signed', 'Protokollet är redan justerat.');
  if (meeting.status !== 'draft') return refuse(409, 'not_draft', 'Bara en paragraf i ett protokollsutkast kan justeras omedelbart.');
  if (item.decisions === 0) return refuse(422, 'no_decision', 'Paragrafen har inget beslut att justera. Skriv beslutet först.');
  return null;
}

/** Withdrawing a proposal before everyone has approved: the item can be edited again. */
export function withdrawRefusal(current: Current): Refusal | null {
  if (current?.state === 'justified') return refuse(409, 'justified', 'Paragrafen är omedelbart justerad; det kan inte ångras.');
  if (!current) return NOTHING_TO_APPROVE;
  return null;
}

export const NOTHING_TO_APPROVE = refuse(409, 'not_proposed', 'Paragrafen är inte föreslagen för omedelbar justering.');

/**
 * An approval, by the signatory themselves or recorded by the secretary. The order matters as for
 * the protocol's justering: with nothing to approve no one learns more than that; then only the
 * proposal's own signatories; an approval is final.
 */
export function approvalRefusal(
  meetingStatus: MeetingStatus,
  current: Current,
  signatory: { approved: boolean } | null,
): Refusal | null {
  if (current?.state === 'justified') return refuse(409, 'justified', 'Paragrafen är redan omedelbart justerad.');
  if (!current) return NOTHING_TO_APPROVE;
  if (meetingStatus === 'signed' || meetingStatus === 'published') return refuse(409, 'signed', 'Protokollet är redan justerat i sin helhet.');
  if (meetingStatus === 'cancelled') return refuse(409, 'cancelled', 'Mötet är inställt.');
  if (!signatory) return refuse(403, 'not_signatory', 'Du är inte en av dem som justerar paragrafen.');
  if (signatory.approved) return refuse(409, 'already_approved', 'Godkännandet är redan registrerat.');
  return null;
}

/** Justified when every signatory has approved. */
export function isJustified(approvals: readonly { approved: boolean }[]): boolean {
  return approvals.length > 0 && approvals.every((a) => a.approved);
}

/** Why an item may not be changed: it is out for approval, or justified. */
export function itemFrozenRefusal(state: ImmediateState | null, number: number | null): Refusal | null {
  const which = number !== null ? `§ ${number}` : 'Paragrafen';
  if (state === 'justified') return refuse(409, 'item_justified', `${which} har förklarats omedelbart justerad och kan inte längre ändras.`);
  if (state === 'proposed') return refuse(409, 'item_proposed', `${which} är föreslagen för omedelbar justering och kan inte ändras. Dra tillbaka förslaget för att ändra den.`);
  return null;
}

/** A change that would give a justified item another § number (an item added, removed or moved before it). */
export function numberChangeRefusal(number: number | null): Refusal {
  return refuse(409, 'item_number_kept', `Ändringen skulle ge § ${number ?? '?'}, som justeras eller har justerats omedelbart, ett annat nummer. Lägg till eller flytta ärenden efter den i stället.`);
}

/** The meeting's date is part of what was justified. */
export const DATE_KEPT = refuse(409, 'date_kept', 'Mötet har en omedelbart justerad paragraf; mötets datum kan inte längre ändras.');

/** Those present when the item was dealt with (närvarande, for all items or for a range that includes it). */
export function presentAtItem(present: readonly Participant[], itemNumber: number | null): Participant[] {
  return present.filter((p) => presentForItem({ ...p, list: 'present' }, itemNumber));
}

/** Who justifies an item by default: the justerare and ordförande the protocol would have, present at the item. */
export function proposedSignatories(input: { present: readonly Participant[]; officials: readonly Participant[]; justerareItemTexts: readonly string[] }, itemNumber: number | null): (SignatoryDraft & { role: ImmediateRole })[] {
  const present = presentAtItem(input.present, itemNumber);
  return defaultSignatories({ ...input, present, sender: null }).filter((s): s is SignatoryDraft & { role: ImmediateRole } => s.role !== 'sekreterare');
}

/** What is wrong with the chosen signatories, or null: present, each once, an ordförande and a justerare. */
export function signatoryProblem(list: readonly { personId: number; role: ImmediateRole }[], presentPersonIds: ReadonlySet<number>): string | null {
  if (list.length === 0) return 'ingen ordförande eller justerare finns i närvarolistan: ange vem som justerar paragrafen';
  if (list.length > MAX_SIGNATORIES) return `högst ${MAX_SIGNATORIES} som justerar`;
  if (new Set(list.map((s) => s.personId)).size !== list.length) return 'samma person kan bara godkänna en gång';
  if (list.some((s) => !presentPersonIds.has(s.personId))) return 'den som justerar ska vara närvarande vid mötet';
  if (!list.some((s) => s.role === 'ordförande')) return 'ordföranden ska vara med och justera';
  if (!list.some((s) => s.role === 'justerare')) return 'minst en justerare ska vara med och justera';
  return null;
}

/** The method recorded for an approval the secretary heard at the meeting. */
export function onTheSpotMethod(secretary: string): string {
  return `Godkänt vid mötet, registrerat av ${secretary}`;
}
