import { sql, type Transaction } from 'kysely';
import { SYSTEM, type Viewer } from '../../domain/access.js';
import {
  approvalRefusal, IMMEDIATE_ROLES, isJustified, presentAtItem, proposedSignatories, proposeRefusal, signatoryProblem, withdrawRefusal,
  type ApprovalWay, type Current, type ImmediateRole,
} from '../../domain/immediate-justering.js';
import type { Refusal } from '../../domain/justering.js';
import type { Db } from '../db.js';
import type { Database } from '../schema.js';
import { appendAudit } from './audit.js';
import { closeAssignmentsDecided } from './assignment-closing.js';
import { contentSha256 } from './immediate-justering.js';
import { accountsOfPeople, justeringSources, peopleForSigning } from './justering.js';
import { getProtocol } from './protocol-read.js';

// Omedelbar justering, write side. Each action locks the meeting row first — the same lock every
// edit of the minutes takes — so a proposal, an approval and an edit of the item never cross.

type Trx = Transaction<Database>;

/** A domain rule said no; the route turns it into its status and message. */
export class ImmediateRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/** The chosen signatories will not do (the message says why, in Swedish). */
export class SignatoryChoiceError extends Error {}

const refuseIf = (refusal: Refusal | null) => {
  if (refusal) throw new ImmediateRefused(refusal);
};

async function lockMeeting(trx: Trx, meetingId: number) {
  return trx.selectFrom('meeting').select(['status', 'origin']).where('id', '=', meetingId).forUpdate().executeTakeFirst();
}

async function currentOf(trx: Trx, itemId: number) {
  const row = await trx
    .selectFrom('immediate_justering')
    .select(['id', 'state', 'item_number'])
    .where('item_id', '=', itemId)
    .where('state', 'in', ['proposed', 'justified'])
    .forUpdate()
    .executeTakeFirst();
  return row ? { ...row, current: { state: row.state } as Current } : null;
}

const accountOf = (actor: Viewer) => (actor.kind === 'account' ? actor.accountId : null);

export interface Proposed {
  id: number;
  signatories: { personId: number; name: string; role: ImmediateRole; accountId: number | null }[];
}

/**
 * Föreslå omedelbar justering: freezes the item as it stands (its JSON and hash) and asks the
 * signatories present to approve it. Default signatories: the protocol's justerare and ordförande.
 * Returns null when the item is not on the meeting.
 */
export async function proposeImmediate(db: Db, actor: Viewer, meetingId: number, itemId: number, chosen: readonly { personId: number; role: ImmediateRole }[] | null): Promise<Proposed | null> {
  return db.transaction().execute(async (trx) => {
    const meeting = await lockMeeting(trx, meetingId);
    const item = await trx.selectFrom('agenda_item').select(['id', 'number']).where('id', '=', itemId).where('meeting_id', '=', meetingId).executeTakeFirst();
    if (!meeting || !item) return null;
    const decisions = await trx.selectFrom('decision').select(sql<number>`count(*)::int`.as('n')).where('item_id', '=', itemId).executeTakeFirstOrThrow();
    refuseIf(proposeRefusal(meeting, { decisions: decisions.n }, (await currentOf(trx, itemId))?.current ?? null));

    const sources = await justeringSources(trx, meetingId);
    // In the protocol's order, whatever order they were chosen in: justerare, then ordförande.
    const list = [...(chosen ?? proposedSignatories(sources, item.number))].map((s) => ({ personId: s.personId, role: s.role })).sort((a, b) => IMMEDIATE_ROLES.indexOf(a.role) - IMMEDIATE_ROLES.indexOf(b.role));
    const present = new Set(presentAtItem(sources.present, item.number).map((p) => p.personId).filter((id): id is number => id !== null));
    const problem = signatoryProblem(list, present);
    if (problem) throw new SignatoryChoiceError(problem);
    const ids = list.map((s) => s.personId);
    const people = await peopleForSigning(trx, meetingId, ids);
    const accounts = await accountsOfPeople(trx, ids);

    const protocol = await getProtocol(trx, SYSTEM, meetingId);
    const live = protocol!.agenda.find((i) => i.id === itemId)!;
    const { immediateJustering: _none, ...content } = live;
    const snapshot = JSON.parse(JSON.stringify(content)) as typeof content;
    const hash = contentSha256(snapshot);
    const { id } = await trx
      .insertInto('immediate_justering')
      .values({ meeting_id: meetingId, item_id: itemId, item_number: item.number, state: 'proposed', content: JSON.stringify(snapshot), content_sha256: hash, proposed_by: accountOf(actor) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const signatories = list.map((s) => ({ personId: s.personId, name: people.get(s.personId)!.name, role: s.role, accountId: accounts.get(s.personId)?.id ?? null }));
    await trx
      .insertInto('immediate_justering_approval')
      .values(signatories.map((s, position) => ({ immediate_justering_id: id, position, person_id: s.personId, account_id: s.accountId, name: s.name, role: s.role })))
      .execute();
    await appendAudit(trx, actor, {
      action: 'immediate-justering.propose', entity: 'agenda_item', entityId: itemId,
      after: { meetingId, immediateJusteringId: id, itemNumber: item.number, contentSha256: hash, signatories: signatories.map(({ personId, name, role }) => ({ personId, name, role })) },
    });
    return { id, signatories };
  });
}

/** Dra tillbaka: the proposal ends before everyone approved; the item can be edited again. False: the item is not on the meeting. */
export async function withdrawImmediate(db: Db, actor: Viewer, meetingId: number, itemId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await lockMeeting(trx, meetingId);
    const item = await trx.selectFrom('agenda_item').select('id').where('id', '=', itemId).where('meeting_id', '=', meetingId).executeTakeFirst();
    if (!item) return false;
    const current = await currentOf(trx, itemId);
    refuseIf(withdrawRefusal(current?.current ?? null));
    await trx.updateTable('immediate_justering').set({ state: 'withdrawn', ended_at: sql`now()` }).where('id', '=', current!.id).execute();
    await appendAudit(trx, actor, { action: 'immediate-justering.withdraw', entity: 'agenda_item', entityId: itemId, before: { state: 'proposed' }, after: { meetingId, immediateJusteringId: current!.id, state: 'withdrawn' } });
    return true;
  });
}

export interface Approved {
  justified: boolean;
  closedAssignments: number[]; // assignments this item's decision closed, when it was the last approval
}

/**
 * A signatory's approval: their own (`own-device`, after fresh authentication) or heard at the
 * meeting and recorded by the secretary (`on-the-spot`); the actor is who recorded it. The last
 * approval justifies the item. Returns null when the item is not on the meeting.
 */
export async function recordApproval(db: Db, actor: Viewer, meetingId: number, itemId: number, who: { personId: number | null; way: ApprovalWay; method: string }): Promise<Approved | null> {
  return db.transaction().execute(async (trx) => {
    const meeting = await lockMeeting(trx, meetingId);
    const item = await trx.selectFrom('agenda_item').select('id').where('id', '=', itemId).where('meeting_id', '=', meetingId).executeTakeFirst();
    if (!meeting || !item) return null;
    const current = await currentOf(trx, itemId);
    const approval = current && who.personId !== null
      ? await trx.selectFrom('immediate_justering_approval').select(['id', 'name', 'role', 'approved_at']).where('immediate_justering_id', '=', current.id).where('person_id', '=', who.personId).executeTakeFirst()
      : undefined;
    refuseIf(approvalRefusal(meeting.status, current?.current ?? null, approval ? { approved: approval.approved_at !== null } : null));
    await trx
      .updateTable('immediate_justering_approval')
      .set({ approved_at: sql`now()`, way: who.way, method: who.method, recorded_by: accountOf(actor), recorded_by_name: actor.kind === 'account' ? actor.name : null })
      .where('id', '=', approval!.id)
      .execute();
    await appendAudit(trx, actor, {
      action: 'immediate-justering.approve', entity: 'agenda_item', entityId: itemId,
      after: { meetingId, immediateJusteringId: current!.id, personId: who.personId, name: approval!.name, role: approval!.role, way: who.way, method: who.method },
    });
    const all = await trx.selectFrom('immediate_justering_approval').select('approved_at').where('immediate_justering_id', '=', current!.id).execute();
    if (!isJustified(all.map((a) => ({ approved: a.approved_at !== null })))) return { justified: false, closedAssignments: [] };

    await trx.updateTable('immediate_justering').set({ state: 'justified', justified_at: sql`now()` }).where('id', '=', current!.id).execute();
    await appendAudit(trx, actor, { action: 'immediate-justering.justified', entity: 'agenda_item', entityId: itemId, before: { state: 'proposed' }, after: { meetingId, immediateJusteringId: current!.id, state: 'justified' } });
    // The decision applies from now: a report-back item's "uppdraget anses slutfört" closes its assignment.
    const closedAssignments = await closeAssignmentsDecided(trx, actor, { itemId }, 'immediate-justering');
    return { justified: true, closedAssignments };
  });
}
