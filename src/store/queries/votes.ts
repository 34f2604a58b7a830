import { sql, type Transaction } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import {
  checkProtocolNote, checkReservation, checkVote, chairOf, DEFAULT_VOTE_RULE, eligibleVoters, nameKey, noVoting, presentForItem, votingWarnings,
  type Attendee, type ItemVoting, type VoteInput, type VoteRule, type VotingProblem,
} from '../../domain/votes.js';
import type { Db } from '../db.js';
import type { Database } from '../schema.js';
import { appendAudit } from './audit.js';
import { lockEditableMeeting } from './agenda-edit.js';
import { resolvePerson } from './people.js';
import { assertItemEditable } from './immediate-justering.js';

// Votes, reservations and protocol notes on agenda items. Every write locks the meeting (which
// also refuses a meeting whose justering has started), checks the domain's rules against the
// attendance as it is inside that transaction, and writes the audit entry with the change.

type Trx = Transaction<Database>;
type Reader = Pick<Db, 'selectFrom'>;

/** The item is not on that meeting (or does not exist). */
export class ItemNotInMeetingError extends Error {}
/** The record to change or remove is not on that item. */
export class NotOnItemError extends Error {}
/** The domain refused the input; nothing was written. */
export class VotingRefusedError extends Error {
  constructor(readonly problem: VotingProblem) {
    super(problem.message);
  }
}

/** A member named someone else than themselves. */
export class NotOwnError extends Error {}

/**
 * Who a reservation or note is for: a name from the attendance (the secretary), or the viewer's own
 * person (a member), who may name themselves but no one else.
 */
export type Author = { name: string } | { personId: number; name: string | null };

async function attendees(db: Reader, meetingIds: number[]): Promise<(Attendee & { meetingId: number })[]> {
  if (meetingIds.length === 0) return [];
  const rows = await db
    .selectFrom('attendance')
    .select(['meeting_id', 'person_id', 'name', 'party', 'list', 'role', 'replaces_name', 'items_from', 'items_to'])
    .where('meeting_id', 'in', meetingIds)
    .orderBy('meeting_id').orderBy('position')
    .execute();
  return rows.map((r) => ({
    meetingId: r.meeting_id, personId: r.person_id, name: r.name, party: r.party, list: r.list, role: r.role,
    replaces: r.replaces_name, itemsFrom: r.items_from, itemsTo: r.items_to,
  }));
}

export async function voteRuleOf(db: Reader, meetingId: number): Promise<VoteRule> {
  const row = await db
    .selectFrom('meeting_body as mb')
    .innerJoin('body_vote_rule as r', 'r.body_id', 'mb.body_id')
    .select('r.chair_casting_vote')
    .where('mb.meeting_id', '=', meetingId)
    .where('mb.is_primary', '=', true)
    .executeTakeFirst();
  return row ? { chairCastingVote: row.chair_casting_vote } : DEFAULT_VOTE_RULE;
}

export async function setBodyVoteRule(db: Db, actor: Viewer, bodyId: number, rule: VoteRule): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await trx.selectFrom('body').select('id').where('id', '=', bodyId).executeTakeFirst())) return false;
    const before = await trx.selectFrom('body_vote_rule').selectAll().where('body_id', '=', bodyId).executeTakeFirst();
    await trx
      .insertInto('body_vote_rule')
      .values({ body_id: bodyId, chair_casting_vote: rule.chairCastingVote })
      .onConflict((oc) => oc.column('body_id').doUpdateSet({ chair_casting_vote: rule.chairCastingVote }))
      .execute();
    await appendAudit(trx, actor, { action: 'body.vote-rule', entity: 'body', entityId: bodyId, before: before ?? null, after: rule });
    return true;
  });
}

/**
 * Votes, reservations and notes of these items, in the order they were recorded. Names and parties
 * are read from the meeting's attendance where the person is still on it (a correction or a
 * pseudonym there shows here too), else as they were recorded.
 */
export async function itemVoting(db: Reader, itemIds: number[]): Promise<Map<number, ItemVoting>> {
  const result = new Map<number, ItemVoting>();
  if (itemIds.length === 0) return result;
  const [votes, reservations, notes] = await Promise.all([
    db.selectFrom('item_vote').selectAll().where('item_id', 'in', itemIds).orderBy('item_id').orderBy('position').execute(),
    db.selectFrom('item_reservation').selectAll().where('item_id', 'in', itemIds).orderBy('id').execute(),
    db.selectFrom('item_protocol_note').selectAll().where('item_id', 'in', itemIds).orderBy('id').execute(),
  ]);
  // Most items have none of these: the protocol costs three small queries more, no more.
  if (votes.length + reservations.length + notes.length === 0) return result;
  const used = [...new Set([...votes, ...reservations, ...notes].map((r) => r.item_id))];
  const [items, ballots] = await Promise.all([
    db.selectFrom('agenda_item').select(['id', 'meeting_id']).where('id', 'in', used).execute(),
    votes.length === 0 ? [] : db
      .selectFrom('item_vote_ballot')
      .select(['vote_id', 'person_id', 'name', 'party', 'choice'])
      .where('vote_id', 'in', votes.map((v) => v.id))
      .orderBy('vote_id').orderBy('position')
      .execute(),
  ]);
  const meetingOf = new Map(items.map((i) => [i.id, i.meeting_id]));
  const people = new Map<string, { name: string; party: string | null }>();
  for (const a of await attendees(db, [...new Set(items.map((i) => i.meeting_id))])) {
    const key = `${a.meetingId}:${a.personId}`;
    if (a.personId !== null && (!people.has(key) || a.list === 'present')) people.set(key, { name: a.name, party: a.party });
  }
  const who = (itemId: number, r: { person_id: number; name: string; party: string | null }) =>
    people.get(`${meetingOf.get(itemId)}:${r.person_id}`) ?? { name: r.name, party: r.party };
  const entry = (itemId: number): ItemVoting => {
    let v = result.get(itemId);
    if (!v) result.set(itemId, (v = { votes: [], reservations: [], protocolNotes: [] }));
    return v;
  };
  for (const v of votes) {
    entry(v.item_id).votes.push({
      id: v.id, question: v.question, yesFor: v.yes_for, noFor: v.no_for,
      counts: { yes: v.yes_count, no: v.no_count, abstain: v.abstain_count }, result: v.result, castingVote: v.casting_vote,
      ballots: ballots.filter((b) => b.vote_id === v.id).map((b) => ({ ...who(v.item_id, b), vote: b.choice })),
    });
  }
  for (const r of reservations) entry(r.item_id).reservations.push({ id: r.id, ...who(r.item_id, r), inFavourOf: r.in_favour_of, motivation: r.motivation });
  for (const n of notes) entry(n.item_id).protocolNotes.push({ id: n.id, ...who(n.item_id, n), text: n.text });
  return result;
}

/** The secretary's view of an item's voting: who may vote, the chair, the rule, what is recorded, what no longer agrees. */
export async function votingPanel(db: Reader, meetingId: number, itemId: number) {
  const item = await db.selectFrom('agenda_item').select(['number']).where('id', '=', itemId).where('meeting_id', '=', meetingId).executeTakeFirst();
  if (!item) return null;
  const [attendance, rule, voting] = await Promise.all([attendees(db, [meetingId]), voteRuleOf(db, meetingId), itemVoting(db, [itemId])]);
  const recorded = voting.get(itemId) ?? noVoting();
  const voters = eligibleVoters(attendance, item.number);
  const person = (a: Attendee) => ({ name: a.name, party: a.party, role: a.role, replaces: a.replaces });
  return {
    itemNumber: item.number,
    rule,
    chair: chairOf(voters)?.name ?? null,
    voters: voters.map(person),
    present: attendance.filter((a) => presentForItem(a, item.number)).map(person),
    ...recorded,
    warnings: votingWarnings(recorded, attendance, item.number),
  };
}

interface Context {
  itemNumber: number | null;
  attendance: Attendee[];
  rule: VoteRule;
}

/** Locks the meeting (FrozenError once justering has started) and reads what the rules need. */
async function lockedContext(trx: Trx, meetingId: number, itemId: number): Promise<Context> {
  await lockEditableMeeting(trx, meetingId);
  const item = await trx.selectFrom('agenda_item').select('number').where('id', '=', itemId).where('meeting_id', '=', meetingId).executeTakeFirst();
  if (!item) throw new ItemNotInMeetingError();
  await assertItemEditable(trx, itemId);
  return { itemNumber: item.number, attendance: await attendees(trx, [meetingId]), rule: await voteRuleOf(trx, meetingId) };
}

const personOf = async (trx: Trx, a: Attendee) => a.personId ?? (await resolvePerson(trx, a.name, { party: a.party }));

async function touch(trx: Trx, meetingId: number): Promise<void> {
  await trx.updateTable('meeting').set({ updated_at: sql`now()` }).where('id', '=', meetingId).execute();
}

async function writeVote(trx: Trx, ctx: Context, itemId: number, input: VoteInput, voteId: number | null): Promise<number> {
  const checked = checkVote(input, ctx.attendance, ctx.itemNumber, ctx.rule);
  if (!checked.ok) throw new VotingRefusedError(checked.problem);
  const v = checked.value;
  const values = {
    question: v.question, yes_for: v.yesFor, no_for: v.noFor, yes_count: v.counts.yes, no_count: v.counts.no, abstain_count: v.counts.abstain,
    result: v.result, casting_vote: v.castingVote,
  };
  let id: number;
  if (voteId === null) {
    const next = await trx.selectFrom('item_vote').select(sql<number>`coalesce(max(position) + 1, 0)`.as('n')).where('item_id', '=', itemId).executeTakeFirstOrThrow();
    id = (await trx.insertInto('item_vote').values({ item_id: itemId, position: next.n, ...values }).returning('id').executeTakeFirstOrThrow()).id;
  } else {
    id = voteId;
    await trx.updateTable('item_vote').set(values).where('id', '=', voteId).execute();
    await trx.deleteFrom('item_vote_ballot').where('vote_id', '=', voteId).execute();
  }
  for (const [position, b] of v.ballots.entries()) {
    await trx
      .insertInto('item_vote_ballot')
      .values({ vote_id: id, position, person_id: b.personId ?? (await resolvePerson(trx, b.name, { party: b.party })), name: b.name, party: b.party, choice: b.vote })
      .execute();
  }
  return id;
}

export async function recordVote(db: Db, actor: Viewer, meetingId: number, itemId: number, input: VoteInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ctx = await lockedContext(trx, meetingId, itemId);
    const id = await writeVote(trx, ctx, itemId, input, null);
    await touch(trx, meetingId);
    await appendAudit(trx, actor, { action: 'vote.create', entity: 'item_vote', entityId: id, after: { meetingId, itemId, ...input } });
    return id;
  });
}

export async function replaceVote(db: Db, actor: Viewer, meetingId: number, itemId: number, voteId: number, input: VoteInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ctx = await lockedContext(trx, meetingId, itemId);
    const before = (await itemVoting(trx, [itemId])).get(itemId)?.votes.find((v) => v.id === voteId);
    if (!before) throw new NotOnItemError();
    await writeVote(trx, ctx, itemId, input, voteId);
    await touch(trx, meetingId);
    await appendAudit(trx, actor, { action: 'vote.update', entity: 'item_vote', entityId: voteId, before, after: { meetingId, itemId, ...input } });
  });
}

export async function deleteVote(db: Db, actor: Viewer, meetingId: number, itemId: number, voteId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockedContext(trx, meetingId, itemId);
    const before = (await itemVoting(trx, [itemId])).get(itemId)?.votes.find((v) => v.id === voteId);
    if (!before) throw new NotOnItemError();
    await trx.deleteFrom('item_vote').where('id', '=', voteId).execute();
    await touch(trx, meetingId);
    await appendAudit(trx, actor, { action: 'vote.delete', entity: 'item_vote', entityId: voteId, before: { meetingId, itemId, ...before } });
  });
}

/** The attendance row of the author: by name, or the one that is the viewer's own person. */
function authorName(ctx: Context, author: Author): string | null {
  if (!('personId' in author)) return author.name;
  const own = ctx.attendance.filter((a) => a.personId === author.personId);
  const name = (own.find((a) => presentForItem(a, ctx.itemNumber)) ?? own[0])?.name ?? null;
  if (author.name !== null && (name === null || nameKey(author.name) !== nameKey(name))) throw new NotOwnError();
  return name;
}

const YOU_ARE_NOT_LISTED: VotingProblem = { code: 'not-eligible', message: 'Du finns inte i mötets närvarolista.' };

export async function addReservation(
  db: Db, actor: Viewer, meetingId: number, itemId: number, author: Author, input: { inFavourOf: string | null; motivation: string | null },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ctx = await lockedContext(trx, meetingId, itemId);
    const name = authorName(ctx, author);
    if (name === null) throw new VotingRefusedError(YOU_ARE_NOT_LISTED);
    const votes = (await itemVoting(trx, [itemId])).get(itemId)?.votes ?? [];
    const checked = checkReservation(ctx.attendance, ctx.itemNumber, name, votes);
    if (!checked.ok) throw new VotingRefusedError(checked.problem);
    const personId = await personOf(trx, checked.value);
    const exists = await trx.selectFrom('item_reservation').select('id').where('item_id', '=', itemId).where('person_id', '=', personId).executeTakeFirst();
    if (exists) throw new VotingRefusedError({ code: 'exists', message: `${checked.value.name} har redan reserverat sig mot beslutet; ta bort den reservationen för att skriva en ny.` });
    const { id } = await trx
      .insertInto('item_reservation')
      .values({
        item_id: itemId, person_id: personId, name: checked.value.name, party: checked.value.party, in_favour_of: input.inFavourOf, motivation: input.motivation,
        entered_by: actor.kind === 'account' ? actor.accountId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touch(trx, meetingId);
    await appendAudit(trx, actor, { action: 'reservation.create', entity: 'item_reservation', entityId: id, after: { meetingId, itemId, name: checked.value.name, ...input } });
    return id;
  });
}

export async function addProtocolNote(db: Db, actor: Viewer, meetingId: number, itemId: number, author: Author, text: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const ctx = await lockedContext(trx, meetingId, itemId);
    const name = authorName(ctx, author);
    if (name === null) throw new VotingRefusedError(YOU_ARE_NOT_LISTED);
    const checked = checkProtocolNote(ctx.attendance, ctx.itemNumber, name);
    if (!checked.ok) throw new VotingRefusedError(checked.problem);
    const personId = await personOf(trx, checked.value);
    const exists = await trx.selectFrom('item_protocol_note').select('id').where('item_id', '=', itemId).where('person_id', '=', personId).executeTakeFirst();
    if (exists) throw new VotingRefusedError({ code: 'exists', message: `${checked.value.name} har redan en protokollsanteckning i ärendet; ta bort den för att skriva en ny.` });
    const { id } = await trx
      .insertInto('item_protocol_note')
      .values({ item_id: itemId, person_id: personId, name: checked.value.name, party: checked.value.party, text, entered_by: actor.kind === 'account' ? actor.accountId : null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touch(trx, meetingId);
    await appendAudit(trx, actor, { action: 'protocol-note.create', entity: 'item_protocol_note', entityId: id, after: { meetingId, itemId, name: checked.value.name, text } });
    return id;
  });
}

/**
 * Removes a reservation or protocol note. `ownPersonId`: only if it is that person's (a member
 * removing their own); null: anyone's (the secretary).
 */
export async function removeStatement(
  db: Db, actor: Viewer, kind: 'reservation' | 'protocol-note', meetingId: number, itemId: number, id: number, ownPersonId: number | null,
): Promise<'removed' | 'not-own'> {
  return db.transaction().execute(async (trx) => {
    await lockedContext(trx, meetingId, itemId);
    const table = kind === 'reservation' ? 'item_reservation' : 'item_protocol_note';
    const before = await trx.selectFrom(table).selectAll().where('id', '=', id).where('item_id', '=', itemId).executeTakeFirst();
    if (!before) throw new NotOnItemError();
    if (ownPersonId !== null && before.person_id !== ownPersonId) return 'not-own';
    await trx.deleteFrom(table).where('id', '=', id).execute();
    await touch(trx, meetingId);
    await appendAudit(trx, actor, { action: `${kind}.delete`, entity: table, entityId: id, before: { meetingId, ...before } });
    return 'removed';
  });
}
