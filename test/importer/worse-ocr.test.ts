// Worse OCR than the examples: the clean protocols damaged more (l→1, rn→m, I→|, words split in
// two, periods read as commas, å/ä/ö misread every way) must still be read nearly as well.

import { describe, expect, it } from 'vitest';
import { parseProtocolText } from '../../src/importer/parse/index.js';
import { toPreview } from '../../src/importer/preview.js';
import { IDS, expected, fixtureText } from './helpers.js';
import { scorePreview } from './score.js';

function damage(text: string, level: number, seed: number): string {
  let s = seed;
  const rnd = (): number => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (xs: string[]): string => xs[Math.floor(rnd() * xs.length)]!;
  const swaps: Record<string, string[]> = {
    å: ['a', 'd', '&', 'á'], ä: ['a', 'd', 'é', 'i', '4'], ö: ['o', 'é', '6', 'oé', 'ó'], Å: ['A'], Ä: ['A', '4'], Ö: ['O', '6'],
  };
  return text
    .replace(/[åäöÅÄÖ]/g, (c) => pick(swaps[c]!))
    .replace(/l/g, (c) => (rnd() < 0.02 * level ? '1' : c))
    .replace(/rn/g, (c) => (rnd() < 0.05 * level ? 'm' : c))
    .replace(/I/g, (c) => (rnd() < 0.3 * level ? '|' : c))
    .replace(/(\p{L})(\p{L})/gu, (m, a: string, b: string) => (rnd() < 0.003 * level ? `${a} ${b}` : m))
    .replace(/\./g, (c) => (rnd() < 0.03 * level ? ',' : c));
}

describe('worse OCR', () => {
  for (const level of [1, 2, 3]) {
    it(`damage level ${level}: every example still scores at least 0.95`, () => {
      for (const id of Object.values(IDS)) {
        const text = damage(fixtureText(`${id}.txt`), level, 42 + level);
        const { score, parts } = scorePreview(expected(id), toPreview(parseProtocolText(text, id)) as unknown as Record<string, unknown>);
        if (score < 0.95) console.error(id, level, parts);
        expect(score).toBeGreaterThanOrEqual(0.95);
      }
    });
  }
});
