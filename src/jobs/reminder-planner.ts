import { z } from 'zod';
import { todayIso } from '../domain/assignments.js';
import { isIsoDate } from '../domain/dates.js';
import { PLAN_HOUR, addDays, dueRange, planDedupeKey, reminderDedupeKey, remindersByRecipient, swedishTime, type ReminderItem } from '../domain/reminders.js';
import type { Db } from '../store/db.js';
import { hasOpenJob } from '../store/queries/jobs.js';
import { dueThings, remindersSent, secretaryAddresses } from '../store/queries/reminders.js';
import { defineJob, enqueue } from './job.js';
import { sendReminder } from './reminder-sender.js';

// The daily planning of reminders, a job that re-enqueues itself for the next morning: the
// schedule lives in the job table, not in a timer. A run for a day that has passed (the worker was
// down) covers every day from then to today, in one e-mail per recipient.

const PlanPayload = z.object({ day: z.string().refine(isIsoDate, 'a date yyyy-mm-dd') });

/** Who is to be reminded of what in a run covering [from, to], less what each was already reminded of. */
export async function reminderPlan(db: Db, window: { from: string; to: string; reminderDays: readonly number[] }): Promise<Map<string, ReminderItem[]>> {
  const things = await dueThings(db, dueRange(window.from, window.to, window.reminderDays));
  const secretaries = await secretaryAddresses(db, things.map((t) => t.bodyId), window.to);
  const all = remindersByRecipient(things, secretaries, window, () => false);
  const sent = await remindersSent(db, [...all.keys()], [...all.values()].flat().map((i) => i.key));
  return remindersByRecipient(things, secretaries, window, (recipient, key) => sent.has(`${recipient}\n${key}`));
}

export const planReminders = defineJob({
  kind: 'plan-reminders',
  payload: PlanPayload,
  maxAttempts: 100, // backoff capped at an hour: days of retries before it gives up
  async run({ day }, ctx) {
    const today = todayIso();
    const to = day > today ? day : today;
    const plan = await reminderPlan(ctx.db, { from: day, to, reminderDays: ctx.config.reminderDays });
    const next = addDays(to, 1);
    ctx.log.info({ day, to, recipients: plan.size }, 'reminders planned');
    return {
      record: async (trx) => {
        for (const [recipient, items] of plan) {
          await enqueue(trx, sendReminder, { to: recipient, day: to, items }, { dedupeKey: reminderDedupeKey(recipient, to) });
        }
        await enqueue(trx, planReminders, { day: next }, { runAt: swedishTime(next, PLAN_HOUR), dedupeKey: planDedupeKey(next) });
      },
    };
  },
  ensure: (db) => ensureReminderPlan(db),
});

/** Starts the daily chain when it is not running (first start, or after it failed): planning today, now. */
export async function ensureReminderPlan(db: Db): Promise<void> {
  if (await hasOpenJob(db, planReminders.kind)) return;
  const today = todayIso();
  await enqueue(db, planReminders, { day: today }, { dedupeKey: planDedupeKey(today) });
}
