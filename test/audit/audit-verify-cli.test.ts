import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/db.js';
import { appendAudit } from '../../src/store/queries/audit.js';
import { SYSTEM } from '../../src/domain/access.js';

// The command-line contract of `samverka audit verify`: OK and exit 0 on an intact chain; the
// first bad entry and exit 1 once a row was edited behind the application's back.

const ROOT = path.resolve(import.meta.dirname, '../..');
let dataDir: string;

async function withDb(fn: (db: Awaited<ReturnType<typeof openStore>>['db']) => Promise<void>) {
  const store = await openStore({ dataDir });
  try {
    await fn(store.db);
  } finally {
    await store.close();
  }
}

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv;
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-audit-cli-'));
  await withDb(async (db) => {
    for (let i = 1; i <= 3; i++) await appendAudit(db, SYSTEM, { action: 'account.create', entity: 'account', entityId: i, after: { email: `${i}@example.se` } });
  });
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('samverka audit verify', () => {
  it('reports an intact chain with its head, and exits 0', async () => {
    const res = await cli('audit', 'verify');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^OK: 3 entries form an unbroken chain; head: entry 3 \(id \d+\) [0-9a-f]{64}\n$/);
  }, 60_000);

  it('names the first altered entry and exits 1 after a row was edited', async () => {
    await withDb(async (db) => {
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db);
      await sql`update audit_log set after = '{"email": "someone-else@example.se"}' where seq = 2`.execute(db);
      await sql`alter table audit_log enable trigger audit_log_no_change`.execute(db);
    });
    const res = await cli('audit', 'verify', '--json');
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout)).toMatchObject({ ok: false, entries: 1, problem: { kind: 'altered', seq: 2 } });
    const plain = await cli('audit', 'verify');
    expect(plain.code).toBe(1);
    expect(plain.stdout).toMatch(/^FAILED \(altered\): entry 2 \(id \d+\) was altered/);
  }, 60_000);

  it('refuses a head that is not a hash', async () => {
    const res = await cli('audit', 'verify', '--head', 'nonsense');
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/--head must be a SHA-256 hash/);
  }, 60_000);
});
