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

/**
 * The condition under which a meeting is listed for the viewer (the meeting lists, the year plan,
 * the calendars): what visibleMeeting() shows, and a cancelled meeting to everyone, as a date struck
 * from the year plan. What a cancelled meeting held before it was cancelled stays with its body
 * (readsMeetingContent in src/domain/access.ts); the other queries keep to visibleMeeting().
 */
export function listedMeeting(viewer: Viewer, meetingId: string, status: string): RawBuilder<boolean> {
  if ('all' in draftAccess(viewer)) return sql<boolean>`true`;
  return sql<boolean>`(${sql.ref(status)} = 'cancelled' or ${visibleMeeting(viewer, meetingId, status)})`;
}
