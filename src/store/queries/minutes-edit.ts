import { sql } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import type { ParticipantDraft } from '../../domain/protocol-draft.js';
import type { Db } from '../db.js';
import { appendAudit } from './audit.js';
import { ConflictError, lockEditableMeeting } from './agenda-edit.js';
import { resolvePerson } from './people.js';
import { assertDateKept } from './immediate-justering.js';

export interface MeetingHeaderInput {
  title: string | null;
  date: string;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  diaryNumber: string | null;
}

export async function updateMeetingHeader(db: Db, actor: Viewer, meetingId: number, expectedVersion: number, input: MeetingHeaderInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await lockEditableMeeting(trx, meetingId, { content: false });
    await assertDateKept(trx, meetingId, input.date);
    const before = await trx.selectFrom('meeting').selectAll().where('id', '=', meetingId).executeTakeFirstOrThrow();
    if (before.version !== expectedVersion) throw new ConflictError({ version: before.version, title: before.title, date: before.meeting_date, startTime: before.start_time, endTime: before.end_time, place: before.place, diaryNumber: before.diary_number });
    await trx
      .updateTable('meeting')
      .set({
        title: input.title,
        meeting_date: input.date,
        date_unknown: false,
        start_time: input.startTime,
        end_time: input.endTime,
        place: input.place,
        diary_number: input.diaryNumber,
        version: sql`version + 1`,
        updated_at: sql`now()`,
      })
      .where('id', '=', meetingId)
      .execute();
    await appendAudit(trx, actor, { action: 'meeting.update', entity: 'meeting', entityId: meetingId, before, after: input });
    return expectedVersion + 1;
  });
}

/** Records who attended (närvarande, frånvarande, tjänstepersoner), replacing the list. */
export async function setAttendance(db: Db, actor: Viewer, meetingId: number, participants: ParticipantDraft[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockEditableMeeting(trx, meetingId);
    const before = await trx.selectFrom('attendance').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();
    await trx.deleteFrom('attendance').where('meeting_id', '=', meetingId).execute();
    for (const [position, p] of participants.entries()) {
      await trx
        .insertInto('attendance')
        .values({
          meeting_id: meetingId,
          position,
          list: p.list,
          person_id: await resolvePerson(trx, p.name, { party: p.party, organization: p.organization }),
          name: p.name,
          party: p.party,
          organization: p.organization,
          role: p.role,
          replaces_person_id: p.replaces ? await resolvePerson(trx, p.replaces) : null,
          replaces_name: p.replaces,
          note: p.note,
          items_from: p.itemsFrom,
          items_to: p.itemsTo,
        })
        .execute();
    }
    await appendAudit(trx, actor, { action: 'attendance.set', entity: 'meeting', entityId: meetingId, before, after: participants });
  });
}

/** The attendance to start from: the members of the meeting's bodies on its date, by role. */
export async function attendanceTemplate(db: Db, meetingId: number): Promise<ParticipantDraft[]> {
  const rows = await db
    .selectFrom('membership as ms')
    .innerJoin('person as p', 'p.id', 'ms.person_id')
    .innerJoin('meeting_body as mb', 'mb.body_id', 'ms.body_id')
    .innerJoin('meeting as m', 'm.id', 'mb.meeting_id')
    .select(['p.name', 'p.sort_key', 'ms.role', 'ms.party', 'ms.organization'])
    .where('m.id', '=', meetingId)
    .where((eb) => eb.or([eb('ms.valid_from', 'is', null), eb('ms.valid_from', '<=', eb.ref('m.meeting_date'))]))
    .where((eb) => eb.or([eb('ms.valid_to', 'is', null), eb('ms.valid_to', '>=', eb.ref('m.meeting_date'))]))
    .execute();
  const order = ['ordförande', 'vice ordförande', 'ledamot', 'ersättare', 'adjungerad', 'sekreterare', 'koordinator', 'tjänsteperson'];
  rows.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || (a.sort_key < b.sort_key ? -1 : 1));
  const seen = new Set<string>();
  return rows
    .filter((r) => !seen.has(r.name) && seen.add(r.name))
    .map((r) => ({
      list: ['tjänsteperson', 'sekreterare', 'koordinator'].includes(r.role) ? 'official' : 'present',
      name: r.name,
      party: r.party,
      organization: r.organization,
      role: ['ordförande', 'vice ordförande'].includes(r.role) ? r.role : r.role === 'ersättare' ? 'ersättare' : null,
      replaces: null,
      note: ['sekreterare', 'koordinator'].includes(r.role) ? r.role : null,
      itemsFrom: null,
      itemsTo: null,
    }));
}
