import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { SYSTEM } from '../../domain/access.js';
import { getProtocol } from '../../store/queries/protocol-read.js';
import { CommandError, commandContext, run, withStore } from '../context.js';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description("write a meeting's protocol")
    .argument('<meeting>', 'meeting id')
    .option('--format <format>', 'json', 'json')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(run(async (meeting: string, opts: { format: string; out?: string }) => {
      if (!/^\d+$/.test(meeting)) throw new CommandError(`meeting must be a numeric id, got "${meeting}"`);
      if (opts.format !== 'json') throw new CommandError(`unknown format "${opts.format}" (supported: json)`);
      const ctx = commandContext();
      const protocol = await withStore(ctx, (store) => getProtocol(store.db, SYSTEM, Number(meeting)));
      if (!protocol) throw new CommandError(`no meeting with id ${meeting}`);
      const json = `${JSON.stringify(protocol, null, 2)}\n`;
      if (opts.out) await fs.writeFile(opts.out, json);
      else process.stdout.write(json);
    }));
}
