import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, signedIn } from '../helpers/client.js';
import { claimJobs, enqueueJob, failJob, getJob } from '../../src/store/queries/jobs.js';
import { listAudit } from '../../src/store/queries/audit.js';
import type { Store } from '../../src/store/db.js';

// Administration → Jobbkö: the queue's counts, the failed jobs with their errors, and another round
// for one of them; for administrators only.

let store: Store;
let app: ReturnType<typeof testApp>;
let admin: Client;
let failedId: number;

beforeAll(async () => {
  store = await openTestStore({ seed: false });
  app = testApp(store);
  admin = await signedIn(store, app, { email: 'admin@example.se', admin: true });
  failedId = (await enqueueJob(store.db, { kind: 'send-reminder', payload: {}, maxAttempts: 1, dedupeKey: 'reminder:sara@bbu.example.se:2024-02-20' })).id;
  await claimJobs(store.db, 'w1', { limit: 1, leaseSeconds: 60 });
  await failJob(store.db, failedId, 'w1', 'connect ECONNREFUSED 127.0.0.1:25', { retryInSeconds: 30 });
  await enqueueJob(store.db, { kind: 'plan-reminders', payload: { day: '2024-02-21' }, runAt: new Date(Date.now() + 3_600_000) });
});
afterAll(async () => {
  await store?.close();
});

describe('the job queue for administrators', () => {
  it('shows the counts and each failed job with its last error', async () => {
    const res = await admin.get('/api/admin/jobs');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ pending: 1, running: 0, retrying: 0, failed: 1, done: 0, retryingJobs: [] });
    expect(res.body.failedJobs).toEqual([expect.objectContaining({
      id: failedId, kind: 'send-reminder', dedupeKey: 'reminder:sara@bbu.example.se:2024-02-20', attempts: 1, maxAttempts: 1, lastError: 'connect ECONNREFUSED 127.0.0.1:25',
    })]);
  });

  it('gives a failed job another round, with an audit entry; a job that has not failed is a 404', async () => {
    expect((await admin.post(`/api/admin/jobs/${failedId}/retry`)).status).toBe(204);
    expect(await getJob(store.db, failedId)).toMatchObject({ attempts: 0, failedAt: null });
    expect((await listAudit(store.db, { limit: 1 }))[0]).toMatchObject({ action: 'job.retry', entity: 'job', entityId: String(failedId) });
    const again = await admin.post(`/api/admin/jobs/${failedId}/retry`);
    expect(again).toMatchObject({ status: 404, body: { error: { message: 'Det finns inget misslyckat jobb med det numret.' } } });
  });

  it('is closed to everyone else', async () => {
    expect((await new Client(app).get('/api/admin/jobs')).status).toBe(401);
    const reader = await signedIn(store, app, { email: 'reader@example.se' });
    expect((await reader.get('/api/admin/jobs')).status).toBe(403);
    expect((await reader.post(`/api/admin/jobs/${failedId}/retry`)).status).toBe(403);
  });
});
