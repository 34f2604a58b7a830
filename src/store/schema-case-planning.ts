import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp } from './schema.js';

// Tables of migration 0014-case-planning (ärendeplanering). Kept apart from schema.ts so that each
// area owns its tables.

/** A body's rule for documents: due this many calendar days before its meetings. */
export interface BodyLeadTimeTable {
  body_id: number;
  lead_days: number;
}

/** A case's planned path through the bodies. */
export interface CasePlanTable {
  id: Generated<number>;
  title: string;
  description: Generated<string>;
  visibility: 'members' | 'public';
  // what the case is, when it already exists in Samverka (at most one)
  item_id: number | null;
  assignment_id: number | null;
  recommendation_id: number | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface CasePlanStepTable {
  plan_id: number;
  position: number;
  kind: 'body' | 'huvudman';
  body_id: number | null;
  meeting_id: number | null;
  /** The target meeting's date when planned (to see that it moved); for the huvudmän, their decision date. */
  planned_date: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CasePlanningTables {
  body_lead_time: BodyLeadTimeTable;
  case_plan: CasePlanTable;
  case_plan_step: CasePlanStepTable;
}
