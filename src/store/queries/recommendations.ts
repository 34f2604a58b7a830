import { sql, type RawBuilder, type Transaction } from 'kysely';
import { draftAccess, type Viewer } from '../../domain/access.js';
import { todayIso } from '../../domain/assignments.js';
import {
  FieldError, adoptionProblems, adoptionProgress, isAdoptionOverdue, recommendationProblems,
  type AdoptionInput, type AdoptionStatus, type RecommendationKind,
} from '../../domain/recommendations.js';
import type { DecisionSource, HuvudmanAdoption, Recommendation } from '../../domain/follow-up-views.js';
import type { Db } from '../db.js';
import type { Database } from '../schema.js';
import { appendAudit } from './audit.js';

type Executor = Db | Transaction<Database>;

// Recommendations to the huvudmän and their adoption, one row per huvudman. The decision link and
// the visibility rule below are shared with cost splits (and any later record a decision makes).

export const bodyNameOf = (ref: string) =>
  sql<string>`coalesce((select name from body_name where body_id = ${sql.ref(ref)} and not alias order by valid_to desc nulls first limit 1), '')`;

/**
 * Who may read a record a decision made (table alias `t` with body_id, item_id, from_decision):
 * everyone when it was registered by hand or its meeting is published; the members of the
 * meeting's bodies and of the deciding body always. Stricter than visibleMeeting(), which also
 * shows planned meetings to all: a planned meeting can already hold a draft decision.
 */
export function visibleRecord(viewer: Viewer, t: string): RawBuilder<boolean> {
  const access = draftAccess(viewer);
  if ('all' in access) return sql<boolean>`true`;
  const ref = (c: string) => sql.ref(`${t}.${c}`);
  const member = access.bodyIds.length > 0
    ? sql<boolean>`exists (select 1 from meeting_body vb where vb.meeting_id = vm.id and vb.body_id in (${sql.join(access.bodyIds)}))`
    : sql<boolean>`false`;
  const meeting = sql<boolean>`exists (select 1 from agenda_item vi join meeting vm on vm.id = vi.meeting_id
    where vi.id = ${ref('item_id')} and (vm.status = 'published' or ${member}))`;
  const own = access.bodyIds.length > 0 ? sql<boolean>`${ref('body_id')} in (${sql.join(access.bodyIds)})` : sql<boolean>`false`;
  return sql<boolean>`(not ${ref('from_decision')} or ${meeting} or ${own})`;
}

export function sourceOf(t: string) {
  const ref = (c: string) => sql.ref(`${t}.${c}`);
  return sql<DecisionSource | null>`(
    select json_build_object('decisionId', ${ref('decision_id')}, 'itemId', si.id, 'itemNumber', si.number, 'itemTitle', si.title, 'meetingId', sm.id, 'meetingDate', sm.meeting_date)
    from agenda_item si join meeting sm on sm.id = si.meeting_id where si.id = ${ref('item_id')})`;
}

/**
 * The decision a record links to, checked: it must exist and belong to a meeting of the body.
 * Gives the item (the stable link) and the meeting's date (the record's date unless given).
 */
export async function resolveDecision(db: Executor, bodyId: number, decisionId: number): Promise<{ itemId: number; meetingDate: string | null }> {
  const row = await db
    .selectFrom('decision as d')
    .innerJoin('agenda_item as i', 'i.id', 'd.item_id')
    .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
    .select(['i.id as item_id', 'm.meeting_date', sql<boolean>`exists (select 1 from meeting_body mb where mb.meeting_id = m.id and mb.body_id = ${bodyId})`.as('of_body')])
    .where('d.id', '=', decisionId)
    .executeTakeFirst();
  if (!row) throw new FieldError('decisionId', `beslut ${decisionId} finns inte`);
  if (!row.of_body) throw new FieldError('decisionId', 'beslutet är inte fattat av organet');
  return { itemId: row.item_id, meetingDate: row.meeting_date };
}

export interface RecommendationFilter {
  bodyId?: number | undefined;
  year?: number | undefined; // the year of the recommending decision
  itemId?: number | undefined; // made by the decision in this agenda item (for the trace)
  meetingId?: number | undefined; // made by a decision in this meeting (for the protocol page)
  id?: number | undefined;
}

/** The agenda items of a meeting, for records made by its decisions. */
export function itemsOf(meetingId: number) {
  return sql<number>`(select id from agenda_item where meeting_id = ${meetingId})`;
}

export async function listRecommendations(db: Db, viewer: Viewer, filter: RecommendationFilter = {}): Promise<Recommendation[]> {
  let q = db
    .selectFrom('recommendation as r')
    .selectAll('r')
    .select([bodyNameOf('r.body_id').as('body_name'), sourceOf('r').as('source')])
    .where(visibleRecord(viewer, 'r'))
    .orderBy('r.decided_on', 'desc')
    .orderBy('r.id', 'desc');
  if (filter.id !== undefined) q = q.where('r.id', '=', filter.id);
  if (filter.bodyId !== undefined) q = q.where('r.body_id', '=', filter.bodyId);
  if (filter.itemId !== undefined) q = q.where('r.item_id', '=', filter.itemId);
  if (filter.meetingId !== undefined) q = q.where('r.item_id', 'in', itemsOf(filter.meetingId));
  if (filter.year !== undefined) q = q.where('r.decided_on', '>=', `${filter.year}-01-01`).where('r.decided_on', '<=', `${filter.year}-12-31`);
  const recs = await q.execute();
  if (recs.length === 0) return [];
  const rows = await db
    .selectFrom('adoption as a')
    .innerJoin('huvudman as h', 'h.id', 'a.huvudman_id')
    .select(['a.recommendation_id', 'a.huvudman_id', 'a.status', 'a.decided_on', 'a.deciding_body', 'a.diary_number', 'a.url', 'h.name', 'h.short_name'])
    .where('a.recommendation_id', 'in', recs.map((r) => r.id))
    .orderBy('h.kind', 'desc') // the region first, then the municipalities
    .orderBy('h.sort_key')
    .execute();
  const today = todayIso();
  return recs.map((r) => {
    const own = rows.filter((a) => a.recommendation_id === r.id);
    return {
      id: r.id,
      title: r.title,
      kind: r.kind as RecommendationKind,
      description: r.description,
      localBody: r.local_body,
      decidedOn: r.decided_on,
      deadline: r.deadline,
      body: { id: r.body_id, name: r.body_name },
      source: r.source,
      progress: adoptionProgress(own, r.deadline, today),
      adoptions: own.map((a) => ({
        huvudmanId: a.huvudman_id,
        huvudman: a.name,
        shortName: a.short_name,
        status: a.status,
        decidedOn: a.decided_on,
        decidingBody: a.deciding_body,
        diaryNumber: a.diary_number,
        url: a.url,
        overdue: isAdoptionOverdue(a.status, r.deadline, today),
      })),
    };
  });
}

export async function getRecommendation(db: Db, viewer: Viewer, id: number): Promise<Recommendation | null> {
  return (await listRecommendations(db, viewer, { id }))[0] ?? null;
}

export interface RecommendationInput {
  decisionId: number | null;
  decidedOn: string | null; // required when there is no decision; defaults to the meeting's date
  title: string;
  kind: RecommendationKind;
  localBody: string;
  deadline: string | null;
  description: string;
}

/** Registers a recommendation and its 16 adoption rows (one per huvudman) in one transaction. */
export async function createRecommendation(db: Db, actor: Viewer, bodyId: number, input: RecommendationInput): Promise<number> {
  return db.transaction().execute((trx) => insertRecommendation(trx, actor, bodyId, input));
}

/** The same inside a caller's transaction (a governing document version that is recommended). */
export async function insertRecommendation(trx: Transaction<Database>, actor: Viewer, bodyId: number, input: RecommendationInput): Promise<number> {
  const link = input.decisionId !== null ? await resolveDecision(trx, bodyId, input.decisionId) : null;
  const decidedOn = input.decidedOn ?? link?.meetingDate ?? null;
  const problem = recommendationProblems({ title: input.title, decidedOn, deadline: input.deadline })[0];
  if (problem) throw new FieldError(problem.field, problem.message);
  const { id } = await trx
    .insertInto('recommendation')
    .values({
      body_id: bodyId, item_id: link?.itemId ?? null, decision_id: input.decisionId, from_decision: link !== null, decided_on: decidedOn!,
      title: input.title.trim(), kind: input.kind, local_body: input.localBody.trim(), deadline: input.deadline, description: input.description,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('adoption')
    .columns(['recommendation_id', 'huvudman_id'])
    .expression((eb) => eb.selectFrom('huvudman').select([sql.lit(id).as('recommendation_id'), 'id']))
    .execute();
  await appendAudit(trx, actor, { action: 'recommendation.create', entity: 'recommendation', entityId: id, after: { bodyId, ...input, decidedOn } });
  return id;
}

export type RecommendationUpdate = Omit<RecommendationInput, 'decisionId'>;

/** Changes what was recommended; a recommendation from a decision keeps that decision's date. */
export async function updateRecommendation(db: Db, actor: Viewer, id: number, input: RecommendationUpdate): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('recommendation').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) return false;
    const decidedOn = before.from_decision ? before.decided_on : (input.decidedOn ?? before.decided_on);
    const problem = recommendationProblems({ title: input.title, decidedOn, deadline: input.deadline })[0];
    if (problem) throw new FieldError(problem.field, problem.message);
    await trx
      .updateTable('recommendation')
      .set({ title: input.title.trim(), kind: input.kind, local_body: input.localBody.trim(), deadline: input.deadline, description: input.description, decided_on: decidedOn })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, actor, { action: 'recommendation.update', entity: 'recommendation', entityId: id, before, after: { ...input, decidedOn } });
    return true;
  });
}

export async function deleteRecommendation(db: Db, actor: Viewer, id: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('recommendation').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) return false;
    const adoptions = await trx.selectFrom('adoption').selectAll().where('recommendation_id', '=', id).execute();
    await trx.deleteFrom('recommendation').where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: 'recommendation.delete', entity: 'recommendation', entityId: id, before: { ...before, adoptions } });
    return true;
  });
}

export interface AdoptionChange extends AdoptionInput {
  huvudmanId: number;
}

/**
 * Records how far some huvudmän have come, all or nothing: an unknown huvudman or a bad row
 * anywhere refuses the whole change (FieldError naming `rows.<n>.<field>`). Returns false when
 * the recommendation does not exist.
 */
export async function setAdoptions(db: Db, actor: Viewer, recommendationId: number, rows: AdoptionChange[]): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const rec = await trx.selectFrom('recommendation').select('id').where('id', '=', recommendationId).forUpdate().executeTakeFirst();
    if (!rec) return false;
    const current = await trx.selectFrom('adoption').selectAll().where('recommendation_id', '=', recommendationId).execute();
    const seen = new Set<number>();
    for (const [n, row] of rows.entries()) {
      if (!current.some((c) => c.huvudman_id === row.huvudmanId)) throw new FieldError(`rows.${n}.huvudmanId`, `okänd huvudman ${row.huvudmanId}`);
      if (seen.has(row.huvudmanId)) throw new FieldError(`rows.${n}.huvudmanId`, `huvudman ${row.huvudmanId} förekommer två gånger`);
      seen.add(row.huvudmanId);
      const problem = adoptionProblems(row)[0];
      if (problem) throw new FieldError(`rows.${n}.${problem.field}`, problem.message);
    }
    for (const row of rows) {
      await trx
        .updateTable('adoption')
        .set({ status: row.status, decided_on: row.decidedOn, deciding_body: row.decidingBody, diary_number: row.diaryNumber, url: row.url, updated_at: sql`now()` })
        .where('recommendation_id', '=', recommendationId)
        .where('huvudman_id', '=', row.huvudmanId)
        .execute();
    }
    const before = current.filter((c) => seen.has(c.huvudman_id));
    await appendAudit(trx, actor, { action: 'adoption.update', entity: 'recommendation', entityId: recommendationId, before, after: rows });
    return true;
  });
}

/** The body a recommendation belongs to, for the permission to change it. */
export async function recommendationBodyIds(db: Db, id: number): Promise<number[]> {
  const row = await db.selectFrom('recommendation').select('body_id').where('id', '=', id).executeTakeFirst();
  return row ? [row.body_id] : [];
}

/** One huvudman's own page: what it still has to decide, and what it has decided. */
export async function huvudmanAdoption(db: Db, viewer: Viewer, huvudmanId: number, filter: { year?: number | undefined } = {}): Promise<HuvudmanAdoption | null> {
  const h = await db.selectFrom('huvudman').select(['id', 'name', 'short_name', 'kind']).where('id', '=', huvudmanId).executeTakeFirst();
  if (!h) return null;
  const all = await listRecommendations(db, viewer, { year: filter.year });
  const mine = all.flatMap(({ adoptions, progress: _p, ...recommendation }) => {
    const a = adoptions.find((x) => x.huvudmanId === huvudmanId);
    return a ? [{ ...a, recommendation }] : [];
  });
  const byDeadline = (a: (typeof mine)[number], b: (typeof mine)[number]) =>
    (a.recommendation.deadline ?? '9999') < (b.recommendation.deadline ?? '9999') ? -1 : (a.recommendation.deadline ?? '9999') > (b.recommendation.deadline ?? '9999') ? 1 : a.recommendation.id - b.recommendation.id;
  return {
    huvudman: { id: h.id, name: h.name, shortName: h.short_name, kind: h.kind },
    pending: mine.filter((a) => a.status === 'not-started' || a.status === 'in-preparation').sort(byDeadline),
    decided: mine.filter((a) => a.status === 'adopted' || a.status === 'declined'),
  };
}

export type { AdoptionStatus };
