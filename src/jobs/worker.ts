import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { claimJobs, completeJob, failJob, type Job } from '../store/queries/jobs.js';
import { backoffSeconds, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import { PermanentJobError } from './errors.js';
import type { JobDeps } from './job.js';
import { jobKinds, type JobRegistry } from './registry.js';

// Works the job queue: claims one due job at a time, runs its handler, and records the outcome.
// Several workers (processes on a PostgreSQL server) may run at once; the claim keeps them apart.
// The loop polls the table every few seconds: the schedule itself is in the table (run_at).

export interface WorkerOptions {
  id?: string;
  pollMs?: number; // how often an idle worker looks for due jobs
  leaseSeconds?: number; // how long a job is held before another worker may take it again
  backoff?: BackoffPolicy;
  registry?: JobRegistry;
}

export interface JobOutcome {
  job: Job;
  status: 'done' | 'retry' | 'failed';
  error?: string;
}

export interface RunSummary {
  done: number;
  retry: number;
  failed: number;
}

/** Longer than any single handler runs (nodemailer gives up on a silent server after 10 minutes). */
export const DEFAULT_LEASE_SECONDS = 15 * 60;
const ENSURE_EVERY_MS = 60 * 60 * 1000;

export class JobWorker {
  readonly id: string;
  private readonly pollMs: number;
  private readonly leaseSeconds: number;
  private readonly backoff: BackoffPolicy;
  private readonly registry: JobRegistry;
  private loop: Promise<void> | null = null;
  private stopping = false;
  private wake: (() => void) | null = null;

  constructor(private readonly deps: JobDeps, opts: WorkerOptions = {}) {
    this.id = opts.id ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.pollMs = opts.pollMs ?? 5000;
    this.leaseSeconds = opts.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
    this.backoff = opts.backoff ?? DEFAULT_BACKOFF;
    this.registry = opts.registry ?? jobKinds();
  }

  /** Puts the recurring jobs (the daily reminder plan) in the queue when they are missing. */
  async ensureRecurring(): Promise<void> {
    for (const def of this.registry.values()) await def.ensure?.(this.deps.db);
  }

  /** Claims and runs one due job; null when none is due. */
  async runNext(): Promise<JobOutcome | null> {
    const [job] = await claimJobs(this.deps.db, this.id, { limit: 1, leaseSeconds: this.leaseSeconds });
    if (!job) return null;
    const log = this.deps.log.child({ job: job.id, kind: job.kind, attempt: job.attempts });
    try {
      const def = this.registry.get(job.kind);
      // Not permanent: a newer worker on the same database may know the kind.
      if (!def) throw new Error(`no handler for jobs of kind ${job.kind}`);
      const payload = def.payload.safeParse(job.payload);
      if (!payload.success) throw new PermanentJobError(`malformed payload: ${payload.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const result = await def.run(payload.data, { ...this.deps, job });
      await completeJob(this.deps.db, job.id, result?.record);
      log.info('job done');
      return { job, status: 'done' };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const final = await failJob(this.deps.db, job.id, this.id, error, {
        retryInSeconds: backoffSeconds(job.attempts, this.backoff),
        permanent: e instanceof PermanentJobError,
      });
      if (final) log.error({ error }, 'job failed for good');
      else log.warn({ error }, 'job failed, will retry');
      return { job, status: final ? 'failed' : 'retry', error };
    }
  }

  /** Works every job that is due, then returns (`samverka worker --once`). */
  async runDue(): Promise<RunSummary> {
    const summary: RunSummary = { done: 0, retry: 0, failed: 0 };
    // A bound, so that a handler that keeps enqueuing due work cannot hold the command forever.
    for (let n = 0; n < 10_000; n++) {
      const outcome = await this.runNext();
      if (!outcome) break;
      summary[outcome.status]++;
    }
    return summary;
  }

  /** Runs in the background until stop(). */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  /** Lets the job in hand finish, then ends the loop. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    let ensuredAt = -Infinity;
    while (!this.stopping) {
      let worked = false;
      try {
        if (Date.now() - ensuredAt >= ENSURE_EVERY_MS) {
          await this.ensureRecurring();
          ensuredAt = Date.now();
        }
        worked = (await this.runNext()) !== null;
      } catch (e) {
        // The database is unreachable or the like: try again at the next poll.
        this.deps.log.error({ err: e }, 'job queue: cannot claim or record a job');
      }
      if (!worked && !this.stopping) await this.sleep(this.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
