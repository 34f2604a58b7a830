import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { seedReferenceData } from '../../src/store/queries/reference-data.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { createAccount } from '../../src/store/queries/accounts.js';
import { createMembership } from '../../src/store/queries/memberships.js';
import { resolvePerson } from '../../src/store/queries/people.js';
import { createMeeting } from '../../src/store/queries/meeting-create.js';
import { answerWrittenQuestion, sendWrittenQuestion } from '../../src/store/queries/written-procedure.js';
import { confirmAtMeeting } from '../../src/store/queries/written-procedure-confirm.js';
import { writtenProcedureHooks } from '../../src/jobs/written-procedure.js';
import { SYSTEM } from '../../src/domain/access.js';
import { REFERENCE_DIR } from '../helpers/db.js';

// The command-line contract: `written-decisions --json [--body NAME]` lists each question with its
// body, deadline, status, every member's answer and the meeting where it was confirmed.

const ROOT = path.resolve(import.meta.dirname, '../..');
let dataDir: string;
let meetingId: number;
const deadline = new Date(Date.now() + 7 * 86_400_000);

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-written-cli-'));
  const store = await openStore({ dataDir });
  try {
    await seedReferenceData(store.db, REFERENCE_DIR);
    const bodies = await listBodies(store.db, SYSTEM);
    const lsg = bodies.find((b) => b.slug === 'lsg')!.id;
    const bbu = bodies.find((b) => b.slug === 'bbu')!.id;
    for (const [name, bodyId] of [['Anna Ask', lsg], ['Bo Berg', lsg], ['Cia Ceder', bbu]] as const) {
      const personId = await resolvePerson(store.db, name);
      await createMembership(store.db, SYSTEM, { personId, bodyId, role: 'ledamot', party: null, organization: null, validFrom: null, validTo: null });
      await createAccount(store.db, SYSTEM, { email: `${name.split(' ')[0]!.toLowerCase()}@region.example`, name, passwordHash: null, admin: false, personId });
    }
    const person = async (name: string) => (await store.db.selectFrom('person').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    const question = { proposal: 'Ansökan beviljas.', clauses: ['bevilja ansökan'], deadline, documents: [] };
    const decided = await sendWrittenQuestion(store.db, SYSTEM, lsg, { ...question, title: 'beviljade UPH-medel', rule: 'majority' }, writtenProcedureHooks);
    await answerWrittenQuestion(store.db, SYSTEM, decided.id, { personId: await person('Anna Ask') }, { answer: 'yes', comment: null }, writtenProcedureHooks);
    await answerWrittenQuestion(store.db, SYSTEM, decided.id, { personId: await person('Bo Berg') }, { answer: 'yes', comment: 'Bra' }, writtenProcedureHooks);
    meetingId = (await createMeeting(store.db, SYSTEM, lsg, { date: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10), startTime: null, endTime: null, place: null, kind: 'meeting', title: null, jointBodyIds: [] })).meetingId;
    await confirmAtMeeting(store.db, SYSTEM, meetingId, decided.id);
    await sendWrittenQuestion(store.db, SYSTEM, bbu, { ...question, title: 'remissvar', rule: 'unanimous' }, writtenProcedureHooks);
  } finally {
    await store.close();
  }
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function cli(...args: string[]) {
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv;
  delete env.DATABASE_URL;
  return promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'written-decisions', ...args], { cwd: ROOT, env });
}

describe('samverka written-decisions --json', () => {
  it('prints each question with its deadline, status, every answer and the meeting that confirmed it', async () => {
    const out = JSON.parse((await cli('--json')).stdout);
    expect(out.map((q: { question: string }) => q.question)).toEqual(['remissvar', 'beviljade UPH-medel']);
    expect(out[1]).toEqual({
      id: expect.any(Number), body: 'Länssamverkansgruppen', question: 'beviljade UPH-medel', rule: 'majority', deadline: deadline.toISOString(),
      status: 'approved', decidedAt: expect.any(String), decidedBy: 'rule', reason: expect.stringMatching(/^2 av 2 ledamöter svarade ja/),
      answers: [{ name: 'Anna Ask', answer: 'yes', comment: null }, { name: 'Bo Berg', answer: 'yes', comment: 'Bra' }],
      confirmedAt: { meetingId, date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), itemNumber: expect.any(Number), meetingStatus: 'draft' },
    });
    expect(out[0]).toMatchObject({ body: 'Beredning barn och unga', status: 'open', decidedAt: null, answers: [{ name: 'Cia Ceder', answer: null, comment: null }], confirmedAt: null });
  }, 60_000);

  it('lists one body’s questions with --body, and refuses a body it does not know', async () => {
    const out = JSON.parse((await cli('--json', '--body', 'Beredning barn och unga')).stdout);
    expect(out.map((q: { question: string }) => q.question)).toEqual(['remissvar']);
    await expect(cli('--json', '--body', 'Inget sådant organ')).rejects.toMatchObject({ code: 1, stderr: 'samverka: no body named "Inget sådant organ"\n' });
  }, 60_000);
});
