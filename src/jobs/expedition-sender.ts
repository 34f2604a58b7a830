import { z } from 'zod';
import { buildDispatch, DispatchGoneError } from '../expedition/build.js';
import { dispatchForSending, markBounced, markSent, SEND_EXPEDITION, SEND_MAX_ATTEMPTS } from '../store/queries/expedition-write.js';
import { isPermanentMailError, PermanentJobError } from './errors.js';
import { defineJob } from './job.js';

// Sends one dispatch of an expediering: the extract and the decision record to one recipient.
// Its state is recorded in the transaction that marks the job done — sent, or bounced when the
// mail server refuses the address for good (5xx) — so a retry or a second worker never sends it
// twice. A mail server that is down, or a PDF printer that is busy, makes the job fail and come
// back later (backoff): delayed, never lost.

const Payload = z.object({ dispatchId: z.number().int().positive(), attempt: z.number().int().positive(), token: z.string().min(20).max(200) });

export const sendExpedition = defineJob({
  kind: SEND_EXPEDITION,
  payload: Payload,
  maxAttempts: SEND_MAX_ATTEMPTS,
  async run({ dispatchId, attempt, token }, ctx) {
    const d = await dispatchForSending(ctx.db, dispatchId);
    // Gone, sent again since (a newer attempt), or already recorded: nothing left for this job.
    if (!d || d.attempt !== attempt || d.state !== 'queued') return;
    if (d.item_id === null) throw new PermanentJobError(`dispatch ${dispatchId}: its agenda item no longer exists`);
    const baseUrl = ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;
    let built;
    try {
      built = await buildDispatch(ctx.db, {
        id: d.id,
        meetingId: d.meeting_id,
        itemId: d.item_id,
        recipient: { kind: d.recipient_kind, name: d.recipient_name, addresses: d.addresses },
        reasons: d.reasons,
        deadline: d.deadline,
      }, { baseUrl, token });
    } catch (e) {
      if (e instanceof DispatchGoneError) throw new PermanentJobError(`dispatch ${dispatchId}: ${e.message}`);
      throw e; // Chromium busy or starting: another attempt will do
    }
    try {
      const sent = await ctx.mailer.send(built.mail);
      return { record: (trx) => markSent(trx, dispatchId, attempt, sent.messageId) };
    } catch (e) {
      // A bounce is an outcome, not a failure of the job: recorded, and shown to the secretary.
      if (isPermanentMailError(e)) {
        const reason = (e as Error).message;
        ctx.log.warn({ dispatchId, reason }, 'expediering bounced');
        return { record: (trx) => markBounced(trx, dispatchId, attempt, reason) };
      }
      throw e;
    }
  },
});
