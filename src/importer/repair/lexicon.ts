// The words the OCR repair may produce: the shipped protocol and domain word lists (with counts)
// and, when installed, the system's Swedish dictionary (Debian: wswedish, /usr/share/dict/swedish,
// Latin-1). Without the dictionary the repair still knows the shipped words.

import { existsSync, readFileSync } from 'node:fs';
import { decodeWindows1252 } from '../read/text.js';
import { DOMAIN_WORDS } from './domain-words.js';
import { PROTOCOL_WORDS } from './protocol-words.js';

export const SYSTEM_DICTIONARY = '/usr/share/dict/swedish';

export interface Lexicon {
  /** Is this (lower-case) word known? */
  has(word: string): boolean;
  /** Is some known word longer than or equal to this (lower-case) prefix? */
  hasPrefix(prefix: string): boolean;
  /** How often protocols use the word (0 when only the dictionary knows it). */
  freq(word: string): number;
  /** Known only with a capital: a name ("Göran", "Umeå"). */
  isName(word: string): boolean;
  readonly size: number;
}

class SortedLexicon implements Lexicon {
  private readonly words: string[];
  private readonly set: Set<string>;
  private readonly counts: Map<string, number>;
  private readonly names: Set<string>;

  constructor(words: Iterable<string>, counts: Map<string, number>, names: Set<string>) {
    this.set = new Set(words);
    this.words = [...this.set].sort();
    this.counts = counts;
    this.names = names;
  }

  get size(): number {
    return this.words.length;
  }

  has(word: string): boolean {
    return this.set.has(word);
  }

  hasPrefix(prefix: string): boolean {
    if (!prefix) return true;
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.words[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.words.length && this.words[lo]!.startsWith(prefix);
  }

  freq(word: string): number {
    return this.counts.get(word) ?? 0;
  }

  isName(word: string): boolean {
    return this.names.has(word);
  }
}

function addCounted(list: string, words: Set<string>, counts: Map<string, number>, names: Set<string>, lowerSeen: Set<string>): void {
  for (const line of list.split('\n')) {
    const m = /^(\S+)(?:\s+(\d+))?\s*$/.exec(line.trim());
    if (!m) continue;
    const w = m[1]!;
    const lower = w.toLowerCase();
    words.add(lower);
    counts.set(lower, (counts.get(lower) ?? 0) + (m[2] ? +m[2] : 3));
    if (w !== lower) names.add(lower);
    else lowerSeen.add(lower);
  }
}

export interface LexiconOptions {
  /** Path of a word list (one word a line, UTF-8 or Latin-1), or false for none. */
  systemDictionary?: string | false;
}

const cache = new Map<string, Lexicon>();

export function getLexicon(opts: LexiconOptions = {}): Lexicon {
  // SAMVERKA_DICTIONARY names another word list; set but empty, none.
  const fromEnv = process.env.SAMVERKA_DICTIONARY;
  const fallback = fromEnv === undefined ? SYSTEM_DICTIONARY : fromEnv || false;
  const dictPath = opts.systemDictionary === undefined ? fallback : opts.systemDictionary;
  const key = dictPath === false ? '' : dictPath;
  const cached = cache.get(key);
  if (cached) return cached;
  const words = new Set<string>();
  const counts = new Map<string, number>();
  const names = new Set<string>();
  const lowerSeen = new Set<string>();
  addCounted(PROTOCOL_WORDS, words, counts, names, lowerSeen);
  addCounted(DOMAIN_WORDS, words, counts, names, lowerSeen);
  if (dictPath && existsSync(dictPath)) {
    for (const w of readWordList(dictPath)) {
      if (w.length < 2 || /[^\p{L}-]/u.test(w)) continue;
      const lower = w.toLowerCase();
      words.add(lower);
      if (w !== lower && !lowerSeen.has(lower)) names.add(lower);
      else lowerSeen.add(lower);
    }
  }
  for (const w of lowerSeen) names.delete(w);
  const lex = new SortedLexicon(words, counts, names);
  cache.set(key, lex);
  return lex;
}

function readWordList(path: string): string[] {
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
  }
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}
