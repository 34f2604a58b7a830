import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { seedReferenceData } from '../../src/store/queries/reference-data.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { createRecommendation, setAdoptions } from '../../src/store/queries/recommendations.js';
import { SYSTEM } from '../../src/domain/access.js';
import { REFERENCE_DIR } from '../helpers/db.js';

// The command-line contract: `adoption --json` lists recommendations with each huvudman's status.

const ROOT = path.resolve(import.meta.dirname, '../..');
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-adoption-cli-'));
  const store = await openStore({ dataDir });
  try {
    await seedReferenceData(store.db, REFERENCE_DIR);
    const lsg = (await listBodies(store.db, SYSTEM)).find((b) => b.slug === 'lsg')!.id;
    const id = await createRecommendation(store.db, SYSTEM, lsg, { decisionId: null, decidedOn: '2024-02-23', title: 'Länsgemensam strategi för suicidprevention', kind: 'strategi', localBody: 'fullmäktige', deadline: '2024-12-31', description: '' });
    const umea = (await store.db.selectFrom('huvudman').select('id').where('short_name', '=', 'Umeå').executeTakeFirstOrThrow()).id;
    await setAdoptions(store.db, SYSTEM, id, [{ huvudmanId: umea, status: 'adopted', decidedOn: '2024-04-15', decidingBody: 'Kommunfullmäktige', diaryNumber: 'KS-2024/88', url: null }]);
  } finally {
    await store.close();
  }
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('samverka adoption --json', () => {
  it('prints each recommendation with every huvudman’s status', async () => {
    const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv;
    delete env.DATABASE_URL;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'adoption', '--json'], { cwd: ROOT, env });
    const out = JSON.parse(stdout);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ title: 'Länsgemensam strategi för suicidprevention', body: 'Länssamverkansgruppen', decidedOn: '2024-02-23', deadline: '2024-12-31', adopted: 1, total: 16 });
    expect(out[0].adoption).toHaveLength(16);
    expect(out[0].adoption[0]).toEqual({ huvudmanId: expect.any(Number), huvudman: 'Region Västerbotten', status: 'not-started', overdue: expect.any(Boolean), decidedOn: null, decidingBody: null, diaryNumber: null, url: null });
    expect(out[0].adoption.find((a: { huvudman: string }) => a.huvudman === 'Umeå kommun')).toMatchObject({ status: 'adopted', decidedOn: '2024-04-15', diaryNumber: 'KS-2024/88' });
  }, 60_000);
});
