import type { Command } from 'commander';
import { SYSTEM } from '../../domain/access.js';
import { ADOPTION_LABELS } from '../../domain/recommendations.js';
import { findBodyByName } from '../../store/queries/bodies.js';
import { listRecommendations } from '../../store/queries/recommendations.js';
import { CommandError, commandContext, run, withStore } from '../context.js';

// `adoption --json` is a contract scripts rely on: one object per recommendation, newest first,
// with `adoption` listing every huvudman (region first) and its status.

export function registerAdoption(program: Command): void {
  program
    .command('adoption')
    .description('list recommendations to the huvudmän and how far each huvudman has come in adopting them')
    .option('--json', 'print JSON')
    .option('--body <name>', 'only recommendations of this body')
    .option('--year <year>', 'only recommendations decided this year')
    .action(run(async (opts: { json?: boolean; body?: string; year?: string }) => {
      const year = opts.year === undefined ? undefined : Number(opts.year);
      if (year !== undefined && !(Number.isInteger(year) && year >= 1900 && year <= 2200)) throw new CommandError(`not a year: "${opts.year}"`);
      const recs = await withStore(commandContext(), async (store) => {
        const bodyId = opts.body ? await findBodyByName(store.db, opts.body) : undefined;
        if (opts.body && bodyId === null) throw new CommandError(`no body named "${opts.body}"`);
        return listRecommendations(store.db, SYSTEM, { bodyId: bodyId ?? undefined, year });
      });
      const out = recs.map((r) => ({
        id: r.id,
        title: r.title,
        kind: r.kind,
        body: r.body.name,
        decidedOn: r.decidedOn,
        deadline: r.deadline,
        localBody: r.localBody,
        meetingId: r.source?.meetingId ?? null,
        itemNumber: r.source?.itemNumber ?? null,
        adopted: r.progress.counts.adopted,
        decided: r.progress.decided,
        total: r.progress.total,
        adoption: r.adoptions.map((a) => ({
          huvudmanId: a.huvudmanId,
          huvudman: a.huvudman,
          status: a.status,
          overdue: a.overdue,
          decidedOn: a.decidedOn,
          decidingBody: a.decidingBody,
          diaryNumber: a.diaryNumber,
          url: a.url,
        })),
      }));
      if (opts.json) return void process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      for (const r of out) {
        process.stdout.write(`${r.id}\t${r.decidedOn}\t${r.body}: ${r.title} (deadline ${r.deadline ?? '–'}; ${r.adopted}/${r.total} adopted)\n`);
        for (const a of r.adoption) {
          process.stdout.write(`\t${a.huvudman}: ${ADOPTION_LABELS[a.status].text}${a.overdue ? ' (försenad)' : ''}${a.decidedOn ? ` ${a.decidedOn}` : ''}${a.diaryNumber ? ` dnr ${a.diaryNumber}` : ''}\n`);
        }
      }
    }));
}
