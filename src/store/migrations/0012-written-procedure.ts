import { sql, type Kysely } from 'kysely';

// Decisions by written procedure (beslut per capsulam): a question put in writing to a body's
// voting members, each member's one-time link and answer, the documents that go with it, the
// outcome once the body's rule settles it or the deadline passes, and the agenda item where the
// next meeting confirms it. Links are stored as the SHA-256 of their token, like sessions.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
create table written_question (
  id serial primary key,
  body_id int not null references body(id),
  title text not null check (length(trim(title)) > 0),
  proposal text not null check (length(trim(proposal)) > 0),
  clauses text[] not null default '{}',
  rule text not null check (rule in ('unanimous', 'majority', 'chair')),
  deadline timestamptz not null,
  created_by int references account(id) on delete set null,
  created_at timestamptz not null default now(),
  -- the outcome, recorded once: settled by the rule (early) or by the deadline
  closed_at timestamptz,
  closed_by text check (closed_by in ('rule', 'deadline')),
  outcome text check (outcome in ('approved', 'rejected')),
  outcome_reason text,
  -- the agenda item of the meeting that confirms the decision (anmälan av beslut)
  confirmed_item_id int references agenda_item(id) on delete set null,
  check ((closed_at is null) = (outcome is null) and (closed_at is null) = (closed_by is null) and (closed_at is null) = (outcome_reason is null)),
  check (confirmed_item_id is null or closed_at is not null)
);
create index written_question_body on written_question (body_id, created_at desc);
create index written_question_item on written_question (confirmed_item_id) where confirmed_item_id is not null;

-- the members asked, as they were on the day: name, role and address kept with the question
create table written_recipient (
  question_id int not null references written_question(id) on delete cascade,
  person_id int not null references person(id),
  position int not null check (position >= 0),
  name text not null,
  role text not null,
  email text not null,
  chair boolean not null default false,
  token_hash text not null unique,
  token_expires_at timestamptz not null,
  mailed_at timestamptz,
  answer text check (answer in ('yes', 'no', 'abstain')),
  comment text check (length(comment) <= 5000),
  answered_at timestamptz,
  answered_via text check (answered_via in ('link', 'signed-in')),
  answered_by int references account(id) on delete set null,
  primary key (question_id, person_id),
  check ((answer is null) = (answered_at is null) and (answer is null) = (answered_via is null))
);
create index written_recipient_person on written_recipient (person_id);
-- one chair at most per question
create unique index written_recipient_chair on written_recipient (question_id) where chair;

create table written_document (
  id serial primary key,
  question_id int not null references written_question(id) on delete cascade,
  position int not null check (position >= 0),
  filename text not null,
  media_type text not null,
  size_bytes int not null,
  sha256 text not null,
  content bytea not null,
  unique (question_id, position)
);
`).execute(db);
}
