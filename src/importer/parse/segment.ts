// Where the numbered agenda items begin. Every line that looks like "5. Title" (or "§ 5 Title",
// or OCR's "5: Title") is a candidate; the items are the longest run of candidates numbered
// n, n+1, n+2 … in document order. A list "1. … 2. … 3." inside an item cannot break that run,
// and numbering may start anywhere (10, 40 …).

import { fuzzyLabel } from './text-utils.js';
import { matchPresenterLine } from './presenters.js';

export interface Heading {
  line: number; // index into the lines
  number: number;
  title: string;
  span: number; // lines the heading takes (2 when the number stands alone on its line)
}

// OCR reads the number's period as a colon or comma: "3: UPH-medel", "5, Beredning".
const CANDIDATE = /^(§\s*)?(\d{1,3})(?:\s*[.:),]\s*|\s+)(?=["“”'(\p{L}])(.{2,})$/u;

const GAP_PENALTY = 1.2;

export const KIND_LABELS = [
  'beslutsarende', 'informationsarende', 'skriftligt beslutsarende', 'skriftligt informationsarende',
  'diskussionsarende', 'skriftligt arende', 'anmalningsarende', 'delgivningsarende',
];

export function matchKindLine(line: string): string | null {
  const t = line.trim().replace(/[:.]$/, '');
  if (t.length > 40 || t.length < 6) return null;
  return fuzzyLabel(t, KIND_LABELS);
}

function nextNonBlank(lines: readonly string[], from: number, limit: number): string | null {
  for (let i = from; i < Math.min(lines.length, limit); i++) if (lines[i]) return lines[i]!;
  return null;
}

export function findHeadings(lines: readonly string[], end: number): Heading[] {
  interface Cand { line: number; number: number; title: string; span: number; q: number; score: number; prev: number }
  const cands: Cand[] = [];
  const best = new Map<number, number>(); // number → index in cands of the best run ending there
  for (let i = 0; i < end; i++) {
    const line = lines[i]!;
    if (!line || line.length > 220) continue;
    let m = CANDIDATE.exec(line);
    // "12." alone on its line, the title on the next (a two-column layout).
    const lone = /^(§\s*)?(\d{1,3})[.:)]?$/.exec(line);
    if (!m && lone && i + 1 < end && /^\p{Lu}/u.test(lines[i + 1] ?? '')) {
      m = CANDIDATE.exec(`${lone[1] ?? ''}${lone[2]}. ${lines[i + 1]}`);
    }
    if (!m) continue;
    const number = +m[2]!;
    const title = m[3]!.trim();
    const punct = /^(§\s*)?\d{1,3}\s*[.:),]/.test(line) || lone !== null;
    if (/^\d{1,3}\s*,/.test(line) && !/^\d{1,3}\s*,\s*\p{Lu}/u.test(line)) continue;
    if (!punct && !m[1] && !/^\d{1,3}\s+\p{Lu}/u.test(line)) continue;
    if (!/\p{L}{2}/u.test(title)) continue;
    let q = 1;
    if (/^["“”'(]?\p{Lu}/u.test(title)) q += 0.5;
    else q -= 0.6;
    if (m[1]) q += 0.2;
    else if (!punct) q -= 0.3;
    if (title.length > 120) q -= 0.4;
    if (/[.!?]$/.test(title) && title.split(/\s+/).length > 8) q -= 0.3;
    const prevLine = i > 0 ? lines[i - 1]! : '';
    if (!prevLine || /[.!?:]$/.test(prevLine)) q += 0.1;
    const next = nextNonBlank(lines, i + (lone ? 2 : 1), i + 5);
    if (next && (matchKindLine(next) || matchPresenterLine(next) !== null)) q += 0.3;
    // The run may skip a number or two whose heading was unreadable (OCR), at a price.
    let before: number | undefined;
    let carried = 0;
    for (let gap = 1; gap <= 3; gap++) {
      const c = best.get(number - gap);
      if (c === undefined) continue;
      const value = cands[c]!.score - (gap - 1) * GAP_PENALTY;
      if (value > carried) {
        carried = value;
        before = c;
      }
    }
    const score = q + carried;
    cands.push({ line: i, number, title, span: lone ? 2 : 1, q, score, prev: before ?? -1 });
    const cur = best.get(number);
    if (cur === undefined || cands[cur]!.score < score) best.set(number, cands.length - 1);
  }
  if (cands.length === 0) return [];
  let top = 0;
  for (let c = 1; c < cands.length; c++) if (cands[c]!.score > cands[top]!.score) top = c;
  const chain: Heading[] = [];
  for (let c = top; c >= 0; c = cands[c]!.prev) {
    const cand = cands[c]!;
    chain.push({ line: cand.line, number: cand.number, title: cand.title, span: cand.span });
  }
  return chain.reverse();
}
