import type { JobDefinition } from './job.js';
import { planReminders } from './reminder-planner.js';
import { sendReminder } from './reminder-sender.js';
import { closeWrittenQuestion, sendWrittenOutcome, sendWrittenRequest } from './written-procedure.js';
import { sendExpedition } from './expedition-sender.js';

// The kinds of job the worker knows. A new kind: define it with defineJob (job.ts) and list it here.

export type JobRegistry = ReadonlyMap<string, JobDefinition>;

export function jobRegistry(defs: JobDefinition[]): JobRegistry {
  return new Map(defs.map((d) => [d.kind, d]));
}

/** Every kind of job Samverka runs. */
export function jobKinds(): JobRegistry {
  return jobRegistry([planReminders, sendReminder, sendWrittenRequest, closeWrittenQuestion, sendWrittenOutcome, sendExpedition]);
}
