import type { Generated } from 'kysely';
import type { DefaultTimestamp } from './schema.js';

// Tables of migration 0011-votes. Kept apart from schema.ts so that each area owns its tables.

export interface BodyVoteRuleTable {
  body_id: number;
  chair_casting_vote: boolean; // utslagsröst
}

/** Omröstning on an agenda item. */
export interface ItemVoteTable {
  id: Generated<number>;
  item_id: number;
  position: number;
  question: string | null;
  yes_for: string;
  no_for: string;
  yes_count: number;
  no_count: number;
  abstain_count: number;
  result: 'yes' | 'no' | 'tie';
  casting_vote: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface ItemVoteBallotTable {
  vote_id: number;
  position: number;
  person_id: number;
  name: string;
  party: string | null;
  choice: 'yes' | 'no' | 'abstain';
}

export interface ItemReservationTable {
  id: Generated<number>;
  item_id: number;
  person_id: number;
  name: string;
  party: string | null;
  in_favour_of: string | null;
  motivation: string | null;
  entered_by: number | null;
  created_at: DefaultTimestamp;
}

/** Protokollsanteckning. */
export interface ItemProtocolNoteTable {
  id: Generated<number>;
  item_id: number;
  person_id: number;
  name: string;
  party: string | null;
  text: string;
  entered_by: number | null;
  created_at: DefaultTimestamp;
}

export interface VotesTables {
  body_vote_rule: BodyVoteRuleTable;
  item_vote: ItemVoteTable;
  item_vote_ballot: ItemVoteBallotTable;
  item_reservation: ItemReservationTable;
  item_protocol_note: ItemProtocolNoteTable;
}
