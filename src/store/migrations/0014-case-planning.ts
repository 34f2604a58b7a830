import { sql, type Kysely } from 'kysely';

// Ärendeplanering: a case's planned path through the bodies with a target meeting at each step,
// and each body's lead time for documents. The deadlines and warnings are derived on read from
// the meetings as they are (src/domain/case-planning.ts); only the plan is stored.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
-- handlingar senast N dagar före mötet; a body without a row uses the default
create table body_lead_time (
  body_id int primary key references body(id) on delete cascade,
  lead_days int not null check (lead_days between 0 and 90)
);

create table case_plan (
  id serial primary key,
  title text not null check (length(trim(title)) between 1 and 300),
  description text not null default '',
  visibility text not null default 'members' check (visibility in ('members', 'public')),
  item_id int references agenda_item(id) on delete set null,
  assignment_id int references assignment(id) on delete set null,
  recommendation_id int references recommendation(id) on delete set null,
  version int not null default 1,
  created_by int references account(id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (num_nonnulls(item_id, assignment_id, recommendation_id) <= 1)
);
create index case_plan_item on case_plan (item_id) where item_id is not null;
create index case_plan_assignment on case_plan (assignment_id) where assignment_id is not null;

create table case_plan_step (
  plan_id int not null references case_plan(id) on delete cascade,
  position int not null check (position between 0 and 50),
  kind text not null check (kind in ('body', 'huvudman')),
  body_id int references body(id) on delete cascade,
  meeting_id int references meeting(id) on delete set null,
  planned_date date,
  primary key (plan_id, position),
  check ((kind = 'body') = (body_id is not null)),
  check (kind = 'body' or meeting_id is null),
  -- a path does not loop: each body once
  unique (plan_id, body_id)
);
create index case_plan_step_body on case_plan_step (body_id);
create index case_plan_step_meeting on case_plan_step (meeting_id) where meeting_id is not null;
`).execute(db);
}
