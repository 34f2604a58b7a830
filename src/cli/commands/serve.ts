import path from 'node:path';
import type { Command } from 'commander';
import { startServer } from '../../api/server.js';
import { commandContext, run } from '../context.js';
import { openStore } from '../../store/db.js';
import { seedReferenceData } from '../../store/queries/reference-data.js';
import { countMeetings } from '../../store/queries/meetings.js';
import { collectProtocolFiles as collectFiles } from '../../importer/collect-files.js';
import { importFiles } from '../../importer/store-batch.js';
import { Oidc } from '../../auth/oidc.js';
import { createMailer } from '../../mail/mailer.js';
import { countAdmins } from '../../store/queries/accounts.js';
import { deleteExpiredSessions } from '../../store/queries/sessions.js';
import { sealCertificateAtStart } from '../../signing/certificate.js';
import { JobWorker } from '../../jobs/worker.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the web app and API (PORT, default 3000)')
    .action(run(async () => {
      const ctx = commandContext();
      const { config, log } = ctx;
      const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
      await seedReferenceData(store.db, path.join(config.samplesDir, 'reference'));
      // A new user sees real protocols at once: the samples are imported into an empty database.
      if ((await countMeetings(store.db)) === 0) {
        const files = await collectFiles([path.join(config.samplesDir, 'protocols')]);
        const results = await importFiles(store.db, files);
        for (const r of results) {
          if (r.ok) log.info({ file: r.file, meeting: r.meetingId }, 'sample protocol imported');
          else log.warn({ file: r.file, error: r.message }, 'sample protocol not imported');
        }
      }
      const webDir = path.resolve(import.meta.dirname, '..', '..', '..', 'dist', 'web');
      await deleteExpiredSessions(store.db);
      process.stderr.write(sealCertificateAtStart(config));
      const oidc = config.oidc ? new Oidc(config.oidc) : null;
      const mailer = createMailer(config);
      const { server, port } = await startServer({ store, log, config, oidc, mailer }, webDir);
      log.info({ port, engine: store.engine, dataDir: store.engine === 'pglite' ? config.dataDir : undefined }, `Samverka is running at http://localhost:${port}`);
      process.stderr.write(`Samverka: http://localhost:${port} (${store.engine === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL server'})\n`);
      if ((await countAdmins(store.db)) === 0) {
        process.stderr.write('No administrator yet: create one with `npm run -s cli -- admin create --email you@example.se --name "Your Name"`\n');
      }
      // On the embedded database this process owns the database, so it works the job queue too.
      const worker = config.jobsInProcess ? new JobWorker({ db: store.db, mailer, config: { ...config, port }, log }) : null;
      worker?.start();
      const stop = () => {
        server.close();
        void (worker?.stop() ?? Promise.resolve()).finally(() => void store.close().finally(() => process.exit(0)));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }));
}
