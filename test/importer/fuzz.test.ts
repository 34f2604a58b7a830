// parseProtocolText on anything: it returns a protocol or throws an ImportError, never anything
// else, and it stays fast (no regular expression that backtracks catastrophically).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/importer/errors.js';
import { parseProtocolText } from '../../src/importer/parse/index.js';
import { toPreview } from '../../src/importer/preview.js';

function parseOrImportError(text: string): void {
  try {
    const parsed = parseProtocolText(text, 'fuzz.txt');
    const preview = toPreview(parsed);
    expect(preview.items.length).toBeGreaterThan(0);
    JSON.stringify(preview);
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
  }
}

const word = fc.constantFrom(
  'Godkännande', 'av', 'dagordning', 'Länssamverkansgruppen', 'beslutade', 'att', 'godkände', 'informationen',
  'uppdras', 'återremittera', 'ärendet', 'till', 'arbetsgruppen', 'Föredragande:', 'Beslutsärende', 'Informationsärende',
  'Närvarande:', 'Frånvarande', 'Tjänstepersoner', '(s)', 'Umeå', 'kommun', 'ordförande', 'ersätter', 'Nästa', 'möte',
  'den', '16', 'mars', '2022-03-16', 'kl.', '8.30-12.00', '-', '•', 'o', 'a)', ':', ',', '.', 'NAMN:', 'DATUM', '&', 'TID:',
  '|nformation', 'f6r', 'Samrad', 'vard', 'Beredning', 'barn', 'och', 'unga', 'återkommer', 'Protokoll', 'Dnr.', 'Plats:',
);
const line = fc.oneof(
  fc.array(word, { maxLength: 14 }).map((ws) => ws.join(' ')),
  fc.tuple(fc.integer({ min: 0, max: 120 }), fc.constantFrom('.', ':', ')', ''), fc.array(word, { maxLength: 8 }))
    .map(([n, p, ws]) => `${n}${p} ${ws.join(' ')}`),
  fc.string({ maxLength: 60 }),
  fc.constant(''),
);
const protocolLike = fc.array(line, { maxLength: 80 }).map((ls) => ls.join('\n'));

describe('parseProtocolText on arbitrary input', () => {
  it('arbitrary strings give a protocol or an ImportError', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), parseOrImportError), { numRuns: 300 });
  });

  it('arbitrary unicode with line breaks gives a protocol or an ImportError', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 1000 }), parseOrImportError), { numRuns: 200 });
  });

  it('protocol-like text gives a protocol or an ImportError', () => {
    fc.assert(fc.property(protocolLike, parseOrImportError), { numRuns: 300 });
  });

  it('hostile long lines finish quickly (no catastrophic backtracking)', () => {
    const hostile = [
      '1. ' + 'a'.repeat(50_000),
      '1. Titel\n' + 'Föredragande: ' + 'Anna Berg, '.repeat(5000),
      '1. Titel\n' + ('X beslutade att ' + 'att '.repeat(20)).repeat(500),
      '1. Titel\n' + '- '.repeat(30_000),
      '1. Titel\n' + ' '.repeat(100_000) + 'x',
      '1. Titel\n' + '(s) '.repeat(20_000),
      'Närvarande:\n' + 'Anna Berg (s) Umeå kommun, '.repeat(3000) + '\n1. Titel',
      '1. Titel\n' + 'den 16 mars '.repeat(10_000),
      '1. Titel\n' + 'kl. 8.30-'.repeat(10_000),
      '1. Titel\n' + '**_'.repeat(20_000),
      Array.from({ length: 3000 }, (_, i) => `${i + 1}. Punkt ${i + 1}\nNämnden beslutade att godkänna.`).join('\n'),
      '1. Titel\n' + 'fér6|&ä '.repeat(10_000),
      '1. Titel\n' + 'samverkansméjligheter'.repeat(2000),
    ];
    for (const text of hostile) {
      const t0 = performance.now();
      parseOrImportError(text);
      expect(performance.now() - t0).toBeLessThan(5000);
    }
  });
});
