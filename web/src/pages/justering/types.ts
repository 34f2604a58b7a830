import type { MeetingStatus } from '../../../../src/domain/model';
import type { RoundState, SignatoryRole, SignatoryState } from '../../../../src/domain/justering';

// GET /api/meetings/:id/justering and …/candidates, as the page reads them (src/api/routes/justering.ts).

export interface Signatory {
  id: number;
  position: number;
  personId: number;
  name: string;
  role: SignatoryRole;
  organization: string | null;
  state: SignatoryState;
  approvedAt: string | null;
  signedAt: string | null;
  method: string | null;
}

export interface JusteringComment {
  id: number;
  signatoryId: number;
  author: string;
  text: string;
  createdAt: string;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
}

export interface Round {
  id: number;
  version: number;
  state: RoundState;
  startedAt: string;
  startedBy: string | null;
  endedAt: string | null;
  sealError: string | null;
  signatories: Signatory[];
  comments: JusteringComment[];
}

export interface JusteringState {
  meeting: { id: number; status: MeetingStatus; origin: 'native' | 'imported'; date: string | null; bodyName: string; bodies: { id: number; slug: string; name: string; primary: boolean }[] };
  rounds: Round[];
  versions: { version: number; createdAt: string; createdBy: string | null }[];
  you: { canManage: boolean; signatoryId: number | null; signWith: 'password' | 'oidc' | null; freshSignInUntil: string | null; oidcName: string | null };
}

export interface Candidates {
  proposed: { personId: number; name: string; role: SignatoryRole; organization: string | null; hasAccount: boolean }[];
  candidates: { personId: number; name: string; organization: string | null; source: 'attendance' | 'member'; hasAccount: boolean }[];
}

/** A time as Swedes read it: 2024-02-23 10:40, Swedish time. */
export function stockholm(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
}
