import type { Command } from 'commander';
import { commandContext, run, withStore } from '../context.js';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema up to date (the server also does this at start)')
    .action(run(async () => {
      const ctx = commandContext();
      // openStore migrates; what ran is reported by the migrator in the log.
      await withStore(ctx, async (store) => {
        process.stdout.write(`database schema is up to date (${store.engine})\n`);
      });
    }));
}
