// How names are compared and sorted. The embedded database has only the C collation, so Swedish
// order (… x y z å ä ö) and accent-blind matching are computed here and stored beside the name.

/** A key that sorts in Swedish alphabetical order under byte-wise (C) comparison. */
export function swedishSortKey(s: string): string {
  return s
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .replace(/[åäöæøüéèáàëêíìïóòúùé]/g, (c) => SORT_MAP[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

// After z come å, ä (and æ), ö (and ø); ü sorts with y, accented vowels with their base letter.
const SORT_MAP: Record<string, string> = {
  å: '{', ä: '|', æ: '|', ö: '}', ø: '}', ü: 'y',
  é: 'e', è: 'e', ë: 'e', ê: 'e', á: 'a', à: 'a', í: 'i', ì: 'i', ï: 'i', ó: 'o', ò: 'o', ú: 'u', ù: 'u',
};

/** A key for matching names regardless of case, accents, punctuation and spacing. */
export function matchKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('sv')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A URL-friendly identifier: "Samråd hälsa, vård och omsorg" → "samrad-halsa-vard-och-omsorg". */
export function slugify(s: string): string {
  return matchKey(s).replace(/ /g, '-').slice(0, 80) || 'organ';
}

export const compareSwedish = new Intl.Collator('sv').compare;
