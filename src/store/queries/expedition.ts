import { sql } from 'kysely';
import { todayIso } from '../../domain/assignments.js';
import {
  dispatchReference, dispatchState, type DispatchReason, type DispatchState, type ExpeditionFacts, type RecipientKind, type StoredState,
} from '../../domain/expedition.js';
import type { Db } from '../db.js';
import { bodyNameOf } from './recommendations.js';
import { secretaryAddresses } from './reminders.js';

// Expediering, read side (table from 0013-expedition): the facts of a meeting that decide who gets
// what, and the dispatches with their state as the secretary and the command line see them.

/** The job that sends a dispatch: one per sending (attempt), so that a bounced one can go again. */
export function dispatchJobKey(dispatchId: number, attempt: number): string {
  return `expedition:${dispatchId}:${attempt}`;
}

/** Everything proposeExpedition() and checkSend() need about one meeting. */
export async function expeditionFacts(db: Db, meetingId: number): Promise<ExpeditionFacts> {
  const items = await db
    .selectFrom('agenda_item')
    .select(['id', 'number', 'title'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
  const itemIds = items.map((i) => i.id);
  const none = itemIds.length === 0;
  const [recommendations, assignments, huvudman, bodies, dispatched] = await Promise.all([
    none ? [] : db.selectFrom('recommendation').select(['id', 'item_id', 'deadline']).where('item_id', 'in', itemIds).orderBy('id').execute(),
    none ? [] : db
      .selectFrom('assignment')
      .select(['id', 'item_id', 'to_body_id', 'to_huvudman_id', 'to_person_id', 'due_date'])
      .where('item_id', 'in', itemIds)
      .where('status', '!=', 'withdrawn')
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db.selectFrom('huvudman').select(['id', 'name', 'registry_email']).orderBy('kind', 'desc').orderBy('sort_key').execute(),
    db.selectFrom('body as b').select(['b.id', bodyNameOf('b.id').as('name')]).orderBy('b.id').execute(),
    db.selectFrom('expedition_dispatch').select(['id', 'item_id', 'recipient_key', 'state']).where('meeting_id', '=', meetingId).where('item_id', 'is not', null).execute(),
  ]);
  const secretaries = await secretaryAddresses(db, bodies.map((b) => b.id), todayIso());
  const personIds = [...new Set(assignments.map((a) => a.to_person_id).filter((p): p is number => p !== null))];
  const people = personIds.length === 0 ? [] : await db
    .selectFrom('person as p')
    .leftJoin('account as a', (j) => j.onRef('a.person_id', '=', 'p.id').on('a.disabled', '=', false))
    .select(['p.id', 'p.name', sql<string | null>`coalesce(p.email, a.email)`.as('email')])
    .where('p.id', 'in', personIds)
    .where('p.pseudonymised_at', 'is', null)
    .execute();
  return {
    items,
    recommendations: recommendations.map((r) => ({ id: r.id, itemId: r.item_id!, deadline: r.deadline })),
    assignments: assignments.map((a) => ({ id: a.id, itemId: a.item_id!, toBodyId: a.to_body_id, toHuvudmanId: a.to_huvudman_id, toPersonId: a.to_person_id, dueDate: a.due_date })),
    huvudman: huvudman.map((h) => ({ id: h.id, name: h.name, registryEmail: h.registry_email })),
    bodies: bodies.map((b) => ({ id: b.id, name: b.name, secretaryEmails: secretaries.get(b.id) ?? [] })),
    people: [...new Map(people.map((p) => [p.id, { id: p.id, name: p.name, email: p.email }])).values()],
    dispatched: dispatched.map((d) => ({ id: d.id, itemId: d.item_id!, recipientKey: d.recipient_key, state: d.state })),
  };
}

/** Items that have a decision, for adding a recipient by hand (an extract is made of numbered items). */
export async function decidedItems(db: Db, meetingId: number): Promise<{ id: number; number: number; title: string }[]> {
  const rows = await db
    .selectFrom('agenda_item as i')
    .select(['i.id', 'i.number', 'i.title'])
    .where('i.meeting_id', '=', meetingId)
    .where('i.number', 'is not', null)
    .where(sql<boolean>`exists (select 1 from decision d where d.item_id = i.id)`)
    .orderBy('i.position')
    .execute();
  return rows.map((r) => ({ id: r.id, number: r.number!, title: r.title }));
}

export interface Dispatch {
  id: number;
  reference: string; // vår referens
  meetingId: number;
  meetingDate: string | null;
  body: string;
  itemId: number | null;
  itemNumber: number | null;
  itemTitle: string;
  recipient: { kind: RecipientKind; name: string; huvudmanId: number | null; bodyId: number | null };
  addresses: string[];
  reasons: DispatchReason[];
  deadline: string | null;
  state: DispatchState;
  attempt: number;
  createdAt: string;
  sentAt: string | null;
  bouncedAt: string | null;
  bounceReason: string | null;
  /** The last failure while it waits for another try (the mail server was down). */
  lastError: string | null;
  diaryNumber: string | null;
  registeredAt: string | null;
  registeredBy: string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Dispatches, newest meeting first and in agenda order: of one meeting, one dispatch, or all. */
export async function listDispatches(db: Db, filter: { meetingId?: number; id?: number } = {}): Promise<Dispatch[]> {
  let q = db
    .selectFrom('expedition_dispatch as d')
    .innerJoin('meeting as m', 'm.id', 'd.meeting_id')
    .leftJoin('agenda_item as i', 'i.id', 'd.item_id')
    .leftJoin('job as j', (jn) => jn.on('j.dedupe_key', '=', sql<string>`'expedition:' || d.id || ':' || d.attempt`))
    .selectAll('d')
    .select([
      'm.meeting_date',
      sql<string>`coalesce((select ${bodyNameOf('mb.body_id')} from meeting_body mb where mb.meeting_id = m.id and mb.is_primary limit 1), '')`.as('body_name'),
      'j.failed_at as job_failed_at',
      'j.last_error as job_last_error',
    ]);
  if (filter.meetingId !== undefined) q = q.where('d.meeting_id', '=', filter.meetingId);
  if (filter.id !== undefined) q = q.where('d.id', '=', filter.id);
  const rows = await q
    .orderBy(sql`m.meeting_date desc nulls last`)
    .orderBy('d.meeting_id', 'desc')
    .orderBy(sql`i.position nulls last`)
    .orderBy('d.item_number')
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: dispatchReference(r.id),
    meetingId: r.meeting_id,
    meetingDate: r.meeting_date,
    body: r.body_name,
    itemId: r.item_id,
    itemNumber: r.item_number,
    itemTitle: r.item_title,
    recipient: { kind: r.recipient_kind, name: r.recipient_name, huvudmanId: r.huvudman_id, bodyId: r.body_id },
    addresses: r.addresses,
    reasons: r.reasons,
    deadline: r.deadline,
    state: dispatchState(
      { state: r.state as StoredState, registeredAt: iso(r.registered_at) },
      r.state === 'queued' ? { failed: r.job_failed_at !== null, lastError: r.job_last_error } : null,
    ),
    attempt: r.attempt,
    createdAt: iso(r.created_at)!,
    sentAt: iso(r.sent_at),
    bouncedAt: iso(r.bounced_at),
    bounceReason: r.bounce_reason,
    lastError: r.state === 'queued' ? r.job_last_error : null,
    diaryNumber: r.diary_number,
    registeredAt: iso(r.registered_at),
    registeredBy: r.registered_by,
  }));
}

/** What the registration link shows its holder: the dispatch, found by its token's hash. */
export async function dispatchIdByToken(db: Db, tokenSha256: string): Promise<number | null> {
  const row = await db.selectFrom('expedition_dispatch').select('id').where('token_sha256', '=', tokenSha256).executeTakeFirst();
  return row?.id ?? null;
}

/** The decision texts of an item, for the registration page and the e-mail. */
export async function itemDecisionTexts(db: Db, itemId: number): Promise<string[]> {
  const rows = await db.selectFrom('decision').select(['text', 'clauses']).where('item_id', '=', itemId).orderBy('position').execute();
  return rows.map((d) => (d.text.trim() || d.clauses.map((c) => `att ${c}`).join('\n')).trim()).filter((t) => t.length > 0);
}
