import type { Command } from 'commander';
import { listAudit } from '../../store/queries/audit.js';
import { commandContext, run, withStore } from '../context.js';

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('list the audit log, newest first')
    .option('--limit <n>', 'how many entries', '50')
    .option('--entity <name>', 'only entries about this kind of thing (account, membership, person, meeting …)')
    .option('--json', 'print JSON')
    .action(run(async (opts: { limit: string; entity?: string; json?: boolean }) => {
      const ctx = commandContext();
      const entries = await withStore(ctx, (store) => listAudit(store.db, { limit: Math.max(1, Math.min(10_000, Number(opts.limit) || 50)), entity: opts.entity }));
      if (opts.json) return void process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      for (const e of entries) process.stdout.write(`${e.id}\t${e.at}\t${e.actor}\t${e.action}\t${e.entity}${e.entityId ? ` ${e.entityId}` : ''}\n`);
    }));
}
