import { sql, type Kysely } from 'kysely';

// Running a meeting in Samverka: the year plan, the agenda with its standard items and documents,
// internal notes, standard outcomes, and links between items, assignments and referred cases.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
-- false: the meeting was added outside the body's year plan (allowed, but flagged)
alter table meeting add column in_year_plan boolean not null default true;

-- a standard item of every agenda (approve the agenda, justerare, previous minutes …), or null
alter table agenda_item add column standard text
  check (standard in ('approve-agenda', 'justerare', 'previous-minutes', 'referrals', 'other-questions', 'summary', 'next-meeting'));
-- the secretary's notes during the meeting: internal, never part of the published protocol
alter table agenda_item add column notes text not null default '';
-- a case sent here by another body's item ("Ärenden till Länssamverkansgruppen")
alter table agenda_item add column referred_from_item_id int references agenda_item(id) on delete set null;
-- the report-back of an assignment (återrapportering)
alter table agenda_item add column reports_assignment_id int references assignment(id) on delete set null;
-- a case to be sent on to another body's next agenda
alter table agenda_item add column refer_to_body_id int references body(id);

-- godkände informationen / lades till handlingarna / återremitteras / utgår
alter table decision add column outcome text check (outcome in ('informed', 'filed', 'referred-back', 'withdrawn'));

-- due at a named later meeting
alter table assignment add column due_meeting_id int references meeting(id) on delete set null;

-- documents attached to an agenda item: for the body's members until the protocol is published
create table document (
  id serial primary key,
  item_id int not null references agenda_item(id) on delete cascade,
  filename text not null,
  media_type text not null,
  size_bytes int not null,
  sha256 text not null,
  content bytea not null,
  uploaded_by int references account(id) on delete set null,
  created_at timestamptz not null default now()
);
create index document_item on document (item_id);
`).execute(db);
}
