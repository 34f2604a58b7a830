import { sql, type Transaction } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import { insertionIndex } from '../../domain/agenda.js';
import { isEditable } from '../../domain/meeting-rules.js';
import type { DecisionOutcome, EditorItem, ItemKind, MeetingStatus } from '../../domain/model.js';
import type { Db } from '../db.js';
import type { Database } from '../schema.js';
import { appendAudit } from './audit.js';
import { findBodyByName } from './bodies.js';
import { resolvePerson } from './people.js';
import { assertItemEditable, assertNumbersKept, meetingsKeepingNumbers } from './immediate-justering.js';
import { receiverHuvudmanId } from './huvudman-match.js';

type Trx = Transaction<Database>;

/** Someone saved first: the caller gets what is stored now, to merge with. */
export class ConflictError extends Error {
  constructor(readonly current: unknown) {
    super('changed by someone else since you loaded it');
  }
}

export class FrozenError extends Error {
  constructor() {
    super('the protocol can no longer be edited (justering has started, or it is an imported archive record)');
  }
}

export interface ItemInput {
  title: string;
  kind: ItemKind | null;
  written: boolean;
  text: string;
  proposal: string | null;
  notes: string;
  presenters: { name: string; title: string | null }[];
  decisions: { text: string; clauses: string[]; outcome: DecisionOutcome | null }[];
  assignments: { id: number | null; to: string; task: string; dueDate: string | null; dueText: string | null; dueMeetingId: number | null; decisionIndex: number | null }[];
  referToBodyId: number | null;
}

/**
 * Locks a meeting that may still be edited, or throws FrozenError. `content` (the default) says the
 * write gives the meeting content; `{ content: false }` is for its header (date, time, place),
 * which a planned meeting shows the public anyway.
 */
export async function lockEditableMeeting(trx: Trx, meetingId: number, opts: { content?: boolean } = {}): Promise<{ status: MeetingStatus; date: string | null }> {
  const m = await trx.selectFrom('meeting').select(['status', 'origin', 'meeting_date']).where('id', '=', meetingId).forUpdate().executeTakeFirst();
  if (!m) throw new FrozenError();
  if (!isEditable(m)) throw new FrozenError();
  // A planned meeting is public (a date in the year plan); once it gets content it is a draft,
  // which only its body reads until it is published.
  if (m.status === 'planned' && opts.content !== false) {
    await trx.updateTable('meeting').set({ status: 'draft' }).where('id', '=', meetingId).execute();
    return { status: 'draft', date: m.meeting_date };
  }
  return { status: m.status, date: m.meeting_date };
}

/**
 * Item numbers follow the agenda order, and run on through the body's year: when a meeting gains or
 * loses an item, the later meetings of that year that are still being prepared are renumbered.
 * Meetings already held and frozen keep their numbers.
 */
export async function renumberMeeting(trx: Trx, meetingId: number): Promise<void> {
  const m = await trx
    .selectFrom('meeting as m')
    .innerJoin('meeting_body as mb', (j) => j.onRef('mb.meeting_id', '=', 'm.id').on('mb.is_primary', '=', true))
    .select(['mb.body_id', 'm.meeting_date'])
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
  if (!m?.meeting_date) return;
  const meetings = await trx
    .selectFrom('meeting as m')
    .innerJoin('meeting_body as mb', (j) => j.onRef('mb.meeting_id', '=', 'm.id').on('mb.is_primary', '=', true))
    .select(['m.id', 'm.status', 'm.origin'])
    .where('mb.body_id', '=', m.body_id)
    .where(sql<boolean>`extract(year from m.meeting_date) = ${Number(m.meeting_date.slice(0, 4))}`)
    .orderBy('m.meeting_date')
    .orderBy('m.id')
    .execute();
  let last = 0;
  // A meeting with an item justified at once has been held: like a frozen one, it keeps its numbers.
  const kept = await meetingsKeepingNumbers(trx, meetings.filter((x) => x.id !== meetingId).map((x) => x.id));
  for (const meeting of meetings) {
    if (isEditable(meeting) && !kept.has(meeting.id)) {
      await sql`
        with ordered as (select id, row_number() over (order by position, id) - 1 as pos from agenda_item where meeting_id = ${meeting.id})
        update agenda_item a set position = o.pos, number = ${last + 1} + o.pos from ordered o where a.id = o.id`.execute(trx);
    }
    const max = await trx.selectFrom('agenda_item').select(sql<number | null>`max(number)`.as('n')).where('meeting_id', '=', meeting.id).executeTakeFirst();
    last = Math.max(last, max?.n ?? 0);
  }
  await assertNumbersKept(trx, meetingId);
}

export async function addItem(
  db: Db,
  actor: Viewer,
  meetingId: number,
  input: { title: string; kind: ItemKind | null; written: boolean; proposal: string | null; presenters: { name: string; title: string | null }[]; referredFromItemId?: number | null; reportsAssignmentId?: number | null },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await lockEditableMeeting(trx, meetingId);
    const items = await trx.selectFrom('agenda_item').select(['id', 'standard', 'number']).where('meeting_id', '=', meetingId).orderBy('position').execute();
    const at = insertionIndex(items);
    await trx.updateTable('agenda_item').set({ position: sql`position + 1` }).where('meeting_id', '=', meetingId).where('position', '>=', at).execute();
    const first = items.reduce<number | null>((min, i) => (i.number !== null && (min === null || i.number < min) ? i.number : min), null) ?? 1;
    // A temporary number above the rest; renumberMeeting gives the final one.
    const { id } = await trx
      .insertInto('agenda_item')
      .values({
        meeting_id: meetingId,
        position: at,
        number: first + items.length + 1000,
        title: input.title,
        kind: input.kind,
        written: input.written,
        proposal: input.proposal,
        sub_points: '[]',
        referred_from_item_id: input.referredFromItemId ?? null,
        reports_assignment_id: input.reportsAssignmentId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writePresenters(trx, id, input.presenters);
    await renumberMeeting(trx, meetingId);
    await appendAudit(trx, actor, { action: 'item.create', entity: 'agenda_item', entityId: id, after: { meetingId, ...input } });
    return id;
  });
}

async function writePresenters(trx: Trx, itemId: number, presenters: { name: string; title: string | null }[]): Promise<void> {
  await trx.deleteFrom('item_presenter').where('item_id', '=', itemId).execute();
  for (const [position, p] of presenters.entries()) {
    await trx
      .insertInto('item_presenter')
      .values({ item_id: itemId, position, name: p.name, title: p.title, person_id: await resolvePerson(trx, p.name, { title: p.title }) })
      .execute();
  }
}

/**
 * Saves an item if nobody else has since `expectedVersion`; otherwise throws ConflictError with the
 * stored item, and nothing is written. Assignments keep their ids (follow-up links to them).
 */
export async function updateItem(db: Db, actor: Viewer, meetingId: number, itemId: number, expectedVersion: number, input: ItemInput, currentItem: (trx: Trx) => Promise<unknown>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const meeting = await lockEditableMeeting(trx, meetingId);
    await assertItemEditable(trx, itemId);
    const before = await trx.selectFrom('agenda_item').selectAll().where('id', '=', itemId).where('meeting_id', '=', meetingId).forUpdate().executeTakeFirst();
    if (!before) throw new ConflictError(null);
    if (before.version !== expectedVersion) throw new ConflictError(await currentItem(trx));
    await trx
      .updateTable('agenda_item')
      .set({
        title: input.title,
        kind: input.kind,
        written: input.written,
        text: input.text,
        proposal: input.proposal,
        notes: input.notes,
        refer_to_body_id: input.referToBodyId,
        version: sql`version + 1`,
      })
      .where('id', '=', itemId)
      .execute();
    await writePresenters(trx, itemId, input.presenters);

    const primary = await trx.selectFrom('meeting_body').select('body_id').where('meeting_id', '=', meetingId).where('is_primary', '=', true).executeTakeFirst();
    await trx.deleteFrom('decision').where('item_id', '=', itemId).execute();
    const decisionIds: number[] = [];
    for (const [position, d] of input.decisions.entries()) {
      const row = await trx
        .insertInto('decision')
        .values({ item_id: itemId, position, text: d.text, clauses: d.clauses, outcome: d.outcome, body_id: primary?.body_id ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      decisionIds.push(row.id);
    }

    const keep = input.assignments.map((a) => a.id).filter((id): id is number => id !== null);
    await trx
      .deleteFrom('assignment')
      .where('item_id', '=', itemId)
      .$if(keep.length > 0, (q) => q.where('id', 'not in', keep))
      .execute();
    for (const [position, a] of input.assignments.entries()) {
      const values = {
        item_id: itemId,
        decision_id: a.decisionIndex !== null ? (decisionIds[a.decisionIndex] ?? null) : null,
        position,
        from_body_id: primary?.body_id ?? null,
        to_text: a.to,
        to_body_id: await findBodyByName(trx, a.to),
        to_huvudman_id: await receiverHuvudmanId(trx, a.to),
        task: a.task,
        due_date: a.dueDate,
        due_text: a.dueText,
        due_meeting_id: a.dueMeetingId,
      };
      if (a.id !== null) await trx.updateTable('assignment').set(values).where('id', '=', a.id).where('item_id', '=', itemId).execute();
      else await trx.insertInto('assignment').values({ ...values, status: 'open' }).execute();
    }
    await trx.updateTable('meeting').set({ updated_at: sql`now()` }).where('id', '=', meetingId).execute();
    await appendAudit(trx, actor, { action: 'item.update', entity: 'agenda_item', entityId: itemId, before, after: { ...input, meetingDate: meeting.date } });
    return expectedVersion + 1;
  });
}

export async function deleteItem(db: Db, actor: Viewer, meetingId: number, itemId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await lockEditableMeeting(trx, meetingId);
    await assertItemEditable(trx, itemId);
    const before = await trx.selectFrom('agenda_item').selectAll().where('id', '=', itemId).where('meeting_id', '=', meetingId).executeTakeFirst();
    if (!before) return false;
    await trx.deleteFrom('agenda_item').where('id', '=', itemId).execute();
    await renumberMeeting(trx, meetingId);
    await appendAudit(trx, actor, { action: 'item.delete', entity: 'agenda_item', entityId: itemId, before });
    return true;
  });
}

/** Puts the items in the given order (all of the meeting's items, each once) and renumbers them. */
export async function reorderItems(db: Db, actor: Viewer, meetingId: number, itemIds: number[]): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await lockEditableMeeting(trx, meetingId);
    const existing = await trx.selectFrom('agenda_item').select('id').where('meeting_id', '=', meetingId).execute();
    const known = new Set(existing.map((e) => e.id));
    if (itemIds.length !== known.size || new Set(itemIds).size !== itemIds.length || !itemIds.every((id) => known.has(id))) return false;
    for (const [position, id] of itemIds.entries()) {
      await trx.updateTable('agenda_item').set({ position, version: sql`version + 1` }).where('id', '=', id).execute();
    }
    await renumberMeeting(trx, meetingId);
    await appendAudit(trx, actor, { action: 'agenda.reorder', entity: 'meeting', entityId: meetingId, after: { itemIds } });
    return true;
  });
}

export type { EditorItem };

/** Everything the secretary edits, item by item, with the versions that guard concurrent saves. */
export async function editorItems(db: Pick<Db, 'selectFrom'>, meetingId: number, onlyItemId?: number): Promise<EditorItem[]> {
  const items = await db
    .selectFrom('agenda_item')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .$if(onlyItemId !== undefined, (q) => q.where('id', '=', onlyItemId!))
    .orderBy('position')
    .execute();
  if (items.length === 0) return [];
  const ids = items.map((i) => i.id);
  const [presenters, decisions, assignments, documents] = await Promise.all([
    db.selectFrom('item_presenter').select(['item_id', 'name', 'title']).where('item_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('decision').select(['id', 'item_id', 'text', 'clauses', 'outcome']).where('item_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('assignment').selectAll().where('item_id', 'in', ids).orderBy('position').execute(),
    db.selectFrom('document').select(['id', 'item_id', 'filename', 'media_type', 'size_bytes', 'sha256']).where('item_id', 'in', ids).orderBy('id').execute(),
  ]);
  return items.map((i) => {
    const own = decisions.filter((d) => d.item_id === i.id);
    return {
      id: i.id,
      number: i.number,
      title: i.title,
      kind: i.kind,
      written: i.written,
      text: i.text,
      proposal: i.proposal,
      notes: i.notes,
      standard: i.standard,
      version: i.version,
      referToBodyId: i.refer_to_body_id,
      referredFromItemId: i.referred_from_item_id,
      reportsAssignmentId: i.reports_assignment_id,
      presenters: presenters.filter((p) => p.item_id === i.id).map((p) => ({ name: p.name, title: p.title })),
      decisions: own.map((d) => ({ text: d.text, clauses: d.clauses, outcome: d.outcome })),
      assignments: assignments
        .filter((a) => a.item_id === i.id)
        .map((a) => ({
          id: a.id, to: a.to_text, task: a.task, dueDate: a.due_date, dueText: a.due_text, dueMeetingId: a.due_meeting_id,
          decisionIndex: a.decision_id === null ? null : own.findIndex((d) => d.id === a.decision_id), status: a.status,
        })),
      documents: documents.filter((d) => d.item_id === i.id).map((d) => ({ id: d.id, filename: d.filename, mediaType: d.media_type, sizeBytes: d.size_bytes, sha256: d.sha256 })),
    };
  });
}
