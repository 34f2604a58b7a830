import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore, type Store } from '../../src/store/db.js';
import { seedReferenceData } from '../../src/store/queries/reference-data.js';

export const REFERENCE_DIR = path.resolve(import.meta.dirname, '../../samples/reference');
export const onServer = process.env.SAMVERKA_TEST_DB === 'pg';

/**
 * A fresh database for one test file: embedded PGlite in a temporary directory, or (in the `pg`
 * suite) a new database on the PostgreSQL server at TEST_DATABASE_URL, dropped afterwards.
 */
export async function openTestStore(opts: { seed?: boolean; migrate?: boolean } = {}): Promise<Store & { dataDir: string | null }> {
  let store: Store;
  let dataDir: string | null = null;
  let drop: (() => Promise<void>) | null = null;
  if (onServer) {
    const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
    const name = `samverka_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    store = await openStore({ dataDir: '', databaseUrl: url.toString(), migrate: opts.migrate });
    drop = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-test-'));
    const template = opts.seed !== false && opts.migrate !== false ? inject('pgliteTemplate') : undefined;
    if (template) fs.cpSync(template, dataDir, { recursive: true });
    store = await openStore({ dataDir, migrate: opts.migrate });
    if (template) return withCleanup(store, dataDir, null);
  }
  if (opts.seed !== false && opts.migrate !== false) await seedReferenceData(store.db, REFERENCE_DIR);
  return withCleanup(store, dataDir, drop);
}

function withCleanup(store: Store, dataDir: string | null, drop: (() => Promise<void>) | null): Store & { dataDir: string | null } {
  return {
    ...store,
    dataDir,
    close: async () => {
      await store.close();
      if (drop) await drop();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
