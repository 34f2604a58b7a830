import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, StartupError } from '../../src/store/db.js';
import { onServer } from '../helpers/db.js';

describe.skipIf(onServer)('the embedded database', () => {
  it('refuses a second process (or opener) on the same data directory', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-lock-'));
    const first = await openStore({ dataDir });
    try {
      await expect(openStore({ dataDir })).rejects.toThrow(/in use by another Samverka process/);
    } finally {
      await first.close();
    }
    const again = await openStore({ dataDir });
    await again.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('says clearly when DATA_DIR is not writable', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-ro-')), 'a-file');
    fs.writeFileSync(file, '');
    await expect(openStore({ dataDir: path.join(file, 'data') })).rejects.toThrow(StartupError);
    await expect(openStore({ dataDir: path.join(file, 'data') })).rejects.toThrow(/DATA_DIR .* is not writable/);
  });
});

describe('a PostgreSQL server that cannot be reached', () => {
  it('gives a clear message naming the server, without the password', async () => {
    const err = await openStore({ dataDir: '', databaseUrl: 'postgres://samverka:secret@127.0.0.1:1/none' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toMatch(/Cannot reach the PostgreSQL server at postgres:\/\/samverka:\*\*\*@127\.0\.0\.1:1/);
    expect((err as Error).message).not.toContain('secret');
  });
});
