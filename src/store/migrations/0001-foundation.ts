import { sql, type Kysely } from 'kysely';

// The first schema: organisations, bodies with their name history, people, meetings and the
// protocol's parts. Later migrations extend it; none rewrites it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- huvudman: the region and the municipalities that own the collaboration together
create table huvudman (
  id serial primary key,
  name text not null unique,
  short_name text not null unique,
  kind text not null check (kind in ('region', 'kommun')),
  registry_email text,
  sort_key text not null
);

create table huvudman_population (
  huvudman_id int not null references huvudman(id) on delete cascade,
  year int not null check (year between 1900 and 2200),
  population int not null check (population >= 0),
  primary key (huvudman_id, year)
);

-- organ: a body of the collaboration; its names live in body_name so a renamed body keeps its past
create table body (
  id serial primary key,
  slug text not null unique,
  short_name text,
  kind text not null check (kind in ('samverkansgrupp', 'samråd', 'systemledning', 'beredning', 'råd', 'arbetsgrupp', 'referensgrupp')),
  parent_id int references body(id),
  created_at timestamptz not null default now()
);

create table body_name (
  id serial primary key,
  body_id int not null references body(id) on delete cascade,
  name text not null,
  match_key text not null,
  alias boolean not null default false, -- another way of writing the name ("Systemledningen"), never shown as its name
  valid_from date,
  valid_to date,
  check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index body_name_match_key on body_name (match_key);
create unique index body_name_unique on body_name (body_id, match_key);

create table person (
  id serial primary key,
  name text not null,
  sort_key text not null,
  match_key text not null,
  email text,
  title text,
  party text,
  organization text,
  huvudman_id int references huvudman(id),
  created_at timestamptz not null default now()
);
create index person_match_key on person (match_key);
create index person_name_trgm on person using gin (match_key gin_trgm_ops);

create table membership (
  id serial primary key,
  person_id int not null references person(id) on delete cascade,
  body_id int not null references body(id) on delete cascade,
  role text not null check (role in ('ordförande', 'vice ordförande', 'ledamot', 'ersättare', 'tjänsteperson', 'sekreterare', 'adjungerad')),
  party text,
  organization text,
  huvudman_id int references huvudman(id),
  valid_from date,
  valid_to date,
  check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index membership_body on membership (body_id);
create index membership_person on membership (person_id);

-- an imported protocol's original file, kept as the source of record
create table source_file (
  id serial primary key,
  filename text not null,
  sha256 text not null unique,
  media_type text not null,
  size_bytes int not null,
  content bytea not null,
  text_content text,
  created_at timestamptz not null default now()
);

create table meeting (
  id serial primary key,
  title text,
  meeting_date date,
  date_unknown boolean not null default false,
  start_time time,
  end_time time,
  place text,
  diary_number text,
  kind text not null default 'meeting' check (kind in ('meeting', 'seminar')),
  status text not null default 'planned' check (status in ('planned', 'draft', 'justering', 'signed', 'published', 'cancelled')),
  origin text not null default 'native' check (origin in ('native', 'imported')),
  source_file_id int references source_file(id),
  content_hash text,
  import_warnings jsonb not null default '[]',
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (meeting_date is not null or date_unknown or status = 'planned')
);
create index meeting_date on meeting (meeting_date);
create unique index meeting_content_hash on meeting (content_hash) where content_hash is not null;

-- a joint meeting (Systemledning together with Samråd) has several bodies; the primary one owns the numbering
create table meeting_body (
  meeting_id int not null references meeting(id) on delete cascade,
  body_id int not null references body(id),
  is_primary boolean not null default false,
  primary key (meeting_id, body_id)
);
create unique index meeting_body_one_primary on meeting_body (meeting_id) where is_primary;
create index meeting_body_body on meeting_body (body_id);

-- ärende on the agenda; number is the printed one, which runs on through the body's year
create table agenda_item (
  id serial primary key,
  meeting_id int not null references meeting(id) on delete cascade,
  position int not null,
  number int,
  title text not null,
  kind text check (kind in ('decision', 'information')),
  written boolean not null default false,
  text text not null default '',
  proposal text,
  sub_points jsonb not null default '[]',
  version int not null default 1,
  unique (meeting_id, position) deferrable initially deferred,
  unique (meeting_id, number) deferrable initially deferred
);

create table item_presenter (
  id serial primary key,
  item_id int not null references agenda_item(id) on delete cascade,
  position int not null,
  person_id int references person(id),
  name text not null,
  title text
);
create index item_presenter_item on item_presenter (item_id);
create index item_presenter_person on item_presenter (person_id);

create table decision (
  id serial primary key,
  item_id int not null references agenda_item(id) on delete cascade,
  position int not null,
  text text not null,
  clauses text[] not null default '{}',
  body_id int references body(id)
);
create index decision_item on decision (item_id);

-- uppdrag: a task given to a body, group, person or huvudman, due back at a date or a named meeting
create table assignment (
  id serial primary key,
  item_id int references agenda_item(id) on delete cascade,
  decision_id int references decision(id) on delete set null,
  position int not null default 0,
  from_body_id int references body(id),
  to_text text not null check (length(trim(to_text)) > 0),
  to_body_id int references body(id),
  to_person_id int references person(id),
  to_huvudman_id int references huvudman(id),
  task text not null check (length(trim(task)) > 0),
  due_date date,
  due_text text,
  status text not null default 'open' check (status in ('unconfirmed', 'open', 'reported', 'done', 'withdrawn')),
  created_at timestamptz not null default now()
);
create index assignment_item on assignment (item_id);
create index assignment_to_body on assignment (to_body_id);

create table attendance (
  id serial primary key,
  meeting_id int not null references meeting(id) on delete cascade,
  position int not null,
  list text not null check (list in ('present', 'absent', 'official')),
  person_id int references person(id),
  name text not null,
  party text,
  organization text,
  role text,
  replaces_person_id int references person(id),
  replaces_name text,
  note text,
  items_from int,
  items_to int
);
create index attendance_meeting on attendance (meeting_id);
create index attendance_person on attendance (person_id);

create table signature (
  id serial primary key,
  meeting_id int not null references meeting(id) on delete cascade,
  position int not null,
  person_id int references person(id),
  name text not null,
  role text,
  signed_at timestamptz,
  method text
);

create table next_meeting (
  id serial primary key,
  meeting_id int not null references meeting(id) on delete cascade,
  position int not null,
  body_text text,
  body_id int references body(id),
  date_text text not null,
  meeting_date date
);

-- OCR repairs made on import, kept for a person to review
create table import_repair (
  id serial primary key,
  meeting_id int not null references meeting(id) on delete cascade,
  original text not null,
  repaired text not null,
  line int not null,
  certain boolean not null
);
`).execute(db);
}
