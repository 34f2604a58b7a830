import type { Command } from 'commander';
import { listAudit } from '../../store/queries/audit.js';
import { verifyAuditChain } from '../../store/queries/audit-chain.js';
import { CommandError, commandContext, run, withStore } from '../context.js';

export function registerAudit(program: Command): void {
  const audit = program
    .command('audit')
    .description('list the audit log, newest first (`audit verify` checks its hash chain)')
    .option('--limit <n>', 'how many entries', '50')
    .option('--entity <name>', 'only entries about this kind of thing (account, membership, person, meeting …)')
    .option('--json', 'print JSON')
    .action(run(async (opts: { limit: string; entity?: string; json?: boolean }) => {
      const ctx = commandContext();
      const entries = await withStore(ctx, (store) => listAudit(store.db, { limit: Math.max(1, Math.min(10_000, Number(opts.limit) || 50)), entity: opts.entity }));
      if (opts.json) return void process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      for (const e of entries) process.stdout.write(`${e.id}\t${e.at}\t${e.actor}\t${e.action}\t${e.entity}${e.entityId ? ` ${e.entityId}` : ''}\n`);
    }));

  audit
    .command('verify')
    .description('walk the audit log\'s hash chain: OK, or the first entry that was altered, removed or inserted (exit code 1)')
    .option('--head <hash>', 'a head hash printed by an earlier run: also fail when the chain no longer contains it (entries cut off at the end)')
    .option('--json', 'print the report as JSON')
    // commander hands `--json` to `audit` (which has one too) when it follows `verify`: read both levels
    .action(run(async (_opts: unknown, cmd: Command) => {
      const opts = cmd.optsWithGlobals<{ head?: string; json?: boolean }>();
      if (opts.head !== undefined && !/^[0-9a-f]{64}$/.test(opts.head)) throw new CommandError('--head must be a SHA-256 hash: 64 hexadecimal digits');
      const ctx = commandContext();
      const report = await withStore(ctx, (store) => verifyAuditChain(store.db, { expectHead: opts.head }));
      if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else if (report.ok) {
        const head = report.head ? `; head: entry ${report.head.seq} (id ${report.head.id}) ${report.head.hash}` : '';
        process.stdout.write(`OK: ${report.entries} entries form an unbroken chain${head}\n`);
      } else {
        process.stdout.write(`FAILED (${report.problem.kind}): ${report.problem.message}; ${report.entries} entries before it are intact\n`);
      }
      if (!report.ok) process.exitCode = 1;
    }));
}
