import { sql, type Kysely } from 'kysely';

// Votes (omröstningar) with each member's ballot, reservations and protocol notes
// (protokollsanteckningar) on an agenda item, and each body's rule for a tie. People are kept by
// person id with the name and party as the attendance wrote them when it was recorded.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
-- the chair's casting vote (utslagsröst) on a tie; a body without a row uses it
create table body_vote_rule (
  body_id int primary key references body(id) on delete cascade,
  chair_casting_vote boolean not null
);

create table item_vote (
  id serial primary key,
  item_id int not null references agenda_item(id) on delete cascade,
  position int not null check (position >= 0),
  question text check (length(trim(question)) > 0),
  yes_for text not null check (length(trim(yes_for)) > 0),
  no_for text not null check (length(trim(no_for)) > 0),
  yes_count int not null check (yes_count >= 0),
  no_count int not null check (no_count >= 0),
  abstain_count int not null check (abstain_count >= 0),
  result text not null check (result in ('yes', 'no', 'tie')),
  casting_vote boolean not null default false,
  created_at timestamptz not null default now(),
  unique (item_id, position) deferrable initially deferred,
  -- the result follows from the counts; only a tie may be decided by the casting vote
  check (case result
    when 'yes' then yes_count > no_count or (yes_count = no_count and casting_vote)
    when 'no' then no_count > yes_count or (yes_count = no_count and casting_vote)
    else yes_count = no_count and not casting_vote end)
);

-- one ballot per person and vote
create table item_vote_ballot (
  vote_id int not null references item_vote(id) on delete cascade,
  position int not null check (position >= 0),
  person_id int not null references person(id),
  name text not null,
  party text,
  choice text not null check (choice in ('yes', 'no', 'abstain')),
  primary key (vote_id, person_id)
);
create index item_vote_ballot_person on item_vote_ballot (person_id);

create table item_reservation (
  id serial primary key,
  item_id int not null references agenda_item(id) on delete cascade,
  person_id int not null references person(id),
  name text not null,
  party text,
  in_favour_of text check (length(trim(in_favour_of)) > 0),
  motivation text check (length(trim(motivation)) > 0),
  entered_by int references account(id) on delete set null,
  created_at timestamptz not null default now(),
  unique (item_id, person_id)
);
create index item_reservation_person on item_reservation (person_id);

create table item_protocol_note (
  id serial primary key,
  item_id int not null references agenda_item(id) on delete cascade,
  person_id int not null references person(id),
  name text not null,
  party text,
  text text not null check (length(trim(text)) > 0),
  entered_by int references account(id) on delete set null,
  created_at timestamptz not null default now(),
  unique (item_id, person_id)
);
create index item_protocol_note_person on item_protocol_note (person_id);
`).execute(db);
}
