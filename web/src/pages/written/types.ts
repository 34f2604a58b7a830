// The shapes the written-procedure routes answer with (src/api/routes/written-procedure.ts).

export type WrittenStatus = 'open' | 'approved' | 'rejected';
export type WrittenAnswer = 'yes' | 'no' | 'abstain';

export interface Confirmation {
  meetingId: number;
  date: string | null;
  itemNumber: number | null;
  confirmed: boolean; // the meeting's protocol is signed or published
}

export interface WrittenQuestion {
  id: number;
  body: { id: number; slug: string; name: string };
  title: string;
  proposal: string;
  clauses: string[];
  rule: string;
  deadline: string;
  deadlineText: string;
  deadlinePassed: boolean;
  createdBy: string | null;
  status: WrittenStatus;
  closedBy: 'rule' | 'deadline' | null;
  outcomeReason: string | null;
  documents: { id: number; filename: string; sizeBytes: number; href: string }[];
  progress: { answered: number; total: number };
  answersShown: boolean;
  tally: { yes: number; no: number; abstain: number; missing: number; total: number } | null;
  recipients: { name: string; role: string; chair: boolean; you: boolean; answer: WrittenAnswer | null; comment: string | null; answeredAt: string | null; via: string | null; mailed: boolean | null }[];
  mine: { answer: WrittenAnswer | null; comment: string | null; answeredAt: string | null } | null;
  canAnswer: boolean;
  canManage: boolean;
  confirmation: Confirmation | null;
}

/** What a member's link shows: the question, and whose link it is. */
export interface LinkedQuestion extends WrittenQuestion {
  you: string;
}

export interface WrittenSummary {
  id: number;
  title: string;
  deadlineText: string;
  deadlinePassed: boolean;
  status: WrittenStatus;
  progress: { answered: number; total: number };
  mine: WrittenQuestion['mine'];
  canAnswer: boolean;
  confirmation: Confirmation | null;
}

export interface WrittenOffer {
  questionId: number;
  title: string;
  outcome: 'approved' | 'rejected';
  decidedOn: string;
}
