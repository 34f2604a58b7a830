import { sql, type Kysely } from 'kysely';

// Justering: the protocol as sent to its signatories is frozen as a numbered version; each version
// gets one round in which the signatories (sekreterare, justerare, ordförande) approve, comment and
// sign. A revision starts a new version and a new round; the old ones stay as they were.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
-- the protocol exactly as it went out on justering: the API's protocol JSON at that moment
create table protocol_version (
  meeting_id int not null references meeting(id) on delete cascade,
  version int not null check (version >= 1),
  content jsonb not null,
  created_at timestamptz not null default now(),
  created_by int references account(id) on delete set null,
  primary key (meeting_id, version)
);

-- a version that has been sent is a record of what the signatories read: it is never changed
create function protocol_version_frozen() returns trigger language plpgsql as $$
begin
  raise exception 'protocol_version is frozen: a revision is a new version';
end
$$;
create trigger protocol_version_no_change before update on protocol_version
  for each row execute function protocol_version_frozen();

-- open: out for justering; revising: the secretary is changing the draft (meeting back in 'draft');
-- signed: every signatory has signed, the seal is still to be made; sealed: sealed and published;
-- withdrawn: replaced by a newer version
create table justering_round (
  id serial primary key,
  meeting_id int not null references meeting(id) on delete cascade,
  version int not null,
  state text not null default 'open' check (state in ('open', 'revising', 'signed', 'sealed', 'withdrawn')),
  started_at timestamptz not null default now(),
  started_by int references account(id) on delete set null,
  ended_at timestamptz,
  seal_error text, -- why the last attempt to seal failed, for the secretary
  unique (meeting_id, version),
  foreign key (meeting_id, version) references protocol_version (meeting_id, version),
  check ((state in ('sealed', 'withdrawn')) = (ended_at is not null))
);
-- one round at a time is in progress for a meeting
create unique index justering_round_active on justering_round (meeting_id) where state in ('open', 'revising', 'signed');

create table justering_signatory (
  id serial primary key,
  round_id int not null references justering_round(id) on delete cascade,
  position int not null check (position >= 0), -- the order shown; signing in any order is allowed
  person_id int not null references person(id),
  account_id int references account(id) on delete set null,
  name text not null,
  role text not null check (role in ('sekreterare', 'justerare', 'ordförande')),
  organization text,
  state text not null default 'pending' check (state in ('pending', 'approved', 'commented', 'signed')),
  approved_at timestamptz,
  signed_at timestamptz,
  method text, -- how the signatory identified: "Samverka-konto, lösenord", "Inloggning via …"
  unique (round_id, person_id),
  unique (round_id, position),
  check ((state = 'signed') = (signed_at is not null and method is not null))
);

create table justering_comment (
  id serial primary key,
  round_id int not null references justering_round(id) on delete cascade,
  signatory_id int not null references justering_signatory(id) on delete cascade,
  text text not null check (length(text) between 1 and 10000),
  created_at timestamptz not null default now(),
  answer text check (length(answer) between 1 and 10000),
  answered_at timestamptz,
  answered_by int references account(id) on delete set null,
  check ((answer is null) = (answered_at is null))
);
create index justering_comment_round on justering_comment (round_id);
`).execute(db);
}
