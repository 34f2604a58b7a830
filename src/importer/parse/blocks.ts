// Lines → paragraphs and bullets → sentences. Extracted text breaks lines where the page was
// full, puts blank lines where a page ended and (from OCR) in the middle of sentences; these rules
// put the sentences back together without knowing the layout.

import { endsSentence, endsWithContinuingWord, joinLine } from './text-utils.js';

export interface SourceLine {
  text: string; // trimmed
  no: number; // 1-based line in the parsed text
  /** A structural line (sub-point, kind, presenter) that was taken out: paragraphs end here. */
  hardBreak?: boolean;
}

export interface Block {
  kind: 'para' | 'bullet';
  marker: string | null;
  text: string; // lines joined, without the bullet marker
  line: number; // first source line
}

// "- ", "• ", "o " and "e " (OCR's reading of •), "1. " inside an item, "a) ".
const BULLET = /^(?:([-–—•·▪◦*»«■□►➢✓])\s*(?=\S)|([oe«])\s+(?=\p{L})|(\d{1,2}[.)])\s+(?=\S)|(\p{Ll}\))\s+(?=\S))/u;

export function matchBullet(line: string): { marker: string; rest: string } | null {
  const m = BULLET.exec(line);
  if (!m) return null;
  const marker = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
  return { marker, rest: line.slice(m[0].length).trim() };
}

function startsLowerOrDigit(s: string): boolean {
  return /^[\p{Ll}\d]/u.test(s);
}

export function buildBlocks(lines: readonly SourceLine[]): Block[] {
  // Hard-wrapped text: a line well short of the width ended its paragraph, unless it plainly
  // goes on ("… och", "…,").
  const width = lines.reduce((m, l) => Math.max(m, l.text.length), 0);
  // A short line followed by a capital is a heading of its own ("Beslut", "Ekonomi").
  const endedShort = (prevLine: string, next: string): boolean =>
    ((width >= 60 && prevLine.length < 0.6 * width) || (prevLine.length <= 40 && prevLine.split(' ').length <= 5)) &&
    /^\p{Lu}/u.test(next) &&
    !/[,\-–(/&]$/.test(prevLine) &&
    !endsWithContinuingWord(prevLine);
  const blocks: Block[] = [];
  let lastLine = '';
  let cur: Block | null = null;
  let blankRun = 0;
  const flush = (): void => {
    if (cur && cur.text.trim()) blocks.push({ ...cur, text: cur.text.trim() });
    cur = null;
  };
  const isHeadingLike = (t: string): boolean =>
    t.length <= 40 && t.split(' ').length <= 5 && /^\p{Lu}/u.test(t) && !/[.,;:!?]$/.test(t) && !endsWithContinuingWord(t);
  const nextText = (i: number): string => {
    for (let k = i + 1; k < lines.length; k++) if (lines[k]!.hardBreak || lines[k]!.text.trim()) return lines[k]!.text.trim();
    return '';
  };
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li]!;
    if (line.hardBreak) {
      flush();
      blankRun = 0;
      continue;
    }
    const t = line.text.trim();
    if (!t) {
      blankRun++;
      continue;
    }
    const bullet = matchBullet(t);
    if (bullet && bullet.rest) {
      flush();
      cur = { kind: 'bullet', marker: bullet.marker, text: bullet.rest, line: line.no };
      blankRun = 0;
      lastLine = t;
      continue;
    }
    const open: Block | null = cur;
    if (open) {
      const prev = open.text;
      const unfinished = !endsSentence(prev);
      let join: boolean;
      if (blankRun === 0) {
        // A bullet that ended its sentence is followed by ordinary text, not by more of itself.
        // A bullet goes on only where the words plainly do: lower case, or after "och", a comma.
        const bulletGoesOn =
          startsLowerOrDigit(t) || (unfinished && (endsWithContinuingWord(prev) || /[,(/&–-]$/.test(prev)));
        join =
          (open.kind === 'para' || bulletGoesOn) &&
          !endedShort(lastLine, t) &&
          // "… kronor." then "Förslag till beslut" then a sentence: the short line is a heading.
          !(!unfinished && isHeadingLike(t) && /^\p{Lu}/u.test(nextText(li)));
      } else {
        join =
          unfinished &&
          (startsLowerOrDigit(t) || endsWithContinuingWord(prev) || (blankRun >= 2 && lastLine.length >= 50));
      }
      if (join) {
        open.text = joinLine(open.text, t);
        blankRun = 0;
        lastLine = t;
        continue;
      }
    }
    flush();
    cur = { kind: 'para', marker: null, text: t, line: line.no };
    blankRun = 0;
    lastLine = t;
  }
  flush();
  return blocks;
}

export interface Sentence {
  text: string;
  start: number; // offsets in the block text
  end: number;
}

const ABBREVIATIONS = new Set([
  't.ex', 'ex', 'bl.a', 'ca', 'cirka', 'f.d', 'dvs', 'd.v.s', 'nr', 'kl', 'jfr', 'st', 'resp', 'm.fl', 'osv',
  's.k', 'p.g.a', 'pga', 'fr.o.m', 't.o.m', 'o.s.v', 'm.m', 'mm', 'inkl', 'exkl', 'tel', 'avd', 'mom', 'kap',
  'ang', 'enl', 'jmf', 'prof', 'dr', 'leg', 'mfl', 'etc', 'fig', 'sid', 's', 'bil', 'proc',
]);

/** Sentence spans of a block: a sentence ends at . ! or ? followed by a capital, digit or quote. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < text.length && /[.!?"”’)\]]/.test(text[j]!)) j++;
    if (j >= text.length) break;
    if (!/\s/.test(text[j]!)) continue;
    let k = j;
    while (k < text.length && /\s/.test(text[k]!)) k++;
    if (k >= text.length) break;
    if (!/[\p{Lu}\d"“”'(–-]/u.test(text[k]!)) continue;
    if (ch === '.') {
      let w = i;
      while (w > start && !/\s/.test(text[w - 1]!)) w--;
      const word = text.slice(w, i).toLowerCase().replace(/^[("“]+/, '');
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /\p{L}\.\p{L}/u.test(word)) continue;
    }
    out.push({ text: text.slice(start, j).trim(), start, end: j });
    start = k;
    i = k - 1;
  }
  if (start < text.length && text.slice(start).trim()) {
    out.push({ text: text.slice(start).trim(), start, end: text.length });
  }
  return out;
}
