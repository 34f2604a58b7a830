import type { Generated } from 'kysely';
import type { RoundState, SignatoryRole, SignatoryState } from '../domain/justering.js';
import type { DefaultTimestamp, Json, Timestamp } from './schema.js';

// Tables of migration 0009-justering. Kept apart from schema.ts so that each area owns its tables.

/** A protocol as it was sent on justering (version n of the meeting's protocol). */
export interface ProtocolVersionTable {
  meeting_id: number;
  version: number;
  content: Json<unknown>;
  created_at: DefaultTimestamp;
  created_by: number | null;
}

/** Justeringsomgång: one version out to its signatories. */
export interface JusteringRoundTable {
  id: Generated<number>;
  meeting_id: number;
  version: number;
  state: Generated<RoundState>;
  started_at: DefaultTimestamp;
  started_by: number | null;
  ended_at: Timestamp | null;
  seal_error: string | null;
}

/** Undertecknare: sekreterare, justerare or ordförande of one round. */
export interface JusteringSignatoryTable {
  id: Generated<number>;
  round_id: number;
  position: number;
  person_id: number;
  account_id: number | null;
  name: string;
  role: SignatoryRole;
  organization: string | null;
  state: Generated<SignatoryState>;
  approved_at: Timestamp | null;
  signed_at: Timestamp | null;
  method: string | null;
}

export interface JusteringCommentTable {
  id: Generated<number>;
  round_id: number;
  signatory_id: number;
  text: string;
  created_at: DefaultTimestamp;
  answer: string | null;
  answered_at: Timestamp | null;
  answered_by: number | null;
}

export interface JusteringTables {
  protocol_version: ProtocolVersionTable;
  justering_round: JusteringRoundTable;
  justering_signatory: JusteringSignatoryTable;
  justering_comment: JusteringCommentTable;
}
