import { createHash, randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import { dispatchReference, registrationRefusal, resendRefusal, type ResolvedRecipient } from '../../domain/expedition.js';
import type { Db } from '../db.js';
import type { Database } from '../schema.js';
import { appendAudit } from './audit.js';
import { enqueueJob } from './jobs.js';
import { dispatchJobKey } from './expedition.js';

// Expediering, write side. Sending stores the dispatches and enqueues one job each in one
// transaction, so that either all of a request goes out or none of it; the job marks its dispatch
// sent or bounced in the transaction that finishes it (record(trx)), so a retry never sends twice.

type Executor = Db | Transaction<Database>;

export const SEND_EXPEDITION = 'send-expedition';
/** About a day of retries, the backoff capped at an hour: a mail server that is down delays, never loses. */
export const SEND_MAX_ATTEMPTS = 25;

/** A refusal found under the transaction's lock (another request got there first). */
export class ExpeditionRefused extends Error {
  constructor(readonly status: 404 | 409, readonly code: string, message: string) {
    super(message);
  }
}

export const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/** The job's payload: which dispatch, which sending of it, and the registration link's token (only here and in the e-mail). */
export interface SendPayload {
  dispatchId: number;
  attempt: number;
  token: string;
}

async function enqueueSend(trx: Transaction<Database>, payload: SendPayload): Promise<void> {
  await enqueueJob(trx, { kind: SEND_EXPEDITION, payload, maxAttempts: SEND_MAX_ATTEMPTS, dedupeKey: dispatchJobKey(payload.dispatchId, payload.attempt) });
}

/** Stores the dispatches of one request and puts each in the queue; all or nothing. Returns their ids. */
export async function createDispatches(
  db: Db,
  actor: Viewer,
  meetingId: number,
  wanted: { item: { id: number; number: number | null; title: string }; recipient: ResolvedRecipient }[],
): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    // Published protocols only; the lock keeps a revision or a second request from slipping between the check and the insert.
    const meeting = await trx.selectFrom('meeting').select('status').where('id', '=', meetingId).forUpdate().executeTakeFirst();
    if (!meeting) throw new ExpeditionRefused(404, 'not_found', 'Mötet finns inte.');
    if (meeting.status !== 'published') throw new ExpeditionRefused(409, 'not_published', 'Expediering görs först när protokollet är justerat och publicerat.');
    const ids: number[] = [];
    for (const { item, recipient: r } of wanted) {
      const token = newToken();
      const row = await trx
        .insertInto('expedition_dispatch')
        .values({
          meeting_id: meetingId,
          item_id: item.id,
          item_number: item.number,
          item_title: item.title,
          recipient_kind: r.kind,
          recipient_key: r.key,
          huvudman_id: r.huvudmanId,
          body_id: r.bodyId,
          recipient_name: r.name,
          addresses: r.addresses,
          reasons: r.reasons,
          deadline: r.deadline,
          token_sha256: sha256Hex(token),
          created_by: actor.kind === 'account' ? actor.accountId : null,
        })
        .onConflict((oc) => oc.columns(['item_id', 'recipient_key']).where('item_id', 'is not', null).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) throw new ExpeditionRefused(409, 'already_sent', `${r.name} har redan fått § ${item.number}. Inget har skickats.`);
      await enqueueSend(trx, { dispatchId: row.id, attempt: 1, token });
      ids.push(row.id);
    }
    await appendAudit(trx, actor, {
      action: 'expedition.send',
      entity: 'meeting',
      entityId: meetingId,
      after: wanted.map((w, i) => ({ dispatch: dispatchReference(ids[i]!), item: w.item.number, recipient: w.recipient.name, addresses: w.recipient.addresses, reasons: w.recipient.reasons })),
    });
    return ids;
  });
}

/** Sends a bounced dispatch again, to the addresses given (corrected since); a new token, a new job. */
export async function resendDispatch(db: Db, actor: Viewer, dispatchId: number, addresses: string[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const d = await trx.selectFrom('expedition_dispatch').select(['state', 'attempt', 'addresses', 'bounce_reason']).where('id', '=', dispatchId).forUpdate().executeTakeFirst();
    if (!d) throw new ExpeditionRefused(404, 'not_found', 'Utskicket finns inte.');
    const refusal = resendRefusal(d);
    if (refusal) throw new ExpeditionRefused(refusal.status, refusal.code, refusal.message);
    const token = newToken();
    const attempt = d.attempt + 1;
    await trx
      .updateTable('expedition_dispatch')
      .set({ state: 'queued', attempt, addresses, bounced_at: null, bounce_reason: null, token_sha256: sha256Hex(token) })
      .where('id', '=', dispatchId)
      .execute();
    await enqueueSend(trx, { dispatchId, attempt, token });
    await appendAudit(trx, actor, {
      action: 'expedition.resend', entity: 'expedition_dispatch', entityId: dispatchId,
      before: { addresses: d.addresses, bounceReason: d.bounce_reason }, after: { addresses, attempt },
    });
  });
}

/** Records the recipient's diary number (diarienummer): by the secretary, or by the registrar through the link. */
export async function registerDispatch(db: Db, actor: Viewer, dispatchId: number, diaryNumber: string, by: string, opts: { once: boolean }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const d = await trx.selectFrom('expedition_dispatch').select(['state', 'diary_number']).where('id', '=', dispatchId).forUpdate().executeTakeFirst();
    if (!d) throw new ExpeditionRefused(404, 'not_found', 'Utskicket finns inte.');
    const refusal = registrationRefusal(d);
    if (refusal) throw new ExpeditionRefused(refusal.status, refusal.code, refusal.message);
    // The link registers once; a correction afterwards is the secretary's.
    if (opts.once && d.diary_number !== null) {
      throw new ExpeditionRefused(409, 'already_registered', `Utskicket är redan registrerat med diarienummer ${d.diary_number}. Kontakta sekreteraren om det behöver rättas.`);
    }
    await trx.updateTable('expedition_dispatch').set({ diary_number: diaryNumber, registered_at: sql`now()`, registered_by: by }).where('id', '=', dispatchId).execute();
    await appendAudit(trx, actor, { action: 'expedition.register', entity: 'expedition_dispatch', entityId: dispatchId, before: { diaryNumber: d.diary_number }, after: { diaryNumber, by } });
  });
}

/** The dispatch as the sending job needs it; null when gone. */
export async function dispatchForSending(db: Db, dispatchId: number) {
  return db
    .selectFrom('expedition_dispatch')
    .select(['id', 'meeting_id', 'item_id', 'item_number', 'recipient_kind', 'recipient_name', 'addresses', 'reasons', 'deadline', 'state', 'attempt'])
    .where('id', '=', dispatchId)
    .executeTakeFirst();
}

/** In the transaction that finishes the job: the mail server took it. Only the sending this job was for, only once. */
export async function markSent(trx: Executor, dispatchId: number, attempt: number, messageId: string): Promise<void> {
  await trx
    .updateTable('expedition_dispatch')
    .set({ state: 'sent', sent_at: sql`now()`, message_id: messageId.slice(0, 500) })
    .where('id', '=', dispatchId)
    .where('attempt', '=', attempt)
    .where('state', '=', 'queued')
    .execute();
}

/** In the transaction that finishes the job: the mail server refused the address for good. */
export async function markBounced(trx: Executor, dispatchId: number, attempt: number, reason: string): Promise<void> {
  await trx
    .updateTable('expedition_dispatch')
    .set({ state: 'bounced', bounced_at: sql`now()`, bounce_reason: reason.slice(0, 2000) })
    .where('id', '=', dispatchId)
    .where('attempt', '=', attempt)
    .where('state', '=', 'queued')
    .execute();
}
