import type { Viewer } from '../../domain/access.js';
import type { Db } from '../db.js';
import { appendChained } from './audit-chain.js';

export interface AuditEntry {
  action: string; // e.g. 'account.create', 'membership.delete', 'protocol.import'
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
}

export function actorOf(viewer: Viewer): { id: number | null; name: string } {
  if (viewer.kind === 'account') return { id: viewer.accountId, name: viewer.name };
  return { id: null, name: viewer.kind === 'system' ? 'system' : 'anonymous' };
}

/** Appends to the audit log (a hash chain: audit-chain.ts); call it inside the transaction that makes the change. */
export async function appendAudit(db: Db, viewer: Viewer, entry: AuditEntry): Promise<void> {
  const actor = actorOf(viewer);
  await appendChained(db, {
    actorAccountId: actor.id,
    actor: actor.name,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before,
    after: entry.after,
  });
}

export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export async function listAudit(db: Db, opts: { limit: number; beforeId?: number | undefined; entity?: string | undefined }): Promise<AuditRecord[]> {
  let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(opts.limit);
  if (opts.beforeId !== undefined) q = q.where('id', '<', opts.beforeId);
  if (opts.entity !== undefined) q = q.where('entity', '=', opts.entity);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
  }));
}
