import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp, Timestamp } from './schema.js';

// Tables of migration 0012-written-procedure (beslut per capsulam). Kept apart from schema.ts so
// that each area owns its tables.

type MaybeStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface WrittenQuestionTable {
  id: Generated<number>;
  body_id: number;
  title: string;
  proposal: string; // förslag till beslut
  clauses: ColumnType<string[], string[] | undefined, string[]>; // att-satser
  rule: 'unanimous' | 'majority' | 'chair';
  deadline: Timestamp; // svarstidens slut
  created_by: number | null;
  created_at: DefaultTimestamp;
  closed_at: MaybeStamp;
  closed_by: 'rule' | 'deadline' | null;
  outcome: 'approved' | 'rejected' | null;
  outcome_reason: string | null;
  confirmed_item_id: number | null;
}

export interface WrittenRecipientTable {
  question_id: number;
  person_id: number;
  position: number;
  name: string;
  role: string;
  email: string;
  chair: Generated<boolean>;
  token_hash: string;
  token_expires_at: Timestamp;
  mailed_at: MaybeStamp;
  answer: 'yes' | 'no' | 'abstain' | null;
  comment: string | null;
  answered_at: MaybeStamp;
  answered_via: 'link' | 'signed-in' | null;
  answered_by: number | null;
}

export interface WrittenDocumentTable {
  id: Generated<number>;
  question_id: number;
  position: number;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
}

export interface WrittenProcedureTables {
  written_question: WrittenQuestionTable;
  written_recipient: WrittenRecipientTable;
  written_document: WrittenDocumentTable;
}
