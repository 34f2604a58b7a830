import type { AttendanceList, ItemKind } from './model.js';

// What is written when a protocol is stored, whether it came from the importer or, later, from
// the minutes editor. Names are as written; the store resolves them to people and bodies.

export interface ParticipantDraft {
  list: AttendanceList;
  name: string;
  party: string | null;
  organization: string | null;
  role: string | null;
  replaces: string | null;
  note: string | null;
  itemsFrom: number | null;
  itemsTo: number | null;
}

export interface ItemDraft {
  number: number | null;
  title: string;
  kind: ItemKind | null;
  written: boolean;
  text: string;
  proposal: string | null;
  subPoints: { label: string; title: string }[];
  presenters: { name: string; title: string | null }[];
  decisions: { text: string; clauses: string[] }[];
  assignments: { to: string; task: string; dueText: string | null; dueDate: string | null; decisionIndex: number | null }[];
}

export interface ProtocolDraft {
  title: string | null;
  date: string | null;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  diaryNumber: string | null;
  participants: ParticipantDraft[];
  items: ItemDraft[];
  signatures: { name: string; role: string | null; signedAt: string | null; method: string | null }[];
  nextMeetings: { body: string | null; dateText: string; date: string | null }[];
}

/** "närvarande under punkten 4" / "närvarande under punkterna 4–6" → the items the person was present for. */
export function presentForItems(note: string | null): { from: number; to: number } | null {
  if (!note) return null;
  const m = /närvarande\s+under\s+punk(?:ten|terna|t)\s+(\d+)(?:\s*[-–]\s*(\d+))?/i.exec(note);
  if (!m) return null;
  const from = Number(m[1]);
  return { from, to: m[2] ? Number(m[2]) : from };
}

/** The problems that would make a protocol ambiguous to store; empty when it can be stored. */
export function validateProtocolDraft(draft: ProtocolDraft): string[] {
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const item of draft.items) {
    if (item.number !== null) {
      if (seen.has(item.number)) problems.push(`item number ${item.number} appears twice`);
      seen.add(item.number);
    }
    if (!item.title.trim()) problems.push(`item ${item.number ?? '?'} has no title`);
    for (const a of item.assignments) {
      if (!a.to.trim()) problems.push(`an assignment in item ${item.number ?? '?'} has no receiver`);
      if (!a.task.trim()) problems.push(`an assignment in item ${item.number ?? '?'} has no task`);
      if (a.dueDate && draft.date && a.dueDate < draft.date) problems.push(`an assignment in item ${item.number ?? '?'} is due before its decision`);
    }
  }
  return problems;
}
