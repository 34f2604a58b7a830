import type { MeetingStatus } from '../../../../src/domain/model';
import type { SignatoryDraft } from '../../../../src/domain/justering';
import type { Candidate, ProtocolVersionRef, Round, Signatory } from '../../../../src/domain/justering-views';

export type { Round, Signatory };

// GET /api/meetings/:id/justering and …/candidates, as the page reads them (src/api/routes/justering.ts).

export interface JusteringState {
  meeting: { id: number; status: MeetingStatus; origin: 'native' | 'imported'; date: string | null; bodyName: string; bodies: { id: number; slug: string; name: string; primary: boolean }[] };
  rounds: Round[];
  versions: ProtocolVersionRef[];
  you: { canManage: boolean; signatoryId: number | null; signWith: 'password' | 'oidc' | null; freshSignInUntil: string | null; oidcName: string | null };
}

export interface Candidates {
  proposed: (SignatoryDraft & { hasAccount: boolean })[];
  candidates: Candidate[];
}

/** A time as Swedes read it: 2024-02-23 10:40, Swedish time. */
export function stockholm(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
}
