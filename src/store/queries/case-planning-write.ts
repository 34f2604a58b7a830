import { sql, type Transaction } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import {
  DEFAULT_LEAD_DAYS, derivePlan, pathProblems, refusesSaving,
  type PlannedStep, type StepInput,
} from '../../domain/case-planning.js';
import type { MeetingStatus } from '../../domain/model.js';
import type { Db } from '../db.js';
import type { Database } from '../schema.js';
import { appendAudit } from './audit.js';
import { bodyNameOf, visibleRecord } from './recommendations.js';
import { visibleMeeting } from './visibility.js';

type Trx = Transaction<Database>;

// Writing case plans. Each save checks the whole path against the meetings as they are, inside the
// transaction that stores it, and either stores all of it or nothing.

/** A path that cannot be planned: each problem in the domain's words. */
export class PlanRefusedError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
  }
}

export class PlanConflictError extends Error {
  constructor(readonly current: number) {
    super('version conflict');
  }
}

export class CancelRefusedError extends Error {
  constructor(readonly reason: 'missing' | 'not-cancellable', message: string) {
    super(message);
  }
}

export type AnchorInput = { itemId: number } | { assignmentId: number } | { recommendationId: number } | null;

export interface PlanInput {
  title: string;
  description: string;
  visibility: 'members' | 'public';
  /** 'keep': re-planning leaves what the plan belongs to as it is. */
  anchor: AnchorInput | 'keep';
  steps: StepInput[];
}

interface Resolved {
  anchor: { item_id: number | null; assignment_id: number | null; recommendation_id: number | null };
  steps: { kind: 'body' | 'huvudman'; body_id: number | null; meeting_id: number | null; planned_date: string | null }[];
}

/**
 * Checks the path against the bodies, meetings and anchor as the actor may see them now; throws
 * PlanRefusedError. A meeting the plan already targets stays usable by everyone who may re-plan it,
 * also when it has become a draft of another body (a moved meeting does).
 */
async function resolvePlan(trx: Trx, actor: Viewer, input: PlanInput, kept: { meetings: number[]; anchor: Resolved['anchor'] } | null = null): Promise<Resolved> {
  const problems: string[] = [];
  let anchor: Resolved['anchor'] = { item_id: null, assignment_id: null, recommendation_id: null };
  let deadline: string | null = null;
  if (input.anchor === 'keep') {
    anchor = kept?.anchor ?? anchor;
    if (anchor.recommendation_id !== null) {
      deadline = (await trx.selectFrom('recommendation').select('deadline').where('id', '=', anchor.recommendation_id).executeTakeFirst())?.deadline ?? null;
    }
  } else if (input.anchor && 'itemId' in input.anchor) {
    const row = await trx.selectFrom('agenda_item as i').innerJoin('meeting as m', 'm.id', 'i.meeting_id').select('i.id')
      .where('i.id', '=', input.anchor.itemId).where(visibleMeeting(actor, 'm.id', 'm.status')).executeTakeFirst();
    if (!row) problems.push('Ärendet som planen hör till finns inte.');
    anchor.item_id = input.anchor.itemId;
  } else if (input.anchor && 'assignmentId' in input.anchor) {
    const row = await trx.selectFrom('assignment as a').innerJoin('agenda_item as i', 'i.id', 'a.item_id').innerJoin('meeting as m', 'm.id', 'i.meeting_id').select('a.id')
      .where('a.id', '=', input.anchor.assignmentId).where(visibleMeeting(actor, 'm.id', 'm.status')).executeTakeFirst();
    if (!row) problems.push('Uppdraget som planen hör till finns inte.');
    anchor.assignment_id = input.anchor.assignmentId;
  } else if (input.anchor && 'recommendationId' in input.anchor) {
    const row = await trx.selectFrom('recommendation as r').select(['r.id', 'r.deadline'])
      .where('r.id', '=', input.anchor.recommendationId).where(visibleRecord(actor, 'r')).executeTakeFirst();
    if (!row) problems.push('Rekommendationen som planen hör till finns inte.');
    anchor.recommendation_id = input.anchor.recommendationId;
    deadline = row?.deadline ?? null;
  }

  const bodyIds = [...new Set(input.steps.flatMap((s) => (s.kind === 'body' ? [s.bodyId] : [])))];
  const bodies = bodyIds.length === 0 ? [] : await trx.selectFrom('body as b').select(['b.id', bodyNameOf('b.id').as('name')]).where('b.id', 'in', bodyIds).execute();
  const nameOf = (id: number) => bodies.find((b) => b.id === id)?.name ?? `organ ${id}`;
  for (const id of bodyIds) if (!bodies.some((b) => b.id === id)) problems.push(`Organ ${id} finns inte.`);
  problems.push(...pathProblems(input.steps, nameOf).map((p) => p.message));

  const meetingIds = input.steps.flatMap((s) => (s.kind === 'body' && s.meetingId !== null ? [s.meetingId] : []));
  // Locked against a move or cancellation while the plan is checked and stored.
  const meetings = meetingIds.length === 0 ? [] : await trx
    .selectFrom('meeting as m')
    .select(['m.id', 'm.meeting_date', 'm.status', visibleMeeting(actor, 'm.id', 'm.status').as('visible'), sql<number[]>`array(select body_id from meeting_body where meeting_id = m.id)`.as('body_ids')])
    .where('m.id', 'in', meetingIds)
    .forShare()
    .execute();
  const leads = bodyIds.length === 0 ? [] : await trx.selectFrom('body_lead_time').select(['body_id', 'lead_days']).where('body_id', 'in', bodyIds).execute();

  const planned: PlannedStep[] = [];
  const steps: Resolved['steps'] = [];
  input.steps.forEach((s, i) => {
    if (s.kind === 'huvudman') {
      planned.push({ kind: 'huvudman', date: s.date ?? deadline });
      steps.push({ kind: 'huvudman', body_id: null, meeting_id: null, planned_date: s.date });
      return;
    }
    const m = s.meetingId === null ? null : meetings.find((r) => r.id === s.meetingId && (r.visible || !!kept?.meetings.includes(r.id)));
    if (s.meetingId !== null && !m) problems.push(`Steg ${i + 1}: mötet finns inte.`);
    else if (m && !m.body_ids.map(Number).includes(s.bodyId)) problems.push(`Steg ${i + 1}: mötet ${m.meeting_date ?? m.id} hör inte till ${nameOf(s.bodyId)}.`);
    else if (m && !m.meeting_date) problems.push(`Steg ${i + 1}: mötet har inget datum.`);
    const date = m?.meeting_date ?? null;
    planned.push({
      kind: 'body', bodyId: s.bodyId, bodyName: nameOf(s.bodyId), leadDays: leads.find((l) => l.body_id === s.bodyId)?.lead_days ?? DEFAULT_LEAD_DAYS,
      meeting: m ? { date, status: m.status as MeetingStatus } : null, plannedDate: date,
    });
    steps.push({ kind: 'body', body_id: s.bodyId, meeting_id: m ? m.id : null, planned_date: date });
  });
  if (problems.length === 0) {
    // Loops are already named by pathProblems; the rest of what makes the dates impossible:
    problems.push(...derivePlan(planned).flatMap((d) => d.warnings).filter((w) => refusesSaving(w) && w.code !== 'loop').map((w) => `Steg ${w.step + 1}: ${w.message}`));
  }
  if (problems.length > 0) throw new PlanRefusedError(problems);
  return { anchor, steps };
}

async function insertSteps(trx: Trx, planId: number, steps: Resolved['steps']): Promise<void> {
  if (steps.length === 0) return;
  await trx.insertInto('case_plan_step').values(steps.map((s, position) => ({ plan_id: planId, position, ...s }))).execute();
}

export async function createPlan(db: Db, actor: Viewer, input: PlanInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const resolved = await resolvePlan(trx, actor, input);
    const { id } = await trx
      .insertInto('case_plan')
      .values({
        title: input.title, description: input.description, visibility: input.visibility, ...resolved.anchor,
        created_by: actor.kind === 'account' ? actor.accountId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertSteps(trx, id, resolved.steps);
    await appendAudit(trx, actor, { action: 'case-plan.create', entity: 'case_plan', entityId: id, after: { ...input } });
    return id;
  });
}

async function snapshot(trx: Trx, id: number) {
  const plan = await trx.selectFrom('case_plan').select(['title', 'description', 'visibility', 'item_id', 'assignment_id', 'recommendation_id', 'version']).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!plan) return null;
  const steps = await trx.selectFrom('case_plan_step').select(['kind', 'body_id', 'meeting_id', 'planned_date']).where('plan_id', '=', id).orderBy('position').execute();
  return { ...plan, steps };
}

/** Replaces the plan (re-planned against the meetings' current dates); returns the new version. */
export async function updatePlan(db: Db, actor: Viewer, id: number, expectedVersion: number, input: PlanInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const before = await snapshot(trx, id);
    if (!before) throw new PlanRefusedError(['Planen finns inte.']);
    if (before.version !== expectedVersion) throw new PlanConflictError(before.version);
    const resolved = await resolvePlan(trx, actor, input, {
      meetings: before.steps.flatMap((s) => (s.meeting_id === null ? [] : [s.meeting_id])),
      anchor: { item_id: before.item_id, assignment_id: before.assignment_id, recommendation_id: before.recommendation_id },
    });
    await trx.deleteFrom('case_plan_step').where('plan_id', '=', id).execute();
    await insertSteps(trx, id, resolved.steps);
    await trx
      .updateTable('case_plan')
      .set({ title: input.title, description: input.description, visibility: input.visibility, ...resolved.anchor, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, actor, { action: 'case-plan.update', entity: 'case_plan', entityId: id, before, after: { ...input } });
    return expectedVersion + 1;
  });
}

export async function deletePlan(db: Db, actor: Viewer, id: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await snapshot(trx, id);
    if (!before) return false;
    await trx.deleteFrom('case_plan').where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: 'case-plan.delete', entity: 'case_plan', entityId: id, before });
    return true;
  });
}

/** Handlingar senast N dagar före mötet, for the body's meetings. */
export async function setLeadTime(db: Db, actor: Viewer, bodyId: number, leadDays: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('body_lead_time').select('lead_days').where('body_id', '=', bodyId).executeTakeFirst();
    await trx
      .insertInto('body_lead_time')
      .values({ body_id: bodyId, lead_days: leadDays })
      .onConflict((oc) => oc.column('body_id').doUpdateSet({ lead_days: leadDays }))
      .execute();
    await appendAudit(trx, actor, { action: 'body.lead-time', entity: 'body', entityId: bodyId, before: before ?? null, after: { lead_days: leadDays } });
  });
}

/**
 * Ställa in: a meeting in the year plan that will not be held. Only a meeting that has no agenda
 * yet (planned, or moved but not prepared): one with items is a protocol in the making, and its
 * item numbers count in the body's year.
 */
export async function cancelMeeting(db: Db, actor: Viewer, meetingId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const m = await trx.selectFrom('meeting').select(['status', 'origin', 'meeting_date']).where('id', '=', meetingId).forUpdate().executeTakeFirst();
    if (!m) throw new CancelRefusedError('missing', 'Mötet finns inte.');
    if (m.status === 'cancelled') throw new CancelRefusedError('not-cancellable', 'Mötet är redan inställt.');
    const items = await trx.selectFrom('agenda_item').select(sql<number>`count(*)::int`.as('n')).where('meeting_id', '=', meetingId).executeTakeFirstOrThrow();
    if (m.origin !== 'native' || (m.status !== 'planned' && m.status !== 'draft') || items.n > 0) {
      throw new CancelRefusedError('not-cancellable', 'Bara ett planerat möte som ännu inte har någon föredragningslista kan ställas in.');
    }
    await trx.updateTable('meeting').set({ status: 'cancelled', version: sql`version + 1`, updated_at: sql`now()` }).where('id', '=', meetingId).execute();
    await appendAudit(trx, actor, { action: 'meeting.cancel', entity: 'meeting', entityId: meetingId, before: { status: m.status, date: m.meeting_date }, after: { status: 'cancelled' } });
  });
}
