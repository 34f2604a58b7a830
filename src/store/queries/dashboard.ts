import { sql, type RawBuilder } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import { todayIso } from '../../domain/assignments.js';
import { DUE_SOON_DAYS, dueSoonUntil, dueState, yearBounds, type DashboardScope } from '../../domain/dashboard.js';
import type { AdoptionRow, AssignmentCounts, Dashboard } from '../../domain/follow-up-views.js';
import { reviewState } from '../../domain/governing-documents.js';
import type { AdoptionStatus } from '../../domain/recommendations.js';
import type { Db } from '../db.js';
import { assignmentScope } from './assignments.js';
import { bodyNameOf, visibleRecord } from './recommendations.js';

// The uppföljning dashboard: counts made by the database (group by / filter), and only the short
// lists it shows in full (reports and reviews due, recommendations) as rows. Each count uses the
// same conditions as the list it links to — the assignments' through assignmentScope(), the rest
// through visibleRecord() and the filters of listRecommendations/listFundCalls/listDocuments.

/** Recommendations listed one by one; the matrix has them all. */
export const ADOPTION_ROWS = 25;
/** Reports and reviews listed one by one. */
export const DUE_ROWS = 50;

export class ScopeNotFound extends Error {}

const int = (e: RawBuilder<unknown>) => sql<number>`(${e})::int`;

export async function followUpDashboard(db: Db, viewer: Viewer, scope: DashboardScope, year: number | null, today = todayIso()): Promise<Dashboard> {
  const [named, assignments, adoption, funds, documents] = await Promise.all([
    nameScope(db, scope),
    assignmentCounts(db, viewer, scope, year, today),
    adoptionProgress(db, viewer, scope, year, today),
    reportsDue(db, viewer, scope, year, today),
    reviewsDue(db, scope, today),
  ]);
  return { scope: named, year, today, dueSoonDays: DUE_SOON_DAYS, assignments, adoption, funds, documents };
}

async function nameScope(db: Db, scope: DashboardScope): Promise<Dashboard['scope']> {
  if (scope.kind === 'all') return scope;
  if (scope.kind === 'body') {
    const b = await db.selectFrom('body as b').select(['b.id', 'b.slug', bodyNameOf('b.id').as('name')]).where('b.id', '=', scope.id).executeTakeFirst();
    if (!b) throw new ScopeNotFound('Organet');
    return { kind: 'body', id: b.id, name: b.name, slug: b.slug };
  }
  const h = await db.selectFrom('huvudman').select(['id', 'name']).where('id', '=', scope.id).executeTakeFirst();
  if (!h) throw new ScopeNotFound('Huvudmannen');
  return { kind: 'huvudman', id: h.id, name: h.name };
}

async function assignmentCounts(db: Db, viewer: Viewer, scope: DashboardScope, year: number | null, today: string): Promise<AssignmentCounts> {
  const row = await db
    .selectFrom('assignment as a')
    .innerJoin('agenda_item as i', 'i.id', 'a.item_id')
    .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
    .select([
      int(sql`count(*) filter (where a.status = 'unconfirmed')`).as('unconfirmed'),
      int(sql`count(*) filter (where a.status = 'open')`).as('open'),
      int(sql`count(*) filter (where a.status = 'reported')`).as('reported'),
      int(sql`count(*) filter (where a.status = 'done')`).as('done'),
      int(sql`count(*) filter (where a.status = 'withdrawn')`).as('withdrawn'),
      // isOverdue() in src/domain/assignments.ts, as listAssignments filters it
      int(sql`count(*) filter (where a.status in ('open', 'unconfirmed') and a.due_date < ${today})`).as('overdue'),
    ])
    .where(assignmentScope(viewer, {
      bodyId: scope.kind === 'body' ? scope.id : undefined,
      huvudmanId: scope.kind === 'huvudman' ? scope.id : undefined,
      year: year ?? undefined,
    }))
    .executeTakeFirstOrThrow();
  return row;
}

async function adoptionProgress(db: Db, viewer: Viewer, scope: DashboardScope, year: number | null, today: string): Promise<Dashboard['adoption']> {
  let q = db
    .selectFrom('recommendation as r')
    .innerJoin('adoption as a', 'a.recommendation_id', 'r.id')
    .select([
      'r.id', 'r.title', 'r.decided_on', 'r.deadline', 'r.body_id', bodyNameOf('r.body_id').as('body_name'),
      int(sql`count(*) filter (where a.status = 'not-started')`).as('not_started'),
      int(sql`count(*) filter (where a.status = 'in-preparation')`).as('in_preparation'),
      int(sql`count(*) filter (where a.status = 'adopted')`).as('adopted'),
      int(sql`count(*) filter (where a.status = 'declined')`).as('declined'),
      // isAdoptionOverdue() in src/domain/recommendations.ts
      int(sql`count(*) filter (where a.status in ('not-started', 'in-preparation') and r.deadline < ${today})`).as('overdue'),
      int(sql`count(*)`).as('total'),
    ])
    .where(visibleRecord(viewer, 'r'))
    .groupBy('r.id')
    .orderBy('r.decided_on', 'desc')
    .orderBy('r.id', 'desc');
  if (scope.kind === 'body') q = q.where('r.body_id', '=', scope.id);
  if (scope.kind === 'huvudman') q = q.where('a.huvudman_id', '=', scope.id);
  if (year !== null) {
    const [from, to] = yearBounds(year);
    q = q.where('r.decided_on', '>=', from).where('r.decided_on', '<=', to);
  }
  const rows: AdoptionRow[] = (await q.execute()).map((r) => ({
    id: r.id,
    title: r.title,
    decidedOn: r.decided_on,
    deadline: r.deadline,
    body: { id: r.body_id, name: r.body_name },
    counts: { 'not-started': r.not_started, 'in-preparation': r.in_preparation, adopted: r.adopted, declined: r.declined },
    overdue: r.overdue,
    total: r.total,
  }));
  // One row per recommendation came back: the sums are over those rows, not over adoption rows.
  const counts: Record<AdoptionStatus, number> = { 'not-started': 0, 'in-preparation': 0, adopted: 0, declined: 0 };
  let overdue = 0;
  let total = 0;
  for (const r of rows) {
    for (const s of Object.keys(counts) as AdoptionStatus[]) counts[s] += r.counts[s];
    overdue += r.overdue;
    total += r.total;
  }
  const listed = scope.kind === 'huvudman' ? [] : rows.slice(0, ADOPTION_ROWS);
  return { counts, overdue, total, recommendations: listed, more: scope.kind === 'huvudman' ? 0 : rows.length - listed.length };
}

async function reportsDue(db: Db, viewer: Viewer, scope: DashboardScope, year: number | null, today: string): Promise<Dashboard['funds']> {
  let q = db
    .selectFrom('fund_report as fr')
    .innerJoin('fund_application as fa', 'fa.id', 'fr.application_id')
    .innerJoin('fund_call as c', 'c.id', 'fa.call_id')
    .where('fr.submitted_on', 'is', null)
    .where('fr.due_date', '<=', dueSoonUntil(today))
    .where(visibleRecord(viewer, 'c'));
  if (scope.kind === 'body') q = q.where('c.body_id', '=', scope.id);
  if (scope.kind === 'huvudman') {
    const h = scope.id;
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('fund_applicant as x').select('x.application_id').whereRef('x.application_id', '=', 'fa.id').where('x.huvudman_id', '=', h)));
  }
  if (year !== null) q = q.where('c.year', '=', year);
  const [counts, rows] = await Promise.all([
    q.select([int(sql`count(*)`).as('due'), int(sql`count(*) filter (where fr.due_date < ${today})`).as('overdue')]).executeTakeFirstOrThrow(),
    q.select(['fr.id', 'fr.due_date', 'fa.project', 'c.id as call_id', 'c.name', 'c.fund', 'c.year']).orderBy('fr.due_date').orderBy('fr.id').limit(DUE_ROWS).execute(),
  ]);
  return {
    ...counts,
    reports: rows.map((r) => ({
      id: r.id, dueDate: r.due_date, overdue: dueState(r.due_date, false, today) === 'overdue', project: r.project,
      call: { id: r.call_id, name: r.name, fund: r.fund, year: r.year },
    })),
  };
}

/** Governing documents are the collaboration's: a body sees those it keeps, a huvudman all of them. */
async function reviewsDue(db: Db, scope: DashboardScope, today: string): Promise<Dashboard['documents']> {
  let q = db.selectFrom('governing_document as d').where('d.next_review', '<=', dueSoonUntil(today));
  if (scope.kind === 'body') q = q.where('d.body_id', '=', scope.id);
  const [counts, rows] = await Promise.all([
    q.select([int(sql`count(*)`).as('due'), int(sql`count(*) filter (where d.next_review < ${today})`).as('overdue')]).executeTakeFirstOrThrow(),
    q.select(['d.id', 'd.title', 'd.next_review', 'd.body_id', bodyNameOf('d.body_id').as('body_name')]).orderBy('d.next_review').orderBy('d.id').limit(DUE_ROWS).execute(),
  ]);
  return {
    ...counts,
    list: rows.map((d) => ({ id: d.id, title: d.title, nextReview: d.next_review!, review: reviewState(d.next_review, today), body: { id: d.body_id, name: d.body_name } })),
  };
}
