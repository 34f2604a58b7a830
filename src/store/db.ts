import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import { PGliteDialect } from './pglite-dialect.js';
import { migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export interface Store {
  db: Db;
  engine: 'pglite' | 'postgresql';
  close(): Promise<void>;
}

/** A problem that stops the process from starting: printed as is, exit code 1. */
export class StartupError extends Error {}

const OID = { int8: 20, date: 1082 } as const;
const asString = (v: string) => v;
const asNumber = (v: string) => Number(v);

export interface OpenOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  migrate?: boolean; // default true
}

export async function openStore(opts: OpenOptions): Promise<Store> {
  const store = opts.databaseUrl ? await openServer(opts.databaseUrl) : await openEmbedded(opts.dataDir);
  if (opts.migrate !== false) {
    try {
      await migrateToLatest(store.db as Kysely<unknown>);
    } catch (e) {
      await store.close();
      throw e;
    }
  }
  return store;
}

async function openServer(url: string): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.PG_POOL_MAX ?? 10),
    connectionTimeoutMillis: 5000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === OID.date ? asString : oid === OID.int8 ? asNumber : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server drops (restart, failover, admin command) must not end the
  // process; the pool replaces it on the next query.
  pool.on('error', (err) => process.stderr.write(`samverka: a PostgreSQL connection was lost: ${err.message}\n`));
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    await pool.end().catch(() => {});
    throw new StartupError(`Cannot reach the PostgreSQL server at ${redact(url)}: ${(e as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgresql', close: () => db.destroy() };
}

// The embedded database's buffer cache lives in the server process's WebAssembly memory, which
// only grows; the files behind it are still in the operating system's page cache. See README.
const DEFAULT_SHARED_BUFFERS = '128MB';

async function openEmbedded(dataDir: string): Promise<Store> {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.accessSync(dataDir, fs.constants.W_OK);
    const probe = path.join(dataDir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch (e) {
    throw new StartupError(`DATA_DIR ${dataDir} is not writable: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  // PGlite is single-process: a second process on the same directory would corrupt it.
  let unlock: () => Promise<void>;
  try {
    unlock = await lockfile.lock(dataDir, { lockfilePath: path.join(dataDir, 'samverka.lock'), stale: 15_000, update: 5_000 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new StartupError(
        `DATA_DIR ${dataDir} is in use by another Samverka process (the embedded database allows one process). ` +
          'Stop the other process, or use DATABASE_URL with a PostgreSQL server to run several.',
      );
    }
    throw new StartupError(`Cannot lock DATA_DIR ${dataDir}: ${(e as Error).message}`);
  }
  const sharedBuffers = process.env.PGLITE_SHARED_BUFFERS || DEFAULT_SHARED_BUFFERS;
  if (!/^\d+(kB|MB|GB)$/.test(sharedBuffers)) {
    await unlock();
    throw new StartupError(`PGLITE_SHARED_BUFFERS must be a size such as 64MB, got "${sharedBuffers}"`);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(path.join(dataDir, 'pgdata'), {
      extensions: { pg_trgm, unaccent },
      parsers: { [OID.date]: asString, [OID.int8]: asNumber },
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`],
    });
  } catch (e) {
    await unlock();
    throw new StartupError(`Cannot open the embedded database in ${dataDir}: ${(e as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    close: async () => {
      await db.destroy();
      await unlock().catch(() => {});
    },
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
