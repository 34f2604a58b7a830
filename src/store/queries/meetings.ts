import { sql } from 'kysely';
import type { MeetingStatus, MeetingSummary } from '../../domain/model.js';
import { shortTime } from '../../domain/dates.js';
import type { Viewer } from '../../domain/access.js';
import { listedMeeting } from './visibility.js';
import type { Db } from '../db.js';
import { getBody, nameOnDate } from './bodies.js';

export interface MeetingFilter {
  bodyId?: number | undefined;
  year?: number | 'unknown' | undefined;
}

/** Meetings listed for the viewer, with the range of their item numbers. */
function summaries(db: Db, viewer: Viewer) {
  return db
    .selectFrom('meeting as m')
    .select([
      'm.id', 'm.title', 'm.meeting_date', 'm.date_unknown', 'm.start_time', 'm.end_time', 'm.place', 'm.status', 'm.origin',
      sql<number | null>`(select min(number) from agenda_item where meeting_id = m.id)`.as('first_item'),
      sql<number | null>`(select max(number) from agenda_item where meeting_id = m.id)`.as('last_item'),
      sql<number>`(select count(*)::int from agenda_item where meeting_id = m.id)`.as('item_count'),
    ])
    .where(listedMeeting(viewer, 'm.id', 'm.status'));
}

export async function listMeetings(db: Db, viewer: Viewer, filter: MeetingFilter = {}): Promise<MeetingSummary[]> {
  let q = summaries(db, viewer);
  if (filter.bodyId !== undefined) {
    const bodyId = filter.bodyId;
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('meeting_body').select('meeting_id').whereRef('meeting_id', '=', 'm.id').where('body_id', '=', bodyId)),
    );
  }
  if (filter.year === 'unknown') q = q.where('m.meeting_date', 'is', null);
  else if (filter.year !== undefined) q = q.where(sql`extract(year from m.meeting_date)`, '=', filter.year);
  const rows = await q.orderBy(sql`m.meeting_date desc nulls last`).orderBy('m.id', 'desc').execute();
  return attachBodies(db, rows);
}

type SummaryRow = {
  id: number; title: string | null; meeting_date: string | null; date_unknown: boolean; start_time: string | null; end_time: string | null;
  place: string | null; status: MeetingStatus; origin: 'native' | 'imported'; first_item: number | null; last_item: number | null; item_count: number;
};

async function attachBodies(db: Db, rows: SummaryRow[]): Promise<MeetingSummary[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('meeting_body')
    .select(['meeting_id', 'body_id', 'is_primary'])
    .where('meeting_id', 'in', rows.map((r) => r.id))
    .orderBy('is_primary', 'desc')
    .orderBy('body_id')
    .execute();
  const bodies = new Map<number, Awaited<ReturnType<typeof getBody>>>();
  for (const bodyId of new Set(links.map((l) => l.body_id))) bodies.set(bodyId, await getBody(db, bodyId));
  return rows.map((r) => {
    const own = links.filter((l) => l.meeting_id === r.id);
    const primary = own.find((l) => l.is_primary);
    const primaryBody = primary ? bodies.get(primary.body_id) : null;
    return {
      id: r.id,
      title: r.title,
      date: r.meeting_date,
      dateUnknown: r.date_unknown,
      startTime: shortTime(r.start_time),
      endTime: shortTime(r.end_time),
      place: r.place,
      status: r.status,
      origin: r.origin,
      bodies: own.map((l) => ({ id: l.body_id, slug: bodies.get(l.body_id)?.slug ?? String(l.body_id), name: bodies.get(l.body_id)?.name ?? '', primary: l.is_primary })),
      bodyNameAtTheTime: primaryBody ? nameOnDate(primaryBody, r.meeting_date) : null,
      items: { first: r.first_item, last: r.last_item, count: r.item_count },
    };
  });
}

export async function getMeetingSummary(db: Db, viewer: Viewer, id: number): Promise<MeetingSummary | null> {
  const rows = await summaries(db, viewer).where('m.id', '=', id).execute();
  return (await attachBodies(db, rows))[0] ?? null;
}

export async function countMeetings(db: Db): Promise<number> {
  const row = await db.selectFrom('meeting').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function meetingBodyIds(db: Db, meetingId: number): Promise<number[]> {
  const rows = await db.selectFrom('meeting_body').select('body_id').where('meeting_id', '=', meetingId).execute();
  return rows.map((r) => r.body_id);
}

/** What changes when a meeting's protocol changes: for caching published protocols. */
export async function meetingStamp(db: Db, id: number): Promise<{ status: string; stamp: string } | null> {
  const row = await db
    .selectFrom('meeting')
    .select(['status', 'version', sql<string>`updated_at::text`.as('updated'), sql<number>`(select coalesce(max(id), 0) from body_name)`.as('names')])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { status: row.status, stamp: `${row.version}:${row.updated}:${row.names}` } : null;
}
