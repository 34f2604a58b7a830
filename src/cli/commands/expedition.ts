import type { Command } from 'commander';
import { listDispatches } from '../../store/queries/expedition.js';
import { CommandError, commandContext, run, withStore } from '../context.js';

// `expedition --json [--meeting ID]` is a contract scripts rely on: what was sent to whom, one
// object per dispatch (an agenda item to one recipient), newest meeting first, with its state.

export function registerExpedition(program: Command): void {
  program
    .command('expedition')
    .description('list expediering: each decision sent to a recipient (huvudman registry, body, named person) with its state: queued, retrying, failed, sent, bounced, registered')
    .option('--json', 'print JSON')
    .option('--meeting <id>', 'only what was sent from this meeting')
    .action(run(async (opts: { json?: boolean; meeting?: string }) => {
      const meetingId = opts.meeting === undefined ? undefined : Number(opts.meeting);
      if (meetingId !== undefined && !(Number.isInteger(meetingId) && meetingId > 0 && meetingId <= 2_147_483_647)) throw new CommandError(`not a meeting id: "${opts.meeting}"`);
      const dispatches = await withStore(commandContext(), (store) => listDispatches(store.db, { meetingId }));
      const out = dispatches.map((d) => ({
        id: d.id,
        reference: d.reference,
        meetingId: d.meetingId,
        meetingDate: d.meetingDate,
        body: d.body,
        itemNumber: d.itemNumber,
        itemTitle: d.itemTitle,
        recipient: d.recipient.name,
        recipientKind: d.recipient.kind,
        huvudmanId: d.recipient.huvudmanId,
        bodyId: d.recipient.bodyId,
        addresses: d.addresses,
        reasons: d.reasons,
        deadline: d.deadline,
        state: d.state,
        attempt: d.attempt,
        createdAt: d.createdAt,
        sentAt: d.sentAt,
        bouncedAt: d.bouncedAt,
        bounceReason: d.bounceReason,
        lastError: d.lastError,
        diaryNumber: d.diaryNumber,
        registeredAt: d.registeredAt,
      }));
      if (opts.json) return void process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      if (out.length === 0) return void process.stdout.write('nothing has been sent\n');
      for (const d of out) {
        const state = d.state === 'registered' ? `registered as ${d.diaryNumber}` : d.state === 'bounced' ? `bounced: ${d.bounceReason ?? ''}` : d.state;
        process.stdout.write(`${d.reference}\tmeeting ${d.meetingId} ${d.meetingDate ?? ''} § ${d.itemNumber ?? '?'}\t${d.recipient} <${d.addresses.join(', ')}>\t${d.reasons.join(',')}\t${state}\n`);
      }
    }));
}
