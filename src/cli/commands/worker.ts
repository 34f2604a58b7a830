import type { Command } from 'commander';
import { SYSTEM } from '../../domain/access.js';
import { JobWorker } from '../../jobs/worker.js';
import { createLogger } from '../../log.js';
import { createMailer } from '../../mail/mailer.js';
import { openStore } from '../../store/db.js';
import { jobCounts, listJobs, retryFailedJob, type Job } from '../../store/queries/jobs.js';
import { CommandError, commandContext, run, withStore } from '../context.js';

// `samverka worker`: works the job queue (reminders, later expediering). On a PostgreSQL server it
// runs beside the web processes (JOBS=off there by default); on the embedded database the web
// process works the queue itself, and this command is for `--once` and `--status` with it stopped.

interface WorkerOpts {
  once?: boolean;
  status?: boolean;
  retry?: string;
  json?: boolean;
  poll: string;
}

const when = (d: Date | null) => (d ? d.toISOString() : '-');

function failedLine(j: Job): string {
  return `  job ${j.id} ${j.kind}${j.dedupeKey ? ` (${j.dedupeKey})` : ''}: failed ${when(j.failedAt)} after ${j.attempts} attempt${j.attempts === 1 ? '' : 's'}: ${j.lastError ?? 'no error recorded'}\n`;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('work the job queue (reminder e-mails) until SIGTERM; --once works what is due and exits; --status prints pending and failed jobs')
    .option('--once', 'work every job that is due now, then exit')
    .option('--status', 'print how many jobs are pending, retrying and failed, and the failed ones')
    .option('--retry <id>', 'give a failed job a new round of attempts, due now')
    .option('--json', 'with --status or --once: print JSON')
    .option('--poll <seconds>', 'how often an idle worker looks for due jobs', '5')
    .action(run(async (opts: WorkerOpts) => {
      const ctx = commandContext();
      const pollSeconds = Number(opts.poll);
      if (!Number.isFinite(pollSeconds) || pollSeconds < 0.05 || pollSeconds > 3600) throw new CommandError('--poll must be a number of seconds between 0.05 and 3600');

      if (opts.status) {
        const { counts, failed } = await withStore(ctx, async (store) => ({ counts: await jobCounts(store.db), failed: await listJobs(store.db, { state: 'failed', limit: 50 }) }));
        if (opts.json) return void process.stdout.write(`${JSON.stringify({ ...counts, failedJobs: failed }, null, 2)}\n`);
        process.stdout.write(`pending ${counts.pending} (retrying ${counts.retrying}), running ${counts.running}, failed ${counts.failed}, done ${counts.done}; next due ${when(counts.nextRunAt)}\n`);
        for (const j of failed) process.stdout.write(failedLine(j));
        return;
      }

      if (opts.retry !== undefined) {
        const id = Number(opts.retry);
        if (!Number.isInteger(id) || id < 1) throw new CommandError('--retry needs the id of a failed job');
        const ok = await withStore(ctx, (store) => retryFailedJob(store.db, SYSTEM, id));
        if (!ok) throw new CommandError(`there is no failed job ${id}`);
        return void process.stdout.write(`job ${id} will be tried again\n`);
      }

      const { config } = ctx;
      const log = opts.once ? ctx.log : createLogger(process.env.LOG_LEVEL ?? config.logLevel);
      const mailer = createMailer(config);
      const deps = { config, log, mailer };

      if (opts.once) {
        const summary = await withStore(ctx, async (store) => {
          const worker = new JobWorker({ ...deps, db: store.db });
          await worker.ensureRecurring();
          return worker.runDue();
        }).finally(() => mailer.close());
        if (opts.json) return void process.stdout.write(`${JSON.stringify(summary)}\n`);
        return void process.stdout.write(`${summary.done} done, ${summary.retry} to be retried, ${summary.failed} failed\n`);
      }

      const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
      const worker = new JobWorker({ ...deps, db: store.db }, { pollMs: pollSeconds * 1000 });
      worker.start();
      log.info({ worker: worker.id, engine: store.engine }, 'job worker started');
      process.stderr.write(`Samverka worker ${worker.id}: working the job queue (${store.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server'}); stop with Ctrl-C or SIGTERM\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await worker.stop();
      mailer.close();
      await store.close();
      log.info({ worker: worker.id }, 'job worker stopped');
    }));
}
