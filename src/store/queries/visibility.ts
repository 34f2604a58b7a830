import { sql, type RawBuilder } from 'kysely';
import { draftAccess, type Viewer } from '../../domain/access.js';

/**
 * The condition under which the viewer may read a meeting, for any query that touches meetings:
 * published or merely planned (a date in the year plan, no content yet), or otherwise of a body
 * the viewer belongs to (administrators read all).
 * `meetingId` and `status` name the columns, e.g. 'm.id' and 'm.status'.
 */
export function visibleMeeting(viewer: Viewer, meetingId: string, status: string): RawBuilder<boolean> {
  const access = draftAccess(viewer);
  if ('all' in access) return sql<boolean>`true`;
  const published = sql<boolean>`${sql.ref(status)} in ('published', 'planned')`;
  if (access.bodyIds.length === 0) return published;
  return sql<boolean>`(${published} or exists (select 1 from meeting_body vb where vb.meeting_id = ${sql.ref(meetingId)} and vb.body_id in (${sql.join(access.bodyIds)})))`;
}
