import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_DIR } from '../helpers/db.js';
import { parsedProtocol, sourceOf } from '../helpers/protocols.js';
import { SmtpSink } from './smtp-sink.js';
import { openStore, type Db } from '../../src/store/db.js';
import { seedReferenceData } from '../../src/store/queries/reference-data.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { resolvePerson } from '../../src/store/queries/people.js';
import { createMembership } from '../../src/store/queries/memberships.js';
import { createAccount } from '../../src/store/queries/accounts.js';
import { createDocument } from '../../src/store/queries/governing-documents.js';
import { findJobByKey } from '../../src/store/queries/jobs.js';
import { enqueue } from '../../src/jobs/job.js';
import { planReminders } from '../../src/jobs/reminder-planner.js';
import { todayIso } from '../../src/domain/assignments.js';
import { addDays, reminderDedupeKey } from '../../src/domain/reminders.js';
import { SYSTEM } from '../../src/domain/access.js';

// The command-line contract of `samverka worker`, spawned as an operator runs it: --once works what
// is due and exits, --status counts pending and failed jobs and names the failed ones, --retry gives
// a failed job another round, and without options it works the queue until SIGTERM.

const ROOT = path.resolve(import.meta.dirname, '../..');
const today = todayIso();
const sink = new SmtpSink();
let dataDir: string;
let smtpPort: number;

function env(): NodeJS.ProcessEnv {
  const e = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, PUBLIC_URL: 'https://samverka.example.se' } as NodeJS.ProcessEnv;
  delete e.DATABASE_URL;
  delete e.JOBS;
  return e;
}

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env: env() });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const store = await openStore({ dataDir });
  try {
    return await fn(store.db);
  } finally {
    await store.close();
  }
}

async function secretary(db: Db, name: string, email: string, bodyId: number) {
  const personId = await resolvePerson(db, name);
  await createMembership(db, SYSTEM, { personId, bodyId, role: 'sekreterare', party: null, organization: null, validFrom: null, validTo: null });
  await createAccount(db, SYSTEM, { email, name, passwordHash: null, admin: false, personId });
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sendKey = reminderDedupeKey('sara@bbu.example.se', today);

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-worker-cli-'));
  smtpPort = await freePort(); // nothing listens there yet: the mail server is down
  await withDb(async (db) => {
    await seedReferenceData(db, REFERENCE_DIR);
    const bbu = (await listBodies(db, SYSTEM)).find((b) => b.slug === 'bbu')!.id;
    await secretary(db, 'Sara Sekreterare', 'sara@bbu.example.se', bbu);
    const { meetingId } = await storeImportedProtocol(db, parsedProtocol({ date: addDays(today, -30) }), sourceOf('protokoll'));
    await db.updateTable('assignment').set({ status: 'open', due_date: addDays(today, 3) })
      .where('item_id', 'in', db.selectFrom('agenda_item').select('id').where('meeting_id', '=', meetingId)).execute();
  });
});
afterAll(async () => {
  await sink.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('samverka worker', () => {
  it('--once plans the day\'s reminders, tries to send them, and exits; --status counts what waits', async () => {
    const once = await cli('worker', '--once');
    expect(once).toMatchObject({ code: 0, stdout: '1 done, 1 to be retried, 0 failed\n' });
    const status = await cli('worker', '--status');
    expect(status.code).toBe(0);
    // the e-mail waiting for its next attempt, and tomorrow's planning
    expect(status.stdout).toMatch(/^pending 2 \(retrying 1\), running 0, failed 0, done 1; next due \d{4}-\d\d-\d\dT/);
  }, 180_000);

  it('a job that keeps failing ends failed, and --status names it with its error', async () => {
    await withDb((db) => db.updateTable('job').set({ max_attempts: 2, run_at: sql`now()` }).where('dedupe_key', '=', sendKey).execute());
    expect((await cli('worker', '--once')).stdout).toBe('0 done, 0 to be retried, 1 failed\n');
    const status = await cli('worker', '--status');
    expect(status.stdout).toMatch(/^pending 1 \(retrying 0\), running 0, failed 1, done 1;/);
    expect(status.stdout).toMatch(new RegExp(`\\n  job \\d+ send-reminder \\(${sendKey.replace(/\./g, '\\.')}\\): failed \\S+ after 2 attempts: .*ECONNREFUSED`));
    const json = JSON.parse((await cli('worker', '--status', '--json')).stdout);
    expect(json).toMatchObject({ pending: 1, failed: 1, failedJobs: [{ kind: 'send-reminder', attempts: 2, dedupeKey: sendKey }] });
  }, 180_000);

  it('--retry gives a failed job another round, and it is delivered once the mail server is up', async () => {
    const id = (await withDb((db) => findJobByKey(db, sendKey)))!.id;
    sink.port = smtpPort;
    await sink.start();
    expect(await cli('worker', '--retry', String(id))).toMatchObject({ code: 0, stdout: `job ${id} will be tried again\n` });
    expect((await cli('worker', '--once', '--json')).stdout).toBe('{"done":1,"retry":0,"failed":0}\n');
    expect((await cli('worker', '--once')).stdout).toBe('0 done, 0 to be retried, 0 failed\n');
    const mails = sink.to('sara@bbu.example.se');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('https://samverka.example.se/uppdrag');
    expect((await cli('worker', '--status')).stdout).toMatch(/failed 0, done 2;/);
  }, 180_000);

  it('refuses a bad --retry or --poll with one line and exit code 1', async () => {
    const [notAnId, unknown, poll] = await Promise.all([cli('worker', '--retry', 'abc'), cli('worker', '--retry', '99999'), cli('worker', '--poll', 'often')]);
    expect(notAnId).toMatchObject({ code: 1, stderr: 'samverka: --retry needs the id of a failed job\n' });
    expect(unknown).toMatchObject({ code: 1, stderr: 'samverka: there is no failed job 99999\n' });
    expect(poll).toMatchObject({ code: 1, stderr: expect.stringMatching(/--poll must be/) });
  }, 180_000);

  it('without options works the queue as jobs fall due, until SIGTERM', async () => {
    await withDb(async (db) => {
      const samrad = (await listBodies(db, SYSTEM)).find((b) => b.slug === 'samrad')!.id;
      await secretary(db, 'Sam Samråd', 'sam@samrad.example.se', samrad);
      await createDocument(db, SYSTEM, samrad, { title: 'Riktlinje för samordnad individuell plan', kind: 'riktlinje', description: '', nextReview: addDays(today, 14) });
      await enqueue(db, planReminders, { day: today }); // a planning run beside the daily one
    });
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker', '--poll', '0.2'], { cwd: ROOT, env: env() });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const until = Date.now() + 30_000;
    while (sink.to('sam@samrad.example.se').length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(stderr).toMatch(/working the job queue \(embedded database/);
    expect(sink.to('sam@samrad.example.se')).toHaveLength(1);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(sink.to('sara@bbu.example.se')).toHaveLength(1); // not again
  }, 180_000);
});
