// The follow-up API's shapes as the UI reads them (src/store/queries/recommendations.ts and
// cost-splits.ts are the source; the UI does not import store modules).

export type AdoptionStatus = 'not-started' | 'in-preparation' | 'adopted' | 'declined';

export interface Source {
  decisionId: number | null;
  itemId: number;
  itemNumber: number | null;
  itemTitle: string;
  meetingId: number;
  meetingDate: string | null;
}

export interface Adoption {
  huvudmanId: number;
  huvudman: string;
  shortName: string;
  status: AdoptionStatus;
  overdue: boolean;
  decidedOn: string | null;
  decidingBody: string | null;
  diaryNumber: string | null;
  url: string | null;
}

export interface Recommendation {
  id: number;
  title: string;
  kind: string;
  description: string;
  localBody: string;
  decidedOn: string;
  deadline: string | null;
  body: { id: number; name: string };
  source: Source | null;
  progress: { counts: Record<AdoptionStatus, number>; overdue: number; decided: number; total: number };
  adoptions: Adoption[];
}

export interface HuvudmanRef {
  id: number;
  name: string;
  shortName: string;
  kind: 'region' | 'kommun';
  population?: { year: number; population: number }[]; // in /api/huvudman
}

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
  body: { id: number; name: string };
  source: Source | null;
  totalOre: number;
  regionShareBp: number;
  municipalShareBp: number;
  measure: 'population' | 'custom';
  measureName: string;
  populationYear: number | null;
  parts: CostSplitPart[];
}

export interface DocumentVersion {
  id: number;
  label: string;
  decidedBy: { id: number; name: string };
  decidedOn: string;
  validFrom: string;
  validTo: string | null;
  source: Source | null;
  file: { filename: string; mediaType: string; sizeBytes: number } | null;
  recommendation: { id: number; adopted: number; decided: number; total: number } | null;
}

export interface GoverningDocument {
  id: number;
  title: string;
  kind: 'överenskommelse' | 'strategi' | 'riktlinje' | 'rutin' | 'handlingsplan' | 'färdplan' | 'annat';
  description: string;
  body: { id: number; name: string };
  nextReview: string | null;
  review: 'none' | 'ok' | 'soon' | 'overdue';
  current: DocumentVersion | null;
  versions: DocumentVersion[];
}

export interface FundApplication {
  id: number;
  project: string;
  applicants: { huvudmanId: number; name: string }[];
  askedOre: number;
  proposedOre: number | null;
  grantedOre: number | null;
  conditions: string;
  status: string;
  reports: { id: number; dueDate: string; submittedOn: string | null; note: string; overdue: boolean }[];
}

export interface FundCall {
  id: number;
  body: { id: number; name: string };
  fund: string;
  name: string;
  year: number;
  amountOre: number;
  criteria: string;
  applyBy: string | null;
  proposalBody: { id: number; name: string } | null;
  proposedOn: string | null;
  decidedOn: string | null;
  source: Source | null;
  applications: FundApplication[];
}
