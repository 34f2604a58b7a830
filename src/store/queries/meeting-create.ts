import { sql, type Transaction } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import { nextItemNumber, standardAgenda } from '../../domain/agenda.js';
import type { YearPlanEntry } from '../../domain/meeting-rules.js';
import type { Db } from '../db.js';
import type { Database } from '../schema.js';
import { appendAudit } from './audit.js';
import { getBody } from './bodies.js';
import { insertMeeting } from './year-plan.js';
import { renumberMeeting } from './agenda-edit.js';

type Trx = Transaction<Database>;

/** The last item number the body used in a year, other meetings than `except` counted. */
export async function lastItemNumber(trx: Pick<Db, 'selectFrom'>, bodyId: number, year: number, except: number | null): Promise<number | null> {
  const row = await trx
    .selectFrom('agenda_item as i')
    .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
    .innerJoin('meeting_body as mb', (j) => j.onRef('mb.meeting_id', '=', 'm.id').on('mb.is_primary', '=', true))
    .select(sql<number | null>`max(i.number)`.as('last'))
    .where('mb.body_id', '=', bodyId)
    .where(sql<boolean>`extract(year from m.meeting_date) = ${year}`)
    .$if(except !== null, (q) => q.where('m.id', '<>', except!))
    .executeTakeFirst();
  return row?.last ?? null;
}

/**
 * A meeting to prepare: the planned meeting on that date when there is one, otherwise a new one
 * (flagged as outside the year plan). It gets the standard agenda, numbered on from the body's year.
 */
export async function createMeeting(db: Db, actor: Viewer, bodyId: number, e: YearPlanEntry): Promise<{ meetingId: number; inYearPlan: boolean }> {
  return db.transaction().execute(async (trx) => {
    const planned = await trx
      .selectFrom('meeting as m')
      .innerJoin('meeting_body as mb', (j) => j.onRef('mb.meeting_id', '=', 'm.id').on('mb.is_primary', '=', true))
      .select(['m.id', 'm.status'])
      .where('mb.body_id', '=', bodyId)
      .where('m.meeting_date', '=', e.date)
      .where('m.origin', '=', 'native')
      .executeTakeFirst();
    let meetingId: number;
    let inYearPlan: boolean;
    if (planned) {
      meetingId = planned.id;
      inYearPlan = true;
      await trx
        .updateTable('meeting')
        .set({
          status: sql`case when status = 'planned' then 'draft' else status end`,
          ...(e.startTime ? { start_time: e.startTime } : {}),
          ...(e.endTime ? { end_time: e.endTime } : {}),
          ...(e.place ? { place: e.place } : {}),
          ...(e.title ? { title: e.title } : {}),
        })
        .where('id', '=', meetingId)
        .execute();
    } else {
      inYearPlan = false;
      meetingId = await insertMeeting(trx, bodyId, e, { status: 'draft', inYearPlan });
    }
    await addStandardAgenda(trx, meetingId, bodyId, Number(e.date.slice(0, 4)));
    await renumberMeeting(trx, meetingId);
    await appendAudit(trx, actor, { action: 'meeting.create', entity: 'meeting', entityId: meetingId, after: { bodyId, ...e, inYearPlan } });
    return { meetingId, inYearPlan };
  });
}

/** The other body this body sends cases to: Samråd ↔ Länssamverkansgruppen, a beredning → its parent. */
async function referralTarget(trx: Trx, bodyId: number): Promise<string | null> {
  const body = await getBody(trx, bodyId);
  if (!body) return null;
  if (body.parentId !== null) return (await getBody(trx, body.parentId))?.name ?? null;
  const partner = body.kind === 'samråd' ? 'lsg' : body.kind === 'samverkansgrupp' ? 'samrad' : null;
  return partner ? ((await getBody(trx, partner))?.name ?? null) : null;
}

async function addStandardAgenda(trx: Trx, meetingId: number, bodyId: number, year: number): Promise<void> {
  const has = await trx.selectFrom('agenda_item').select('id').where('meeting_id', '=', meetingId).executeTakeFirst();
  if (has) return;
  const { before, after } = standardAgenda({ referralsTo: await referralTarget(trx, bodyId) });
  const first = nextItemNumber(await lastItemNumber(trx, bodyId, year, meetingId));
  const items = [...before, ...after];
  await trx
    .insertInto('agenda_item')
    .values(items.map((item, i) => ({ meeting_id: meetingId, position: i, number: first + i, title: item.title, kind: item.kind, standard: item.standard, proposal: null, sub_points: '[]' })))
    .execute();
}
