import type { Generated } from 'kysely';
import type { ApprovalWay, ImmediateRole, ImmediateState } from '../domain/immediate-justering.js';
import type { AssignmentClosureReason } from '../domain/assignment-closing.js';
import type { DefaultTimestamp, Json, Timestamp } from './schema.js';

// Tables of migration 0015-immediate-justering. Kept apart from schema.ts so that each area owns its tables.

/** Omedelbar justering of one agenda item: proposed, justified (frozen) or withdrawn. */
export interface ImmediateJusteringTable {
  id: Generated<number>;
  meeting_id: number;
  item_id: number;
  item_number: number | null;
  state: Generated<ImmediateState>;
  content: Json<unknown>;
  content_sha256: string;
  proposed_at: DefaultTimestamp;
  proposed_by: number | null;
  justified_at: Timestamp | null;
  ended_at: Timestamp | null;
}

/** A signatory's approval of the item's text: their own, or recorded by the secretary at the meeting. */
export interface ImmediateJusteringApprovalTable {
  id: Generated<number>;
  immediate_justering_id: number;
  position: number;
  person_id: number;
  account_id: number | null;
  name: string;
  role: ImmediateRole;
  approved_at: Timestamp | null;
  way: ApprovalWay | null;
  method: string | null;
  recorded_by: number | null;
  recorded_by_name: string | null;
}

/** The decision that closed an assignment (follow-up: "closing it is a decision"). */
export interface AssignmentClosureTable {
  assignment_id: number;
  item_id: number | null;
  decision_id: number | null;
  decision_text: string;
  reason: AssignmentClosureReason;
  closed_at: DefaultTimestamp;
}

export interface ImmediateJusteringTables {
  immediate_justering: ImmediateJusteringTable;
  immediate_justering_approval: ImmediateJusteringApprovalTable;
  assignment_closure: AssignmentClosureTable;
}
