import { sql, type Kysely } from 'kysely';

// Publication of justerade protocols: the sealed PDF of each version (with its manifest and the
// canonical snapshot it was made from), the seal certificates used, when a meeting was published,
// and the notice dates (anslag) for bodies that announce their justering.
//
// A sealed protocol is a public record kept for decades: its row is never changed or removed
// (triggers refuse it, whoever asks), and a certificate once used stays known, so that a PDF sealed
// before the organisation changed certificates still verifies as ours.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
alter table body add column uses_anslag boolean not null default false;
alter table body add column anslag_days int not null default 21 check (anslag_days between 1 and 365);

alter table meeting add column published_at timestamptz;
alter table meeting add column anslag_from date;
alter table meeting add column anslag_to date;
alter table meeting add constraint meeting_anslag_order check (anslag_to is null or anslag_from is null or anslag_to >= anslag_from);

create table seal_certificate (
  fingerprint text primary key check (fingerprint ~ '^[0-9a-f]{64}$'),  -- SHA-256 of the DER certificate
  pem text not null,
  subject text not null,
  development boolean not null,
  not_before timestamptz not null,
  not_after timestamptz not null,
  first_used_at timestamptz not null default now()
);

create table sealed_protocol (
  id serial primary key,
  meeting_id int not null references meeting(id),
  version int not null check (version >= 1),
  pdf bytea not null,
  pdf_sha256 text not null unique check (pdf_sha256 ~ '^[0-9a-f]{64}$'),
  manifest jsonb not null,
  manifest_sha256 text not null check (manifest_sha256 ~ '^[0-9a-f]{64}$'),
  snapshot jsonb not null,                      -- the protocol as it was frozen and sealed
  content_sha256 text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
  certificate_fingerprint text not null references seal_certificate(fingerprint),
  sealed_at timestamptz not null,
  unique (meeting_id, version)
);

create function sealed_protocol_keep() returns trigger language plpgsql as $$
begin
  raise exception 'a sealed protocol is kept as it is';
end
$$;
create trigger sealed_protocol_no_change before update or delete on sealed_protocol
  for each row execute function sealed_protocol_keep();
create trigger sealed_protocol_no_truncate before truncate on sealed_protocol
  for each statement execute function sealed_protocol_keep();
create trigger seal_certificate_no_change before update or delete on seal_certificate
  for each row execute function sealed_protocol_keep();
`).execute(db);
}
