import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
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

  it('takes its buffer cache size from PGLITE_SHARED_BUFFERS, and refuses a size it cannot read', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-buffers-'));
    const before = process.env.PGLITE_SHARED_BUFFERS;
    try {
      process.env.PGLITE_SHARED_BUFFERS = 'lots';
      await expect(openStore({ dataDir })).rejects.toThrow(/PGLITE_SHARED_BUFFERS must be a size such as 64MB, got "lots"/);
      process.env.PGLITE_SHARED_BUFFERS = '32MB';
      const store = await openStore({ dataDir }); // the refused attempt left no lock behind
      try {
        const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(store.db);
        expect(rows[0]?.shared_buffers).toBe('32MB');
      } finally {
        await store.close();
      }
    } finally {
      if (before === undefined) delete process.env.PGLITE_SHARED_BUFFERS;
      else process.env.PGLITE_SHARED_BUFFERS = before;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
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
