import type { AdoptionInput, AdoptionStatus, RecommendationKind, adoptionProgress } from './recommendations.js';
import type { ApplicationStatus } from './funds.js';
import type { DocumentKind, ReviewState } from './governing-documents.js';

// The follow-up records as the API answers them: written by the store (src/store/queries/
// recommendations.ts, cost-splits.ts, funds.ts, governing-documents.ts) and read by the UI
// (web/src/pages/followup/*). One definition here, so the two cannot drift apart.

/** Where a record came from: the decision in a meeting's minutes; null when registered by hand. */
export interface DecisionSource {
  decisionId: number | null; // null when the minutes were edited since and the decision row replaced
  itemId: number;
  itemNumber: number | null;
  itemTitle: string;
  meetingId: number;
  meetingDate: string | null;
}

export interface NamedRef {
  id: number;
  name: string;
}

export interface HuvudmanRef {
  id: number;
  name: string;
  shortName: string;
  kind: 'region' | 'kommun';
  population?: { year: number; population: number }[]; // in /api/huvudman
}

// Rekommendationer och antagande

/** One huvudman's row for a recommendation. */
export interface Adoption extends AdoptionInput {
  huvudmanId: number;
  huvudman: string;
  shortName: string;
  overdue: boolean;
}

export interface Recommendation {
  id: number;
  title: string;
  kind: RecommendationKind;
  description: string;
  localBody: string;
  decidedOn: string;
  deadline: string | null;
  body: NamedRef;
  source: DecisionSource | null;
  progress: ReturnType<typeof adoptionProgress>;
  adoptions: Adoption[];
}

export type AdoptionEntry = Adoption & { recommendation: Omit<Recommendation, 'adoptions' | 'progress'> };

/** A huvudman's own page: what it still has to decide, and what it has decided. */
export interface HuvudmanAdoption {
  huvudman: HuvudmanRef;
  /** Still to decide (not started or in preparation), earliest deadline first; no deadline last. */
  pending: AdoptionEntry[];
  decided: AdoptionEntry[];
}

export interface AdoptionMatrix {
  huvudman: HuvudmanRef[];
  recommendations: Recommendation[];
}

// Kostnadsfördelning

export interface CostSplitPart {
  huvudmanId: number;
  name: string;
  kind: 'region' | 'kommun';
  measure: number | null;
  amountOre: number;
}

export interface CostSplit {
  id: number;
  title: string;
  costYear: number | null;
  decidedOn: string;
  body: NamedRef;
  source: DecisionSource | null;
  totalOre: number;
  regionShareBp: number;
  municipalShareBp: number;
  measure: 'population' | 'custom';
  measureName: string;
  populationYear: number | null;
  parts: CostSplitPart[];
}

// Statsbidrag och fonder

export interface FundReport {
  id: number;
  dueDate: string;
  submittedOn: string | null;
  note: string;
  overdue: boolean;
}

export interface FundApplication {
  id: number;
  project: string;
  applicants: { huvudmanId: number; name: string }[]; // the lead applicant first
  askedOre: number;
  proposedOre: number | null;
  grantedOre: number | null;
  conditions: string;
  status: ApplicationStatus;
  reports: FundReport[];
}

export interface FundCall {
  id: number;
  body: NamedRef;
  fund: string;
  name: string;
  year: number;
  amountOre: number;
  criteria: string;
  applyBy: string | null;
  proposalBody: NamedRef | null;
  proposedOn: string | null;
  decidedOn: string | null;
  source: DecisionSource | null;
  applications: FundApplication[];
}

// Styrdokument

export interface DocumentVersion {
  id: number;
  label: string;
  decidedBy: NamedRef;
  decidedOn: string;
  validFrom: string;
  validTo: string | null;
  source: DecisionSource | null;
  file: { filename: string; mediaType: string; sizeBytes: number } | null;
  recommendation: { id: number; adopted: number; decided: number; total: number } | null;
}

export interface GoverningDocument {
  id: number;
  title: string;
  kind: DocumentKind;
  description: string;
  body: NamedRef;
  nextReview: string | null;
  review: ReviewState;
  current: DocumentVersion | null; // valid today
  versions: DocumentVersion[]; // newest first
}

// Uppföljning (the dashboard)

export type AssignmentCounts = Record<'unconfirmed' | 'open' | 'reported' | 'done' | 'withdrawn' | 'overdue', number>;

export interface AdoptionRow {
  id: number;
  title: string;
  decidedOn: string;
  deadline: string | null;
  body: NamedRef;
  counts: Record<AdoptionStatus, number>;
  overdue: number;
  total: number;
}

export interface DueReport {
  id: number;
  dueDate: string;
  overdue: boolean;
  project: string;
  call: { id: number; name: string; fund: string; year: number };
}

export interface DueReview {
  id: number;
  title: string;
  nextReview: string;
  review: ReviewState;
  body: NamedRef;
}

/** One call, GET /api/follow-up/dashboard: every count is what the list it links to shows. */
export interface Dashboard {
  scope: { kind: 'all' } | { kind: 'body'; id: number; name: string; slug: string } | { kind: 'huvudman'; id: number; name: string };
  year: number | null;
  today: string;
  dueSoonDays: number;
  /** By status, and overdue (open or unconfirmed after the due date); given in `year`'s meetings. */
  assignments: AssignmentCounts;
  /** Recommendations decided in `year`: adoption rows by status; per recommendation except for one huvudman (its own page lists them). */
  adoption: { counts: Record<AdoptionStatus, number>; overdue: number; total: number; recommendations: AdoptionRow[]; more: number };
  /** Reports not yet in, due within dueSoonDays or overdue, for calls of `year`. */
  funds: { due: number; overdue: number; reports: DueReport[] };
  /** Documents to review within dueSoonDays or overdue (today's state: the year does not apply). */
  documents: { due: number; overdue: number; list: DueReview[] };
}

export type { AdoptionStatus };
