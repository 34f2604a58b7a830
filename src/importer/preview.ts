// ParsedProtocol → the import preview of FORMAT.md: exactly its keys, in its order, nothing else.

import type {
  ParsedProtocol,
  PreviewItem,
  PreviewParticipant,
  ProtocolPreview,
} from '../domain/protocol-preview.js';

function participant(p: PreviewParticipant): PreviewParticipant {
  return {
    name: p.name,
    party: p.party,
    organization: p.organization,
    role: p.role,
    replaces: p.replaces,
    note: p.note,
  };
}

function item(i: PreviewItem): PreviewItem {
  return {
    number: i.number,
    title: i.title,
    kind: i.kind,
    written: i.written,
    presenters: i.presenters.map((p) => ({ name: p.name, title: p.title })),
    decisions: i.decisions.map((d) => ({ text: d.text })),
    assignments: i.assignments.map((a) => ({ to: a.to, text: a.text })),
  };
}

export function toPreview(parsed: ParsedProtocol): ProtocolPreview {
  return {
    source: parsed.source,
    body: parsed.body,
    title: parsed.title,
    diaryNumber: parsed.diaryNumber,
    date: parsed.date,
    startTime: parsed.startTime,
    endTime: parsed.endTime,
    place: parsed.place,
    attendance: {
      present: parsed.attendance.present.map(participant),
      absent: parsed.attendance.absent.map(participant),
      officials: parsed.attendance.officials.map(participant),
    },
    items: parsed.items.map(item),
    signatures: parsed.signatures.map((s) => ({ name: s.name, role: s.role, signedAt: s.signedAt })),
    nextMeetings: parsed.nextMeetings.map((n) => ({ body: n.body, date: n.date })),
  };
}
