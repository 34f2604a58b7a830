import { z } from 'zod';
import { isIsoDate } from '../domain/dates.js';
import { reminderMail } from '../mail/reminder-mail.js';
import { dueThings, recordRemindersSent, remindersSent } from '../store/queries/reminders.js';
import { PermanentJobError, isPermanentMailError } from './errors.js';
import { defineJob } from './job.js';

// Sends one recipient's reminder e-mail for a day. What is in it is recorded (reminder_sent) in the
// transaction that marks the job done; a retry, or a later plan, leaves out what was recorded, and
// what was settled (or given another date) while the e-mail waited. A mail server that is down
// makes the job fail and come back later (backoff), so nothing is lost.

const isoDate = z.string().refine(isIsoDate, 'a date yyyy-mm-dd');

const Item = z.object({
  key: z.string().min(1),
  kind: z.enum(['assignment', 'recommendation', 'fund-report', 'document-review']),
  id: z.number().int(),
  due: isoDate,
  occasion: z.enum(['before', 'overdue']),
  title: z.string(),
  context: z.string(),
  path: z.string().startsWith('/'),
});

const SendPayload = z.object({ to: z.string().email(), day: isoDate, items: z.array(Item).min(1) });

export const sendReminder = defineJob({
  kind: 'send-reminder',
  payload: SendPayload,
  maxAttempts: 25, // about a day of retries with the backoff capped at an hour
  async run({ to, day, items }, ctx) {
    const sent = await remindersSent(ctx.db, [to], items.map((i) => i.key));
    const dues = items.map((i) => i.due).sort();
    const outstanding = await dueThings(ctx.db, { earliest: dues[0]!, latest: dues.at(-1)! });
    const left = items.filter((i) => !sent.has(`${to}\n${i.key}`) && outstanding.some((t) => t.kind === i.kind && t.id === i.id && t.due === i.due));
    if (left.length === 0) return;
    const base = ctx.config.publicUrl ?? `http://localhost:${ctx.config.port}`;
    try {
      await ctx.mailer.send(reminderMail(to, day, left, base));
    } catch (e) {
      if (isPermanentMailError(e)) throw new PermanentJobError(`the mail server refused ${to}: ${(e as Error).message}`);
      throw e;
    }
    return { record: (trx) => recordRemindersSent(trx, to, left.map((i) => i.key), day, ctx.job.id) };
  },
});
