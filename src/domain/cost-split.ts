import { FieldError, type Sheet } from './recommendations.js';

// Kostnadsfördelning: a joint cost divided between the huvudmän by a key a body has decided. The
// key gives fixed shares to the region and to the municipalities together (in basis points,
// 10000 = 100 %), and the municipalities' share is divided by a measure — their population in a
// given year, or another figure per municipality (number of users, care days …).
//
// Money is in öre and the arithmetic is exact: every part is total × weight / denominator as a
// bigint quotient and remainder, and the öre left over after the integer parts go one each to the
// largest remainders (Hamilton's method). So the parts always sum to the total, none is negative,
// and a municipality with a larger measure never gets less than one with a smaller.

export const FULL_SHARE_BP = 10_000;

export interface SplitParty {
  huvudmanId: number;
  name: string;
  kind: 'region' | 'kommun';
  /** The measure for a municipality (population or other); ignored for the region. null: missing. */
  measure: bigint | null;
}

export interface SplitKey {
  regionShareBp: number;
  municipalShareBp: number;
}

export interface SplitPart {
  huvudmanId: number;
  name: string;
  kind: 'region' | 'kommun';
  measure: bigint | null;
  amountOre: bigint;
}

/** A key or input that cannot be split; `field` names the API field to blame. */
export class CostSplitError extends FieldError {}

export function checkKey(key: SplitKey): void {
  for (const [field, bp] of [['regionShareBp', key.regionShareBp], ['municipalShareBp', key.municipalShareBp]] as const) {
    if (!Number.isInteger(bp) || bp < 0 || bp > FULL_SHARE_BP) throw new CostSplitError(field, `andelen ska vara ett heltal mellan 0 och ${FULL_SHARE_BP} baspunkter (0–100 %)`);
  }
  if (key.regionShareBp + key.municipalShareBp !== FULL_SHARE_BP) {
    throw new CostSplitError('municipalShareBp', `andelarna blir ${formatPercent(key.regionShareBp + key.municipalShareBp)} tillsammans, inte 100 %`);
  }
}

/**
 * Divides totalOre by the key. Throws CostSplitError when the key does not sum to 100 %, a
 * municipality's measure is missing or negative (naming it), or the municipalities share a cost by
 * a measure that is zero for all of them.
 */
export function splitCost(totalOre: bigint, key: SplitKey, parties: SplitParty[]): SplitPart[] {
  if (totalOre < 0n) throw new CostSplitError('totalOre', 'beloppet får inte vara negativt');
  checkKey(key);
  const regions = parties.filter((p) => p.kind === 'region');
  const municipalities = parties.filter((p) => p.kind === 'kommun');
  if (key.regionShareBp > 0 && regions.length === 0) throw new CostSplitError('regionShareBp', 'det finns ingen region att fördela regionens andel på');
  if (key.municipalShareBp > 0 && municipalities.length === 0) throw new CostSplitError('municipalShareBp', 'det finns inga kommuner att fördela kommunernas andel på');
  for (const m of municipalities) {
    if (m.measure === null) throw new CostSplitError('measure', `${m.name} saknar värde för fördelningsgrunden`);
    if (m.measure < 0n) throw new CostSplitError('measure', `${m.name} har ett negativt värde för fördelningsgrunden`);
  }
  const sumMeasure = municipalities.reduce((s, m) => s + (m.measure ?? 0n), 0n);
  if (key.municipalShareBp > 0 && sumMeasure === 0n) throw new CostSplitError('measure', 'fördelningsgrunden är noll för alla kommuner');

  // Weights over one common denominator D = 10000 × S × R (S: the municipalities' measure, at
  // least 1; R: the number of regions, at least 1): a region's weight is regionBp × S, a
  // municipality's is municipalBp × measure × R, and together they make D exactly.
  const S = sumMeasure === 0n ? 1n : sumMeasure;
  const R = BigInt(Math.max(regions.length, 1));
  const D = BigInt(FULL_SHARE_BP) * S * R;
  const weighted = parties.map((p) => ({
    party: p,
    weight: p.kind === 'region' ? BigInt(key.regionShareBp) * S : BigInt(key.municipalShareBp) * (p.measure ?? 0n) * R,
  }));
  const parts = largestRemainder(totalOre, weighted.map((w) => w.weight), D);
  return weighted.map((w, i) => ({ huvudmanId: w.party.huvudmanId, name: w.party.name, kind: w.party.kind, measure: w.party.kind === 'kommun' ? w.party.measure : null, amountOre: parts[i]! }));
}

/**
 * Hamilton's method: total × w_i / D rounded down, then the öre left over one each to the largest
 * remainders; equal remainders go in the parties' given order, so the result is deterministic.
 * Requires Σw = D (so at most n − 1 öre are left over).
 */
export function largestRemainder(total: bigint, weights: bigint[], denominator: bigint): bigint[] {
  const sum = weights.reduce((s, w) => s + w, 0n);
  if (sum !== denominator) throw new Error(`weights sum to ${sum}, not ${denominator}`);
  const floors = weights.map((w) => (total * w) / denominator);
  const remainders = weights.map((w) => (total * w) % denominator);
  let left = total - floors.reduce((s, f) => s + f, 0n);
  const order = remainders.map((r, i) => ({ r, i })).sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    floors[i]! += 1n;
    left -= 1n;
  }
  return floors;
}

/** "1 234 567,89 kr": Swedish grouping with a no-break space, decimal comma, always two decimals. */
export function formatKronor(ore: bigint | number): string {
  const v = typeof ore === 'bigint' ? ore : BigInt(ore);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const kr = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const ore2 = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '−' : ''}${kr},${ore2}\u00a0kr`;
}

/** 5000 → "50 %", 3333 → "33,33 %". */
export function formatPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const frac = Math.abs(bp % 100);
  return `${whole}${frac === 0 ? '' : `,${String(frac).padStart(2, '0').replace(/0$/, '')}`}\u00a0%`;
}

/** "50", "33,33" or "12.5 %" typed by a person → basis points; null when it is not a percentage. */
export function parsePercent(s: string): number | null {
  const m = /^\s*(\d{1,3})(?:[,.](\d{1,2}))?\s*%?\s*$/.exec(s);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  return bp <= FULL_SHARE_BP ? bp : null;
}

/** "1 234,5" or "1234,50" kronor typed by a person → öre; null when it is not an amount. */
export function parseKronor(s: string): bigint | null {
  const m = /^\s*(\d{1,3}(?:[ \u00a0]?\d{3})*|\d+)(?:[,.](\d{1,2}))?\s*(?:kr)?\s*$/.exec(s);
  if (!m) return null;
  const kr = BigInt(m[1]!.replace(/[ \u00a0]/g, ''));
  const ore = BigInt((m[2] ?? '0').padEnd(2, '0'));
  return kr * 100n + ore;
}

interface StoredSplit {
  title: string;
  body: { name: string };
  decidedOn: string;
  costYear: number | null;
  totalOre: number;
  regionShareBp: number;
  municipalShareBp: number;
  measureName: string;
  parts: { name: string; kind: 'region' | 'kommun'; measure: number | null; amountOre: number }[];
}

/** A decided split as sheets: the parts (with a sum row), and the key it was computed by. */
export function costSplitSheets(s: StoredSplit): { parts: Sheet; key: Sheet } {
  const share = (ore: number) => (s.totalOre === 0 ? 0 : ore / s.totalOre);
  const parts: Sheet = {
    name: 'Fördelning',
    columns: [
      { header: 'Huvudman', kind: 'text', width: 26 }, { header: 'Typ', kind: 'text', width: 10 },
      { header: s.measureName, kind: 'integer', width: 16 }, { header: 'Andel', kind: 'percent', width: 10 }, { header: 'Belopp (kr)', kind: 'kronor', width: 18 },
    ],
    rows: [
      ...s.parts.map((p) => [p.name, p.kind === 'region' ? 'Region' : 'Kommun', p.measure, share(p.amountOre), p.amountOre]),
      ['Summa', null, s.parts.reduce((t, p) => t + (p.measure ?? 0), 0), share(s.totalOre), s.parts.reduce((t, p) => t + p.amountOre, 0)],
    ],
  };
  const key: Sheet = {
    name: 'Nyckel',
    columns: [{ header: 'Uppgift', kind: 'text', width: 24 }, { header: 'Värde', kind: 'text', width: 40 }],
    rows: [
      ['Kostnad', s.title],
      ['Beslutad av', s.body.name],
      ['Beslutsdatum', s.decidedOn],
      ['Avser år', s.costYear === null ? null : String(s.costYear)],
      ['Totalbelopp', formatKronor(s.totalOre)],
      ['Regionens andel', formatPercent(s.regionShareBp)],
      ['Kommunernas andel', formatPercent(s.municipalShareBp)],
      ['Kommunernas andel fördelas efter', s.measureName],
    ],
  };
  return { parts, key };
}
