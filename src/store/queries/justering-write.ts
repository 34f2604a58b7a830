import { sql, type Transaction } from 'kysely';
import { SYSTEM, type Viewer } from '../../domain/access.js';
import {
  ACTIVE_ROUND_STATES, answerRefusal, nextVersion, reviseRefusal, roundAfterSignature, sendRefusal, signatoryRefusal,
  type Refusal, type RoundState, type SignatoryAction, type SignatoryRole,
} from '../../domain/justering.js';
import type { Db } from '../db.js';
import type { Database } from '../schema.js';
import { appendAudit } from './audit.js';
import { getProtocol } from './protocol-read.js';
import { accountsOfPeople, peopleForSigning } from './justering.js';

// Every change of justering runs in one transaction with its audit entry. The round being changed
// is locked first, so two signatures, or a signature and a revision, never cross.

type Trx = Transaction<Database>;

/** A domain rule said no; the route turns it into its status and message. */
export class JusteringRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/** Some chosen signatories have no account to sign with. */
export class MissingAccountsError extends Error {
  constructor(readonly names: string[]) {
    super(`no account: ${names.join(', ')}`);
  }
}

/** A chosen person id that does not exist. */
export class UnknownPersonError extends Error {}

/** The meeting's round in progress (open, revising or signed), locked for this transaction. */
async function lockActiveRound(trx: Trx, meetingId: number) {
  return trx
    .selectFrom('justering_round')
    .select(['id', 'version', 'state', 'started_by'])
    .where('meeting_id', '=', meetingId)
    .where('state', 'in', [...ACTIVE_ROUND_STATES])
    .forUpdate()
    .executeTakeFirst();
}

const refuseIf = (refusal: Refusal | null) => {
  if (refusal) throw new JusteringRefused(refusal);
};

export interface SentRound {
  roundId: number;
  version: number;
  signatories: { name: string; role: SignatoryRole; accountId: number }[];
}

/**
 * Skicka på justering: freezes the protocol as its next version, opens a round with the chosen
 * signatories in order, and puts the meeting in 'justering' (no longer editable). A round that
 * was being revised is replaced (withdrawn). Returns null when the meeting does not exist.
 */
export async function sendOnJustering(db: Db, actor: Viewer, meetingId: number, chosen: readonly { personId: number; role: SignatoryRole }[]): Promise<SentRound | null> {
  return db.transaction().execute(async (trx) => {
    const meeting = await trx.selectFrom('meeting').select(['status', 'origin']).where('id', '=', meetingId).forUpdate().executeTakeFirst();
    if (!meeting) return null;
    const active = await lockActiveRound(trx, meetingId);
    refuseIf(sendRefusal(meeting, active?.state ?? null));

    const ids = chosen.map((c) => c.personId);
    const people = await peopleForSigning(trx, meetingId, ids);
    if (ids.some((id) => !people.has(id))) throw new UnknownPersonError();
    const accounts = await accountsOfPeople(trx, ids);
    const missing = ids.filter((id) => !accounts.has(id)).map((id) => people.get(id)!.name);
    if (missing.length > 0) throw new MissingAccountsError(missing);

    const latest = await trx.selectFrom('protocol_version').select(sql<number | null>`max(version)`.as('v')).where('meeting_id', '=', meetingId).executeTakeFirst();
    const version = nextVersion(latest?.v ?? null);
    const snapshot = await getProtocol(trx, SYSTEM, meetingId);
    const actorId = actor.kind === 'account' ? actor.accountId : null;
    await trx.insertInto('protocol_version').values({ meeting_id: meetingId, version, content: JSON.stringify(snapshot), created_by: actorId }).execute();
    if (active) await trx.updateTable('justering_round').set({ state: 'withdrawn', ended_at: sql`now()` }).where('id', '=', active.id).execute();
    const { id: roundId } = await trx
      .insertInto('justering_round')
      .values({ meeting_id: meetingId, version, state: 'open', started_by: actorId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const signatories = chosen.map((c, position) => ({ ...c, position, ...people.get(c.personId)!, accountId: accounts.get(c.personId)!.id }));
    await trx
      .insertInto('justering_signatory')
      .values(signatories.map((s) => ({ round_id: roundId, position: s.position, person_id: s.personId, account_id: s.accountId, name: s.name, role: s.role, organization: s.organization })))
      .execute();
    await trx.updateTable('meeting').set({ status: 'justering', updated_at: sql`now()` }).where('id', '=', meetingId).execute();
    await appendAudit(trx, actor, {
      action: 'justering.send',
      entity: 'meeting',
      entityId: meetingId,
      before: { status: meeting.status, round: active ? { id: active.id, version: active.version, state: active.state } : null },
      after: { status: 'justering', version, roundId, signatories: signatories.map((s) => ({ personId: s.personId, name: s.name, role: s.role })) },
    });
    return { roundId, version, signatories: signatories.map((s) => ({ name: s.name, role: s.role, accountId: s.accountId })) };
  });
}

/** The open round and the person's place in it, after the domain's checks for the action. */
async function signatoryFor(trx: Trx, meetingId: number, personId: number | null, action: SignatoryAction) {
  const round = await lockActiveRound(trx, meetingId);
  const signatory =
    round && personId !== null
      ? await trx.selectFrom('justering_signatory').select(['id', 'state', 'name', 'role']).where('round_id', '=', round.id).where('person_id', '=', personId).executeTakeFirst()
      : undefined;
  refuseIf(signatoryRefusal(action, round ?? null, signatory ?? null));
  return { round: round!, signatory: signatory! };
}

const personOf = (actor: Viewer) => (actor.kind === 'account' ? actor.personId : null);

/** Godkänn: the signatory has read this version and has nothing to add. */
export async function approve(db: Db, actor: Viewer, meetingId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { round, signatory } = await signatoryFor(trx, meetingId, personOf(actor), 'approve');
    await trx.updateTable('justering_signatory').set({ state: 'approved', approved_at: sql`now()` }).where('id', '=', signatory.id).execute();
    await appendAudit(trx, actor, { action: 'justering.approve', entity: 'meeting', entityId: meetingId, before: { state: signatory.state }, after: { roundId: round.id, version: round.version, signatoryId: signatory.id, state: 'approved' } });
  });
}

/** A signatory's comment (kommentar) to the secretary, shown to everyone in the round. */
export async function addComment(db: Db, actor: Viewer, meetingId: number, text: string): Promise<{ commentId: number; secretaryAccountId: number | null; author: string }> {
  return db.transaction().execute(async (trx) => {
    const { round, signatory } = await signatoryFor(trx, meetingId, personOf(actor), 'comment');
    const { id } = await trx.insertInto('justering_comment').values({ round_id: round.id, signatory_id: signatory.id, text }).returning('id').executeTakeFirstOrThrow();
    await trx.updateTable('justering_signatory').set({ state: 'commented', approved_at: null }).where('id', '=', signatory.id).execute();
    await appendAudit(trx, actor, { action: 'justering.comment', entity: 'meeting', entityId: meetingId, before: { state: signatory.state }, after: { roundId: round.id, version: round.version, commentId: id, text } });
    return { commentId: id, secretaryAccountId: round.started_by, author: signatory.name };
  });
}

/** The secretary's answer to a comment. Returns false when the comment is not one of this meeting's. */
export async function answerComment(db: Db, actor: Viewer, meetingId: number, commentId: number, answer: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const comment = await trx
      .selectFrom('justering_comment as c')
      .innerJoin('justering_round as r', 'r.id', 'c.round_id')
      .select(['c.id', 'c.answer', 'r.id as round_id', 'r.state'])
      .where('c.id', '=', commentId)
      .where('r.meeting_id', '=', meetingId)
      .forUpdate()
      .executeTakeFirst();
    if (!comment) return false;
    refuseIf(answerRefusal({ state: comment.state }));
    await trx.updateTable('justering_comment').set({ answer, answered_at: sql`now()`, answered_by: actor.kind === 'account' ? actor.accountId : null }).where('id', '=', commentId).execute();
    await appendAudit(trx, actor, { action: 'justering.answer', entity: 'meeting', entityId: meetingId, before: { answer: comment.answer }, after: { commentId, answer } });
    return true;
  });
}

/**
 * Revidera: the round stops (approvals and signatures of this version no longer count) and the
 * meeting is a draft again; sending it anew makes the next version.
 */
export async function revise(db: Db, actor: Viewer, meetingId: number): Promise<{ version: number }> {
  return db.transaction().execute(async (trx) => {
    const round = await lockActiveRound(trx, meetingId);
    refuseIf(reviseRefusal(round ?? null));
    await trx.updateTable('justering_round').set({ state: 'revising' }).where('id', '=', round!.id).execute();
    await trx.updateTable('meeting').set({ status: 'draft', updated_at: sql`now()` }).where('id', '=', meetingId).execute();
    await appendAudit(trx, actor, { action: 'justering.revise', entity: 'meeting', entityId: meetingId, before: { status: 'justering', roundState: 'open' }, after: { status: 'draft', roundId: round!.id, version: round!.version, roundState: 'revising' } });
    return { version: round!.version };
  });
}

export interface Signer {
  name: string;
  role: SignatoryRole;
  organization: string | null;
  method: string;
  signedAt: string;
  personId: number;
  accountId: number | null;
}

/** What sealing needs once every signatory has signed: the frozen version and the signing events. */
export interface SealInput {
  roundId: number;
  version: number;
  protocol: unknown;
  signers: Signer[];
}

async function sealInputOf(trx: Pick<Db, 'selectFrom'>, meetingId: number, round: { id: number; version: number }): Promise<SealInput> {
  const version = await trx.selectFrom('protocol_version').select('content').where('meeting_id', '=', meetingId).where('version', '=', round.version).executeTakeFirstOrThrow();
  const rows = await trx.selectFrom('justering_signatory').selectAll().where('round_id', '=', round.id).orderBy('position').execute();
  return {
    roundId: round.id,
    version: round.version,
    protocol: version.content,
    signers: rows.map((s) => ({
      name: s.name, role: s.role, organization: s.organization, method: s.method!, signedAt: new Date(s.signed_at!).toISOString(), personId: s.person_id, accountId: s.account_id,
    })),
  };
}

/**
 * Undertecknande: the signatory's signature with the method they identified by. The last one makes
 * the round and the meeting 'signed' and records the signatures on the protocol; then it is to
 * be sealed (returned as `complete`).
 */
export async function recordSignature(db: Db, actor: Viewer, meetingId: number, method: string): Promise<{ complete: SealInput | null }> {
  return db.transaction().execute(async (trx) => {
    const { round, signatory } = await signatoryFor(trx, meetingId, personOf(actor), 'sign');
    await trx.updateTable('justering_signatory').set({ state: 'signed', signed_at: sql`now()`, method }).where('id', '=', signatory.id).execute();
    const states = await trx.selectFrom('justering_signatory').select('state').where('round_id', '=', round.id).execute();
    const next = roundAfterSignature(states.map((s) => s.state));
    await appendAudit(trx, actor, { action: 'justering.sign', entity: 'meeting', entityId: meetingId, before: { state: signatory.state }, after: { roundId: round.id, version: round.version, signatoryId: signatory.id, role: signatory.role, method } });
    if (next !== 'signed') return { complete: null };

    await trx.updateTable('justering_round').set({ state: 'signed' }).where('id', '=', round.id).execute();
    await trx.updateTable('meeting').set({ status: 'signed', updated_at: sql`now()` }).where('id', '=', meetingId).execute();
    const input = await sealInputOf(trx, meetingId, round);
    // The protocol's own signature list (as imported protocols have), read by its page and renderings.
    await trx.deleteFrom('signature').where('meeting_id', '=', meetingId).execute();
    await trx
      .insertInto('signature')
      .values(input.signers.map((s, position) => ({ meeting_id: meetingId, position, person_id: s.personId, name: s.name, role: s.role, signed_at: s.signedAt, method: s.method })))
      .execute();
    await appendAudit(trx, actor, { action: 'justering.signed', entity: 'meeting', entityId: meetingId, before: { status: 'justering' }, after: { status: 'signed', roundId: round.id, version: round.version } });
    return { complete: input };
  });
}

/** A refused signature attempt (wrong password, stale sign-in), kept in the audit log. */
export async function auditRefusedSignature(db: Db, actor: Viewer, meetingId: number, reason: string): Promise<void> {
  await appendAudit(db, actor, { action: 'justering.sign-refused', entity: 'meeting', entityId: meetingId, after: { reason } });
}

/** The round waiting for its seal, with what the seal needs; null when there is none. */
export async function roundToSeal(db: Db, meetingId: number): Promise<{ state: RoundState | null; input: SealInput | null }> {
  const round = await db
    .selectFrom('justering_round')
    .select(['id', 'version', 'state'])
    .where('meeting_id', '=', meetingId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  if (!round) return { state: null, input: null };
  return { state: round.state, input: round.state === 'signed' ? await sealInputOf(db, meetingId, round) : null };
}

/** The seal is made and the protocol published: the round is done. */
export async function markSealed(db: Db, actor: Viewer, meetingId: number, roundId: number, pdfSha256: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('justering_round').set({ state: 'sealed', ended_at: sql`now()`, seal_error: null }).where('id', '=', roundId).where('state', '=', 'signed').execute();
    await appendAudit(trx, actor, { action: 'justering.sealed', entity: 'meeting', entityId: meetingId, after: { roundId, pdfSha256 } });
  });
}

/** Sealing failed: the round stays 'signed' with the reason, for the secretary to act on and seal again. */
export async function markSealFailed(db: Db, actor: Viewer, meetingId: number, roundId: number, message: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('justering_round').set({ seal_error: message }).where('id', '=', roundId).execute();
    await appendAudit(trx, actor, { action: 'justering.seal-failed', entity: 'meeting', entityId: meetingId, after: { roundId, message } });
  });
}
