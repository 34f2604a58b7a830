// What a search query means, before any database sees it: the words and phrases a person typed,
// with everything that is syntax to PostgreSQL's tsquery (& | ! ( ) : * < > \ ') reduced to a word
// separator. The store builds its query from these words only, so no input can change the
// query's structure. Also the highlighting of hits in a result's text, safely escaped.

/** Longest query taken at all (the API answers 400 past this). */
export const MAX_QUERY_CHARS = 500;
/** Words looked at; the rest of a long query is ignored (and the answer says so). */
export const MAX_QUERY_WORDS = 12;
/** Longer "words" are not words (a pasted hash, a run of letters): dropped. */
const MAX_WORD_CHARS = 60;
/** A word being typed is matched as a prefix from this many letters on. */
export const MIN_PREFIX_CHARS = 3;

export interface SearchClause {
  /** Words of the clause, each only letters and digits. */
  words: string[];
  /** In quotes, or a hyphenated word: the words must follow each other. */
  phrase: boolean;
  /** The last word is still being typed: match words that begin with it. */
  prefix: boolean;
}

export interface ParsedQuery {
  clauses: SearchClause[];
  /** The words actually searched for, in order: for the answer and for highlighting. */
  words: string[];
  /** Words past MAX_QUERY_WORDS were left out. */
  truncated: boolean;
}

const QUOTES = /[\u201c\u201d\u201e\u00ab\u00bb\u2033\uff02]/g;
// Controls, zero-width characters and bidirectional overrides: invisible, never part of a word.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu;
const WORD = /[\p{L}\p{N}]+(?:[-'\u2019\u2010\u2011][\p{L}\p{N}]+)*/gu;
const WORD_PARTS = /[\p{L}\p{N}]+/gu;

/** Reads what a person typed into words and phrases. Never throws; may return no clauses. */
export function parseSearchQuery(raw: string): ParsedQuery {
  const text = raw.slice(0, MAX_QUERY_CHARS * 2).normalize('NFC').replace(QUOTES, '"').replace(INVISIBLE, ' ');
  const clauses: SearchClause[] = [];
  let count = 0;
  let truncated = false;
  const add = (words: string[], phrase: boolean) => {
    const kept = words.filter((w) => w.length <= MAX_WORD_CHARS).map((w) => w.toLocaleLowerCase('sv'));
    if (kept.length === 0) return;
    if (count + kept.length > MAX_QUERY_WORDS) {
      truncated = true;
      kept.splice(MAX_QUERY_WORDS - count);
      if (kept.length === 0) return;
    }
    count += kept.length;
    const isPhrase = phrase && kept.length > 1;
    const key = (c: SearchClause) => `${c.phrase ? 'p' : 'w'}:${c.words.join(' ')}`;
    const clause = { words: kept, phrase: isPhrase, prefix: false };
    if (!clauses.some((c) => key(c) === key(clause))) clauses.push(clause);
  };

  // Quotes pair up from the left; an unpaired last quote is ignored (its words are plain words).
  const segments = text.split('"');
  const paired = segments.length % 2 === 1 ? segments.length : segments.length - 1;
  for (const [i, segment] of segments.entries()) {
    const inQuotes = i % 2 === 1 && i < paired;
    if (inQuotes) {
      add(segment.match(WORD_PARTS) ?? [], true);
      continue;
    }
    for (const token of segment.match(WORD) ?? []) {
      const parts = token.match(WORD_PARTS) ?? [];
      add(parts, true); // "UPH-medel": the parts in order
    }
  }

  // The last word is taken as typed so far unless the query ends in a space or a closing quote.
  const last = clauses[clauses.length - 1];
  if (last && !last.phrase && /[\p{L}\p{N}]$/u.test(text) && (last.words[0]?.length ?? 0) >= MIN_PREFIX_CHARS) {
    last.prefix = true;
  }
  return { clauses, words: clauses.flatMap((c) => c.words), truncated };
}

/**
 * Folds a word as the database's unaccent does for Swedish text: lower case, diacritics off,
 * æ → ae, ø → o, ß → ss. Used to find hits in a text for highlighting.
 */
export function foldWord(s: string): string {
  // most words of a protocol are plain ASCII: lower-casing is all they need
  if (!/[^\x20-\x7e]/.test(s)) return s.toLowerCase();
  return s
    .toLocaleLowerCase('sv')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/œ/g, 'oe')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
}

const firstLetters = new Map<string, string>();
/** The first letter of a word as foldWord would make it. */
function foldFirst(word: string): string {
  const c = word.charAt(0);
  let f = firstLetters.get(c);
  if (f === undefined) {
    f = foldWord(c).charAt(0);
    if (firstLetters.size < 4096) firstLetters.set(c, f);
  }
  return f;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface Snippet {
  /** HTML: the text escaped, then the hits wrapped in <mark>. Nothing else is markup. */
  html: string;
  /** The hits as [start, end) offsets into `text`. */
  ranges: [number, number][];
  /** The plain text of the snippet. */
  text: string;
}

/**
 * The part of a text around its hits, with the hits marked. `stems` are the folded lexemes the
 * database matched (a lexeme is the beginning of the words it stands for: "beslut" for
 * "beslutade"); `prefixes` are matched as beginnings of any length.
 */
export function makeSnippet(text: string, stems: readonly string[], opts: { prefixes?: readonly string[]; words?: number } = {}): Snippet {
  const maxWords = opts.words ?? 30;
  const prefixes = (opts.prefixes ?? []).filter((p) => p.length > 0);
  const exact = stems.filter((s) => s.length > 1);
  // Folding is most of a snippet's cost (20 of them per search page): a word is folded only when
  // its first letter could begin a stem, and once per distinct word.
  const firsts = new Set([...exact, ...prefixes].map((s) => s.charAt(0)));
  const seen = new Map<string, boolean>();
  const isHit = (word: string) => {
    let hit = seen.get(word);
    if (hit === undefined) {
      const folded = firsts.has(foldFirst(word)) ? foldWord(word) : null;
      hit = folded !== null && (exact.some((s) => folded.startsWith(s) && folded.length - s.length <= 6) || prefixes.some((p) => folded.startsWith(p)));
      seen.set(word, hit);
    }
    return hit;
  };
  const tokens: { start: number; end: number; hit: boolean }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) tokens.push({ start: m.index, end: m.index + m[0].length, hit: isHit(m[0]) });
  if (tokens.length === 0) return { html: '', ranges: [], text: '' };
  // the window of maxWords words with the most hits (the first such window)
  let best = 0;
  let bestHits = -1;
  let hits = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.hit) hits++;
    if (i >= maxWords && tokens[i - maxWords]!.hit) hits--;
    const start = Math.max(0, i - maxWords + 1);
    if (hits > bestHits) {
      bestHits = hits;
      best = start;
    }
  }
  // start a few words before the first hit of the window, for context
  const firstHit = tokens.findIndex((t, i) => i >= best && t.hit);
  if (firstHit > best + 3) best = Math.max(0, firstHit - 3);
  const last = Math.min(tokens.length, best + maxWords) - 1;
  const from = best === 0 ? 0 : tokens[best]!.start;
  const to = last === tokens.length - 1 ? text.length : tokens[last]!.end;
  const lead = from > 0 ? '… ' : '';
  const tail = to < text.length ? ' …' : '';
  // the text between words is collapsed to single spaces where it is white space
  const gap = (a: number, b: number) => text.slice(a, b).replace(/\s+/g, ' ');
  let html = escapeHtml(lead);
  let plain = lead;
  const ranges: [number, number][] = [];
  let pos = from;
  for (let i = best; i <= last; i++) {
    const t = tokens[i]!;
    const between = gap(pos, t.start);
    html += escapeHtml(between);
    plain += between;
    const word = text.slice(t.start, t.end);
    if (t.hit) {
      ranges.push([plain.length, plain.length + word.length]);
      html += `<mark>${escapeHtml(word)}</mark>`;
    } else {
      html += escapeHtml(word);
    }
    plain += word;
    pos = t.end;
  }
  const after = gap(pos, to);
  html += escapeHtml(after) + escapeHtml(tail);
  plain += after + tail;
  return { html, ranges, text: plain };
}
