import { sql } from 'kysely';
import { z } from 'zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { onServer, openTestStore } from '../helpers/db.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createMailer } from '../../src/mail/mailer.js';
import { defineJob, enqueue } from '../../src/jobs/job.js';
import { jobRegistry } from '../../src/jobs/registry.js';
import { JobWorker } from '../../src/jobs/worker.js';
import { claimJobs, enqueueJob, getJob, jobCounts, listJobs, retryFailedJob } from '../../src/store/queries/jobs.js';
import { SYSTEM } from '../../src/domain/access.js';
import type { Store } from '../../src/store/db.js';

// The queue on both engines: dedupe, leases, retries with backoff, failing for good, and (on a
// PostgreSQL server, where claims really run side by side) two workers never taking the same job.

let store: Store & { dataDir: string | null };
const ran: { job: number; worker: string; n: number }[] = [];
let failures = 0;

const echo = defineJob({
  kind: 'test-echo',
  payload: z.object({ n: z.number() }),
  maxAttempts: 3,
  async run({ n }, ctx) {
    await new Promise((r) => setTimeout(r, 2));
    return { record: async () => void ran.push({ job: ctx.job.id, worker: ctx.job.lockedBy!, n }) };
  },
});
const broken = defineJob({
  kind: 'test-broken',
  payload: z.object({}),
  maxAttempts: 3,
  async run() {
    failures++;
    throw new Error('the other end is down');
  },
});
const recordFails = defineJob({
  kind: 'test-record-fails',
  payload: z.object({}),
  maxAttempts: 3,
  async run() {
    return {
      record: async (trx) => {
        await enqueue(trx, echo, { n: 99 }, { dedupeKey: 'made-by-record' });
        throw new Error('could not record');
      },
    };
  },
});
const registry = jobRegistry([echo, broken, recordFails]);

function worker(id: string, pollMs = 5000) {
  const config = loadConfig({});
  return new JobWorker(
    { db: store.db, mailer: createMailer({ smtpUrl: undefined, mailFrom: undefined, dataDir: store.dataDir ?? '/tmp' }), config, log: createLogger('silent') },
    { id, registry, backoff: { baseSeconds: 30, capSeconds: 3600 }, leaseSeconds: 60, pollMs },
  );
}

const secondsFromNow = async (d: Date) => (d.getTime() - (await sql<{ now: Date }>`select now() as now`.execute(store.db)).rows[0]!.now.getTime()) / 1000;

beforeAll(async () => {
  store = await openTestStore({ seed: false });
});
afterAll(async () => {
  await store?.close();
});
beforeEach(async () => {
  await store.db.deleteFrom('job').execute();
  ran.length = 0;
  failures = 0;
});

describe('enqueueing', () => {
  it('the same dedupe key twice is a no-op, also after the first is done', async () => {
    const first = await enqueueJob(store.db, { kind: 'test-echo', payload: { n: 1 }, dedupeKey: 'reminder:a@x.se:2024-02-20' });
    const second = await enqueueJob(store.db, { kind: 'test-echo', payload: { n: 2 }, dedupeKey: 'reminder:a@x.se:2024-02-20' });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    expect(await worker('w1').runDue()).toEqual({ done: 1, retry: 0, failed: 0 });
    expect((await enqueueJob(store.db, { kind: 'test-echo', payload: { n: 3 }, dedupeKey: 'reminder:a@x.se:2024-02-20' })).created).toBe(false);
    expect(await worker('w1').runDue()).toEqual({ done: 0, retry: 0, failed: 0 });
    expect(ran.map((r) => r.n)).toEqual([1]);
  });

  it('a job due later waits', async () => {
    await enqueueJob(store.db, { kind: 'test-echo', payload: { n: 1 }, runAt: new Date(Date.now() + 3_600_000) });
    expect(await worker('w1').runDue()).toEqual({ done: 0, retry: 0, failed: 0 });
    expect((await jobCounts(store.db)).pending).toBe(1);
  });
});

describe('claiming', () => {
  it('holds a job for its lease; a worker that vanished loses it once the lease has run out', async () => {
    const { id } = await enqueueJob(store.db, { kind: 'test-echo', payload: { n: 1 } });
    const [claimed] = await claimJobs(store.db, 'crashed', { limit: 5, leaseSeconds: 60 });
    expect(claimed).toMatchObject({ id, attempts: 1, lockedBy: 'crashed' });
    expect(await secondsFromNow(claimed!.lockedUntil!)).toBeGreaterThan(55);
    expect(await claimJobs(store.db, 'other', { limit: 5, leaseSeconds: 60 })).toEqual([]);
    expect((await jobCounts(store.db)).running).toBe(1);

    await store.db.updateTable('job').set({ locked_until: sql`now() - interval '1 second'` }).where('id', '=', id).execute(); // the lease runs out
    expect(await worker('w2').runDue()).toEqual({ done: 1, retry: 0, failed: 0 });
    expect(await getJob(store.db, id)).toMatchObject({ attempts: 2, lockedBy: 'w2' });
    expect(ran).toEqual([{ job: id, worker: 'w2', n: 1 }]);
  });

  it('a job whose worker vanished during its last attempt fails instead of running again', async () => {
    const { id } = await enqueueJob(store.db, { kind: 'test-echo', payload: { n: 1 }, maxAttempts: 1 });
    await claimJobs(store.db, 'crashed', { limit: 1, leaseSeconds: 60 });
    await store.db.updateTable('job').set({ locked_until: sql`now() - interval '1 second'` }).where('id', '=', id).execute();
    expect(await worker('w2').runDue()).toEqual({ done: 0, retry: 0, failed: 0 });
    expect(await getJob(store.db, id)).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/lease ran out/) });
    expect((await getJob(store.db, id))!.failedAt).not.toBeNull();
    expect(ran).toEqual([]);
  });

  it.skipIf(!onServer)('two workers claiming at the same time never take the same job (PostgreSQL server only: PGlite has a single connection, so its claims cannot overlap)', async () => {
    for (let n = 0; n < 60; n++) await enqueueJob(store.db, { kind: 'test-echo', payload: { n } });
    // two workers, and six bare claims besides them, all at once on the pool's connections
    const [a, b, ...claims] = await Promise.all([
      worker('a').runDue(), worker('b').runDue(),
      ...['c', 'd', 'e', 'f', 'g', 'h'].map((id) => claimJobs(store.db, id, { limit: 3, leaseSeconds: 60 })),
    ]);
    const claimed = claims.flat().map((j) => j.id);
    const taken = ran.map((r) => r.job).concat(claimed);
    expect(taken).toHaveLength(60);
    expect(new Set(taken).size).toBe(60);
    expect(a.done + b.done).toBe(60 - claimed.length);
    expect(a.done).toBeGreaterThan(0);
    expect(b.done).toBeGreaterThan(0);
    expect(new Set(ran.map((r) => r.worker))).toEqual(new Set(['a', 'b']));
  });
});

describe('failures', () => {
  it('are retried later with a growing wait, then fail for good and are listed', async () => {
    const { id } = await enqueueJob(store.db, { kind: 'test-broken', payload: {}, maxAttempts: 3 });
    const w = worker('w1');
    expect(await w.runDue()).toEqual({ done: 0, retry: 1, failed: 0 });
    let job = (await getJob(store.db, id))!;
    expect(job).toMatchObject({ attempts: 1, lastError: 'the other end is down', failedAt: null, doneAt: null, lockedUntil: null });
    expect(await secondsFromNow(job.runAt)).toBeGreaterThan(25);
    expect(await secondsFromNow(job.runAt)).toBeLessThanOrEqual(30);
    expect(await listJobs(store.db, { state: 'retrying' })).toHaveLength(1);
    expect(await w.runDue()).toEqual({ done: 0, retry: 0, failed: 0 }); // not due yet

    await store.db.updateTable('job').set({ run_at: sql`now()` }).where('id', '=', id).execute(); // time passes
    expect(await w.runDue()).toEqual({ done: 0, retry: 1, failed: 0 });
    job = (await getJob(store.db, id))!;
    expect(job.attempts).toBe(2);
    expect(await secondsFromNow(job.runAt)).toBeGreaterThan(55); // twice as long

    await store.db.updateTable('job').set({ run_at: sql`now()` }).where('id', '=', id).execute();
    expect(await w.runDue()).toEqual({ done: 0, retry: 0, failed: 1 });
    job = (await getJob(store.db, id))!;
    expect(job.failedAt).not.toBeNull();
    expect(failures).toBe(3);
    expect(await jobCounts(store.db)).toMatchObject({ pending: 0, failed: 1 });
    expect((await listJobs(store.db, { state: 'failed' })).map((j) => j.id)).toEqual([id]);
    await store.db.updateTable('job').set({ run_at: sql`now()` }).where('id', '=', id).execute();
    expect(await w.runDue()).toEqual({ done: 0, retry: 0, failed: 0 }); // failed is final

    expect(await retryFailedJob(store.db, SYSTEM, id)).toBe(true);
    expect(await getJob(store.db, id)).toMatchObject({ attempts: 0, failedAt: null });
    expect(await w.runDue()).toEqual({ done: 0, retry: 1, failed: 0 });
    expect(await retryFailedJob(store.db, SYSTEM, id)).toBe(false); // it is not failed now
  });

  it('a malformed payload or an unknown kind: failed at once, or retried for a worker that knows the kind', async () => {
    const bad = await enqueueJob(store.db, { kind: 'test-echo', payload: { n: 'one' } });
    const unknown = await enqueueJob(store.db, { kind: 'from-a-newer-version', payload: {} });
    expect(await worker('w1').runDue()).toEqual({ done: 0, retry: 1, failed: 1 });
    expect(await getJob(store.db, bad.id)).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/^malformed payload: n:/) });
    expect((await getJob(store.db, bad.id))!.failedAt).not.toBeNull();
    expect(await getJob(store.db, unknown.id)).toMatchObject({ failedAt: null, lastError: 'no handler for jobs of kind from-a-newer-version' });
  });

  it('when what a job did cannot be recorded, it is not done either, and nothing of the record stays', async () => {
    const { id } = await enqueueJob(store.db, { kind: 'test-record-fails', payload: {} });
    expect(await worker('w1').runDue()).toEqual({ done: 0, retry: 1, failed: 0 });
    expect(await getJob(store.db, id)).toMatchObject({ doneAt: null, lastError: 'could not record' });
    expect(await store.db.selectFrom('job').select('id').where('dedupe_key', '=', 'made-by-record').executeTakeFirst()).toBeUndefined();
  });
});

describe('the worker loop', () => {
  it('works jobs as they fall due and stops when asked, after the job in hand', async () => {
    const w = worker('loop', 50);
    w.start();
    await enqueueJob(store.db, { kind: 'test-echo', payload: { n: 1 } });
    await enqueueJob(store.db, { kind: 'test-echo', payload: { n: 2 }, runAt: new Date(Date.now() + 300) });
    const until = Date.now() + 10_000;
    while (ran.length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    await w.stop();
    expect(ran.map((r) => r.n)).toEqual([1, 2]);
    await enqueueJob(store.db, { kind: 'test-echo', payload: { n: 3 } });
    await new Promise((r) => setTimeout(r, 200));
    expect(ran).toHaveLength(2);
  });
});
