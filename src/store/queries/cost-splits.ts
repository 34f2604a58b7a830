import { sql } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import { CostSplitError, splitCost, type SplitParty } from '../../domain/cost-split.js';
import { FieldError, recommendationProblems } from '../../domain/recommendations.js';
import type { Db } from '../db.js';
import { appendAudit } from './audit.js';
import type { CostSplit, CostSplitPart } from '../../domain/follow-up-views.js';
import { bodyNameOf, itemsOf, resolveDecision, sourceOf, visibleRecord } from './recommendations.js';

// Cost splits: the key a body decided, applied to a total, with the parts stored as decided. The
// arithmetic is the domain's (src/domain/cost-split.ts); this module finds the measure per
// huvudman and keeps the result.

export type MeasureInput =
  | { kind: 'population'; year: number }
  | { kind: 'custom'; name: string; values: { huvudmanId: number; value: number }[] };

export interface CostSplitInput {
  decisionId: number | null;
  decidedOn: string | null;
  title: string;
  costYear: number | null;
  totalOre: number;
  regionShareBp: number;
  municipalShareBp: number;
  measure: MeasureInput;
}

type Reader = Pick<Db, 'selectFrom'>;

/** The parties with their measure: population of the year from the huvudman table, or given. */
async function partiesFor(db: Reader, measure: MeasureInput): Promise<SplitParty[]> {
  const huvudman = await db.selectFrom('huvudman').select(['id', 'name', 'kind']).orderBy('kind', 'desc').orderBy('sort_key').execute();
  if (measure.kind === 'population') {
    const pop = await db.selectFrom('huvudman_population').select(['huvudman_id', 'population']).where('year', '=', measure.year).execute();
    return huvudman.map((h) => {
      const p = pop.find((x) => x.huvudman_id === h.id);
      return { huvudmanId: h.id, name: h.name, kind: h.kind, measure: p ? BigInt(p.population) : null };
    });
  }
  for (const [n, v] of measure.values.entries()) {
    const h = huvudman.find((x) => x.id === v.huvudmanId);
    if (!h) throw new FieldError(`measure.values.${n}.huvudmanId`, `okänd huvudman ${v.huvudmanId}`);
    if (h.kind === 'region') throw new FieldError(`measure.values.${n}.huvudmanId`, `${h.name} har en fast andel och inget värde i fördelningsgrunden`);
    if (measure.values.findIndex((x) => x.huvudmanId === v.huvudmanId) !== n) throw new FieldError(`measure.values.${n}.huvudmanId`, `${h.name} förekommer två gånger`);
  }
  return huvudman.map((h) => {
    const v = measure.values.find((x) => x.huvudmanId === h.id);
    return { huvudmanId: h.id, name: h.name, kind: h.kind, measure: v ? BigInt(v.value) : null };
  });
}

function measureError(e: unknown, measure: MeasureInput): unknown {
  // The domain blames "measure"; say which part of the input that is, and for population the year.
  if (e instanceof CostSplitError && e.field === 'measure') {
    return measure.kind === 'population'
      ? new FieldError('measure.year', `${e.message.replace('fördelningsgrunden', `folkmängd ${measure.year}`)}`)
      : new FieldError('measure.values', e.message);
  }
  return e;
}

/** Computes the split without storing it (the preview before a secretary saves). */
export async function previewCostSplit(db: Reader, input: Pick<CostSplitInput, 'totalOre' | 'regionShareBp' | 'municipalShareBp' | 'measure'>): Promise<CostSplitPart[]> {
  const parties = await partiesFor(db, input.measure);
  try {
    return splitCost(BigInt(input.totalOre), input, parties).map((p) => ({ huvudmanId: p.huvudmanId, name: p.name, kind: p.kind, measure: p.measure === null ? null : Number(p.measure), amountOre: Number(p.amountOre) }));
  } catch (e) {
    throw measureError(e, input.measure);
  }
}

/** Stores a decided split with its parts, all or nothing. */
export async function createCostSplit(db: Db, actor: Viewer, bodyId: number, input: CostSplitInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const link = input.decisionId !== null ? await resolveDecision(trx, bodyId, input.decisionId) : null;
    const decidedOn = input.decidedOn ?? link?.meetingDate ?? null;
    const problem = recommendationProblems({ title: input.title, decidedOn, deadline: null })[0];
    if (problem) throw new FieldError(problem.field, problem.message);
    const parts = await previewCostSplit(trx, input);
    const measureName = input.measure.kind === 'population' ? `Folkmängd ${input.measure.year}` : input.measure.name.trim();
    const { id } = await trx
      .insertInto('cost_split')
      .values({
        body_id: bodyId, item_id: link?.itemId ?? null, decision_id: input.decisionId, from_decision: link !== null, decided_on: decidedOn!,
        title: input.title.trim(), cost_year: input.costYear, total_ore: String(input.totalOre), region_share_bp: input.regionShareBp,
        municipal_share_bp: input.municipalShareBp, measure: input.measure.kind, measure_name: measureName,
        population_year: input.measure.kind === 'population' ? input.measure.year : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('cost_split_part')
      .values(parts.map((p) => ({ cost_split_id: id, huvudman_id: p.huvudmanId, measure: p.measure === null ? null : String(p.measure), amount_ore: String(p.amountOre) })))
      .execute();
    await appendAudit(trx, actor, { action: 'cost-split.create', entity: 'cost_split', entityId: id, after: { bodyId, ...input, decidedOn, parts } });
    return id;
  });
}

export async function deleteCostSplit(db: Db, actor: Viewer, bodyId: number, id: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('cost_split').selectAll().where('id', '=', id).where('body_id', '=', bodyId).executeTakeFirst();
    if (!before) return false;
    const parts = await trx.selectFrom('cost_split_part').selectAll().where('cost_split_id', '=', id).execute();
    await trx.deleteFrom('cost_split').where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: 'cost-split.delete', entity: 'cost_split', entityId: id, before: { ...before, parts } });
    return true;
  });
}

export async function listCostSplits(db: Db, viewer: Viewer, filter: { bodyId?: number | undefined; year?: number | undefined; itemId?: number | undefined; meetingId?: number | undefined; id?: number | undefined } = {}): Promise<CostSplit[]> {
  let q = db
    .selectFrom('cost_split as c')
    .selectAll('c')
    .select([bodyNameOf('c.body_id').as('body_name'), sourceOf('c').as('source')])
    .where(visibleRecord(viewer, 'c'))
    .orderBy('c.decided_on', 'desc')
    .orderBy('c.id', 'desc');
  if (filter.id !== undefined) q = q.where('c.id', '=', filter.id);
  if (filter.bodyId !== undefined) q = q.where('c.body_id', '=', filter.bodyId);
  if (filter.itemId !== undefined) q = q.where('c.item_id', '=', filter.itemId);
  if (filter.meetingId !== undefined) q = q.where('c.item_id', 'in', itemsOf(filter.meetingId));
  if (filter.year !== undefined) {
    const y = filter.year;
    q = q.where((eb) => eb.or([eb('c.cost_year', '=', y), eb.and([eb('c.cost_year', 'is', null), eb(sql`extract(year from c.decided_on)::int`, '=', y)])]));
  }
  const splits = await q.execute();
  if (splits.length === 0) return [];
  const parts = await db
    .selectFrom('cost_split_part as p')
    .innerJoin('huvudman as h', 'h.id', 'p.huvudman_id')
    .select(['p.cost_split_id', 'p.huvudman_id', 'p.measure', 'p.amount_ore', 'h.name', 'h.kind'])
    .where('p.cost_split_id', 'in', splits.map((s) => s.id))
    .orderBy('h.kind', 'desc')
    .orderBy('h.sort_key')
    .execute();
  return splits.map((s) => ({
    id: s.id,
    title: s.title,
    costYear: s.cost_year,
    decidedOn: s.decided_on,
    body: { id: s.body_id, name: s.body_name },
    source: s.source,
    totalOre: Number(s.total_ore),
    regionShareBp: s.region_share_bp,
    municipalShareBp: s.municipal_share_bp,
    measure: s.measure,
    measureName: s.measure_name,
    populationYear: s.population_year,
    parts: parts
      .filter((p) => p.cost_split_id === s.id)
      .map((p) => ({ huvudmanId: p.huvudman_id, name: p.name, kind: p.kind, measure: p.measure === null ? null : Number(p.measure), amountOre: Number(p.amount_ore) })),
  }));
}

export async function getCostSplit(db: Db, viewer: Viewer, id: number): Promise<CostSplit | null> {
  return (await listCostSplits(db, viewer, { id }))[0] ?? null;
}
