import type { AgendaItem, MeetingStatus } from '../../../../src/domain/model';
import type { ApprovalWay, ImmediateRole } from '../../../../src/domain/immediate-justering';

// GET /api/meetings/:id/immediate-justering and …/candidates, as the pages read them
// (src/api/routes/immediate-justering.ts).

export interface ImmediateApproval {
  personId: number;
  name: string;
  role: ImmediateRole;
  approvedAt: string | null;
  way: ApprovalWay | null;
  method: string | null;
  recordedBy: string | null;
}

export interface ImmediateProposal {
  itemId: number;
  itemNumber: number | null;
  title: string;
  state: 'proposed' | 'justified';
  proposedAt: string;
  proposedBy: string | null;
  justifiedAt: string | null;
  justifiedOn: string | null;
  statement: string | null;
  contentSha256: string;
  item: AgendaItem;
  approvals: ImmediateApproval[];
}

export interface ImmediateState {
  meeting: { id: number; status: MeetingStatus; date: string | null; bodyName: string };
  items: ImmediateProposal[];
  you: { canManage: boolean; personId: number | null; signWith: 'password' | 'oidc' | null; freshSignInUntil: string | null; oidcName: string | null };
}

export interface ImmediateCandidates {
  proposed: { personId: number; name: string; role: ImmediateRole }[];
  present: { personId: number; name: string; role: string | null }[];
}

export const extractUrl = (meetingId: number, itemId: number, ext: '' | '.html' | '.pdf') => `/api/meetings/${meetingId}/items/${itemId}/immediate-extract${ext}`;

/** "10:12", Swedish time, for times during the meeting. */
export function clock(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
}
