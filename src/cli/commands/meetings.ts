import type { Command } from 'commander';
import { SYSTEM } from '../../domain/access.js';
import { listMeetings } from '../../store/queries/meetings.js';
import { commandContext, run, withStore } from '../context.js';

export function registerMeetings(program: Command): void {
  program
    .command('meetings')
    .description('list stored meetings')
    .option('--json', 'print JSON: id, body, date, items (first–last number)')
    .action(run(async (opts: { json?: boolean }) => {
      const ctx = commandContext();
      await withStore(ctx, async (store) => {
        const meetings = await listMeetings(store.db, SYSTEM);
        const rows = meetings.map((m) => ({
          id: m.id,
          body: m.bodyNameAtTheTime,
          date: m.date,
          status: m.status,
          items: m.items.first === null ? null : `${m.items.first}–${m.items.last}`,
        }));
        if (opts.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        else for (const r of rows) process.stdout.write(`${String(r.id).padStart(5)}  ${r.date ?? 'datum okänt'}  ${r.body ?? ''}  ${r.items ?? ''}  ${r.status}\n`);
      });
    }));
}
