import { sql } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import type { Db } from '../db.js';
import { appendAudit } from './audit.js';

// People who may be the same person written two ways ("Eva Stuge" / "Ewa Stuge", an OCR-damaged
// name): listed for a person to confirm, never merged by themselves.

export interface DuplicateCandidate {
  a: { id: number; name: string; organization: string | null; mentions: number };
  b: { id: number; name: string; organization: string | null; mentions: number };
  similarity: number;
}

export async function findDuplicatePeople(db: Db, minSimilarity = 0.5): Promise<DuplicateCandidate[]> {
  const rows = await sql<{
    a_id: number; a_name: string; a_org: string | null; b_id: number; b_name: string; b_org: string | null; sim: number;
  }>`
    select a.id as a_id, a.name as a_name, a.organization as a_org,
           b.id as b_id, b.name as b_name, b.organization as b_org,
           similarity(a.match_key, b.match_key) as sim
    from person a
    join person b on a.id < b.id and a.match_key % b.match_key
    where a.pseudonymised_at is null and b.pseudonymised_at is null
      and similarity(a.match_key, b.match_key) >= ${minSimilarity}
    order by sim desc, a.name
    limit 500`.execute(db);
  const ids = [...new Set(rows.rows.flatMap((r) => [r.a_id, r.b_id]))];
  const mentions = await countMentions(db, ids);
  return rows.rows.map((r) => ({
    a: { id: r.a_id, name: r.a_name, organization: r.a_org, mentions: mentions.get(r.a_id) ?? 0 },
    b: { id: r.b_id, name: r.b_name, organization: r.b_org, mentions: mentions.get(r.b_id) ?? 0 },
    similarity: Math.round(Number(r.sim) * 100) / 100,
  }));
}

async function countMentions(db: Db, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{ person_id: number; n: number }>`
    select person_id, count(*)::int as n from (
      select person_id from attendance where person_id in (${sql.join(ids)})
      union all select person_id from item_presenter where person_id in (${sql.join(ids)})
      union all select person_id from signature where person_id in (${sql.join(ids)})
    ) m group by person_id`.execute(db);
  return new Map(rows.rows.map((r) => [r.person_id, r.n]));
}

/** The two records cannot become one: both took part in the same round, vote or item as themselves. */
export class MergeConflictError extends Error {}

// Tables where a person may appear once per scope (a signatory once per justering round, a ballot
// once per vote, one reservation and one note per item): merging two people found in the same scope
// would leave one person there twice, which the tables refuse and a person should decide.
const ONCE_PER_SCOPE = [
  { table: 'justering_signatory', scope: 'round_id', what: 'undertecknare i samma justering' },
  { table: 'item_vote_ballot', scope: 'vote_id', what: 'röstande i samma omröstning' },
  { table: 'item_reservation', scope: 'item_id', what: 'reservanter i samma ärende' },
  { table: 'item_protocol_note', scope: 'item_id', what: 'har var sin protokollsanteckning i samma ärende' },
  { table: 'immediate_justering_approval', scope: 'immediate_justering_id', what: 'justerar samma omedelbart justerade paragraf' },
  { table: 'written_recipient', scope: 'question_id', what: 'tillfrågade i samma beslut per capsulam' },
] as const;

/**
 * Confirms that `duplicateId` is the same person as `keepId`: every mention moves to `keepId` and
 * the duplicate is removed. The protocols' text keeps the spelling it was written with.
 */
export async function mergePeople(db: Db, actor: Viewer, keepId: number, duplicateId: number): Promise<boolean> {
  if (keepId === duplicateId) return false;
  return db.transaction().execute(async (trx) => {
    const [keep, dup] = await Promise.all([
      trx.selectFrom('person').selectAll().where('id', '=', keepId).executeTakeFirst(),
      trx.selectFrom('person').selectAll().where('id', '=', duplicateId).executeTakeFirst(),
    ]);
    if (!keep || !dup) return false;
    for (const { table, scope, what } of ONCE_PER_SCOPE) {
      const clash = await sql`select 1 from ${sql.table(table)} a join ${sql.table(table)} b using (${sql.ref(scope)})
        where a.person_id = ${keepId} and b.person_id = ${duplicateId} limit 1`.execute(trx);
      if (clash.rows.length > 0) throw new MergeConflictError(`${keep.name} och ${dup.name} är båda ${what}; slå inte ihop dem utan att först rätta protokollet.`);
      await sql`update ${sql.table(table)} set person_id = ${keepId} where person_id = ${duplicateId}`.execute(trx);
    }
    await trx.updateTable('attendance').set({ person_id: keepId }).where('person_id', '=', duplicateId).execute();
    await trx.updateTable('attendance').set({ replaces_person_id: keepId }).where('replaces_person_id', '=', duplicateId).execute();
    await trx.updateTable('item_presenter').set({ person_id: keepId }).where('person_id', '=', duplicateId).execute();
    await trx.updateTable('signature').set({ person_id: keepId }).where('person_id', '=', duplicateId).execute();
    await trx.updateTable('membership').set({ person_id: keepId }).where('person_id', '=', duplicateId).execute();
    await trx.updateTable('assignment').set({ to_person_id: keepId }).where('to_person_id', '=', duplicateId).execute();
    await trx.updateTable('account').set({ person_id: keepId }).where('person_id', '=', duplicateId).execute();
    await trx
      .updateTable('person')
      .set({ party: keep.party ?? dup.party, organization: keep.organization ?? dup.organization, title: keep.title ?? dup.title, email: keep.email ?? dup.email })
      .where('id', '=', keepId)
      .execute();
    await trx.deleteFrom('person').where('id', '=', duplicateId).execute();
    await appendAudit(trx, actor, { action: 'person.merge', entity: 'person', entityId: keepId, before: { kept: keep, merged: dup } });
    return true;
  });
}
