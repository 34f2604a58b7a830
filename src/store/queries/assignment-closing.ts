import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import { closableBy, closingDecision, type AssignmentClosureReason, type ClosedBy } from '../../domain/assignment-closing.js';
import type { Database } from '../schema.js';
import { appendAudit } from './audit.js';
import { visibleMeeting } from './visibility.js';

// Closing an assignment is a decision: when the decision of a report-back item (agenda_item.
// reports_assignment_id) says the assignment is fulfilled, the assignment becomes done as that
// decision applies — when its protocol is published, or when the item is justified at once — in
// the same transaction, with the decision kept beside it (assignment_closure) and audited.
//
// Not when the decision is first written in the minutes: a draft may still change until it is
// justified, and the assignment list is public for published assignments, so a status taken from
// a draft would tell the public what the draft says.

type Trx = Transaction<Database>;

export type { ClosedBy };

/**
 * Closes the assignments reported back in these items (all report-back items of a meeting, or one
 * item) whose decision says so. Returns the ids of the assignments closed now.
 */
export async function closeAssignmentsDecided(trx: Trx, actor: Viewer, scope: { meetingId: number } | { itemId: number }, reason: AssignmentClosureReason): Promise<number[]> {
  const items = await trx
    .selectFrom('agenda_item')
    .select(['id', 'reports_assignment_id'])
    .where('reports_assignment_id', 'is not', null)
    .$if('meetingId' in scope, (q) => q.where('meeting_id', '=', (scope as { meetingId: number }).meetingId))
    .$if('itemId' in scope, (q) => q.where('id', '=', (scope as { itemId: number }).itemId))
    .execute();
  const closed: number[] = [];
  for (const item of items) {
    const decisions = await trx.selectFrom('decision').select(['id', 'text', 'clauses', 'outcome']).where('item_id', '=', item.id).orderBy('position').execute();
    const decision = closingDecision(decisions);
    if (!decision) continue;
    const assignmentId = item.reports_assignment_id!;
    const a = await trx.selectFrom('assignment').select('status').where('id', '=', assignmentId).forUpdate().executeTakeFirst();
    if (!a || !closableBy(a.status)) continue;
    const already = await trx.selectFrom('assignment_closure').select('assignment_id').where('assignment_id', '=', assignmentId).executeTakeFirst();
    if (already) continue;
    const text = [decision.text, ...decision.clauses.map((c) => `att ${c}`)].find((t) => t.trim() !== '') ?? '';
    await trx.updateTable('assignment').set({ status: 'done' }).where('id', '=', assignmentId).execute();
    await trx.insertInto('assignment_closure').values({ assignment_id: assignmentId, item_id: item.id, decision_id: decision.id, decision_text: text, reason }).execute();
    await appendAudit(trx, actor, {
      action: 'assignment.closed-by-decision', entity: 'assignment', entityId: assignmentId,
      before: { status: a.status }, after: { status: 'done', itemId: item.id, decisionId: decision.id, decision: text, reason },
    });
    closed.push(assignmentId);
  }
  return closed;
}

/**
 * The decision that closed the assignment `a.id` (alias `a`), as JSON, for a select list: shown when
 * the viewer may read its meeting, or when the item was justified at once (its extract is public).
 */
export function closedByJson(viewer: Viewer, assignmentRef = 'a.id'): RawBuilder<RawClosure | null> {
  return sql<RawClosure | null>`(
    select json_build_object('item_id', c.item_id, 'meeting_id', ci.meeting_id, 'date', cm.meeting_date, 'number', ci.number,
      'decision', c.decision_text, 'reason', c.reason, 'closed_at', c.closed_at)
    from assignment_closure c
    left join agenda_item ci on ci.id = c.item_id
    left join meeting cm on cm.id = ci.meeting_id
    where c.assignment_id = ${sql.ref(assignmentRef)}
      and (cm.id is null or c.reason = 'immediate-justering' or ${visibleMeeting(viewer, 'cm.id', 'cm.status')}))`;
}

export interface RawClosure {
  item_id: number | null;
  meeting_id: number | null;
  date: string | null;
  number: number | null;
  decision: string;
  reason: AssignmentClosureReason;
  closed_at: string;
}

export function closedBy(raw: RawClosure | null): ClosedBy | null {
  if (!raw) return null;
  return {
    itemId: raw.item_id, meetingId: raw.meeting_id, date: raw.date, itemNumber: raw.number, decision: raw.decision, reason: raw.reason,
    closedAt: new Date(raw.closed_at).toISOString(),
  };
}
