// The extract (protokollsutdrag) of an item justified at once, which is public before its protocol
// is: only that item as approved, the meeting's head and the names of those who justified it.

import type { AgendaItem, MeetingSummary, Participant, Protocol } from '../domain/model.js';

/**
 * The public extract of an item justified at once, while the rest of its protocol is a draft.
 * Built from the meeting's head and the item as approved — nothing else of the draft: no other
 * item, no attendance, no notes. The signature lines name those who justified it.
 */
export function immediateExtractProtocol(meeting: MeetingSummary & { diaryNumber: string | null }, item: AgendaItem): Protocol {
  const note = item.immediateJustering;
  const signer = (name: string, role: string): Participant => ({
    name, personId: null, party: null, organization: null, role: role === 'ordförande' ? 'ordförande' : null, replaces: null, note: role === 'justerare' ? 'justerare' : null,
    itemsFrom: null, itemsTo: null,
  });
  return {
    id: meeting.id,
    title: meeting.title,
    date: meeting.date,
    dateUnknown: meeting.dateUnknown,
    startTime: meeting.startTime,
    endTime: meeting.endTime,
    place: meeting.place,
    status: meeting.status,
    origin: meeting.origin,
    bodies: meeting.bodies,
    bodyNameAtTheTime: meeting.bodyNameAtTheTime,
    items: { first: item.number, last: item.number, count: 1 },
    diaryNumber: meeting.diaryNumber,
    kind: 'meeting',
    attendance: { present: (note?.signatories ?? []).map((s) => signer(s.name, s.role)), absent: [], officials: [] },
    agenda: [item],
    signatures: [],
    nextMeetings: [],
    sourceFile: null,
    importWarnings: [],
  };
}
