import { sql, type Kysely } from 'kysely';

// Expediering: one dispatch (utskick) is one agenda item of a published protocol to one recipient
// — a huvudman's registry, a body's secretaries, or a named person — sent once through the job
// queue, with its state: queued, sent or bounced, and the recipient's diary number once registered.
//
// The registry address of each huvudman (registry_email) has been in the huvudman table since
// 0001-foundation; administrators edit it (Administration → Registratorer). The reference data
// (samples/reference/huvudman.csv) has no addresses, so none are seeded: until an administrator
// enters one, a huvudman cannot be sent to, and the secretary is told so.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
create table expedition_dispatch (
  id serial primary key,
  meeting_id int not null references meeting(id) on delete cascade,
  -- the item, and what it was when sent: a re-imported archive protocol gets new item rows
  item_id int references agenda_item(id) on delete set null,
  item_number int,
  item_title text not null,
  recipient_kind text not null check (recipient_kind in ('huvudman', 'body', 'named')),
  recipient_key text not null check (recipient_key ~ '^(huvudman:[0-9]+|body:[0-9]+|email:.+)$'),
  huvudman_id int references huvudman(id),
  body_id int references body(id),
  recipient_name text not null check (length(recipient_name) between 1 and 300),
  addresses text[] not null check (cardinality(addresses) between 1 and 100),
  reasons text[] not null check (cardinality(reasons) >= 1 and reasons <@ array['recommendation', 'assignment', 'extract']),
  deadline date,
  state text not null default 'queued' check (state in ('queued', 'sent', 'bounced')),
  -- 1 for the first sending, one more for each time a bounced dispatch is sent again
  attempt int not null default 1 check (attempt >= 1),
  -- the registration link's token, as its SHA-256: the link itself is only in the e-mail
  token_sha256 text not null unique,
  created_at timestamptz not null default now(),
  created_by int references account(id) on delete set null,
  sent_at timestamptz,
  message_id text,
  bounced_at timestamptz,
  bounce_reason text,
  diary_number text check (length(diary_number) between 1 and 100),
  registered_at timestamptz,
  registered_by text,
  check ((state = 'sent') = (sent_at is not null)),
  check ((state = 'bounced') = (bounced_at is not null)),
  check ((diary_number is null) = (registered_at is null)),
  check ((recipient_kind = 'huvudman') = (huvudman_id is not null)),
  check ((recipient_kind = 'body') = (body_id is not null))
);
-- nothing is sent twice: one dispatch per item and recipient (a bounced one is sent again from its own row)
create unique index expedition_dispatch_once on expedition_dispatch (item_id, recipient_key) where item_id is not null;
create index expedition_dispatch_meeting on expedition_dispatch (meeting_id);
`).execute(db);
}
