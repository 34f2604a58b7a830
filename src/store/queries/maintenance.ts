import { sql } from 'kysely';
import type { Db } from '../db.js';

// PGlite runs PostgreSQL in single-user mode: there is no autovacuum. Without it the planner's
// statistics of every table stay as old as the last ANALYZE, so plans made when a table was small
// (sequential scans, hash joins over everything) go on being used as it grows, and each stored
// protocol costs a little more than the one before (measured: 10 → 25 ms a protocol over the first
// 3,000 protocols of the search benchmark; flat at ~9 ms with the statistics kept current). Dead rows
// of churned tables (search_stale, sessions, the job queue) are never reclaimed either.
//
// This does what autovacuum would, with its default thresholds, for the tables that need it. On a
// PostgreSQL server autovacuum normally got there first and nothing qualifies; running it there too
// is harmless.

const ANALYZE_BASE = 50;
const ANALYZE_SCALE = 0.1;
const VACUUM_BASE = 50;
const VACUUM_SCALE = 0.2;

export interface TableMaintenance {
  analyzed: string[];
  vacuumed: string[];
}

export async function maintainTables(db: Db, opts: { force?: boolean } = {}): Promise<TableMaintenance> {
  // This backend's counters reach pg_stat_* only after a delay; on PGlite it is the only backend.
  await sql`select pg_stat_force_next_flush()`.execute(db);
  const { rows } = await sql<{ table: string; live: number; dead: number; mods: number; analyzed: boolean }>`
    select relname as table, coalesce(n_live_tup, 0)::float8 as live, coalesce(n_dead_tup, 0)::float8 as dead,
           coalesce(n_mod_since_analyze, 0)::float8 as mods, (last_analyze is not null or last_autoanalyze is not null) as analyzed
    from pg_stat_user_tables where schemaname = 'public'
    order by relname`.execute(db);
  const done: TableMaintenance = { analyzed: [], vacuumed: [] };
  for (const r of rows) {
    const vacuum = opts.force ? r.dead > 0 : r.dead > VACUUM_BASE + VACUUM_SCALE * r.live;
    const analyze = opts.force || r.mods > ANALYZE_BASE + ANALYZE_SCALE * r.live || (!r.analyzed && r.live > 0);
    // Identifiers come from the catalogue, quoted all the same.
    const table = sql.id(r.table);
    if (vacuum) {
      await sql`vacuum (analyze) ${table}`.execute(db);
      done.vacuumed.push(r.table);
      done.analyzed.push(r.table);
    } else if (analyze) {
      await sql`analyze ${table}`.execute(db);
      done.analyzed.push(r.table);
    }
  }
  return done;
}

let lastMaintenance = 0;

/**
 * Keeps every table's statistics current and vacuums churned tables (maintainTables above: PGlite has no
 * autovacuum; without statistics the planner cannot tell a common word from a rare one, and plans
 * made for a small table go on being used for a large one), then merges GIN's pending list.
 * Cheap to call often: it looks at most once a minute and works only when much has changed.
 */
export async function maintainSearchIndex(db: Db, opts: { force?: boolean; everyMs?: number } = {}): Promise<boolean> {
  const now = Date.now();
  // A batch import looks more often (everyMs 0, every 25 files): at 30 protocols a second the
  // statistics of a growing table fall behind within a minute.
  if (!opts.force && now - lastMaintenance < (opts.everyMs ?? 60_000)) return false;
  lastMaintenance = now;
  const done = await maintainTables(db, opts);
  if (!opts.force && !done.analyzed.includes('search_doc')) return done.analyzed.length > 0;
  await sql`select gin_clean_pending_list('search_doc_tsv'::regclass), gin_clean_pending_list('search_doc_title_tsv'::regclass), gin_clean_pending_list('search_word_trgm'::regclass)`.execute(db);
  return true;
}
