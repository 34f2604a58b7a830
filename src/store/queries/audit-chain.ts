import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { sql } from 'kysely';
import type { Db } from '../db.js';

// The audit log as a hash chain (migration 0007-audit-chain). Each entry has a gap-free position
// `seq`, the hash of the entry before it (`prev_hash`; the first entry points at GENESIS_HASH) and
// its own `hash` = SHA-256 of the RFC 8785 canonical JSON of its content and prev_hash. An entry
// that is edited, removed or slipped in afterwards no longer fits its neighbours; verifyAuditChain
// finds the first such place.
//
// Appending is serialised by a transaction-level advisory lock, held until the appending
// transaction ends, so that two transactions never read the same last entry and fork the chain.
// `seq` is unique as well: should anything still read a stale head, the insert fails instead.

export const GENESIS_HASH = '0'.repeat(64);
/** pg_advisory_xact_lock key of the audit chain; any constant works, as long as every writer uses it. */
export const AUDIT_CHAIN_LOCK = 7_405_183_001;
/** Bumped only with a new migration that re-chains: old entries keep the version they were hashed with. */
const FORMAT = 1;

export interface ChainEntry {
  seq: number;
  id: number;
  at: string; // UTC, microseconds, as AT_TEXT formats it: 2024-02-23T09:00:00.123456Z
  actorAccountId: number | null;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

/** The hash of an entry: over its content as stored (JSON values as jsonb gives them back) and the hash before it. */
export function auditEntryHash(e: ChainEntry, prevHash: string): string {
  const canonical = canonicalize({
    v: FORMAT,
    seq: e.seq,
    id: e.id,
    at: e.at,
    actorAccountId: e.actorAccountId,
    actor: e.actor,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
    prevHash,
  });
  if (canonical === undefined) throw new Error('audit entry cannot be canonicalised');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** The stored time as text, to the microsecond: what the hash covers (a JavaScript Date would drop the microseconds). */
export const AT_TEXT = `to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface NewChainEntry {
  actorAccountId: number | null;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown; // undefined: none
  after: unknown;
}

/** The value as it comes back from a jsonb column: what the hash must be computed over. */
function asStored(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value) ?? 'null');
}

/** Appends one entry at the head of the chain. Opens a transaction when not given one: the lock must last until commit. */
export async function appendChained(db: Db, entry: NewChainEntry): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((trx) => appendChained(trx, entry));
  // A statement of its own: in READ COMMITTED the next statement's snapshot is taken after the lock
  // is granted, so it sees the entry the previous holder committed.
  await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(db);
  // clock_timestamp(), not now(): taken under the lock, so times never go backwards along the chain.
  const head = await sql<{ id: number; at: string; seq: number | null; hash: string | null }>`
    select nextval(pg_get_serial_sequence('audit_log', 'id')) as id, ${sql.raw(AT_TEXT)} as at, h.seq, h.hash
    from (select clock_timestamp() as at) c
    left join lateral (select seq, hash from audit_log order by seq desc limit 1) h on true`.execute(db);
  const row = head.rows[0]!;
  const before = asStored(entry.before);
  const after = asStored(entry.after);
  const stored: ChainEntry = { ...entry, id: Number(row.id), at: row.at, seq: Number(row.seq ?? 0) + 1, before, after };
  const prevHash = row.hash ?? GENESIS_HASH;
  await db
    .insertInto('audit_log')
    .values({
      id: stored.id,
      seq: stored.seq,
      at: stored.at,
      actor_account_id: stored.actorAccountId,
      actor: stored.actor,
      action: stored.action,
      entity: stored.entity,
      entity_id: stored.entityId,
      before: entry.before === undefined ? null : JSON.stringify(before),
      after: entry.after === undefined ? null : JSON.stringify(after),
      prev_hash: prevHash,
      hash: auditEntryHash(stored, prevHash),
    })
    .execute();
}

export type ChainProblemKind = 'altered' | 'removed' | 'inserted' | 'broken';

export interface ChainProblem {
  kind: ChainProblemKind;
  seq: number; // where the walk stopped: the first entry that does not fit
  id: number;
  message: string;
}

export type ChainReport =
  | { ok: true; entries: number; head: { seq: number; id: number; hash: string } | null }
  | { ok: false; entries: number; problem: ChainProblem };

type StoredRow = {
  id: number; seq: number; at: string; actor_account_id: number | null; actor: string; action: string; entity: string;
  entity_id: string | null; before: unknown; after: unknown; prev_hash: string; hash: string;
};

const BATCH = 1000;
/** How far back an inserted entry's successor may point and still be recognised as "inserted after". */
const RECENT = 1000;

/**
 * Walks the chain from its first entry and reports the first entry that does not fit: its content
 * no longer gives its hash (altered), positions are missing (removed), its link points further back
 * than its predecessor (entries inserted in between), or it points at a hash no entry has (its
 * predecessor was altered and re-hashed, or removed and the positions closed up).
 * `expectHead`: a head hash noted earlier (by `samverka audit verify`); a chain that no longer
 * contains it was cut off at the end or rewritten, which the chain alone cannot show.
 */
export async function verifyAuditChain(db: Db, opts: { expectHead?: string } = {}): Promise<ChainReport> {
  const recent = new Map<string, { seq: number; id: number }>();
  let prev: { seq: number; id: number; hash: string } | null = null;
  let entries = 0;
  let sawExpected = opts.expectHead === undefined;
  for (;;) {
    const rows: StoredRow[] = await db
      .selectFrom('audit_log')
      .select(['id', 'seq', sql<string>`${sql.raw(AT_TEXT)}`.as('at'), 'actor_account_id', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'prev_hash', 'hash'])
      .where('seq', '>', prev?.seq ?? 0)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const r of rows) {
      const problem = check(r, prev, recent);
      if (problem) return { ok: false, entries, problem };
      entries++;
      if (r.hash === opts.expectHead) sawExpected = true;
      prev = { seq: Number(r.seq), id: Number(r.id), hash: r.hash };
      recent.set(r.hash, { seq: prev.seq, id: prev.id });
      if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
    }
    if (rows.length < BATCH) break;
  }
  if (!sawExpected) {
    const at = prev ? `entry ${prev.seq} (id ${prev.id})` : 'no entry';
    return { ok: false, entries, problem: { kind: 'removed', seq: (prev?.seq ?? 0) + 1, id: prev?.id ?? 0, message: `the expected head ${opts.expectHead} is not in the chain (it ends at ${at}): entries were removed from its end or the chain was rewritten` } };
  }
  return { ok: true, entries, head: prev };
}

function check(r: StoredRow, prev: { seq: number; id: number; hash: string } | null, recent: Map<string, { seq: number; id: number }>): ChainProblem | null {
  const seq = Number(r.seq);
  const id = Number(r.id);
  const where = `entry ${seq} (id ${id})`;
  const expectedSeq = (prev?.seq ?? 0) + 1;
  if (seq !== expectedSeq) {
    const missing = seq - 1 === expectedSeq ? `entry ${expectedSeq} is` : `entries ${expectedSeq}–${seq - 1} are`;
    return { kind: 'removed', seq, id, message: `${missing} missing before ${where}: removed` };
  }
  const expectedPrev = prev?.hash ?? GENESIS_HASH;
  if (r.prev_hash !== expectedPrev) {
    const earlier = recent.get(r.prev_hash);
    if (earlier && prev) {
      return { kind: 'inserted', seq, id, message: `${where} follows entry ${earlier.seq} (id ${earlier.id}) in the chain: the entries after that one up to entry ${prev.seq} (id ${prev.id}) were inserted` };
    }
    const before = prev ? `entry ${prev.seq} (id ${prev.id})` : 'the start of the chain';
    return { kind: 'broken', seq, id, message: `${where} does not link to ${before}: that entry was altered and re-hashed, or an entry between them was removed and the positions closed up` };
  }
  const recomputed = auditEntryHash(
    { seq, id, at: r.at, actorAccountId: r.actor_account_id, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id, before: r.before, after: r.after },
    r.prev_hash,
  );
  if (recomputed !== r.hash) return { kind: 'altered', seq, id, message: `${where} was altered: its content no longer matches its hash` };
  return null;
}
