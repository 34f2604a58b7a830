import { sql, type Kysely } from 'kysely';

// The job queue lives in the database, not in timers of the web process: graphile-worker and
// pg-boss need a networked PostgreSQL (their own pools, LISTEN/NOTIFY), which the embedded PGlite
// cannot offer. A worker claims due jobs with `for update skip locked` and holds them by a lease
// (locked_until), so a crashed worker's job is taken again once the lease runs out; a failure
// moves run_at on (backoff) until max_attempts, then failed_at. dedupe_key makes enqueueing the
// same thing twice a no-op, whether it is pending, done or failed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
create table job (
  id bigserial primary key,
  kind text not null check (kind ~ '^[a-z][a-z0-9-]*$'),
  payload jsonb not null default '{}',
  run_at timestamptz not null default now(),
  attempts int not null default 0 check (attempts >= 0),
  max_attempts int not null default 10 check (max_attempts >= 1),
  locked_until timestamptz,
  locked_by text,
  last_error text,
  done_at timestamptz,
  failed_at timestamptz,
  dedupe_key text unique,
  created_at timestamptz not null default now(),
  check (done_at is null or failed_at is null)
);
-- what a claim searches: the open jobs in the order they fall due
create index job_open on job (run_at) where done_at is null and failed_at is null;
create index job_failed on job (failed_at) where failed_at is not null;

-- påminnelser: one row per recipient and occasion (thing, due date, days before or overdue), written
-- in the transaction that finishes the sending job, so that no later run reminds of it again
create table reminder_sent (
  recipient text not null,
  thing_key text not null,
  day date not null,
  job_id bigint references job(id) on delete set null,
  sent_at timestamptz not null default now(),
  primary key (recipient, thing_key)
);
`).execute(db);
}
