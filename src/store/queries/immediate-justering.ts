import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { sql } from 'kysely';
import { todayIso } from '../../domain/assignments.js';
import {
  DATE_KEPT, itemFrozenRefusal, numberChangeRefusal,
  type ApprovalWay, type ImmediateJusteringNote, type ImmediateRole, type ImmediateState,
} from '../../domain/immediate-justering.js';
import type { Refusal } from '../../domain/justering.js';
import { SYSTEM } from '../../domain/access.js';
import type { AgendaItem, MeetingSummary } from '../../domain/model.js';
import type { Db } from '../db.js';
import { getMeetingSummary } from './meetings.js';

// Omedelbar justering, read side: the guards the minutes' writes call (an item out for approval
// or justified is not changed, its § number and the meeting's date stay), the notes the protocol
// prints, the secretary's and signatories' view, and the one thing the public may read of a
// draft: the extract of a justified item. Writes are in immediate-justering-write.ts.

type Reader = Pick<Db, 'selectFrom'>;

/** The states that hold an item: a proposal out for approval, or a justified item. */
const IN_FORCE: ImmediateState[] = ['proposed', 'justified'];

/** An item-level refusal; the routes turn it into its 409 and message. */
export class ItemFrozenError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/** The SHA-256 of a value's canonical JSON (RFC 8785): what the signatories approved. */
export function contentSha256(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('the item has no JSON form');
  return createHash('sha256').update(text).digest('hex');
}

/** Refuses a change to an item that is out for approval or justified at once. Call it inside the writing transaction. */
export async function assertItemEditable(trx: Reader, itemId: number): Promise<void> {
  const row = await trx.selectFrom('immediate_justering').select(['state', 'item_number']).where('item_id', '=', itemId).where('state', 'in', IN_FORCE).executeTakeFirst();
  const refusal = row ? itemFrozenRefusal(row.state, row.item_number) : null;
  if (refusal) throw new ItemFrozenError(refusal);
}

/** Of these meetings, those holding a proposed or justified item: their numbers stay, as a held meeting's do. */
export async function meetingsKeepingNumbers(trx: Reader, meetingIds: readonly number[]): Promise<Set<number>> {
  if (meetingIds.length === 0) return new Set();
  const rows = await trx.selectFrom('immediate_justering').select('meeting_id').distinct().where('meeting_id', 'in', [...meetingIds]).where('state', 'in', IN_FORCE).execute();
  return new Set(rows.map((r) => r.meeting_id));
}

/** After renumbering the meeting: each proposed or justified item still has the number it was approved with. */
export async function assertNumbersKept(trx: Reader, meetingId: number): Promise<void> {
  const moved = await trx
    .selectFrom('immediate_justering as ij')
    .innerJoin('agenda_item as i', 'i.id', 'ij.item_id')
    .select('ij.item_number')
    .where('ij.meeting_id', '=', meetingId)
    .where('ij.state', 'in', IN_FORCE)
    .where(sql<boolean>`i.number is distinct from ij.item_number`)
    .executeTakeFirst();
  if (moved) throw new ItemFrozenError(numberChangeRefusal(moved.item_number));
}

/** The meeting's date is part of what was justified: it stays once an item is proposed or justified. */
export async function assertDateKept(trx: Reader, meetingId: number, date: string): Promise<void> {
  const row = await trx
    .selectFrom('meeting as m')
    .select('m.meeting_date')
    .where('m.id', '=', meetingId)
    .where(({ exists, selectFrom }) => exists(selectFrom('immediate_justering').select('id').where('meeting_id', '=', meetingId).where('state', 'in', IN_FORCE)))
    .executeTakeFirst();
  if (row && row.meeting_date !== date) throw new ItemFrozenError(DATE_KEPT);
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** What the protocol says about each justified item: the date and who justified it. */
export async function immediateNotes(db: Reader, itemIds: readonly number[]): Promise<Map<number, ImmediateJusteringNote>> {
  const out = new Map<number, ImmediateJusteringNote>();
  if (itemIds.length === 0) return out;
  const rows = await db
    .selectFrom('immediate_justering')
    .select(['id', 'item_id', 'justified_at', 'content_sha256'])
    .where('item_id', 'in', [...itemIds])
    .where('state', '=', 'justified')
    .execute();
  if (rows.length === 0) return out;
  const approvals = await db
    .selectFrom('immediate_justering_approval')
    .select(['immediate_justering_id', 'name', 'role'])
    .where('immediate_justering_id', 'in', rows.map((r) => r.id))
    .orderBy('position')
    .execute();
  for (const r of rows) {
    const at = new Date(r.justified_at!);
    out.set(r.item_id, {
      justifiedOn: todayIso(at),
      justifiedAt: at.toISOString(),
      signatories: approvals.filter((a) => a.immediate_justering_id === r.id).map((a) => ({ name: a.name, role: a.role })),
      contentSha256: r.content_sha256,
    });
  }
  return out;
}

export interface ApprovalView {
  id: number;
  personId: number;
  accountId: number | null;
  name: string;
  role: ImmediateRole;
  approvedAt: string | null;
  way: ApprovalWay | null;
  method: string | null;
  recordedBy: string | null; // who pressed the button: the signatory, or the secretary who heard it
}

export interface ImmediateView {
  id: number;
  itemId: number;
  itemNumber: number | null;
  state: Exclude<ImmediateState, 'withdrawn'>;
  proposedAt: string;
  proposedBy: string | null;
  justifiedAt: string | null;
  justifiedOn: string | null;
  contentSha256: string;
  item: AgendaItem; // as approved
  approvals: ApprovalView[];
}

/** The meeting's proposals in force (proposed or justified), in agenda order. */
export async function listImmediate(db: Reader, meetingId: number): Promise<ImmediateView[]> {
  const rows = await db
    .selectFrom('immediate_justering as ij')
    .innerJoin('agenda_item as i', 'i.id', 'ij.item_id')
    .leftJoin('account as a', 'a.id', 'ij.proposed_by')
    .select(['ij.id', 'ij.item_id', 'ij.item_number', 'ij.state', 'ij.proposed_at', 'ij.justified_at', 'ij.content', 'ij.content_sha256', 'a.name as proposed_by'])
    .where('ij.meeting_id', '=', meetingId)
    .where('ij.state', 'in', IN_FORCE)
    .orderBy('i.position')
    .execute();
  if (rows.length === 0) return [];
  const approvals = await db
    .selectFrom('immediate_justering_approval')
    .selectAll()
    .where('immediate_justering_id', 'in', rows.map((r) => r.id))
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    itemId: r.item_id,
    itemNumber: r.item_number,
    state: r.state as ImmediateView['state'],
    proposedAt: iso(r.proposed_at)!,
    proposedBy: r.proposed_by,
    justifiedAt: iso(r.justified_at),
    justifiedOn: r.justified_at ? todayIso(new Date(r.justified_at)) : null,
    contentSha256: r.content_sha256,
    item: r.content as AgendaItem,
    approvals: approvals
      .filter((a) => a.immediate_justering_id === r.id)
      .map((a) => ({
        id: a.id, personId: a.person_id, accountId: a.account_id, name: a.name, role: a.role, approvedAt: iso(a.approved_at), way: a.way, method: a.method,
        recordedBy: a.recorded_by_name,
      })),
  }));
}

/** Whether the person justifies (or justified) an item of the meeting: they may read the proposals. */
export async function isImmediateSignatoryOf(db: Reader, meetingId: number, personId: number): Promise<boolean> {
  const row = await db
    .selectFrom('immediate_justering_approval as a')
    .innerJoin('immediate_justering as ij', 'ij.id', 'a.immediate_justering_id')
    .select('a.id')
    .where('ij.meeting_id', '=', meetingId)
    .where('ij.state', 'in', IN_FORCE)
    .where('a.person_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A justified item as the public may read it before the protocol is: the item as approved and its note. */
export interface JustifiedItem {
  meetingId: number;
  itemId: number;
  item: AgendaItem;
  note: ImmediateJusteringNote;
}

export async function justifiedItem(db: Reader, meetingId: number, itemId: number): Promise<JustifiedItem | null> {
  const row = await db
    .selectFrom('immediate_justering')
    .select(['content'])
    .where('meeting_id', '=', meetingId)
    .where('item_id', '=', itemId)
    .where('state', '=', 'justified')
    .executeTakeFirst();
  if (!row) return null;
  const note = (await immediateNotes(db, [itemId])).get(itemId)!;
  return { meetingId, itemId, item: { ...(row.content as AgendaItem), immediateJustering: note }, note };
}

export interface JustifiedEntry {
  meetingId: number;
  itemId: number;
  itemNumber: number | null;
  title: string;
  date: string | null;
  body: string | null;
  bodyId: number;
  justifiedAt: string;
  protocolPublished: boolean;
}

/** Items justified at once, newest first: public, whatever the state of their protocols. */
export async function listJustified(db: Reader, filter: { bodyId?: number | undefined } = {}): Promise<JustifiedEntry[]> {
  const rows = await db
    .selectFrom('immediate_justering as ij')
    .innerJoin('meeting as m', 'm.id', 'ij.meeting_id')
    .innerJoin('meeting_body as mb', (j) => j.onRef('mb.meeting_id', '=', 'm.id').on('mb.is_primary', '=', true))
    .select([
      'ij.meeting_id', 'ij.item_id', 'ij.item_number', 'ij.justified_at', 'ij.content', 'm.meeting_date', 'm.status', 'mb.body_id',
      sql<string | null>`(select name from body_name where body_id = mb.body_id and not alias
        and (valid_from is null or valid_from <= coalesce(m.meeting_date, current_date)) order by valid_from desc nulls last limit 1)`.as('body'),
    ])
    .where('ij.state', '=', 'justified')
    .$if(filter.bodyId !== undefined, (q) => q.where('mb.body_id', '=', filter.bodyId!))
    .orderBy('ij.justified_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    meetingId: r.meeting_id,
    itemId: r.item_id,
    itemNumber: r.item_number,
    title: (r.content as AgendaItem).title,
    date: r.meeting_date,
    body: r.body,
    bodyId: r.body_id,
    justifiedAt: iso(r.justified_at)!,
    protocolPublished: r.status === 'published',
  }));
}

/** The meeting's head for the extract of a justified item: what a planned meeting shows anyway, and its diary number. */
export async function extractHead(db: Db, meetingId: number): Promise<(MeetingSummary & { diaryNumber: string | null }) | null> {
  const summary = await getMeetingSummary(db, SYSTEM, meetingId);
  if (!summary) return null;
  const row = await db.selectFrom('meeting').select('diary_number').where('id', '=', meetingId).executeTakeFirstOrThrow();
  return { ...summary, diaryNumber: row.diary_number };
}

/** The item's number, when the item is on that meeting. */
export async function itemOnMeeting(db: Reader, meetingId: number, itemId: number): Promise<{ number: number | null } | null> {
  const row = await db.selectFrom('agenda_item').select('number').where('id', '=', itemId).where('meeting_id', '=', meetingId).executeTakeFirst();
  return row ?? null;
}
