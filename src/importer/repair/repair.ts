// OCR repair: give back the å, ä and ö that OCR lost or misread ("Foredragande", "f6r", "Samrad",
// "|nformation"). A token is changed only when it is not a known word and a known word is near it
// under the OCR confusion costs. Repairs are listed; the uncertain ones for a person to review.

import type { OcrRepair } from '../../domain/protocol-preview.js';
import { CONFUSABLE, DOUBLE, SINGLE, STRONG_EVIDENCE, type Option } from './confusions.js';
import { getLexicon, type Lexicon, type LexiconOptions } from './lexicon.js';

export interface RepairOptions extends LexiconOptions {
  /** Repair even the weak cases (a→ä, o→ö) although the text does not look OCR-damaged. */
  force?: boolean;
}

export interface RepairResult {
  lines: string[];
  repairs: OcrRepair[];
  /** The text looked OCR-damaged (few å/ä/ö, OCR characters inside words). */
  damaged: boolean;
}

const MAX_COST = 1.2;
const NODE_BUDGET = 4000;
const FREQ_WEIGHT = 0.06;
const DICTIONARY_ONLY_PENALTY = 0.1;

interface Candidate {
  word: string;
  cost: number;
  score: number;
}

type Accept = (word: string) => boolean;

/** Every known word the token can stand for, with its cost. The lexicon's prefixes prune the search. */
function expand(token: string, lex: Lexicon, accept: Accept, budget = NODE_BUDGET): { word: string; cost: number }[] {
  const found = new Map<string, number>();
  let nodes = 0;
  const walk = (pos: number, built: string, cost: number): void => {
    if (++nodes > budget || cost > MAX_COST) return;
    if (built && !lex.hasPrefix(built) && !(built.endsWith('s') && lex.has(built.slice(0, -1)) && pos === token.length)) return;
    if (pos === token.length) {
      if (accept(built)) {
        const prev = found.get(built);
        if (prev === undefined || cost < prev) found.set(built, cost);
      }
      return;
    }
    const two = token.slice(pos, pos + 2);
    for (const o of DOUBLE[two] ?? []) walk(pos + 2, built + o.out, cost + o.cost);
    const ch = token[pos]!;
    const options: Option[] = SINGLE[ch] ?? [{ out: ch, cost: 0 }];
    for (const o of options) walk(pos + 1, built + o.out, cost + o.cost);
  };
  walk(0, '', 0);
  return [...found].map(([word, cost]) => ({ word, cost }));
}

function rank(lex: Lexicon, list: { word: string; cost: number }[]): Candidate[] {
  return list
    // Words protocols use beat words only the dictionary knows ("pågår" over "pågar").
    .map((c) => {
      const f = lex.freq(c.word);
      return { ...c, score: c.cost - FREQ_WEIGHT * Math.log1p(f) + (f === 0 ? DICTIONARY_ONLY_PENALTY : 0) };
    })
    .sort((a, b) => a.score - b.score || a.word.localeCompare(b.word));
}

/** A compound the lexicon does not list: two known words, optionally joined by an "s". */
function compoundCandidates(token: string, lex: Lexicon): { word: string; cost: number }[] {
  const out: { word: string; cost: number }[] = [];
  const head: Accept = (w) => lex.has(w) || (w.endsWith('s') && lex.has(w.slice(0, -1)));
  const tail: Accept = (w) => lex.has(w) && w.length >= 3;
  for (let k = 3; k <= token.length - 3; k++) {
    const heads = expand(token.slice(0, k), lex, head, 600);
    if (heads.length === 0) continue;
    const tails = expand(token.slice(k), lex, tail, 600);
    for (const h of heads) for (const t of tails) out.push({ word: h.word + t.word, cost: h.cost + t.cost + 0.2 });
  }
  return out;
}

function applyCase(original: string, repaired: string, sentenceStart: boolean, lex: Lexicon): string {
  const letters = original.replace(/[^\p{L}|]/gu, '');
  const upper = letters.replace(/\|/g, 'I');
  if (upper.length >= 2 && upper === upper.toUpperCase() && upper !== upper.toLowerCase()) return repaired.toUpperCase();
  const first = original[0]!;
  const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
  if (/\p{Lu}/u.test(first) || first === '|') return cap(repaired);
  if (/[\d&]/.test(first) && (sentenceStart || lex.isName(repaired))) return cap(repaired);
  return repaired;
}

// A run of letters, digits and the characters OCR puts for letters. Runs with other digits or
// underscores are identifiers ("_0642a39d4df3…"), not words.
const TOKEN = /[\p{L}\p{N}_|&]+/gu;

function isRepairable(token: string): boolean {
  // Nothing longer than a long Swedish compound is a word.
  if (token.length > 40 || token.includes('_')) return false;
  const letters = token.replace(/[^\p{L}]/gu, '').length;
  const digits = token.replace(/[^\p{N}]/gu, '');
  if (digits) {
    // Digits for letters ("f6r", "4rende", "Lindah1") only in words, never in numbers or codes.
    if (/[^0146]/.test(digits) || digits.length > 2 || letters < 2 || letters < digits.length * 2) return false;
  }
  return letters > 0 && CONFUSABLE.test(token.toLowerCase());
}

/**
 * OCR splits words: "Fö redragande", "Beslutsä rende". Two neighbours are joined when one of them
 * is no word and together they are one.
 */
function mergeSplitWords(line: string, idx: number, resolves: (lower: string) => string | null, repairs: OcrRepair[]): string {
  const tokens = [...line.matchAll(/[\p{L}\p{N}|&]+/gu)];
  if (tokens.length < 2) return line;
  let out = '';
  let pos = 0;
  for (let i = 0; i < tokens.length - 1; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (line.slice(a.index + a[0].length, b.index) !== ' ') continue;
    if (!/^\p{L}/u.test(b[0]) || /\p{Lu}/u.test(b[0][0]!) || a[0].length + b[0].length > 40) continue;
    if (b[0].length < 3) continue;
    const la = a[0].toLowerCase();
    const lb = b[0].toLowerCase();
    const rb = resolves(lb);
    // A one-letter word ("i") is a word, unless what follows is no word either ("O vriga").
    if (a[0].length < 2 ? rb : resolves(la) && rb) continue;
    const joined = resolves(la + lb);
    if (!joined) continue;
    out += line.slice(pos, a.index) + a[0] + b[0];
    pos = b.index + b[0].length;
    repairs.push({ original: `${a[0]} ${b[0]}`, repaired: a[0] + b[0], line: idx + 1, certain: false });
    i++;
  }
  return out + line.slice(pos);
}

export function looksOcrDamaged(text: string): boolean {
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const swedish = (text.match(/[åäöÅÄÖ]/g) ?? []).length;
  // Swedish prose has about one å, ä or ö in twenty letters; OCR that lost them has almost none.
  if (letters >= 80 && swedish / letters < 0.012) return true;
  const ocrMarks = (text.match(/\p{L}[6|]\p{L}|(?:^|\s)\|\p{L}|\p{L}&\p{L}/gu) ?? []).length;
  return ocrMarks >= (letters < 200 ? 2 : 3);
}

export function repairOcrLines(lines: readonly string[], opts: RepairOptions = {}): RepairResult {
  const damaged = opts.force === true || looksOcrDamaged(lines.join('\n'));
  const lex = getLexicon(opts);
  const repairs: OcrRepair[] = [];
  const memo = new Map<string, { word: string; certain: boolean } | null>();
  const resolves = (lower: string): string | null => {
    if (lex.has(lower)) return lower;
    if (!isRepairable(lower)) return null;
    return rank(lex, expand(lower, lex, (w) => lex.has(w))).find((c) => c.cost <= 0.6)?.word ?? null;
  };
  const merged = damaged ? lines.map((line, idx) => mergeSplitWords(line, idx, resolves, repairs)) : [...lines];
  const out = merged.map((line, idx) => {
    let sentenceStart: boolean;
    return line.replace(/(^|[\s([{"“'])\|(?=\s+\p{Ll})/gu, (_m, pre: string) => {
      // A lone "|" before a word in lower case is the word "I": "| samband med".
      repairs.push({ original: '|', repaired: 'I', line: idx + 1, certain: true });
      return pre + 'I';
    }).replace(TOKEN, (token, offset: number, whole: string) => {
      // Only the few characters before the token matter (a whole-line test here would be quadratic).
      const before = whole.slice(Math.max(0, offset - 12), offset);
      sentenceStart =
        (offset <= 12 && (before.trim() === '' || /^\s*(?:§\s*)?\d{1,3}\s*[.,:)]\s*$/.test(before))) || /[.!?:]\s*$/.test(before);
      if (!isRepairable(token)) return token;
      const lower = token.toLowerCase();
      const strong = STRONG_EVIDENCE.test(lower);
      if (!damaged && !strong) return token;
      const yearContext = isYearContext(whole, offset, token.length);
      const key = lower + (damaged ? '' : '!') + (yearContext ? '#' : '');
      let result = memo.get(key);
      if (result === undefined) {
        result = chooseRepair(lower, lex, damaged, yearContext);
        memo.set(key, result);
      }
      if (!result || result.word === lower) return token;
      // A name before a party in parentheses: "Göran 4rlig (M)" → "Ärlig".
      const beforeParty = /^\s*\(\p{L}{1,3}\)/u.test(whole.slice(offset + token.length, offset + token.length + 8));
      const repaired = applyCase(token, result.word, sentenceStart || beforeParty, lex);
      if (repaired === token) return token;
      repairs.push({ original: token, repaired, line: idx + 1, certain: result.certain });
      return repaired;
    });
  });
  return { lines: out, repairs, damaged };
}

// "ett ar", "varje ar", "Ar 2025": the word is "år", not "är".
const YEAR_BEFORE = /(?:^|\s)(?:ett|per|varje|förra|forra|nästa|nasta|samma|hela|vart|halvt|\d+(?:[,.]\d+)?)\s+$/i;
const YEAR_AFTER = /^\s+(?:19|20)\d{2}\b/;

function isYearContext(line: string, offset: number, length: number): boolean {
  return YEAR_BEFORE.test(line.slice(Math.max(0, offset - 12), offset)) || YEAR_AFTER.test(line.slice(offset + length, offset + length + 6));
}

function chooseRepair(lower: string, lex: Lexicon, damaged: boolean, yearContext = false): { word: string; certain: boolean } | null {
  const strong = STRONG_EVIDENCE.test(lower);
  if (yearContext && damaged && /^(?:ar|dr|ér|&r|4r)$/.test(lower)) return { word: 'år', certain: false };
  if (lex.has(lower)) {
    // A known word may still be a misreading when a far more frequent word hides behind it
    // ("for" → "för", "aven" → "även"); only in a text that is visibly damaged, and never certain.
    if (!damaged) return null;
    const alt = rank(lex, expand(lower, lex, (w) => lex.has(w) && w !== lower))[0];
    const own = lex.freq(lower);
    const altFreq = alt ? lex.freq(alt.word) : 0;
    if (alt && alt.cost <= 0.35 && ((own === 0 && altFreq >= 2) || (altFreq >= 5 && altFreq >= 10 * (own + 1)))) {
      return { word: alt.word, certain: false };
    }
    return null;
  }
  let ranked = rank(lex, expand(lower, lex, (w) => lex.has(w)));
  if (ranked.length === 0 && lower.length >= 7) ranked = rank(lex, compoundCandidates(lower, lex));
  const best = ranked[0];
  if (!best) return null;
  const second = ranked.find((c) => c.word !== best.word);
  const close = second !== undefined && second.score - best.score < 0.15;
  const weak = !strong && !damaged;
  return { word: best.word, certain: !close && !weak && best.cost <= 0.8 };
}
