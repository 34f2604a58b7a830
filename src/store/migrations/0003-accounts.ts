import { sql, type Kysely } from 'kysely';

// Accounts, sessions, OIDC identities, the audit log, and personal-data handling.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
alter table membership drop constraint membership_role_check;
alter table membership add constraint membership_role_check
  check (role in ('ordförande', 'vice ordförande', 'ledamot', 'ersättare', 'tjänsteperson', 'sekreterare', 'koordinator', 'adjungerad'));

alter table person add column pseudonymised_at timestamptz;

create table account (
  id serial primary key,
  email text not null unique check (email = lower(email)),
  name text not null,
  password_hash text, -- argon2id; null for an account that signs in only through OIDC
  person_id int references person(id) on delete set null,
  admin boolean not null default false,
  disabled boolean not null default false,
  created_at timestamptz not null default now()
);

-- an organisation's identity-provider account linked to ours
create table account_identity (
  id serial primary key,
  account_id int not null references account(id) on delete cascade,
  issuer text not null,
  subject text not null,
  email text,
  linked_at timestamptz not null default now(),
  unique (issuer, subject)
);

-- the cookie holds a random token; only its hash is stored, so a copy of the database opens no session
create table session (
  id text primary key,
  account_id int not null references account(id) on delete cascade,
  csrf_token text not null,
  method text not null check (method in ('password', 'oidc')),
  created_at timestamptz not null default now(),
  authenticated_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index session_account on session (account_id);

-- an OIDC sign-in in progress (state, nonce and PKCE verifier), kept for minutes
create table oidc_login (
  state text primary key,
  nonce text not null,
  code_verifier text not null,
  link_account_id int references account(id) on delete cascade,
  return_to text not null default '/',
  created_at timestamptz not null default now()
);

-- every change: who, when, what, before and after. Append-only: updates and deletes are refused
-- by the database itself, whoever asks.
create table audit_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  actor_account_id int,
  actor text not null,
  action text not null,
  entity text not null,
  entity_id text,
  before jsonb,
  after jsonb
);
create index audit_log_entity on audit_log (entity, entity_id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end
$$;
create trigger audit_log_no_change before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();
`).execute(db);
}
