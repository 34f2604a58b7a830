import { sql, type Kysely } from 'kysely';
import { receiverHuvudman } from '../../domain/huvudman-match.js';

// Omedelbar justering of single items: the secretary proposes an item with a decision, the
// signatories present (ordförande and justerare) approve its text on the spot, and from the last
// approval the item is frozen and its decision applies before the whole protocol is justified.
// The item as approved is kept as JSON with the SHA-256 of its canonical form (RFC 8785).
//
// Also here (follow-up gaps of the same round): which decision closed an assignment, and the
// assignments' huvudman resolved from the receiver text for rows written before it was.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
-- proposed: out to the signatories, the item frozen while they read it; justified: every signatory
-- approved (justified_at set); withdrawn: the secretary took the proposal back before that
create table immediate_justering (
  id serial primary key,
  meeting_id int not null references meeting(id) on delete cascade,
  item_id int not null references agenda_item(id) on delete cascade,
  item_number int,                 -- the § number approved: it may not change afterwards
  state text not null default 'proposed' check (state in ('proposed', 'justified', 'withdrawn')),
  content jsonb not null,          -- the item as approved (the API's agenda item JSON)
  content_sha256 text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
  proposed_at timestamptz not null default now(),
  proposed_by int references account(id) on delete set null,
  justified_at timestamptz,
  ended_at timestamptz,            -- withdrawn at
  check ((state = 'justified') = (justified_at is not null)),
  check ((state = 'withdrawn') = (ended_at is not null))
);
-- one proposal in force per item
create unique index immediate_justering_item on immediate_justering (item_id) where state in ('proposed', 'justified');
create index immediate_justering_meeting on immediate_justering (meeting_id);

-- what was approved stays as it was: the item's content and number, and a justification once made
-- (only the proposer's account may be unlinked, should the account go)
create function immediate_justering_frozen() returns trigger language plpgsql as $$
begin
  if (new.content, new.content_sha256, new.item_id, new.item_number, new.meeting_id) is distinct from (old.content, old.content_sha256, old.item_id, old.item_number, old.meeting_id)
     or (old.state = 'justified' and (new.state, new.justified_at) is distinct from (old.state, old.justified_at)) then
    raise exception 'immediate_justering % is frozen', old.id;
  end if;
  return new;
end
$$;
create trigger immediate_justering_no_change before update on immediate_justering
  for each row execute function immediate_justering_frozen();

-- one row per signatory; way: own-device (signed in and approved themselves, fresh authentication)
-- or on-the-spot (approved aloud at the meeting, recorded by the secretary named in recorded_by)
create table immediate_justering_approval (
  id serial primary key,
  immediate_justering_id int not null references immediate_justering(id) on delete cascade,
  position int not null check (position >= 0),
  person_id int not null references person(id),
  account_id int references account(id) on delete set null,
  name text not null,
  role text not null check (role in ('justerare', 'ordförande')),
  approved_at timestamptz,
  way text check (way in ('own-device', 'on-the-spot')),
  method text,
  recorded_by int references account(id) on delete set null,
  recorded_by_name text,
  unique (immediate_justering_id, person_id),
  unique (immediate_justering_id, position),
  check ((approved_at is null) = (way is null)),
  check ((approved_at is null) = (method is null))
);
create index immediate_justering_approval_person on immediate_justering_approval (person_id);

-- the decision that closed an assignment (uppdraget anses slutfört), from a report-back item
create table assignment_closure (
  assignment_id int primary key references assignment(id) on delete cascade,
  item_id int references agenda_item(id) on delete set null,
  decision_id int references decision(id) on delete set null,
  decision_text text not null,
  reason text not null check (reason in ('published', 'immediate-justering')),
  closed_at timestamptz not null default now()
);
create index assignment_closure_item on assignment_closure (item_id);
`).execute(db);

  await linkAssignmentHuvudmän(db);
}

/** Assignments written before the receiver was resolved: link those given to one huvudman. */
export async function linkAssignmentHuvudmän(db: Kysely<unknown>): Promise<void> {
  const huvudmän = await sql<{ id: number; name: string; short_name: string; kind: 'region' | 'kommun' }>`select id, name, short_name, kind from huvudman`.execute(db);
  if (huvudmän.rows.length === 0) return;
  const open = await sql<{ id: number; to_text: string }>`select id, to_text from assignment where to_huvudman_id is null and to_body_id is null`.execute(db);
  const list = huvudmän.rows.map((h) => ({ id: h.id, name: h.name, shortName: h.short_name, kind: h.kind }));
  for (const a of open.rows) {
    const id = receiverHuvudman(a.to_text, list);
    if (id !== null) await sql`update assignment set to_huvudman_id = ${id} where id = ${a.id}`.execute(db);
  }
}
