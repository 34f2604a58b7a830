import type { MeetingSummary } from '../../../../src/domain/model';

export interface EditorItem {
  id: number;
  number: number | null;
  title: string;
  kind: 'decision' | 'information' | null;
  written: boolean;
  text: string;
  proposal: string | null;
  notes: string;
  standard: string | null;
  version: number;
  referToBodyId: number | null;
  referredFromItemId: number | null;
  reportsAssignmentId: number | null;
  presenters: { name: string; title: string | null }[];
  decisions: { text: string; clauses: string[]; outcome: 'informed' | 'filed' | 'referred-back' | 'withdrawn' | null }[];
  assignments: { id: number | null; to: string; task: string; dueDate: string | null; dueText: string | null; dueMeetingId: number | null; decisionIndex: number | null; status?: string }[];
  documents: { id: number; filename: string; mediaType: string; sizeBytes: number; sha256: string }[];
}

export interface Participant {
  list: 'present' | 'absent' | 'official';
  name: string;
  party: string | null;
  organization: string | null;
  role: string | null;
  replaces: string | null;
  note: string | null;
  itemsFrom: number | null;
  itemsTo: number | null;
}

export interface EditorState {
  meeting: {
    id: number; version: number; title: string | null; date: string | null; startTime: string | null; endTime: string | null; place: string | null; diaryNumber: string | null;
    status: string; origin: string; inYearPlan: boolean; bodies: MeetingSummary['bodies']; bodyName: string | null; editable: boolean;
  };
  items: EditorItem[];
  attendance: Participant[];
  offers: {
    referrals: { itemId: number; title: string; fromBody: string; fromMeetingId: number; fromDate: string | null }[];
    assignments: { assignmentId: number; to: string; task: string; fromBody: string | null; dueDate: string | null; dueText: string | null; givenAt: { meetingId: number; date: string | null; itemNumber: number | null } }[];
  };
}
