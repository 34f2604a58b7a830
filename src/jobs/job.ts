import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Mailer } from '../mail/mailer.js';
import type { Db } from '../store/db.js';
import { enqueueJob, type Job } from '../store/queries/jobs.js';
import type { Database } from '../store/schema.js';

// What a kind of job is. A handler is idempotent, or returns `record`, which runs in the
// transaction that marks the job done, so that what it did (a mail sent) and "done" are stored
// together: a retry then knows what was already done.

export interface JobDeps {
  db: Db;
  mailer: Mailer;
  config: Pick<Config, 'publicUrl' | 'port' | 'reminderDays'>;
  log: Logger;
}

export interface JobContext extends JobDeps {
  job: Job;
}

export interface JobResult {
  record?: (trx: Transaction<Database>) => Promise<void>;
}

export interface JobDefinition<P = unknown> {
  kind: string;
  payload: z.ZodType<P>;
  maxAttempts: number;
  run(payload: P, ctx: JobContext): Promise<JobResult | void>;
  /** For a recurring job: puts it in the queue when it is not there (called when a worker starts, and hourly). */
  ensure?(db: Db): Promise<void>;
}

export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  return def;
}

/** Enqueues a job of this kind (inside the caller's transaction when given one); a taken dedupe key makes it a no-op. */
export function enqueue<P>(
  db: Db | Transaction<Database>,
  def: JobDefinition<P>,
  payload: P,
  opts: { runAt?: Date; dedupeKey?: string | null; maxAttempts?: number } = {},
): Promise<{ id: number; created: boolean }> {
  return enqueueJob(db, { kind: def.kind, payload, runAt: opts.runAt, maxAttempts: opts.maxAttempts ?? def.maxAttempts, dedupeKey: opts.dedupeKey });
}
