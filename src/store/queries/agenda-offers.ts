import { sql } from 'kysely';
import type { Db } from '../db.js';
import { SYSTEM, type Viewer } from '../../domain/access.js';
import { visibleMeeting } from './visibility.js';
import { writtenDecisionOffers, type WrittenDecisionOffer } from './written-procedure-read.js';

// What a new agenda should consider: cases other bodies sent here ("Ärenden till …") and
// assignments due back to this body or given by it, that no agenda has taken up yet.

export interface AgendaOffers {
  referrals: { itemId: number; title: string; fromBody: string; fromMeetingId: number; fromDate: string | null }[];
  assignments: { assignmentId: number; to: string; task: string; fromBody: string | null; dueDate: string | null; dueText: string | null; givenAt: { meetingId: number; date: string | null; itemNumber: number | null } }[];
  /** Decisions by written procedure waiting to be confirmed (Anmälan av beslut fattade mellan sammanträdena). */
  writtenDecisions: WrittenDecisionOffer[];
}

export async function agendaOffers(db: Db, meetingId: number): Promise<AgendaOffers> {
  const meeting = await db
    .selectFrom('meeting as m')
    .innerJoin('meeting_body as mb', (j) => j.onRef('mb.meeting_id', '=', 'm.id').on('mb.is_primary', '=', true))
    .select(['m.meeting_date', 'mb.body_id'])
    .where('m.id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) return { referrals: [], assignments: [], writtenDecisions: [] };
  return pendingCases(db, SYSTEM, meeting.body_id, { meetingId, date: meeting.meeting_date ?? '9999-12-31' });
}

/**
 * The body's inbox: cases sent to it and assignments due back that no agenda has taken up yet —
 * up to a meeting's date (for its agenda), or all of them. Only what the viewer may read.
 */
export async function pendingCases(db: Db, viewer: Viewer, bodyId: number, at: { meetingId: number; date: string } | null = null): Promise<AgendaOffers> {
  const meetingId = at?.meetingId ?? -1;
  const date = at?.date ?? '9999-12-31';
  const visible = visibleMeeting(viewer, 'm.id', 'm.status');

  const referrals = await sql<{ item_id: number; title: string; from_body: string; meeting_id: number; meeting_date: string | null }>`
    select i.id as item_id, i.title, coalesce(bn.name, '') as from_body, m.id as meeting_id, m.meeting_date
    from agenda_item i
    join meeting m on m.id = i.meeting_id
    join meeting_body mb on mb.meeting_id = m.id and mb.is_primary
    left join lateral (select name from body_name where body_id = mb.body_id and not alias order by valid_to desc nulls first limit 1) bn on true
    where i.refer_to_body_id = ${bodyId}
      and m.id <> ${meetingId}
      and coalesce(m.meeting_date, '0001-01-01') <= ${date}
      and not exists (select 1 from agenda_item t where t.referred_from_item_id = i.id)
      and ${visible}
    order by m.meeting_date, i.position`.execute(db);

  const assignments = await sql<{ id: number; to_text: string; task: string; from_body: string | null; due_date: string | null; due_text: string | null; meeting_id: number; meeting_date: string | null; number: number | null }>`
    select a.id, a.to_text, a.task, bn.name as from_body, a.due_date, a.due_text, m.id as meeting_id, m.meeting_date, i.number
    from assignment a
    join agenda_item i on i.id = a.item_id
    join meeting m on m.id = i.meeting_id
    left join lateral (select name from body_name where body_id = a.from_body_id and not alias order by valid_to desc nulls first limit 1) bn on true
    where a.status = 'open'
      and (a.to_body_id = ${bodyId} or a.from_body_id = ${bodyId})
      and m.id <> ${meetingId}
      and coalesce(m.meeting_date, '0001-01-01') <= ${date}
      and (a.due_meeting_id = ${meetingId} or (a.due_meeting_id is null and (a.due_date is null or a.due_date <= ${date})))
      and not exists (select 1 from agenda_item t where t.reports_assignment_id = a.id)
      and ${visible}
    order by m.meeting_date, i.position, a.position`.execute(db);

  return {
    referrals: referrals.rows.map((r) => ({ itemId: r.item_id, title: r.title, fromBody: r.from_body, fromMeetingId: r.meeting_id, fromDate: r.meeting_date })),
    assignments: assignments.rows.map((a) => ({
      assignmentId: a.id, to: a.to_text, task: a.task, fromBody: a.from_body, dueDate: a.due_date, dueText: a.due_text,
      givenAt: { meetingId: a.meeting_id, date: a.meeting_date, itemNumber: a.number },
    })),
    writtenDecisions: await writtenDecisionOffers(db, viewer, bodyId, date),
  };
}

export async function offeredItem(db: Db, offer: { referralItemId: number } | { assignmentId: number }) {
  if ('referralItemId' in offer) {
    const item = await db.selectFrom('agenda_item').select(['id', 'title', 'kind']).where('id', '=', offer.referralItemId).executeTakeFirst();
    return item ? { title: item.title, kind: item.kind ?? ('decision' as const), referredFromItemId: item.id, reportsAssignmentId: null } : null;
  }
  const a = await db.selectFrom('assignment').select(['id', 'task']).where('id', '=', offer.assignmentId).executeTakeFirst();
  if (!a) return null;
  const task = a.task.length > 120 ? `${a.task.slice(0, 117)}…` : a.task;
  return { title: `Återrapportering: ${task}`, kind: 'information' as const, referredFromItemId: null, reportsAssignmentId: a.id };
}
