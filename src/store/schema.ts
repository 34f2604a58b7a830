import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { DecisionOutcome, StandardItem } from '../domain/model.js';
import type { FollowUpTables } from './schema-follow-up.js';
import type { JobsTables } from './schema-jobs.js';
import type { JusteringTables } from './schema-justering.js';
import type { PublicationBodyColumns, PublicationMeetingColumns, PublicationTables } from './schema-publication.js';
import type { VotesTables } from './schema-votes.js';
import type { WrittenProcedureTables } from './schema-written-procedure.js';
import type { ExpeditionTables } from './schema-expedition.js';
import type { CasePlanningTables } from './schema-case-planning.js';
import type { ImmediateJusteringTables } from './schema-immediate-justering.js';

// The database as Kysely sees it. Dates are 'yyyy-mm-dd' strings (parsers set in db.ts) so that a
// meeting on 2024-02-23 stays that day whatever the server's time zone.

export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in (default now()). */
export type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T> = ColumnType<T, string | undefined, string>;

export interface HuvudmanTable {
  id: Generated<number>;
  name: string;
  short_name: string;
  kind: 'region' | 'kommun';
  registry_email: string | null;
  sort_key: string;
}

export interface HuvudmanPopulationTable {
  huvudman_id: number;
  year: number;
  population: number;
}

export interface BodyTable extends PublicationBodyColumns {
  id: Generated<number>;
  slug: string;
  short_name: string | null;
  kind: string;
  parent_id: number | null;
  created_at: DefaultTimestamp;
}

export interface BodyNameTable {
  id: Generated<number>;
  body_id: number;
  name: string;
  match_key: string;
  alias: Generated<boolean>;
  valid_from: string | null;
  valid_to: string | null;
}

export interface PersonTable {
  id: Generated<number>;
  name: string;
  sort_key: string;
  match_key: string;
  email: string | null;
  title: string | null;
  party: string | null;
  organization: string | null;
  huvudman_id: number | null;
  created_at: DefaultTimestamp;
  pseudonymised_at: Timestamp | null;
}

export interface MembershipTable {
  id: Generated<number>;
  person_id: number;
  body_id: number;
  role: string;
  party: string | null;
  organization: string | null;
  huvudman_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
}

export interface SourceFileTable {
  id: Generated<number>;
  filename: string;
  sha256: string;
  media_type: string;
  size_bytes: number;
  content: Uint8Array;
  text_content: string | null;
  created_at: DefaultTimestamp;
}

export interface MeetingTable extends PublicationMeetingColumns {
  id: Generated<number>;
  title: string | null;
  meeting_date: string | null;
  date_unknown: Generated<boolean>;
  start_time: string | null;
  end_time: string | null;
  place: string | null;
  diary_number: string | null;
  kind: Generated<'meeting' | 'seminar'>;
  status: Generated<'planned' | 'draft' | 'justering' | 'signed' | 'published' | 'cancelled'>;
  origin: Generated<'native' | 'imported'>;
  source_file_id: number | null;
  content_hash: string | null;
  import_warnings: Json<string[]>;
  in_year_plan: Generated<boolean>;
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface MeetingBodyTable {
  meeting_id: number;
  body_id: number;
  is_primary: boolean;
}

export interface AgendaItemTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  number: number | null;
  title: string;
  kind: 'decision' | 'information' | null;
  written: Generated<boolean>;
  text: Generated<string>;
  proposal: string | null;
  sub_points: Json<{ label: string; title: string }[]>;
  version: Generated<number>;
  standard: StandardItem | null;
  notes: Generated<string>;
  referred_from_item_id: number | null;
  reports_assignment_id: number | null;
  refer_to_body_id: number | null;
}

export interface ItemPresenterTable {
  id: Generated<number>;
  item_id: number;
  position: number;
  person_id: number | null;
  name: string;
  title: string | null;
}

export interface DecisionTable {
  id: Generated<number>;
  item_id: number;
  position: number;
  text: string;
  clauses: ColumnType<string[], string[] | undefined, string[]>;
  body_id: number | null;
  outcome: DecisionOutcome | null;
}

export interface AssignmentTable {
  id: Generated<number>;
  item_id: number | null;
  decision_id: number | null;
  position: Generated<number>;
  from_body_id: number | null;
  to_text: string;
  to_body_id: number | null;
  to_person_id: number | null;
  to_huvudman_id: number | null;
  task: string;
  due_date: string | null;
  due_text: string | null;
  status: Generated<'unconfirmed' | 'open' | 'reported' | 'done' | 'withdrawn'>;
  created_at: DefaultTimestamp;
  due_meeting_id: number | null;
}

export interface DocumentTable {
  id: Generated<number>;
  item_id: number;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: number | null;
  created_at: DefaultTimestamp;
}

export interface AttendanceTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  list: 'present' | 'absent' | 'official';
  person_id: number | null;
  name: string;
  party: string | null;
  organization: string | null;
  role: string | null;
  replaces_person_id: number | null;
  replaces_name: string | null;
  note: string | null;
  items_from: number | null;
  items_to: number | null;
}

export interface SignatureTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  person_id: number | null;
  name: string;
  role: string | null;
  signed_at: Timestamp | null;
  method: string | null;
}

export interface NextMeetingTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  body_text: string | null;
  body_id: number | null;
  date_text: string;
  meeting_date: string | null;
}

export interface ImportRepairTable {
  id: Generated<number>;
  meeting_id: number;
  original: string;
  repaired: string;
  line: number;
  certain: boolean;
}

export interface AccountTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string | null;
  person_id: number | null;
  admin: Generated<boolean>;
  disabled: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface AccountIdentityTable {
  id: Generated<number>;
  account_id: number;
  issuer: string;
  subject: string;
  email: string | null;
  linked_at: DefaultTimestamp;
}

export interface SessionTable {
  id: string;
  account_id: number;
  csrf_token: string;
  method: 'password' | 'oidc';
  created_at: DefaultTimestamp;
  authenticated_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
}

export interface OidcLoginTable {
  state: string;
  nonce: string;
  code_verifier: string;
  link_account_id: number | null;
  return_to: Generated<string>;
  created_at: DefaultTimestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: DefaultTimestamp;
  actor_account_id: number | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  // the hash chain (0007-audit-chain): position, the previous entry's hash, this entry's hash
  seq: number;
  prev_hash: string;
  hash: string;
}

export interface ImportUploadTable {
  id: Generated<number>;
  account_id: number | null;
  filename: string;
  sha256: string;
  media_type: string;
  content: Uint8Array;
  text_content: string | null;
  parsed: Json<unknown> | null;
  error_code: string | null;
  error_message: string | null;
  meeting_id: number | null;
  created_at: DefaultTimestamp;
}

export interface Database extends JobsTables, JusteringTables, PublicationTables, VotesTables, FollowUpTables,
  WrittenProcedureTables, ExpeditionTables, CasePlanningTables, ImmediateJusteringTables {
  huvudman: HuvudmanTable;
  huvudman_population: HuvudmanPopulationTable;
  body: BodyTable;
  body_name: BodyNameTable;
  person: PersonTable;
  membership: MembershipTable;
  source_file: SourceFileTable;
  meeting: MeetingTable;
  meeting_body: MeetingBodyTable;
  agenda_item: AgendaItemTable;
  item_presenter: ItemPresenterTable;
  decision: DecisionTable;
  assignment: AssignmentTable;
  attendance: AttendanceTable;
  signature: SignatureTable;
  next_meeting: NextMeetingTable;
  import_repair: ImportRepairTable;
  account: AccountTable;
  account_identity: AccountIdentityTable;
  session: SessionTable;
  oidc_login: OidcLoginTable;
  audit_log: AuditLogTable;
  import_upload: ImportUploadTable;
  document: DocumentTable;
  search_doc: SearchDocTable;
  search_word: SearchWordTable;
  search_stale: SearchStaleTable;
}

export type MeetingRow = Selectable<MeetingTable>;
export type NewMeeting = Insertable<MeetingTable>;

/** One searchable unit (migration 0002-search); written by triggers only. */
export interface SearchDocTable {
  id: Generated<number>;
  type: 'item' | 'decision' | 'assignment' | 'person' | 'body' | 'document';
  ref_id: number;
  meeting_id: number | null;
  item_id: number | null;
  status: string;
  body_ids: ColumnType<number[], number[] | undefined, number[]>;
  meeting_date: string | null;
  year: number | null;
  item_kind: 'decision' | 'information' | null;
  has_decision: Generated<boolean>;
  has_assignment: Generated<boolean>;
  huvudman_ids: ColumnType<number[], number[] | undefined, number[]>;
  person_ids: ColumnType<number[], number[] | undefined, number[]>;
  title_tsv: Generated<string>;
  tsv: string;
}

/** Every distinct lexeme of the search documents: the dictionary query words are corrected against. */
export interface SearchWordTable {
  word: string;
}

export interface SearchStaleTable {
  meeting_id: number;
}
