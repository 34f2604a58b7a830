import type { Command } from 'commander';
import { SYSTEM } from '../../domain/access.js';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '../../domain/model.js';
import { findBodyByName } from '../../store/queries/bodies.js';
import { listAssignments } from '../../store/queries/assignments.js';
import { CommandError, commandContext, run, withStore } from '../context.js';

export function registerAssignments(program: Command): void {
  program
    .command('assignments')
    .description('list assignments (uppdrag): id, from, to, text, status, due, and the meeting and item they came from')
    .option('--json', 'print JSON')
    .option('--body <name>', 'only those given by or to this body')
    .option('--status <status>', `one of ${ASSIGNMENT_STATUSES.join(', ')}, overdue`)
    .action(run(async (opts: { json?: boolean; body?: string; status?: string }) => {
      if (opts.status && ![...ASSIGNMENT_STATUSES, 'overdue'].includes(opts.status)) throw new CommandError(`unknown status "${opts.status}"`);
      const rows = await withStore(commandContext(), async (store) => {
        const bodyId = opts.body ? await findBodyByName(store.db, opts.body) : undefined;
        if (opts.body && bodyId === null) throw new CommandError(`no body named "${opts.body}"`);
        return listAssignments(store.db, SYSTEM, { bodyId: bodyId ?? undefined, status: opts.status as AssignmentStatus | 'overdue' | undefined });
      });
      const out = rows.map((a) => ({ id: a.id, from: a.from, to: a.to, text: a.text, status: a.status, overdue: a.overdue, due: a.due, meetingDate: a.meeting.date, meetingId: a.meeting.id, itemNumber: a.item.number }));
      if (opts.json) return void process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      for (const a of out) process.stdout.write(`${a.id}\t${a.status}${a.overdue ? ' (försenat)' : ''}\t${a.meetingDate ?? '–'} §${a.itemNumber ?? '–'}\t${a.from ?? '–'} → ${a.to}: ${a.text}\n`);
    }));
}
