import type { Viewer } from '../../domain/access.js';
import type { Db } from '../db.js';
import { appendAudit } from './audit.js';

// Each huvudman's registry address (registratorns e-postadress), where expediering goes. Kept by
// administrators; the reference data has none.

export interface RegistryAddress {
  id: number;
  name: string;
  kind: 'region' | 'kommun';
  registryEmail: string | null;
}

export async function listRegistryAddresses(db: Db): Promise<RegistryAddress[]> {
  const rows = await db.selectFrom('huvudman').select(['id', 'name', 'kind', 'registry_email']).orderBy('kind', 'desc').orderBy('sort_key').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, registryEmail: r.registry_email }));
}

/** Sets (or with null clears) a huvudman's registry address; null when there is no such huvudman. */
export async function setRegistryAddress(db: Db, actor: Viewer, huvudmanId: number, email: string | null): Promise<RegistryAddress | null> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('huvudman').select(['registry_email']).where('id', '=', huvudmanId).forUpdate().executeTakeFirst();
    if (!before) return null;
    const row = await trx
      .updateTable('huvudman')
      .set({ registry_email: email })
      .where('id', '=', huvudmanId)
      .returning(['id', 'name', 'kind', 'registry_email'])
      .executeTakeFirstOrThrow();
    if (before.registry_email !== email) {
      await appendAudit(trx, actor, { action: 'huvudman.registry_email', entity: 'huvudman', entityId: huvudmanId, before: { registryEmail: before.registry_email }, after: { registryEmail: email } });
    }
    return { id: row.id, name: row.name, kind: row.kind, registryEmail: row.registry_email };
  });
}
