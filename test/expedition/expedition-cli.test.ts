import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { seedReferenceData } from '../../src/store/queries/reference-data.js';
import { SYSTEM } from '../../src/domain/access.js';
import { checkSend } from '../../src/domain/expedition.js';
import { expeditionFacts } from '../../src/store/queries/expedition.js';
import { createDispatches, markBounced, markSent } from '../../src/store/queries/expedition-write.js';
import { setRegistryAddress } from '../../src/store/queries/expedition-registry.js';
import { REFERENCE_DIR } from '../helpers/db.js';
import { huvudmanId, publishedProtocol } from './helpers.js';

// The command-line contract: `expedition --json [--meeting ID]` lists what was sent to whom with its state.

const ROOT = path.resolve(import.meta.dirname, '../..');
let dataDir: string;
const meetings: number[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-expedition-cli-'));
  const store = await openStore({ dataDir });
  try {
    await seedReferenceData(store.db, REFERENCE_DIR);
    const umea = await huvudmanId(store, 'Umeå');
    await setRegistryAddress(store.db, SYSTEM, umea, 'registrator@umea.example');
    for (const date of ['2024-02-23', '2024-04-19']) {
      const m = await publishedProtocol(store, date);
      meetings.push(m.meetingId);
      const facts = await expeditionFacts(store.db, m.meetingId);
      const checked = checkSend(facts, [
        { itemId: m.itemId, choice: { kind: 'huvudman', huvudmanId: umea } },
        { itemId: m.itemId, choice: { kind: 'named', name: 'Kalle Kommunal', email: 'kalle@kommun.example' } },
      ]);
      if (!('ok' in checked)) throw new Error(JSON.stringify(checked));
      const ids = await createDispatches(store.db, SYSTEM, m.meetingId, checked.ok.map((o) => ({ item: facts.items.find((i) => i.id === o.itemId)!, recipient: o.recipient })));
      // as the sending job records them
      await markSent(store.db, ids[0]!, 1, '<1@samverka.example>');
      await markBounced(store.db, ids[1]!, 1, '550 5.1.1 No such mailbox');
    }
  } finally {
    await store.close();
  }
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function samverka(args: string[]) {
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv;
  delete env.DATABASE_URL;
  return promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env });
}

describe('samverka expedition --json', () => {
  it('lists what was sent to whom with its state, for one meeting', async () => {
    const out = JSON.parse((await samverka(['expedition', '--json', '--meeting', String(meetings[0])])).stdout);
    expect(out).toHaveLength(2);
    expect(out[0]).toEqual({
      id: expect.any(Number), reference: expect.stringMatching(/^SAMVERKA-EXP-\d+$/), meetingId: meetings[0], meetingDate: '2024-02-23', body: 'Länssamverkansgruppen',
      itemNumber: 41, itemTitle: 'Regionala strategin för suicidprevention', recipient: 'Umeå kommun', recipientKind: 'huvudman', huvudmanId: expect.any(Number), bodyId: null,
      addresses: ['registrator@umea.example'], reasons: ['recommendation'], deadline: '2024-12-31', state: 'sent', attempt: 1,
      createdAt: expect.any(String), sentAt: expect.any(String), bouncedAt: null, bounceReason: null, lastError: null, diaryNumber: null, registeredAt: null,
    });
    expect(out[1]).toMatchObject({ recipient: 'Kalle Kommunal', recipientKind: 'named', reasons: ['extract'], state: 'bounced', bounceReason: '550 5.1.1 No such mailbox', sentAt: null });
  }, 60_000);

  it('lists every meeting’s, newest first, and refuses a meeting id that is not one', async () => {
    const out = JSON.parse((await samverka(['expedition', '--json'])).stdout);
    expect(out.map((d: { meetingDate: string }) => d.meetingDate)).toEqual(['2024-04-19', '2024-04-19', '2024-02-23', '2024-02-23']);
    await expect(samverka(['expedition', '--json', '--meeting', 'abc'])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('not a meeting id: "abc"') });
  }, 60_000);
});
