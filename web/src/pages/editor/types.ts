import type { EditorItem, MeetingSummary } from '../../../../src/domain/model';
import type { ParticipantDraft } from '../../../../src/domain/protocol-draft';
import type { WrittenOffer } from '../written/types';

export type { EditorItem };

export type Participant = ParticipantDraft;

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
    writtenDecisions?: WrittenOffer[]; // beslut per capsulam to confirm
  };
}
