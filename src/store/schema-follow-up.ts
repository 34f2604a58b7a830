import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp } from './schema.js';

// Tables of migration 0006-follow-up: recommendations and adoption, cost splits, funds and the
// governing documents register. Kept apart from schema.ts so that each area owns its tables.

export interface FollowUpTables {
  recommendation: RecommendationTable;
  adoption: AdoptionTable;
  cost_split: CostSplitTable;
  cost_split_part: CostSplitPartTable;
  fund_call: FundCallTable;
  fund_application: FundApplicationTable;
  fund_applicant: FundApplicantTable;
  fund_report: FundReportTable;
  governing_document: GoverningDocumentTable;
  governing_document_version: GoverningDocumentVersionTable;
}

/** Rekommendation to every huvudman (migration 0006-follow-up). */
export interface RecommendationTable {
  id: Generated<number>;
  body_id: number;
  item_id: number | null;
  decision_id: number | null;
  from_decision: boolean;
  decided_on: string;
  title: string;
  kind: string;
  local_body: string;
  deadline: string | null;
  description: Generated<string>;
  created_at: DefaultTimestamp;
}

export interface AdoptionTable {
  recommendation_id: number;
  huvudman_id: number;
  status: Generated<'not-started' | 'in-preparation' | 'adopted' | 'declined'>;
  decided_on: string | null;
  deciding_body: string | null;
  diary_number: string | null;
  url: string | null;
  updated_at: DefaultTimestamp;
}

/** Kostnadsfördelning (0006-follow-up). Amounts in öre; int8 reads as a number (db.ts). */
export interface CostSplitTable {
  id: Generated<number>;
  body_id: number;
  item_id: number | null;
  decision_id: number | null;
  from_decision: boolean;
  decided_on: string;
  title: string;
  cost_year: number | null;
  total_ore: ColumnType<number, string | number, string | number>;
  region_share_bp: number;
  municipal_share_bp: number;
  measure: 'population' | 'custom';
  measure_name: string;
  population_year: number | null;
  created_at: DefaultTimestamp;
}

export interface CostSplitPartTable {
  cost_split_id: number;
  huvudman_id: number;
  measure: ColumnType<number | null, string | number | null, string | number | null>;
  amount_ore: ColumnType<number, string | number, string | number>;
}

type Ore = ColumnType<number, string | number, string | number>;
type MaybeOre = ColumnType<number | null, string | number | null, string | number | null>;

/** Funds: calls, applications, applicants, reports (0006-follow-up). */
export interface FundCallTable {
  id: Generated<number>;
  body_id: number;
  fund: string;
  name: string;
  year: number;
  amount_ore: Ore;
  criteria: Generated<string>;
  apply_by: string | null;
  proposal_body_id: number | null;
  proposed_on: string | null;
  item_id: number | null;
  decision_id: number | null;
  from_decision: Generated<boolean>;
  decided_on: string | null;
  created_at: DefaultTimestamp;
}

export interface FundApplicationTable {
  id: Generated<number>;
  call_id: number;
  project: string;
  asked_ore: Ore;
  proposed_ore: MaybeOre;
  granted_ore: MaybeOre;
  conditions: Generated<string>;
  created_at: DefaultTimestamp;
}

export interface FundApplicantTable {
  application_id: number;
  huvudman_id: number;
  position: number;
}

export interface FundReportTable {
  id: Generated<number>;
  application_id: number;
  due_date: string;
  submitted_on: string | null;
  note: Generated<string>;
}

/** Styrdokument and their versions (0006-follow-up). */
export interface GoverningDocumentTable {
  id: Generated<number>;
  body_id: number;
  title: string;
  kind: string;
  description: Generated<string>;
  next_review: string | null;
  created_at: DefaultTimestamp;
}

export interface GoverningDocumentVersionTable {
  id: Generated<number>;
  document_id: number;
  label: string;
  body_id: number;
  item_id: number | null;
  decision_id: number | null;
  from_decision: boolean;
  decided_on: string;
  valid_from: string;
  valid_to: string | null;
  recommendation_id: number | null;
  filename: string | null;
  media_type: string | null;
  size_bytes: number | null;
  sha256: string | null;
  content: Uint8Array | null;
  created_at: DefaultTimestamp;
}
