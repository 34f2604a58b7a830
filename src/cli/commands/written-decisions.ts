import type { Command } from 'commander';
import { ANSWER_TEXT, formatDeadline } from '../../domain/written-procedure.js';
import { findBodyByName } from '../../store/queries/bodies.js';
import { loadWrittenQuestions } from '../../store/queries/written-procedure-read.js';
import { CommandError, commandContext, run, withStore } from '../context.js';

// `written-decisions --json` is a contract scripts rely on: one object per question put by written
// procedure (beslut per capsulam), newest first, with every member's answer (null: none) and the
// meeting where the decision was taken up for confirmation (null until then).

export function registerWrittenDecisions(program: Command): void {
  program
    .command('written-decisions')
    .description('list decisions by written procedure (beslut per capsulam): question, deadline, status, each member\'s answer, and the meeting that confirmed it')
    .option('--json', 'print JSON')
    .option('--body <name>', 'only questions of this body')
    .action(run(async (opts: { json?: boolean; body?: string }) => {
      const questions = await withStore(commandContext(), async (store) => {
        const bodyId = opts.body ? await findBodyByName(store.db, opts.body) : undefined;
        if (opts.body && bodyId === null) throw new CommandError(`no body named "${opts.body}"`);
        return loadWrittenQuestions(store.db, { bodyId: bodyId ?? undefined, limit: 100_000 });
      });
      const out = questions.map((q) => ({
        id: q.id,
        body: q.body.name,
        question: q.title,
        rule: q.rule,
        deadline: q.deadline.toISOString(),
        status: q.status, // open | approved | rejected
        decidedAt: q.closedAt?.toISOString() ?? null,
        decidedBy: q.closedBy, // rule (settled early) | deadline
        reason: q.outcomeReason,
        answers: q.recipients.map((r) => ({ name: r.name, answer: r.answer, comment: r.comment })),
        confirmedAt: q.confirmation ? { meetingId: q.confirmation.meetingId, date: q.confirmation.date, itemNumber: q.confirmation.itemNumber, meetingStatus: q.confirmation.meetingStatus } : null,
      }));
      if (opts.json) return void process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      for (const [i, q] of out.entries()) {
        const c = q.confirmedAt;
        process.stdout.write(`${q.id}\t${q.body}: ${q.question} (deadline ${formatDeadline(questions[i]!.deadline)}; ${q.status}${c ? `; confirmed at meeting ${c.meetingId} ${c.date ?? ''} § ${c.itemNumber ?? '-'}` : ''})\n`);
        for (const a of q.answers) process.stdout.write(`\t${a.name}: ${a.answer ? ANSWER_TEXT[a.answer] : '-'}${a.comment ? ` (${a.comment})` : ''}\n`);
      }
    }));
}
