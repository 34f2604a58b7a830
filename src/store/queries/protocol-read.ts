import type { AgendaItem, AssignmentStatus, MeetingSummary, Participant, Protocol } from '../../domain/model.js';
import { readsMeetingContent, type Viewer } from '../../domain/access.js';
import { noVoting } from '../../domain/votes.js';
import type { Db } from '../db.js';
import { getMeetingSummary } from './meetings.js';
import { itemVoting } from './votes.js';
import { immediateNotes } from './immediate-justering.js';

/** The whole protocol of a meeting, or null when it does not exist or the viewer may not read it. */
export async function getProtocol(db: Db, viewer: Viewer, id: number): Promise<Protocol | null> {
  const summary = await getMeetingSummary(db, viewer, id);
  if (!summary) return null;
  const meeting = await db
    .selectFrom('meeting')
    .leftJoin('source_file', 'source_file.id', 'meeting.source_file_id')
    .select(['meeting.diary_number', 'meeting.kind', 'meeting.import_warnings', 'source_file.id as file_id', 'source_file.filename', 'source_file.media_type'])
    .where('meeting.id', '=', id)
    .executeTakeFirstOrThrow();
  if (!readsMeetingContent(viewer, summary)) return headerOnly(summary, meeting.kind);

  const [items, presenters, decisions, assignments, attendance, signatures, nextMeetings] = await Promise.all([
    db.selectFrom('agenda_item').selectAll().where('meeting_id', '=', id).orderBy('position').execute(),
    db
      .selectFrom('item_presenter as p')
      .innerJoin('agenda_item as i', 'i.id', 'p.item_id')
      .select(['p.item_id', 'p.name', 'p.title', 'p.person_id'])
      .where('i.meeting_id', '=', id)
      .orderBy('p.item_id')
      .orderBy('p.position')
      .execute(),
    db
      .selectFrom('decision as d')
      .innerJoin('agenda_item as i', 'i.id', 'd.item_id')
      .select(['d.id', 'd.item_id', 'd.text', 'd.clauses'])
      .where('i.meeting_id', '=', id)
      .orderBy('d.item_id')
      .orderBy('d.position')
      .execute(),
    db
      .selectFrom('assignment as a')
      .innerJoin('agenda_item as i', 'i.id', 'a.item_id')
      .select(['a.id', 'a.item_id', 'a.to_text', 'a.to_body_id', 'a.task', 'a.due_date', 'a.due_text', 'a.status'])
      .where('i.meeting_id', '=', id)
      .orderBy('a.item_id')
      .orderBy('a.position')
      .execute(),
    db.selectFrom('attendance').selectAll().where('meeting_id', '=', id).orderBy('position').execute(),
    db.selectFrom('signature').selectAll().where('meeting_id', '=', id).orderBy('position').execute(),
    db.selectFrom('next_meeting').selectAll().where('meeting_id', '=', id).orderBy('position').execute(),
  ]);

  const voting = await itemVoting(db, items.map((i) => i.id));
  const immediate = await immediateNotes(db, items.map((i) => i.id));
  const agenda: AgendaItem[] = items.map((i) => ({
    id: i.id,
    number: i.number,
    title: i.title,
    kind: i.kind,
    written: i.written,
    text: i.text,
    proposal: i.proposal,
    subPoints: i.sub_points,
    presenters: presenters.filter((p) => p.item_id === i.id).map((p) => ({ name: p.name, title: p.title, personId: p.person_id })),
    decisions: decisions.filter((d) => d.item_id === i.id).map((d) => ({ id: d.id, text: d.text, clauses: d.clauses })),
    assignments: assignments
      .filter((a) => a.item_id === i.id)
      .map((a) => ({ id: a.id, to: a.to_text, toBodyId: a.to_body_id, task: a.task, dueDate: a.due_date, dueText: a.due_text, status: a.status as AssignmentStatus })),
    ...(voting.get(i.id) ?? noVoting()),
    ...(immediate.has(i.id) ? { immediateJustering: immediate.get(i.id) } : {}), // only on items justified at once
  }));

  const participants = (list: 'present' | 'absent' | 'official'): Participant[] =>
    attendance
      .filter((a) => a.list === list)
      .map((a) => ({
        name: a.name, personId: a.person_id, party: a.party, organization: a.organization, role: a.role,
        replaces: a.replaces_name, note: a.note, itemsFrom: a.items_from, itemsTo: a.items_to,
      }));

  return {
    ...summary,
    diaryNumber: meeting.diary_number,
    kind: meeting.kind,
    attendance: { present: participants('present'), absent: participants('absent'), officials: participants('official') },
    agenda,
    signatures: signatures.map((s) => ({ name: s.name, role: s.role, signedAt: s.signed_at ? new Date(s.signed_at).toISOString() : null, method: s.method })),
    nextMeetings: nextMeetings.map((n) => ({ body: n.body_text, dateText: n.date_text, date: n.meeting_date })),
    sourceFile: meeting.file_id !== null ? { id: meeting.file_id, filename: meeting.filename ?? '', mediaType: meeting.media_type ?? '' } : null,
    importWarnings: meeting.import_warnings,
  };
}

/** A meeting as the year plan shows it: date, time, place and bodies, and nothing it held. */
function headerOnly(summary: MeetingSummary, kind: Protocol['kind']): Protocol {
  return {
    ...summary,
    diaryNumber: null,
    kind,
    attendance: { present: [], absent: [], officials: [] },
    agenda: [],
    signatures: [],
    nextMeetings: [],
    sourceFile: null,
    importWarnings: [],
  };
}
