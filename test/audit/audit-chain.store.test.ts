import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, onServer } from '../helpers/db.js';
import { openStoreBeforeChain } from './stores.js';
import { appendAudit } from '../../src/store/queries/audit.js';
import { GENESIS_HASH, auditEntryHash, verifyAuditChain } from '../../src/store/queries/audit-chain.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import type { Kysely } from 'kysely';
import type { Db, Store } from '../../src/store/db.js';
import type { Viewer } from '../../src/domain/access.js';

// The audit log is a hash chain: every entry holds the hash of the one before it, and
// verifyAuditChain finds an entry that was edited, removed or slipped in by someone with the
// database owner's rights (who can switch off the append-only trigger, as these tests do).

const ADMIN: Viewer = { kind: 'account', accountId: 7, personId: null, name: 'admin@example.se', admin: true, bodies: {} };

let store: Store;
beforeAll(async () => {
  store = await openTestStore({ seed: false });
});
afterAll(async () => {
  await store?.close();
});

/** What an attacker with owner rights can do: switch the trigger off, change, switch it on again. */
async function tamper(db: Db, statement: ReturnType<typeof sql>) {
  await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db);
  try {
    await statement.execute(db);
  } finally {
    await sql`alter table audit_log enable trigger audit_log_no_change`.execute(db);
  }
}

async function reset(db: Db) {
  await tamper(db, sql`delete from audit_log`);
}

async function appendSome(n: number) {
  for (let i = 1; i <= n; i++) {
    await appendAudit(store.db, ADMIN, { action: 'membership.create', entity: 'membership', entityId: i, after: { bodyId: 3, role: 'ledamot', note: `post ${i}`, nested: { b: 1, a: [1.5, 'å'] } } });
  }
}

describe('appending to the audit log', () => {
  beforeEach(async () => reset(store.db));

  it('links every entry to the one before it, from the genesis hash on', async () => {
    await appendSome(3);
    const rows = await store.db.selectFrom('audit_log').select(['seq', 'prev_hash', 'hash']).orderBy('seq').execute();
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3]);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
    expect(new Set(rows.map((r) => r.hash)).size).toBe(3);
  });

  it('verifies an untouched log as one unbroken chain and names its head', async () => {
    await appendSome(4);
    const report = await verifyAuditChain(store.db);
    expect(report).toMatchObject({ ok: true, entries: 4, head: { seq: 4 } });
    if (report.ok) expect(await verifyAuditChain(store.db, { expectHead: report.head!.hash })).toMatchObject({ ok: true });
  });

  it('keeps the chain when an entry is appended outside a transaction and inside one that rolls back', async () => {
    await appendSome(1);
    await expect(
      store.db.transaction().execute(async (trx) => {
        await appendAudit(trx, ADMIN, { action: 'account.create', entity: 'account', entityId: 1 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await appendSome(1);
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true, entries: 2 });
  });
});

describe('verifying the chain', () => {
  beforeEach(async () => {
    await reset(store.db);
    await appendSome(5);
  });
  const idAt = async (seq: number) => Number((await store.db.selectFrom('audit_log').select('id').where('seq', '=', seq).executeTakeFirstOrThrow()).id);

  it('finds an edited entry', async () => {
    const id = await idAt(3);
    await tamper(store.db, sql`update audit_log set actor = 'någon annan' where id = ${id}`);
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: false, entries: 2, problem: { kind: 'altered', seq: 3, id } });
  });

  it('finds an edited entry inside its JSON', async () => {
    const id = await idAt(2);
    await tamper(store.db, sql`update audit_log set after = jsonb_set(after, '{role}', '"ordförande"') where id = ${id}`);
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 2 } });
  });

  it('finds an edited entry whose hash was recomputed: the next one no longer links to it', async () => {
    const id = await idAt(2);
    await tamper(store.db, sql`update audit_log set hash = ${'f'.repeat(64)} where id = ${id}`);
    const report = await verifyAuditChain(store.db);
    // the forged hash does not match the content either; the first fault is the entry itself
    expect(report).toMatchObject({ ok: false, problem: { kind: 'altered', seq: 2 } });
  });

  it('finds a removed entry by the gap it leaves', async () => {
    const id = await idAt(3);
    await tamper(store.db, sql`delete from audit_log where id = ${id}`);
    const report = await verifyAuditChain(store.db);
    expect(report).toMatchObject({ ok: false, entries: 2, problem: { kind: 'removed', seq: 4 } });
    if (!report.ok) expect(report.problem.message).toMatch(/entry 3 is missing/);
  });

  it('finds a removed entry whose gap was closed up', async () => {
    const id = await idAt(3);
    await tamper(store.db, sql`delete from audit_log where id = ${id}`);
    await tamper(store.db, sql`update audit_log set seq = seq - 1 where seq > 3`);
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: false, entries: 2, problem: { kind: 'broken', seq: 3 } });
  });

  it('finds an entry inserted in the middle of the chain, even one with a correct hash of its own', async () => {
    const second = await store.db.selectFrom('audit_log').select(['hash']).where('seq', '=', 2).executeTakeFirstOrThrow();
    // make room at position 3 (through a detour, so positions never collide), then slip in an entry
    // that links properly to entry 2 and carries its own correct hash
    await tamper(store.db, sql`update audit_log set seq = seq + 100 where seq >= 3`);
    await tamper(store.db, sql`update audit_log set seq = seq - 99 where seq >= 103`);
    const forged = { seq: 3, id: 999_999, at: '2024-01-01T00:00:00.000000Z', actorAccountId: null, actor: 'x', action: 'account.create', entity: 'account', entityId: null, before: null, after: null };
    const hash = auditEntryHash(forged, second.hash);
    await sql`insert into audit_log (id, seq, at, actor, action, entity, prev_hash, hash) values (${forged.id}, 3, ${forged.at}, 'x', 'account.create', 'account', ${second.hash}, ${hash})`.execute(store.db);
    const report = await verifyAuditChain(store.db);
    expect(report).toMatchObject({ ok: false, entries: 3, problem: { kind: 'inserted', seq: 4 } });
    if (!report.ok) expect(report.problem.message).toMatch(/follows entry 2 .* up to entry 3 \(id 999999\) were inserted/);
  });

  it('finds entries removed from the end when given the head noted earlier', async () => {
    const before = await verifyAuditChain(store.db);
    if (!before.ok) throw new Error('expected an intact chain');
    const id = await idAt(5);
    await tamper(store.db, sql`delete from audit_log where id = ${id}`);
    expect(await verifyAuditChain(store.db)).toMatchObject({ ok: true, entries: 4 });
    expect(await verifyAuditChain(store.db, { expectHead: before.head!.hash })).toMatchObject({ ok: false, problem: { kind: 'removed', seq: 5 } });
  });
});

describe('the migration that makes the chain', () => {
  it('chains the entries written before it, in order', async () => {
    const old = await openStoreBeforeChain();
    try {
      for (const actor of ['a', 'b', 'c']) {
        await sql`insert into audit_log (actor, action, entity, entity_id, after) values (${actor}, 'account.create', 'account', ${actor}, ${JSON.stringify({ email: `${actor}@example.se` })})`.execute(old.db);
      }
      await migrateToLatest(old.db as Kysely<unknown>);
      const rows = await old.db.selectFrom('audit_log').select(['actor', 'seq']).orderBy('seq').execute();
      expect(rows.map((r) => [r.actor, Number(r.seq)])).toEqual([['a', 1], ['b', 2], ['c', 3]]);
      await appendAudit(old.db, ADMIN, { action: 'account.create', entity: 'account', entityId: 4 });
      expect(await verifyAuditChain(old.db)).toMatchObject({ ok: true, entries: 4 });
      await expect(sql`update audit_log set actor = 'x'`.execute(old.db)).rejects.toThrow(/append-only/);
    } finally {
      await old.close();
    }
  });
});

describe('concurrent appends', () => {
  beforeEach(async () => reset(store.db));

  it(`keep one chain when many transactions append at once${onServer ? ' on the server' : ''}`, async () => {
    const writers = Array.from({ length: 24 }, (_, i) =>
      store.db.transaction().execute(async (trx) => {
        // some work before and after, so the transactions overlap on the server's connections
        await sql`select pg_sleep(${(i % 4) * 0.01})`.execute(trx);
        await appendAudit(trx, ADMIN, { action: 'meeting.update', entity: 'meeting', entityId: i });
        await sql`select pg_sleep(${((i + 2) % 3) * 0.01})`.execute(trx);
      }),
    );
    await Promise.all(writers);
    const report = await verifyAuditChain(store.db);
    expect(report).toMatchObject({ ok: true, entries: 24, head: { seq: 24 } });
    const forks = await sql<{ n: number }>`select count(*)::int as n from (select prev_hash from audit_log group by prev_hash having count(*) > 1) f`.execute(store.db);
    expect(forks.rows[0]!.n).toBe(0);
  });

  it('refuses an append that would reuse a position instead of forking', async () => {
    await appendSome(1);
    const head = await store.db.selectFrom('audit_log').select(['seq', 'hash']).executeTakeFirstOrThrow();
    await expect(
      sql`insert into audit_log (seq, actor, action, entity, prev_hash, hash) values (${head.seq}, 'x', 'a', 'b', ${head.hash}, ${'b'.repeat(64)})`.execute(store.db),
    ).rejects.toThrow();
  });
});
