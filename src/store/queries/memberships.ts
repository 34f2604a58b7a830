import type { MembershipRole } from '../../domain/model.js';
import type { Viewer } from '../../domain/access.js';
import type { Db } from '../db.js';
import { appendAudit } from './audit.js';

export interface Membership {
  id: number;
  personId: number;
  personName: string;
  bodyId: number;
  role: MembershipRole;
  party: string | null;
  organization: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export async function listMemberships(db: Db, filter: { bodyId?: number | undefined; personId?: number | undefined } = {}): Promise<Membership[]> {
  let q = db
    .selectFrom('membership as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['m.id', 'm.person_id', 'p.name', 'm.body_id', 'm.role', 'm.party', 'm.organization', 'm.valid_from', 'm.valid_to'])
    .orderBy('m.body_id')
    .orderBy('p.sort_key');
  if (filter.bodyId !== undefined) q = q.where('m.body_id', '=', filter.bodyId);
  if (filter.personId !== undefined) q = q.where('m.person_id', '=', filter.personId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id, personId: r.person_id, personName: r.name, bodyId: r.body_id, role: r.role as MembershipRole,
    party: r.party, organization: r.organization, validFrom: r.valid_from, validTo: r.valid_to,
  }));
}

export interface NewMembership {
  personId: number;
  bodyId: number;
  role: MembershipRole;
  party: string | null;
  organization: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export async function createMembership(db: Db, actor: Viewer, m: NewMembership): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('membership')
      .values({ person_id: m.personId, body_id: m.bodyId, role: m.role, party: m.party, organization: m.organization, huvudman_id: null, valid_from: m.validFrom, valid_to: m.validTo })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, { action: 'membership.create', entity: 'membership', entityId: id, after: m });
    return id;
  });
}

export async function deleteMembership(db: Db, actor: Viewer, id: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('membership').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) return false;
    await trx.deleteFrom('membership').where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: 'membership.delete', entity: 'membership', entityId: id, before });
    return true;
  });
}

export async function personExists(db: Db, id: number): Promise<boolean> {
  return !!(await db.selectFrom('person').select('id').where('id', '=', id).executeTakeFirst());
}

export async function bodyExists(db: Db, id: number): Promise<boolean> {
  return !!(await db.selectFrom('body').select('id').where('id', '=', id).executeTakeFirst());
}

/** Where the notice goes: the e-mail of each member of the meeting's bodies on its date (account or person). */
export async function noticeRecipients(db: Db, meetingId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('membership as ms')
    .innerJoin('meeting_body as mb', 'mb.body_id', 'ms.body_id')
    .innerJoin('meeting as m', 'm.id', 'mb.meeting_id')
    .innerJoin('person as p', 'p.id', 'ms.person_id')
    .leftJoin('account as a', (j) => j.onRef('a.person_id', '=', 'p.id').on('a.disabled', '=', false))
    .select(['p.email as person_email', 'a.email as account_email'])
    .where('m.id', '=', meetingId)
    .where((eb) => eb.or([eb('ms.valid_from', 'is', null), eb('ms.valid_from', '<=', eb.ref('m.meeting_date'))]))
    .where((eb) => eb.or([eb('ms.valid_to', 'is', null), eb('ms.valid_to', '>=', eb.ref('m.meeting_date'))]))
    .execute();
  return [...new Set(rows.map((r) => r.account_email ?? r.person_email).filter((e): e is string => !!e))].sort();
}
