import { z } from '@hono/zod-openapi';
import { defineRoute, type ApiApp } from '../route.js';
import { IdParam, errorResponses } from '../schemas.js';
import { ApiError } from '../errors.js';
import { jobCounts, listJobs, retryFailedJob, type Job } from '../../store/queries/jobs.js';

// The job queue for administrators: how much waits, and the jobs that failed for good (with their
// last error), each of which can be given another round.

const JobSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    dedupeKey: z.string().nullable(),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    lastError: z.string().nullable(),
    runAt: z.string(),
    failedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Job');

const QueueSchema = z
  .object({
    pending: z.number().int(),
    running: z.number().int(),
    retrying: z.number().int(),
    failed: z.number().int(),
    done: z.number().int(),
    nextRunAt: z.string().nullable(),
    failedJobs: z.array(JobSchema),
    retryingJobs: z.array(JobSchema),
  })
  .openapi('JobQueue');

const view = (j: Job) => ({
  id: j.id, kind: j.kind, dedupeKey: j.dedupeKey, attempts: j.attempts, maxAttempts: j.maxAttempts, lastError: j.lastError,
  runAt: j.runAt.toISOString(), failedAt: j.failedAt?.toISOString() ?? null, createdAt: j.createdAt.toISOString(),
});

export function registerJobRoutes(app: ApiApp): void {
  defineRoute(
    app,
    { method: 'get', path: '/api/admin/jobs', permission: 'admin', summary: 'The job queue: counts, failed jobs and jobs waiting to be retried', responses: { 200: { description: 'Queue', content: { 'application/json': { schema: QueueSchema } } }, ...errorResponses } },
    async (c) => {
      const { db } = c.var.deps.store;
      const counts = await jobCounts(db);
      const [failed, retrying] = await Promise.all([listJobs(db, { state: 'failed', limit: 100 }), listJobs(db, { state: 'retrying', limit: 100 })]);
      return c.json({ ...counts, nextRunAt: counts.nextRunAt?.toISOString() ?? null, failedJobs: failed.map(view), retryingJobs: retrying.map(view) }, 200);
    },
  );

  defineRoute(
    app,
    { method: 'post', path: '/api/admin/jobs/{id}/retry', permission: 'admin', summary: 'Give a failed job another round of attempts, due now', request: { params: IdParam }, responses: { 204: { description: 'Queued again' }, ...errorResponses } },
    async (c) => {
      if (!(await retryFailedJob(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id))) throw new ApiError(404, 'not_found', 'Det finns inget misslyckat jobb med det numret.');
      return c.body(null, 204);
    },
  );
}
