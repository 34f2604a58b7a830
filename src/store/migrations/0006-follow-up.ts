import { sql, type Kysely } from 'kysely';

// Follow-up beyond the meeting: recommendations that every huvudman adopts locally, cost splits
// between the huvudmän, funds (statsbidrag) with their applications and reports, and the register
// of governing documents with their versions.
//
// Both link to the decision that made them by item_id as well as decision_id: the minutes editor
// rewrites an item's decision rows on every save (new ids), while the item stays. from_decision
// remembers that there was a decision even after its row is gone, so such a record never becomes
// public by losing its link; registered by hand (from_decision false) means decided outside
// Samverka, which is public.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
create table recommendation (
  id serial primary key,
  body_id int not null references body(id),        -- the recommending body
  item_id int references agenda_item(id) on delete set null,
  decision_id int references decision(id) on delete set null,
  from_decision boolean not null,
  decided_on date not null,                        -- the recommending decision's date
  title text not null check (title <> ''),
  kind text not null check (kind in ('strategi', 'överenskommelse', 'färdplan', 'riktlinje', 'handlingsplan', 'rutin', 'avtal', 'annat')),
  local_body text not null,                        -- where each huvudman should decide: fullmäktige, nämnd …
  deadline date,
  description text not null default '',
  created_at timestamptz not null default now(),
  check (deadline is null or deadline >= decided_on)
);
create index recommendation_body on recommendation (body_id, decided_on);
create index recommendation_item on recommendation (item_id);

-- one row per huvudman and recommendation, created with the recommendation
create table adoption (
  recommendation_id int not null references recommendation(id) on delete cascade,
  huvudman_id int not null references huvudman(id),
  status text not null default 'not-started' check (status in ('not-started', 'in-preparation', 'adopted', 'declined')),
  decided_on date,
  deciding_body text,
  diary_number text,
  url text,
  updated_at timestamptz not null default now(),
  primary key (recommendation_id, huvudman_id)
);
create index adoption_huvudman on adoption (huvudman_id);

-- kostnadsfördelning: the key and the parts it gave, kept as decided (later population
-- corrections do not move a decided split)
create table cost_split (
  id serial primary key,
  body_id int not null references body(id),
  item_id int references agenda_item(id) on delete set null,
  decision_id int references decision(id) on delete set null,
  from_decision boolean not null,
  decided_on date not null,
  title text not null check (title <> ''),
  cost_year int check (cost_year between 1900 and 2200),   -- the year the cost concerns
  total_ore bigint not null check (total_ore >= 0),
  region_share_bp int not null check (region_share_bp between 0 and 10000),
  municipal_share_bp int not null check (municipal_share_bp between 0 and 10000),
  measure text not null check (measure in ('population', 'custom')),
  measure_name text not null,
  population_year int,
  created_at timestamptz not null default now(),
  check (region_share_bp + municipal_share_bp = 10000),
  check ((measure = 'population') = (population_year is not null))
);
create index cost_split_body on cost_split (body_id, decided_on);

create table cost_split_part (
  cost_split_id int not null references cost_split(id) on delete cascade,
  huvudman_id int not null references huvudman(id),
  measure bigint,                                    -- null for the region (a fixed share)
  amount_ore bigint not null check (amount_ore >= 0),
  primary key (cost_split_id, huvudman_id)
);

-- utlysning: a fund's call for applications, run and decided by a body (the proposal may come
-- from a beredning); the decision links like the records above
create table fund_call (
  id serial primary key,
  body_id int not null references body(id),
  fund text not null check (fund <> ''),             -- e.g. 'Psykisk hälsa och suicidprevention'
  name text not null check (name <> ''),
  year int not null check (year between 1900 and 2200),
  amount_ore bigint not null check (amount_ore >= 0),
  criteria text not null default '',
  apply_by date,
  proposal_body_id int references body(id),
  proposed_on date,
  item_id int references agenda_item(id) on delete set null,
  decision_id int references decision(id) on delete set null,
  from_decision boolean not null default false,
  decided_on date,
  created_at timestamptz not null default now()
);
create index fund_call_year on fund_call (year, fund);

create table fund_application (
  id serial primary key,
  call_id int not null references fund_call(id) on delete cascade,
  project text not null check (project <> ''),
  asked_ore bigint not null check (asked_ore >= 0),
  proposed_ore bigint check (proposed_ore >= 0),
  granted_ore bigint check (granted_ore >= 0),   -- 0: rejected; null: not decided
  conditions text not null default '',
  created_at timestamptz not null default now()
);
create index fund_application_call on fund_application (call_id);

create table fund_applicant (
  application_id int not null references fund_application(id) on delete cascade,
  huvudman_id int not null references huvudman(id),
  position int not null,                          -- 0: the lead applicant
  primary key (application_id, huvudman_id)
);
create index fund_applicant_huvudman on fund_applicant (huvudman_id);

-- återrapportering: what a grant owes by when, and when it came
create table fund_report (
  id serial primary key,
  application_id int not null references fund_application(id) on delete cascade,
  due_date date not null,
  submitted_on date,
  note text not null default ''
);
create index fund_report_application on fund_report (application_id);

-- styrdokument: owned by a body; each version decided by a body (linked like the records above),
-- valid from/to, with its file; adoption per huvudman through a recommendation of the version
create table governing_document (
  id serial primary key,
  body_id int not null references body(id),
  title text not null check (title <> ''),
  kind text not null check (kind in ('överenskommelse', 'strategi', 'riktlinje', 'rutin', 'handlingsplan', 'färdplan', 'annat')),
  description text not null default '',
  next_review date,
  created_at timestamptz not null default now()
);
create index governing_document_review on governing_document (next_review);

create table governing_document_version (
  id serial primary key,
  document_id int not null references governing_document(id) on delete cascade,
  label text not null check (label <> ''),
  body_id int not null references body(id),          -- the body that decided this version
  item_id int references agenda_item(id) on delete set null,
  decision_id int references decision(id) on delete set null,
  from_decision boolean not null,
  decided_on date not null,
  valid_from date not null,
  valid_to date,
  recommendation_id int references recommendation(id) on delete set null,
  filename text,
  media_type text,
  size_bytes int,
  sha256 text,
  content bytea,
  created_at timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from),
  unique (document_id, label)
);
create index governing_document_version_document on governing_document_version (document_id, valid_from);
`).execute(db);
}
