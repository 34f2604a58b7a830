import { sql, type Kysely } from 'kysely';
import { AT_TEXT, AUDIT_CHAIN_LOCK, GENESIS_HASH, auditEntryHash } from '../queries/audit-chain.js';

// The audit log becomes a hash chain: a gap-free position (seq), the previous entry's hash and the
// entry's own hash (see queries/audit-chain.ts). The entries already there are chained here, in id
// order, so the chain covers the whole log from its first entry.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`
alter table audit_log add column seq bigint;
alter table audit_log add column prev_hash text;
alter table audit_log add column hash text;
`).execute(db);

  // No one appends while the existing entries are chained (the migration runs in one transaction).
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(db);
  await sql`lock table audit_log in exclusive mode`.execute(db);
  // The append-only trigger refuses every update; this one-time fill is the only exception.
  await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db);

  type Row = {
    id: number; at: string; actor_account_id: number | null; actor: string; action: string; entity: string;
    entity_id: string | null; before: unknown; after: unknown;
  };
  let prevHash = GENESIS_HASH;
  let seq = 0;
  let lastId = 0;
  for (;;) {
    const { rows } = await sql<Row>`
      select id, ${sql.raw(AT_TEXT)} as at, actor_account_id, actor, action, entity, entity_id, before, after
      from audit_log where id > ${lastId} order by id limit 500`.execute(db);
    if (rows.length === 0) break;
    for (const r of rows) {
      seq += 1;
      const id = Number(r.id);
      const hash = auditEntryHash(
        { seq, id, at: r.at, actorAccountId: r.actor_account_id, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, before: r.before, after: r.after },
        prevHash,
      );
      await sql`update audit_log set seq = ${seq}, prev_hash = ${prevHash}, hash = ${hash} where id = ${id}`.execute(db);
      prevHash = hash;
      lastId = id;
    }
  }

  await sql.raw(`
alter table audit_log enable trigger audit_log_no_change;
alter table audit_log alter column seq set not null;
alter table audit_log alter column prev_hash set not null;
alter table audit_log alter column hash set not null;
alter table audit_log add constraint audit_log_hash_form check (hash ~ '^[0-9a-f]{64}$' and prev_hash ~ '^[0-9a-f]{64}$');
-- one entry per position: two transactions that read the same head cannot both append
create unique index audit_log_seq on audit_log (seq);
`).execute(db);
}
