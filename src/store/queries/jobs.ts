import { sql, type Selectable, type Transaction } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import type { Db } from '../db.js';
import type { Database } from '../schema.js';
import type { JobTable } from '../schema-jobs.js';
import { appendAudit } from './audit.js';

// The job queue's SQL (table from 0008-jobs). A job is open until done_at or failed_at is set;
// while a worker holds its lease (locked_until in the future) no other worker takes it.

type Executor = Db | Transaction<Database>;

export interface Job {
  id: number;
  kind: string;
  payload: unknown;
  runAt: Date;
  attempts: number; // counting the run in progress
  maxAttempts: number;
  lockedUntil: Date | null;
  lockedBy: string | null;
  lastError: string | null;
  doneAt: Date | null;
  failedAt: Date | null;
  dedupeKey: string | null;
  createdAt: Date;
}

function toJob(r: Selectable<JobTable>): Job {
  return {
    id: Number(r.id), kind: r.kind, payload: r.payload, runAt: new Date(r.run_at), attempts: r.attempts, maxAttempts: r.max_attempts,
    lockedUntil: r.locked_until ? new Date(r.locked_until) : null, lockedBy: r.locked_by, lastError: r.last_error,
    doneAt: r.done_at ? new Date(r.done_at) : null, failedAt: r.failed_at ? new Date(r.failed_at) : null,
    dedupeKey: r.dedupe_key, createdAt: new Date(r.created_at),
  };
}

export interface NewJob {
  kind: string;
  payload: unknown;
  runAt?: Date | undefined; // default now
  maxAttempts?: number | undefined;
  /** A job with the same key, whatever its state, makes this one a no-op. */
  dedupeKey?: string | null | undefined;
}

/** Adds a job (inside the caller's transaction when given one); `created` is false when its dedupe key was taken. */
export async function enqueueJob(db: Executor, job: NewJob): Promise<{ id: number; created: boolean }> {
  const row = await db
    .insertInto('job')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      run_at: job.runAt ?? sql<Date>`now()`,
      ...(job.maxAttempts !== undefined ? { max_attempts: job.maxAttempts } : {}),
      dedupe_key: job.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) return { id: Number(row.id), created: true };
  const existing = await db.selectFrom('job').select('id').where('dedupe_key', '=', job.dedupeKey!).executeTakeFirstOrThrow();
  return { id: Number(existing.id), created: false };
}

/**
 * Takes up to `limit` due jobs for this worker: each gets a lease and one more attempt. Rows another
 * worker is claiming at the same moment are skipped, not waited for. A job whose worker vanished
 * (lease run out) after its last allowed attempt is marked failed instead of being run again.
 */
export async function claimJobs(db: Db, workerId: string, opts: { limit: number; leaseSeconds: number }): Promise<Job[]> {
  await db
    .updateTable('job')
    .set({ failed_at: sql`now()`, last_error: sql`coalesce(last_error || '; ', '') || 'the worker stopped during the last attempt (lease ran out)'` })
    .where('done_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('locked_until', '<', sql<Date>`now()`)
    .where(sql<boolean>`attempts >= max_attempts`)
    .execute();
  const { rows } = await sql<Selectable<JobTable>>`
    with next as (
      select id from job
      where done_at is null and failed_at is null and run_at <= now()
        and (locked_until is null or locked_until < now()) and attempts < max_attempts
      order by run_at, id
      limit ${opts.limit}
      for update skip locked)
    update job j
    set locked_until = now() + make_interval(secs => ${opts.leaseSeconds}), locked_by = ${workerId}, attempts = j.attempts + 1
    from next where j.id = next.id
    returning j.*`.execute(db);
  return rows.map(toJob).sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
}

/** Marks the job done and, in the same transaction, records what it did (`record`). */
export async function completeJob(db: Db, jobId: number, record?: (trx: Transaction<Database>) => Promise<void>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('job')
      .set({ done_at: sql`now()`, locked_until: null })
      .where('id', '=', jobId)
      .where('done_at', 'is', null)
      .where('failed_at', 'is', null)
      .execute();
    if (record) await record(trx);
  });
}

/**
 * Records a failed attempt: the job runs again after `retryInSeconds`, or fails for good when it
 * has had its attempts or the failure is permanent. Only while this worker holds it: a job another
 * worker took over after the lease ran out is theirs. Returns whether it failed for good.
 */
export async function failJob(db: Db, jobId: number, workerId: string, error: string, opts: { retryInSeconds: number; permanent?: boolean }): Promise<boolean> {
  const final = opts.permanent ? sql<boolean>`true` : sql<boolean>`attempts >= max_attempts`;
  const row = await db
    .updateTable('job')
    .set({
      last_error: error.slice(0, 2000),
      locked_until: null,
      failed_at: sql`case when ${final} then now() end`,
      run_at: sql`case when ${final} then run_at else now() + make_interval(secs => ${opts.retryInSeconds}) end`,
    })
    .where('id', '=', jobId)
    .where('locked_by', '=', workerId)
    .where('done_at', 'is', null)
    .where('failed_at', 'is', null)
    .returning('failed_at')
    .executeTakeFirst();
  return !!row?.failed_at;
}

export async function getJob(db: Executor, id: number): Promise<Job | null> {
  const row = await db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toJob(row) : null;
}

export async function findJobByKey(db: Executor, dedupeKey: string): Promise<Job | null> {
  const row = await db.selectFrom('job').selectAll().where('dedupe_key', '=', dedupeKey).executeTakeFirst();
  return row ? toJob(row) : null;
}

/** Whether a job of this kind is still open (pending, running or waiting to retry). */
export async function hasOpenJob(db: Executor, kind: string): Promise<boolean> {
  return !!(await db.selectFrom('job').select('id').where('kind', '=', kind).where('done_at', 'is', null).where('failed_at', 'is', null).executeTakeFirst());
}

export interface JobCounts {
  pending: number; // due now or later, nobody working on it
  running: number; // a worker holds the lease
  retrying: number; // among pending: failed at least once, waiting for its next attempt
  failed: number;
  done: number;
  nextRunAt: Date | null;
}

export async function jobCounts(db: Db): Promise<JobCounts> {
  const { rows } = await sql<{ pending: number; running: number; retrying: number; failed: number; done: number; next_run_at: Date | null }>`
    select
      count(*) filter (where done_at is null and failed_at is null and (locked_until is null or locked_until < now()))::int as pending,
      count(*) filter (where done_at is null and failed_at is null and locked_until >= now())::int as running,
      count(*) filter (where done_at is null and failed_at is null and (locked_until is null or locked_until < now()) and last_error is not null)::int as retrying,
      count(*) filter (where failed_at is not null)::int as failed,
      count(*) filter (where done_at is not null)::int as done,
      min(run_at) filter (where done_at is null and failed_at is null) as next_run_at
    from job`.execute(db);
  const r = rows[0]!;
  return { pending: r.pending, running: r.running, retrying: r.retrying, failed: r.failed, done: r.done, nextRunAt: r.next_run_at ? new Date(r.next_run_at) : null };
}

/** Failed jobs, newest first; or the open ones that have failed at least once (state 'retrying'). */
export async function listJobs(db: Db, filter: { state: 'failed' | 'retrying'; limit?: number }): Promise<Job[]> {
  let q = db.selectFrom('job').selectAll().limit(filter.limit ?? 100);
  q = filter.state === 'failed'
    ? q.where('failed_at', 'is not', null).orderBy('failed_at', 'desc')
    : q.where('done_at', 'is', null).where('failed_at', 'is', null).where('last_error', 'is not', null).orderBy('run_at');
  return (await q.orderBy('id', 'desc').execute()).map(toJob);
}

/** Gives a failed job a new set of attempts, due now. False when there is no such failed job. */
export async function retryFailedJob(db: Db, actor: Viewer, id: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('job').select(['kind', 'attempts', 'last_error', 'failed_at']).where('id', '=', id).where('failed_at', 'is not', null).forUpdate().executeTakeFirst();
    if (!before) return false;
    await trx.updateTable('job').set({ failed_at: null, attempts: 0, run_at: sql`now()`, locked_until: null }).where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: 'job.retry', entity: 'job', entityId: id, before });
    return true;
  });
}
