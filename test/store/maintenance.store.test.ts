import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestStore } from '../helpers/db.js';
import { maintainTables } from '../../src/store/queries/maintenance.js';
import type { Store } from '../../src/store/db.js';

// PGlite has no autovacuum: maintainTables stands in for it.

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store?.close();
});

const stat = async (table: string) =>
  (await sql<{ analyzed: boolean; dead: number }>`
    select (last_analyze is not null or last_autoanalyze is not null) as analyzed, coalesce(n_dead_tup, 0)::int as dead
    from pg_stat_user_tables where relname = ${table}`.execute(store.db)).rows[0]!;

describe('table maintenance', () => {
  it('analyzes a table that changed much since its statistics were taken, and vacuums its dead rows', async () => {
    await store.db.insertInto('search_stale').values(Array.from({ length: 400 }, (_, i) => ({ meeting_id: 900_000 + i }))).execute();
    await store.db.deleteFrom('search_stale').where('meeting_id', '>=', 900_000).execute();
    const done = await maintainTables(store.db);
    expect(done.analyzed).toContain('search_stale');
    expect(done.vacuumed).toContain('search_stale');
    expect((await stat('search_stale')).analyzed).toBe(true);
  });

  it('leaves alone what has not changed since', async () => {
    await maintainTables(store.db);
    const again = await maintainTables(store.db);
    expect(again.vacuumed).toEqual([]);
    expect(again.analyzed).not.toContain('search_stale');
  });
});
