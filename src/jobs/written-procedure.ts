import { z } from 'zod';
import { writtenOutcomeMail, writtenRequestMail } from '../mail/written-procedure-mail.js';
import { secretaryAddresses } from '../store/queries/reminders.js';
import { closeAtDeadline, forgetLinkToken, recordRequestMailed, type WrittenHooks } from '../store/queries/written-procedure.js';
import { getWrittenQuestion } from '../store/queries/written-procedure-read.js';
import { todayIso } from '../domain/assignments.js';
import { isPermanentMailError, PermanentJobError } from './errors.js';
import { defineJob, enqueue, type JobContext } from './job.js';

// The queue's part in a decision by written procedure: one mail per member with their link, the
// closing at the deadline (a job due then, not a timer), and the outcome to the secretary. Each
// is enqueued with a dedupe key in the transaction that sends or settles the question, so nothing
// is sent twice and a mail server that is down only delays.

const base = (ctx: JobContext) => (ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`).replace(/\/+$/, '');

async function send(ctx: JobContext, message: Parameters<JobContext['mailer']['send']>[0]) {
  try {
    await ctx.mailer.send(message);
  } catch (e) {
    if (isPermanentMailError(e)) throw new PermanentJobError(`the mail server refused ${message.to.join(', ')}: ${(e as Error).message}`);
    throw e;
  }
}

const RequestPayload = z.object({ questionId: z.number().int().positive(), personId: z.number().int().positive(), token: z.string().min(20).optional() });

/** The question to one member. The token leaves the job's payload when the mail has gone. */
export const sendWrittenRequest = defineJob({
  kind: 'written-procedure-request',
  payload: RequestPayload,
  maxAttempts: 25, // about a day with the backoff capped at an hour
  async run({ questionId, personId, token }, ctx) {
    const q = await getWrittenQuestion(ctx.db, questionId);
    if (!q) throw new PermanentJobError(`no written question ${questionId}`);
    const r = q.recipients.find((x) => x.personId === personId);
    if (!r) throw new PermanentJobError(`person ${personId} was not asked question ${questionId}`);
    if (!token) return;
    // Settled, past its deadline, or answered signed in before the mail went: nothing to ask.
    if (q.status !== 'open' || q.deadline.getTime() <= Date.now() || r.answer !== null) return { record: (trx) => forgetLinkToken(trx, ctx.job.id) };
    await send(ctx, writtenRequestMail({
      to: r.email, name: r.name, bodyName: q.body.name, title: q.title, proposal: q.proposal, clauses: q.clauses, rule: q.rule, deadline: q.deadline,
      documents: q.documents.map((d) => d.filename), link: `${base(ctx)}/per-capsulam/svar/${token}`,
    }));
    return { record: (trx) => recordRequestMailed(trx, questionId, personId, ctx.job.id) };
  },
});

const QuestionPayload = z.object({ questionId: z.number().int().positive() });

/** Told to the secretary who put the question (or the body's secretaries, when that account is gone). */
export const sendWrittenOutcome = defineJob({
  kind: 'written-procedure-outcome',
  payload: QuestionPayload,
  maxAttempts: 25,
  async run({ questionId }, ctx) {
    const q = await getWrittenQuestion(ctx.db, questionId);
    if (!q) throw new PermanentJobError(`no written question ${questionId}`);
    if (q.status === 'open' || !q.closedBy || !q.outcomeReason) throw new PermanentJobError(`written question ${questionId} is not settled`);
    const to = q.createdBy ? [q.createdBy.email] : ((await secretaryAddresses(ctx.db, [q.body.id], todayIso())).get(q.body.id) ?? []);
    if (to.length === 0) return void ctx.log.warn({ questionId }, 'written procedure settled: nobody to tell');
    await send(ctx, writtenOutcomeMail({
      to, bodyName: q.body.name, title: q.title, outcome: q.status, reason: q.outcomeReason, closedBy: q.closedBy,
      answers: q.recipients.map((r) => ({ name: r.name, answer: r.answer, comment: r.comment })), url: `${base(ctx)}/per-capsulam/${q.id}`,
    }));
  },
});

/** The hooks the store calls inside its transactions. */
export const writtenProcedureHooks: WrittenHooks = {
  async sent(trx, question, links) {
    for (const l of links) {
      await enqueue(trx, sendWrittenRequest, { questionId: question.id, personId: l.personId, token: l.token }, { dedupeKey: `written-request:${question.id}:${l.personId}` });
    }
    await enqueue(trx, closeWrittenQuestion, { questionId: question.id }, { runAt: question.deadline, dedupeKey: `written-close:${question.id}` });
  },
  async settled(trx, questionId) {
    await enqueue(trx, sendWrittenOutcome, { questionId }, { dedupeKey: `written-outcome:${questionId}` });
  },
};

/** Records the outcome at the deadline, unless the rule settled it before. */
export const closeWrittenQuestion = defineJob({
  kind: 'written-procedure-close',
  payload: QuestionPayload,
  maxAttempts: 100, // a closing must not be lost: days of retries
  async run({ questionId }, ctx) {
    const result = await closeAtDeadline(ctx.db, questionId, writtenProcedureHooks);
    if (result === 'missing') throw new PermanentJobError(`no written question ${questionId}`);
    // The clocks of the worker and the database disagree by a moment: try again shortly.
    if (result === 'not-yet') throw new Error(`the deadline of written question ${questionId} has not passed yet`);
    ctx.log.info({ questionId, result }, 'written question closed at its deadline');
  },
});
