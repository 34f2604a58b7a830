import { sql, type Transaction } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import type { YearPlanEntry } from '../../domain/meeting-rules.js';
import type { Db } from '../db.js';
import type { Database } from '../schema.js';
import { appendAudit } from './audit.js';

type Trx = Transaction<Database>;

/** Dates of the body's meetings in a year (planned or held), for the year plan and the out-of-plan flag. */
export async function meetingDates(db: Pick<Db, 'selectFrom'>, bodyId: number, year: number): Promise<{ id: number; date: string; status: string; inYearPlan: boolean }[]> {
  const rows = await db
    .selectFrom('meeting as m')
    .innerJoin('meeting_body as mb', 'mb.meeting_id', 'm.id')
    .select(['m.id', 'm.meeting_date', 'm.status', 'm.in_year_plan'])
    .where('mb.body_id', '=', bodyId)
    .where(sql<boolean>`extract(year from m.meeting_date) = ${year}`)
    .orderBy('m.meeting_date')
    .execute();
  return rows.map((r) => ({ id: r.id, date: r.meeting_date!, status: r.status, inYearPlan: r.in_year_plan }));
}

/**
 * Mötesplanering: the body decides its meeting dates for a year. Each date becomes a planned
 * meeting (joint meetings belong to every body named); dates already planned are left as they are.
 */
export async function createYearPlan(db: Db, actor: Viewer, bodyId: number, year: number, entries: YearPlanEntry[]): Promise<{ created: number[]; existing: number[] }> {
  return db.transaction().execute(async (trx) => {
    const known = new Map((await meetingDates(trx, bodyId, year)).map((m) => [m.date, m.id]));
    const created: number[] = [];
    const existing: number[] = [];
    for (const e of entries) {
      const already = known.get(e.date);
      if (already !== undefined) {
        existing.push(already);
        continue;
      }
      const id = await insertMeeting(trx, bodyId, e, { status: 'planned', inYearPlan: true });
      created.push(id);
    }
    await appendAudit(trx, actor, { action: 'year-plan.create', entity: 'body', entityId: bodyId, after: { year, entries, created } });
    return { created, existing };
  });
}

export async function insertMeeting(
  trx: Trx,
  bodyId: number,
  e: YearPlanEntry,
  opts: { status: 'planned' | 'draft'; inYearPlan: boolean },
): Promise<number> {
  const { id } = await trx
    .insertInto('meeting')
    .values({
      title: e.title,
      meeting_date: e.date,
      start_time: e.startTime,
      end_time: e.endTime,
      place: e.place,
      diary_number: null,
      kind: e.kind,
      status: opts.status,
      origin: 'native',
      source_file_id: null,
      content_hash: null,
      import_warnings: '[]',
      in_year_plan: opts.inYearPlan,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const bodies = [bodyId, ...e.jointBodyIds.filter((b) => b !== bodyId)];
  await trx.insertInto('meeting_body').values(bodies.map((b, i) => ({ meeting_id: id, body_id: b, is_primary: i === 0 }))).execute();
  return id;
}
