import { sql, type Kysely } from 'kysely';

// Files uploaded for import wait here, read and parsed, until a person has looked at the preview,
// fixed what was wrong and stored them (or thrown them away). Kept out of the web root.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
create table import_upload (
  id serial primary key,
  account_id int references account(id) on delete cascade,
  filename text not null,
  sha256 text not null,
  media_type text not null,
  content bytea not null,
  text_content text,
  parsed jsonb,
  error_code text,
  error_message text,
  meeting_id int references meeting(id) on delete set null,
  created_at timestamptz not null default now(),
  check ((parsed is null) <> (error_code is null))
);
create index import_upload_account on import_upload (account_id);
`).execute(db);
}
