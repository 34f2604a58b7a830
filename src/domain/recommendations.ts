import { isIsoDate } from './dates.js';

// Rekommendationer: a body recommends that every huvudman adopt something (a strategy, an
// agreement, a roadmap) in its own fullmäktige or nämnd by a deadline. Samverka follows each of the
// 16 huvudmän until it has decided. Overdue is derived, never stored, as for assignments.

/**
 * Input the follow-up modules refuse, with the API field to blame ("rows.2.huvudmanId"), so the API
 * can answer 400 "Ogiltigt värde för <field>: <message>" and the store can refuse before writing.
 */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export const RECOMMENDATION_KINDS = ['strategi', 'överenskommelse', 'färdplan', 'riktlinje', 'handlingsplan', 'rutin', 'avtal', 'annat'] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export const ADOPTION_STATUSES = ['not-started', 'in-preparation', 'adopted', 'declined'] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];

/** Text and symbol for each status, so that the matrix never relies on colour alone. */
export const ADOPTION_LABELS: Record<AdoptionStatus, { text: string; symbol: string }> = {
  'not-started': { text: 'Ej påbörjad', symbol: '○' },
  'in-preparation': { text: 'Under beredning', symbol: '◐' },
  adopted: { text: 'Antagen', symbol: '✓' },
  declined: { text: 'Avslagen', symbol: '✕' },
};

export const OVERDUE_LABEL = { text: 'Försenad', symbol: '⚠' } as const;

export function adoptionLabel(status: AdoptionStatus): string {
  const l = ADOPTION_LABELS[status];
  return `${l.symbol} ${l.text}`;
}

/** A huvudman has decided (either way) and nothing more is expected of it. */
export function isDecided(status: AdoptionStatus): boolean {
  return status === 'adopted' || status === 'declined';
}

export function isAdoptionOverdue(status: AdoptionStatus, deadline: string | null, today: string): boolean {
  return !isDecided(status) && deadline !== null && deadline < today;
}

export interface AdoptionInput {
  status: AdoptionStatus;
  decidedOn: string | null;
  decidingBody: string | null;
  diaryNumber: string | null;
  url: string | null;
}

/**
 * What is wrong with one huvudman's adoption row, as "field: reason" pairs (empty when fine).
 * A row that has not started cannot already have a local decision date; a link must be a web
 * address people can open (http/https), never javascript: or a file path.
 */
export function adoptionProblems(a: AdoptionInput): { field: keyof AdoptionInput; message: string }[] {
  const problems: { field: keyof AdoptionInput; message: string }[] = [];
  if (a.decidedOn !== null && !isIsoDate(a.decidedOn)) problems.push({ field: 'decidedOn', message: 'datum skrivs ÅÅÅÅ-MM-DD' });
  if (a.status === 'not-started' && a.decidedOn !== null) problems.push({ field: 'decidedOn', message: 'ett lokalt beslutsdatum kräver status under beredning, antagen eller avslagen' });
  if (a.url !== null && !isWebAddress(a.url)) problems.push({ field: 'url', message: 'länken ska börja med https:// eller http://' });
  return problems;
}

export function isWebAddress(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

export interface RecommendationInput {
  title: string;
  decidedOn: string | null; // the recommending decision's date
  deadline: string | null;
}

export function recommendationProblems(r: RecommendationInput): { field: keyof RecommendationInput; message: string }[] {
  const problems: { field: keyof RecommendationInput; message: string }[] = [];
  if (r.title.trim() === '') problems.push({ field: 'title', message: 'ange vad som ska antas' });
  if (r.decidedOn === null) problems.push({ field: 'decidedOn', message: 'ange beslutsdatum när inget beslut i Samverka är angivet' });
  else if (!isIsoDate(r.decidedOn)) problems.push({ field: 'decidedOn', message: 'datum skrivs ÅÅÅÅ-MM-DD' });
  if (r.deadline !== null && !isIsoDate(r.deadline)) problems.push({ field: 'deadline', message: 'datum skrivs ÅÅÅÅ-MM-DD' });
  else if (r.deadline !== null && r.decidedOn !== null && r.deadline < r.decidedOn) problems.push({ field: 'deadline', message: `sista dag ${r.deadline} är före beslutet ${r.decidedOn}` });
  return problems;
}

/** How far the huvudmän have come: counts per status, and how many are overdue. */
export function adoptionProgress(rows: { status: AdoptionStatus }[], deadline: string | null, today: string) {
  const counts: Record<AdoptionStatus, number> = { 'not-started': 0, 'in-preparation': 0, adopted: 0, declined: 0 };
  let overdue = 0;
  for (const r of rows) {
    counts[r.status]++;
    if (isAdoptionOverdue(r.status, deadline, today)) overdue++;
  }
  return { counts, overdue, decided: counts.adopted + counts.declined, total: rows.length };
}

// Spreadsheets. The export is described here as typed columns, so CSV and XLSX (written in the API
// layer) show the same data, dates stay dates and amounts numbers.

export type CellKind = 'text' | 'date' | 'integer' | 'kronor' | 'percent';
export interface Sheet {
  name: string; // at most 31 characters (Excel)
  columns: { header: string; kind: CellKind; width?: number }[];
  rows: (string | number | null)[][]; // date: 'yyyy-mm-dd'; kronor: öre; percent: a fraction (0.5)
}

interface MatrixRecommendation {
  title: string;
  kind: string;
  body: { name: string };
  decidedOn: string;
  deadline: string | null;
  localBody: string;
  adoptions: { huvudmanId: number; huvudman: string; status: AdoptionStatus; overdue: boolean; decidedOn: string | null; decidingBody: string | null; diaryNumber: string | null; url: string | null }[];
}

/** What a matrix cell says: status as symbol and text, and overdue spelled out. */
export function matrixCell(a: { status: AdoptionStatus; overdue: boolean }): string {
  return a.overdue ? `${adoptionLabel(a.status)} ${OVERDUE_LABEL.symbol} ${OVERDUE_LABEL.text}` : adoptionLabel(a.status);
}

/**
 * The adoption matrix as two sheets: "Matris" (huvudmän × recommendations, as on the page) and
 * "Beslut" (one row per huvudman and recommendation, with the local decision's details).
 */
export function adoptionSheets(recs: MatrixRecommendation[], huvudman: { id: number; name: string }[]): { matrix: Sheet; decisions: Sheet } {
  const matrix: Sheet = {
    name: 'Matris',
    columns: [{ header: 'Huvudman', kind: 'text', width: 26 }, ...recs.map((r) => ({ header: r.deadline ? `${r.title} (senast ${r.deadline})` : r.title, kind: 'text' as const, width: 24 }))],
    rows: huvudman.map((h) => [h.name, ...recs.map((r) => {
      const a = r.adoptions.find((x) => x.huvudmanId === h.id);
      return a ? matrixCell(a) : null;
    })]),
  };
  const decisions: Sheet = {
    name: 'Beslut',
    columns: [
      { header: 'Rekommendation', kind: 'text', width: 40 }, { header: 'Typ', kind: 'text', width: 14 }, { header: 'Rekommenderat av', kind: 'text', width: 28 },
      { header: 'Beslutsdatum', kind: 'date', width: 12 }, { header: 'Sista dag', kind: 'date', width: 12 }, { header: 'Beslutas i', kind: 'text', width: 14 },
      { header: 'Huvudman', kind: 'text', width: 24 }, { header: 'Status', kind: 'text', width: 16 }, { header: 'Försenad', kind: 'text', width: 9 },
      { header: 'Lokalt beslutsdatum', kind: 'date', width: 12 }, { header: 'Beslutande organ', kind: 'text', width: 20 },
      { header: 'Diarienummer', kind: 'text', width: 16 }, { header: 'Länk till beslutet', kind: 'text', width: 40 },
    ],
    rows: recs.flatMap((r) => r.adoptions.map((a) => [
      r.title, r.kind, r.body.name, r.decidedOn, r.deadline, r.localBody, a.huvudman, ADOPTION_LABELS[a.status].text, a.overdue ? 'Ja' : 'Nej',
      a.decidedOn, a.decidingBody, a.diaryNumber, a.url,
    ])),
  };
  return { matrix, decisions };
}
