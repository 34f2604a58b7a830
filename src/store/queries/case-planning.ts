import { sql, type RawBuilder } from 'kysely';
import { canEditBody, canReadBody, draftAccess, isAdmin, type Viewer } from '../../domain/access.js';
import {
  DEFAULT_LEAD_DAYS, derivePlan,
  type BodyRef, type CasePlanView, type PlanAnchor, type PlannedStep, type StepView, type WheelEvent, type WheelRing, type YearWheel,
} from '../../domain/case-planning.js';
import type { MeetingStatus } from '../../domain/model.js';
import { shortTime } from '../../domain/dates.js';
import type { Db } from '../db.js';
import { visibleMeeting } from './visibility.js';
import { bodyNameOf, visibleRecord } from './recommendations.js';
import { listBodies } from './bodies.js';
import { listMeetings } from './meetings.js';
import { meetingDates } from './year-plan.js';

// Reading case plans (ärendeplanering). A plan shared with everyone ('public') is read by all; a
// plan kept to the members is read by the members of the bodies on its path. Every reader of a plan
// sees the current date of its target meetings and whether one was cancelled — a date in the year
// plan is public, and a plan is only as good as those dates — but a meeting the reader may not
// open (a draft of another body: a moved meeting becomes one) is given without its id, so nothing
// of it beyond its date can be reached from the plan. Anchors the reader may not read are left out.

const MAX_PLANS = 1000;

/** The condition under which the viewer may read a plan (table alias `p`). */
function visiblePlan(viewer: Viewer): RawBuilder<boolean> {
  const access = draftAccess(viewer);
  if ('all' in access) return sql<boolean>`true`;
  const shared = sql<boolean>`p.visibility = 'public'`;
  if (access.bodyIds.length === 0) return shared;
  return sql<boolean>`(${shared} or exists (select 1 from case_plan_step vs where vs.plan_id = p.id and vs.body_id in (${sql.join(access.bodyIds)})))`;
}

export interface PlanFilter {
  id?: number | undefined;
  bodyId?: number | undefined;
  /** Plans about any of these agenda items (directly, or through an assignment given there). */
  itemIds?: number[] | undefined;
  /** Plans with a step, deadline or decision in this year. */
  year?: number | undefined;
}

export async function listPlans(db: Db, viewer: Viewer, filter: PlanFilter = {}): Promise<CasePlanView[]> {
  let q = db
    .selectFrom('case_plan as p')
    .select(['p.id', 'p.title', 'p.description', 'p.visibility', 'p.version', 'p.item_id', 'p.assignment_id', 'p.recommendation_id', sql<string>`p.updated_at::text`.as('updated_at')])
    .where(visiblePlan(viewer))
    .orderBy('p.id', 'desc')
    .limit(MAX_PLANS);
  if (filter.id !== undefined) q = q.where('p.id', '=', filter.id);
  if (filter.bodyId !== undefined) {
    const bodyId = filter.bodyId;
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('case_plan_step as fs').select('fs.plan_id').whereRef('fs.plan_id', '=', 'p.id').where('fs.body_id', '=', bodyId)));
  }
  if (filter.itemIds !== undefined) {
    const ids = filter.itemIds.length > 0 ? filter.itemIds : [-1];
    q = q.where((eb) => eb.or([
      eb('p.item_id', 'in', ids),
      eb.exists(eb.selectFrom('assignment as fa').select('fa.id').whereRef('fa.id', '=', 'p.assignment_id').where('fa.item_id', 'in', ids)),
    ]));
  }
  const plans = await q.execute();
  if (plans.length === 0) return [];
  const planIds = plans.map((p) => p.id);

  const steps = await db
    .selectFrom('case_plan_step as s')
    .leftJoin('meeting as m', 'm.id', 's.meeting_id')
    .leftJoin('body as b', 'b.id', 's.body_id')
    .leftJoin('body_lead_time as lt', 'lt.body_id', 's.body_id')
    .select([
      's.plan_id', 's.position', 's.kind', 's.body_id', 's.meeting_id', 's.planned_date', 'b.slug', 'b.short_name', 'lt.lead_days',
      'm.meeting_date', 'm.status', 'm.start_time', bodyNameOf('s.body_id').as('body_name'),
      visibleMeeting(viewer, 'm.id', 'm.status').as('visible'),
    ])
    .where('s.plan_id', 'in', planIds)
    .orderBy('s.plan_id')
    .orderBy('s.position')
    .execute();

  const anchors = await loadAnchors(db, viewer, plans);
  const out: CasePlanView[] = [];
  for (const p of plans) {
    const own = steps.filter((s) => s.plan_id === p.id);
    const anchor = anchors.get(p.id) ?? null;
    const deadline = anchor?.kind === 'recommendation' ? anchor.deadline : null;
    const planned: PlannedStep[] = own.map((s) => {
      if (s.kind === 'huvudman') return { kind: 'huvudman', date: s.planned_date ?? deadline };
      const meeting = s.meeting_id === null ? null : { date: s.meeting_date, status: s.status! };
      return { kind: 'body', bodyId: s.body_id!, bodyName: s.body_name, leadDays: s.lead_days ?? DEFAULT_LEAD_DAYS, meeting, plannedDate: s.planned_date };
    });
    const derived = derivePlan(planned);
    const views: StepView[] = own.map((s, i) => {
      const d = derived[i]!;
      const step = planned[i]!;
      if (step.kind === 'huvudman') return { position: i, kind: 'huvudman', date: d.date, warnings: d.warnings };
      const body: BodyRef = { id: s.body_id!, name: s.body_name, slug: s.slug ?? String(s.body_id), shortName: s.short_name ?? null };
      const meeting = s.meeting_id !== null && s.visible ? { id: s.meeting_id, date: s.meeting_date, status: s.status!, startTime: shortTime(s.start_time) } : null;
      return { position: i, kind: 'body', body, leadDays: step.leadDays, meetingId: s.meeting_id, meeting, plannedDate: s.planned_date, date: d.date, documentsDue: d.documentsDue, warnings: d.warnings };
    });
    const bodyIds = views.flatMap((v) => (v.kind === 'body' ? [v.body.id] : []));
    out.push({
      id: p.id,
      title: p.title,
      description: p.description,
      visibility: p.visibility,
      version: p.version,
      updatedAt: p.updated_at,
      anchor,
      steps: views,
      warnings: derived.flatMap((d) => d.warnings),
      canEdit: isAdmin(viewer) || bodyIds.some((b) => canEditBody(viewer, b)),
    });
  }
  if (filter.year === undefined) return out;
  const year = String(filter.year);
  return out.filter((p) => p.steps.some((s) => s.date?.startsWith(year) || (s.kind === 'body' && s.documentsDue?.startsWith(year))));
}

export async function getPlan(db: Db, viewer: Viewer, id: number): Promise<CasePlanView | null> {
  return (await listPlans(db, viewer, { id }))[0] ?? null;
}

/** The bodies on a plan's path, or null when the plan does not exist. For deciding who may change it. */
export async function planBodyIds(db: Db, id: number): Promise<number[] | null> {
  const plan = await db.selectFrom('case_plan').select('id').where('id', '=', id).executeTakeFirst();
  if (!plan) return null;
  const rows = await db.selectFrom('case_plan_step').select('body_id').where('plan_id', '=', id).where('body_id', 'is not', null).execute();
  return rows.map((r) => r.body_id!);
}

type PlanRow = { id: number; item_id: number | null; assignment_id: number | null; recommendation_id: number | null };

/** The anchors the viewer may read; one the viewer may not read is left out, as if there were none. */
async function loadAnchors(db: Db, viewer: Viewer, plans: PlanRow[]): Promise<Map<number, PlanAnchor>> {
  const out = new Map<number, PlanAnchor>();
  const ids = (k: keyof PlanRow) => [...new Set(plans.map((p) => p[k]).filter((v): v is number => v !== null))];
  const itemIds = ids('item_id');
  const assignmentIds = ids('assignment_id');
  const recommendationIds = ids('recommendation_id');
  const [items, assignments, recommendations] = await Promise.all([
    itemIds.length === 0 ? [] : db
      .selectFrom('agenda_item as i')
      .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
      .select(['i.id', 'i.title', 'i.number', 'm.id as meeting_id', 'm.meeting_date'])
      .where('i.id', 'in', itemIds)
      .where(visibleMeeting(viewer, 'm.id', 'm.status'))
      .execute(),
    assignmentIds.length === 0 ? [] : db
      .selectFrom('assignment as a')
      .innerJoin('agenda_item as i', 'i.id', 'a.item_id')
      .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
      .select(['a.id', 'a.task', 'a.item_id'])
      .where('a.id', 'in', assignmentIds)
      .where(visibleMeeting(viewer, 'm.id', 'm.status'))
      .execute(),
    recommendationIds.length === 0 ? [] : db
      .selectFrom('recommendation as r')
      .select(['r.id', 'r.title', 'r.deadline'])
      .where('r.id', 'in', recommendationIds)
      .where(visibleRecord(viewer, 'r'))
      .execute(),
  ]);
  for (const p of plans) {
    const item = items.find((i) => i.id === p.item_id);
    const assignment = assignments.find((a) => a.id === p.assignment_id);
    const recommendation = recommendations.find((r) => r.id === p.recommendation_id);
    if (item) out.set(p.id, { kind: 'item', itemId: item.id, title: item.title, itemNumber: item.number, meetingId: item.meeting_id, meetingDate: item.meeting_date });
    else if (assignment) out.set(p.id, { kind: 'assignment', assignmentId: assignment.id, itemId: assignment.item_id, task: assignment.task });
    else if (recommendation) out.set(p.id, { kind: 'recommendation', recommendationId: recommendation.id, title: recommendation.title, deadline: recommendation.deadline });
  }
  return out;
}

// --- lead times and the planner's choices -------------------------------------------------------

export async function leadTimes(db: Db): Promise<Map<number, number>> {
  const rows = await db.selectFrom('body_lead_time').select(['body_id', 'lead_days']).execute();
  return new Map(rows.map((r) => [r.body_id, r.lead_days]));
}

export async function leadTimeOf(db: Db, bodyId: number): Promise<{ leadDays: number; own: boolean }> {
  const row = await db.selectFrom('body_lead_time').select('lead_days').where('body_id', '=', bodyId).executeTakeFirst();
  return row ? { leadDays: row.lead_days, own: true } : { leadDays: DEFAULT_LEAD_DAYS, own: false };
}

export interface PlanningOption extends BodyRef {
  leadDays: number;
  canEdit: boolean;
  meetings: { id: number; date: string; status: MeetingStatus }[];
}

/** Every body with its lead time and the meetings of its year plans in the years from–to, as the viewer may see them. */
export async function planningOptions(db: Db, viewer: Viewer, fromYear: number, toYear: number): Promise<PlanningOption[]> {
  const bodies = await listBodies(db, viewer);
  const leads = await leadTimes(db);
  const out: PlanningOption[] = [];
  for (const b of bodies) {
    const meetings: PlanningOption['meetings'] = [];
    const member = canReadBody(viewer, b.id);
    for (let year = fromYear; year <= toYear; year++) {
      for (const m of await meetingDates(db, b.id, year)) {
        // Planned and published meetings are public; the rest only for the body's members.
        if (member || m.status === 'planned' || m.status === 'published') meetings.push({ id: m.id, date: m.date, status: m.status as MeetingStatus });
      }
    }
    out.push({ id: b.id, name: b.name, slug: b.slug, shortName: b.shortName, leadDays: leads.get(b.id) ?? DEFAULT_LEAD_DAYS, canEdit: canEditBody(viewer, b.id), meetings });
  }
  return out;
}

// --- the year wheel (årshjul) -------------------------------------------------------------------

/**
 * The year as the wheel draws it: a ring per body with its meetings, the cases handled at them and
 * the documents deadlines, and a ring for the huvudmän's decisions. For one body, only its ring.
 */
export async function yearWheel(db: Db, viewer: Viewer, year: number, bodyId?: number): Promise<YearWheel> {
  const y = String(year);
  const bodies = (await listBodies(db, viewer)).filter((b) => bodyId === undefined || b.id === bodyId);
  const leads = await leadTimes(db);
  const meetings = await listMeetings(db, viewer, { year });
  const plans = (await listPlans(db, viewer, { year, bodyId })).reverse(); // oldest first
  const rings = new Map<number | null, WheelEvent[]>(bodies.map((b) => [b.id, []]));
  const push = (key: number | null, e: WheelEvent) => {
    if (!rings.has(key)) rings.set(key, []);
    rings.get(key)!.push(e);
  };

  for (const m of meetings) {
    if (!m.date) continue;
    for (const b of m.bodies) {
      if (rings.has(b.id)) push(b.id, { kind: 'meeting', date: m.date, meetingId: m.id, meetingStatus: m.status, meetingTitle: m.title, plan: null, warnings: [] });
    }
  }
  for (const p of plans) {
    for (const s of p.steps) {
      const ref = { id: p.id, title: p.title, step: s.position + 1, steps: p.steps.length };
      if (s.kind === 'huvudman') {
        if (bodyId === undefined && s.date?.startsWith(y)) push(null, { kind: 'decision', date: s.date, meetingId: null, meetingStatus: null, meetingTitle: null, plan: ref, warnings: s.warnings });
        continue;
      }
      if (!rings.has(s.body.id)) continue;
      const meeting = { meetingId: s.meeting?.id ?? null, meetingStatus: s.meeting?.status ?? null, meetingTitle: null };
      if (s.date?.startsWith(y)) push(s.body.id, { kind: 'step', date: s.date, ...meeting, plan: ref, warnings: s.warnings });
      if (s.documentsDue?.startsWith(y)) push(s.body.id, { kind: 'deadline', date: s.documentsDue, ...meeting, plan: ref, warnings: s.warnings });
    }
  }

  const byDate = (a: WheelEvent, b: WheelEvent) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind);
  const out: WheelRing[] = [];
  for (const b of bodies) {
    const events = rings.get(b.id)!;
    // The whole structure shows the bodies that have something this year; one body always shows its ring.
    if (bodyId === undefined && events.length === 0) continue;
    out.push({ body: { id: b.id, name: b.name, slug: b.slug, shortName: b.shortName }, leadDays: leads.get(b.id) ?? DEFAULT_LEAD_DAYS, events: events.sort(byDate) });
  }
  const decisions = rings.get(null);
  if (decisions) out.push({ body: null, leadDays: null, events: decisions.sort(byDate) });
  return {
    year,
    rings: out,
    plans: plans.map((p) => ({ id: p.id, title: p.title, visibility: p.visibility, warnings: p.warnings.length })),
  };
}
