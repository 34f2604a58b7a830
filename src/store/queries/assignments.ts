import { sql, type RawBuilder } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import { canMove, isOverdue, todayIso } from '../../domain/assignments.js';
import { yearBounds } from '../../domain/dashboard.js';
import type { AssignmentStatus } from '../../domain/model.js';
import type { Db } from '../db.js';
import { appendAudit } from './audit.js';
import { visibleMeeting } from './visibility.js';
import { closedBy, closedByJson, type ClosedBy } from './assignment-closing.js';

export interface AssignmentRecord {
  id: number;
  from: string | null; // the giving body
  fromBodyId: number | null;
  to: string;
  toBodyId: number | null;
  text: string;
  status: AssignmentStatus;
  overdue: boolean;
  due: string | null; // a date, or the named meeting as written
  dueDate: string | null;
  meeting: { id: number; date: string | null; status: string };
  item: { id: number; number: number | null; title: string };
  reportedAt: { meetingId: number; date: string | null; itemNumber: number | null } | null;
  closedBy: ClosedBy | null; // the decision that closed it (uppdraget anses slutfört), once it applies
}

export interface AssignmentFilter {
  bodyId?: number | undefined; // given by or to this body
  huvudmanId?: number | undefined; // given to this huvudman
  year?: number | undefined; // given at a meeting in this year
  status?: AssignmentStatus | 'overdue' | undefined;
}

/**
 * The assignments (alias `a`, meeting `m`) a filter selects apart from status, readable by the
 * viewer: shared by the list and the dashboard's counts, so the two cannot disagree. A huvudman
 * is the receiver when linked, or when the receiver is written as its name ("Umeå kommun").
 */
export function assignmentScope(viewer: Viewer, filter: Omit<AssignmentFilter, 'status'>): RawBuilder<boolean> {
  const parts = [visibleMeeting(viewer, 'm.id', 'm.status')];
  if (filter.bodyId !== undefined) parts.push(sql`(a.from_body_id = ${filter.bodyId} or a.to_body_id = ${filter.bodyId})`);
  if (filter.huvudmanId !== undefined) {
    parts.push(sql`(a.to_huvudman_id = ${filter.huvudmanId} or (a.to_huvudman_id is null and exists (
      select 1 from huvudman th where th.id = ${filter.huvudmanId} and lower(trim(a.to_text)) in (lower(th.name), lower(th.short_name)))))`);
  }
  if (filter.year !== undefined) {
    const [from, to] = yearBounds(filter.year);
    parts.push(sql`(m.meeting_date >= ${from} and m.meeting_date <= ${to})`);
  }
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

const bodyName = (ref: string) =>
  sql<string | null>`(select name from body_name where body_id = ${sql.ref(ref)} and not alias order by valid_to desc nulls first limit 1)`;

export async function listAssignments(db: Db, viewer: Viewer, filter: AssignmentFilter = {}): Promise<AssignmentRecord[]> {
  let q = db
    .selectFrom('assignment as a')
    .innerJoin('agenda_item as i', 'i.id', 'a.item_id')
    .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
    .select([
      'a.id', 'a.from_body_id', 'a.to_text', 'a.to_body_id', 'a.task', 'a.status', 'a.due_date', 'a.due_text',
      'm.id as meeting_id', 'm.meeting_date', 'm.status as meeting_status', 'i.id as item_id', 'i.number', 'i.title',
      bodyName('a.from_body_id').as('from_name'),
      sql<{ meeting_id: number; meeting_date: string | null; number: number | null } | null>`(
        select json_build_object('meeting_id', rm.id, 'meeting_date', rm.meeting_date, 'number', r.number)
        from agenda_item r join meeting rm on rm.id = r.meeting_id
        where r.reports_assignment_id = a.id order by rm.meeting_date limit 1)`.as('report'),
      closedByJson(viewer).as('closure'),
    ])
    .where(assignmentScope(viewer, filter))
    .orderBy(sql`m.meeting_date desc nulls last`)
    .orderBy('i.position')
    .orderBy('a.position');
  const today = todayIso();
  if (filter.status === 'overdue') q = q.where('a.status', 'in', ['open', 'unconfirmed']).where('a.due_date', '<', today);
  else if (filter.status) q = q.where('a.status', '=', filter.status);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    from: r.from_name,
    fromBodyId: r.from_body_id,
    to: r.to_text,
    toBodyId: r.to_body_id,
    text: r.task,
    status: r.status,
    overdue: isOverdue({ status: r.status, dueDate: r.due_date }, today),
    due: r.due_date ?? r.due_text,
    dueDate: r.due_date,
    meeting: { id: r.meeting_id, date: r.meeting_date, status: r.meeting_status },
    item: { id: r.item_id, number: r.number, title: r.title },
    reportedAt: r.report ? { meetingId: r.report.meeting_id, date: r.report.meeting_date, itemNumber: r.report.number } : null,
    closedBy: closedBy(r.closure),
  }));
}

export class TransitionError extends Error {}

/** Moves an assignment on (confirm, reported, done, withdrawn), as its life allows. */
export async function setAssignmentStatus(db: Db, actor: Viewer, id: number, to: AssignmentStatus): Promise<AssignmentStatus | null> {
  return db.transaction().execute(async (trx) => {
    const a = await trx.selectFrom('assignment').select(['status']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!a) return null;
    if (!canMove(a.status, to)) throw new TransitionError(`an assignment that is ${a.status} cannot become ${to}`);
    await trx.updateTable('assignment').set({ status: to }).where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: 'assignment.status', entity: 'assignment', entityId: id, before: { status: a.status }, after: { status: to } });
    return to;
  });
}

/** The bodies an assignment concerns, for the permission to change it. */
export async function assignmentBodyIds(db: Db, id: number): Promise<number[]> {
  const row = await db
    .selectFrom('assignment as a')
    .innerJoin('agenda_item as i', 'i.id', 'a.item_id')
    .select(['a.from_body_id', 'a.to_body_id', sql<number[]>`array(select body_id from meeting_body where meeting_id = i.meeting_id)`.as('meeting_bodies')])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) return [];
  return [...new Set([row.from_body_id, row.to_body_id, ...row.meeting_bodies].filter((b): b is number => b !== null))];
}
