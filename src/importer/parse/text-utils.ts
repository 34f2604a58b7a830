// Small text helpers shared by the parser. Everything here is linear in the input: the parser
// must never backtrack on hostile text.

const DIACRITIC_FOLD: Record<string, string> = {
  å: 'a', ä: 'a', á: 'a', à: 'a', â: 'a', ã: 'a',
  ö: 'o', ó: 'o', ò: 'o', ô: 'o', ø: 'o',
  é: 'e', è: 'e', ê: 'e', ë: 'e',
  ü: 'u', ú: 'u', í: 'i', ì: 'i', ï: 'i',
};

/**
 * Lowercase and strip Swedish diacritics one character for one character, so that positions in
 * the folded string are positions in the original. Matching on the folded text makes keyword
 * rules indifferent to OCR that lost å, ä and ö.
 */
export function fold(s: string): string {
  let out = '';
  for (const ch of s) {
    const lower = ch.toLowerCase();
    const one = lower.length === ch.length ? lower : ch;
    out += DIACRITIC_FOLD[one] ?? one;
  }
  return out;
}

/** Levenshtein distance, giving up (returning max + 1) as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** Folded, OCR-tolerant equality of a short label with one of the expected spellings. */
export function fuzzyLabel(text: string, labels: readonly string[]): string | null {
  const f = ocrFold(text);
  for (const label of labels) {
    if (f === label) return label;
  }
  for (const label of labels) {
    const allowed = label.length >= 12 ? 2 : label.length >= 7 ? 1 : 0;
    if (allowed > 0 && editDistance(f, label, allowed) <= allowed) return label;
  }
  return null;
}

/** fold() plus the characters OCR puts where Swedish letters were (6 for ö, | for I …). */
export function ocrFold(s: string): string {
  return fold(s)
    .replace(/(?<=\p{L})[6](?=\p{L})|^6(?=\p{L})/gu, 'o')
    .replace(/(?<=\p{L})4(?=\p{L})|^4(?=\p{L})/gu, 'a')
    .replace(/&(?=\p{L})/gu, 'a')
    .replace(/\|(?=\p{L})/gu, 'i')
    .replace(/\s+/g, ' ')
    .trim();
}

export const TERMINAL_PUNCT = /[.!?:;]["”’)\]]*$/;

/** Does the text end a sentence? Looks at the end only, so it stays cheap on long paragraphs. */
export function endsSentence(s: string): boolean {
  return TERMINAL_PUNCT.test(s.slice(-8).trimEnd());
}

/** Words after which a line cannot end a sentence: the next line must continue it. */
const CONTINUING_WORDS = new Set([
  'i', 'och', 'för', 'av', 'att', 'med', 'till', 'på', 'om', 'den', 'det', 'de', 'en', 'ett', 'som',
  'från', 'samt', 'eller', 'men', 'vid', 'under', 'inom', 'mellan', 'efter', 'inför', 'kring', 'mot',
  'hos', 'ur', 'genom', 'utan', 'än', 'när', 'där', 'vilket', 'vilka', 'vars', 'är', 'har', 'ska',
  'kan', 'bör', 'får', 'blir', 'var', 'sin', 'sitt', 'sina', 'dess', 'deras', 'nya', 'ny', 'nytt',
]);

export function endsWithContinuingWord(line: string): boolean {
  const m = /(\p{L}+)\s*$/u.exec(line.slice(-40));
  return m !== null && CONTINUING_WORDS.has(m[1]!.toLowerCase());
}

const SUSPENDED_HYPHEN_FOLLOWERS = new Set(['och', 'eller', 'samt', 'till', 'som', 'respektive', 'resp']);

/**
 * Join two lines of running text. A word hyphenated across the break is joined again
 * ("utveck-" + "ling" → "utveckling"); a compound with a capital or digit before the hyphen keeps
 * it ("NPF-" + "rutinen" → "NPF-rutinen"); a suspended compound keeps hyphen and space
 * ("hälso-" + "och sjukvård").
 */
export function joinLine(a: string, b: string): string {
  const left = a.trimEnd();
  const right = b.trimStart();
  if (!left) return right;
  if (!right) return left;
  if (left.endsWith('\u00ad')) return left.slice(0, -1) + right;
  const hy = /(\p{L}|\d)-$/u.exec(left.slice(-2));
  if (hy) {
    const firstWord = /^\p{L}+/u.exec(right)?.[0] ?? '';
    if (!firstWord || !/^\p{Ll}/u.test(firstWord)) return left + ' ' + right;
    if (SUSPENDED_HYPHEN_FOLLOWERS.has(firstWord.toLowerCase())) return left + ' ' + right;
    const before = hy[1]!;
    if (/\d|\p{Lu}/u.test(before)) return left + right;
    return left.slice(0, -1) + right;
  }
  return left + ' ' + right;
}

export function collapseSpaces(s: string): string {
  return s.replace(/[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ').trim();
}

/** First letter upper, the rest as written; for names printed in capitals: "ANNA-LENA" → "Anna-Lena". */
export function titleCaseName(s: string): string {
  return s
    .toLowerCase()
    .replace(/(^|[\s\-'’])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

export function isAllCaps(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}

export function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

export function stripTrailingPunct(s: string): string {
  return s.replace(/[\s.,;:]+$/u, '').trim();
}
