// Pages of lines → one text. Drops what repeats on every page (running headers and footers, page
// numbers), rejoins words hyphenated at a line end, and marks page breaks with blank lines the
// parser knows how to read across.

import { editDistance, fold } from '../parse/text-utils.js';

const EDGE = 3; // lines at the top and bottom of a page where headers and footers live

const PAGE_NUMBER = /^(?:(?:sida|sidan|page|s\.)\s*\d{1,4}(?:\s*(?:av|of|\/)\s*\d{1,4})?|\d{1,4}(?:\s*(?:\/|av|of)\s*\d{1,4})?|[-–]\s*\d{1,4}\s*[-–])$/iu;

function key(line: string): string {
  return fold(line).replace(/\d+/g, '#').replace(/[^\p{L}#]+/gu, '');
}

function edgeIndices(page: readonly string[]): number[] {
  const nonEmpty = page.map((l, i) => (l.trim() ? i : -1)).filter((i) => i >= 0);
  const top = nonEmpty.slice(0, EDGE);
  const bottom = nonEmpty.slice(-EDGE);
  return [...new Set([...top, ...bottom])];
}

function similarKey(a: string, b: string): boolean {
  if (a === b) return true;
  const max = Math.max(a.length, b.length);
  if (max < 8) return false;
  const allowed = Math.floor(max * 0.15);
  return editDistance(a, b, allowed) <= allowed;
}

/** Remove running headers/footers (repeated at a page edge on at least half the pages) and page numbers. */
export function removePageFurniture(pages: readonly string[][]): string[][] {
  const keys: { page: number; index: number; key: string }[] = [];
  pages.forEach((page, p) => {
    for (const i of edgeIndices(page)) {
      // Running headers and footers are labels, not sentences.
      if (/[.!?]$/.test(page[i]!.trim())) continue;
      const k = key(page[i]!);
      if (k.length >= 4) keys.push({ page: p, index: i, key: k });
    }
  });
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  const drop = new Set<string>();
  if (pages.length >= 2) {
    const pagesByKey = new Map<string, Set<number>>();
    for (const k of keys) {
      const set = pagesByKey.get(k.key) ?? new Set<number>();
      set.add(k.page);
      pagesByKey.set(k.key, set);
    }
    // OCR reads the same header a little differently on each page: near-equal keys count together
    // (for long documents only exact repeats, to stay fast).
    const distinct = [...pagesByKey.keys()];
    const fuzzy = distinct.length <= 600;
    const repeated = new Set<string>();
    for (const a of distinct) {
      const onPages = new Set(pagesByKey.get(a));
      if (fuzzy) for (const b of distinct) if (b !== a && similarKey(a, b)) for (const p of pagesByKey.get(b)!) onPages.add(p);
      if (onPages.size >= needed) repeated.add(a);
    }
    for (const k of keys) if (repeated.has(k.key)) drop.add(`${k.page}:${k.index}`);
  }
  return pages.map((page, p) => {
    const edges = new Set(edgeIndices(page));
    return page.filter((line, i) => {
      if (drop.has(`${p}:${i}`)) return false;
      if (edges.has(i) && PAGE_NUMBER.test(line.trim())) return false;
      return true;
    });
  });
}

const SUSPENDED = /^(?:och|eller|samt|till|respektive|resp\.?)\b/;

/**
 * "utveck-" / "ling av" → "utveckling" / "av". A capital or digit before the hyphen keeps it
 * ("NPF-" / "rutinen" → "NPF-rutinen"); "hälso-" / "och sjukvård" is a suspended compound and stays.
 */
export function rejoinHyphenated(lines: readonly string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    const line = out[i]!;
    const m = /(\p{L}|\d)(-|\u00ad)$/u.exec(line);
    if (!m) continue;
    let j = i + 1;
    while (j < out.length && !out[j]!.trim()) j++;
    if (j >= out.length) break;
    const next = out[j]!.trimStart();
    const word = /^[\p{Ll}][\p{L}\d-]*[.,;:!?)]?/u.exec(next);
    if (!word || SUSPENDED.test(next)) continue;
    const keepHyphen = m[2] === '-' && /[\p{Lu}\d]/u.test(m[1]!);
    out[i] = (keepHyphen ? line : line.slice(0, -1)) + word[0];
    out[j] = next.slice(word[0].length).trimStart();
  }
  return out;
}

/** Pages → text: page breaks become a run of blank lines, as in text extracted by other tools. */
export function joinPages(pages: readonly string[][]): string {
  const cleaned = removePageFurniture(pages);
  const lines: string[] = [];
  cleaned.forEach((page, p) => {
    if (p > 0) lines.push('', '', '');
    lines.push(...page);
  });
  return rejoinHyphenated(lines).join('\n').replace(/\n{5,}/g, '\n\n\n\n').trim() + '\n';
}

/**
 * OCR reads specks and rulers as text ("— rr Är”", "fbr bee rr Rare"). Such a line is dropped when
 * it is mostly symbols, or when it stands at a page edge and holds no known word.
 */
export function dropOcrNoise(page: readonly string[], isKnownWord: (lower: string) => boolean): string[] {
  const edges = new Set(edgeIndices(page));
  return page
    .map((line) => line.replace(/(?:\s+[|¦])+\s*$/u, '').replace(/^\s*[|¦]\s+/u, ''))
    .filter((line, i) => {
      const t = line.trim();
      if (!t) return true;
      const visible = t.replace(/\s/g, '');
      const symbols = visible.replace(/[\p{L}\d]/gu, '').length;
      if (visible.length >= 4 && symbols / visible.length > 0.4) return false;
      if (!edges.has(i)) return true;
      const words = t.match(/\p{L}{2,}/gu) ?? [];
      const known = words.filter((w) => isKnownWord(w.toLowerCase())).length;
      return known / Math.max(1, words.length) > 0.5 || /\d/.test(t);
    });
}
