// Every example in every form must score at least 0.97 against its hand-made reference,
// measured with the TypeScript port of score.py.

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseProtocolText } from '../../src/importer/parse/index.js';
import { parseProtocolFile } from '../../src/importer/read-protocol.js';
import { toPreview } from '../../src/importer/preview.js';
import { IDS, expected, fixturePath, fixtureText } from './helpers.js';
import { scorePreview } from './score.js';

const MIN_SCORE = 0.97;

function scoreOf(id: string, preview: ReturnType<typeof toPreview>): number {
  const result = scorePreview(expected(id), preview as unknown as Record<string, unknown>);
  if (result.score < MIN_SCORE) console.error(id, result.parts);
  return result.score;
}

describe('the examples as text', () => {
  for (const id of Object.values(IDS)) {
    for (const form of ['.txt', '.ocr.txt']) {
      it(`${id}${form} scores at least ${MIN_SCORE}`, () => {
        const name = id + form;
        const preview = toPreview(parseProtocolText(fixtureText(name), name));
        expect(preview.source).toBe(name);
        expect(scoreOf(id, preview)).toBeGreaterThanOrEqual(MIN_SCORE);
      });
    }
  }

  it('scores the same without the system dictionary (the shipped word lists suffice)', () => {
    for (const id of Object.values(IDS)) {
      const name = `${id}.ocr.txt`;
      const preview = toPreview(parseProtocolText(fixtureText(name), name, { repair: { systemDictionary: false } }));
      expect(scoreOf(id, preview)).toBeGreaterThanOrEqual(MIN_SCORE);
    }
  });
});

describe('the examples as PDF', () => {
  it('a born-digital PDF of 002 (running header, page numbers, wrapped lines) scores at least 0.97', async () => {
    const name = `${IDS.p002}.pdf`;
    const parsed = await parseProtocolFile(fixturePath(name));
    expect(parsed.source).toBe(name);
    expect(parsed.title).toBe('Protokoll Samråd vård och omsorg');
    expect(scoreOf(IDS.p002, toPreview(parsed))).toBeGreaterThanOrEqual(MIN_SCORE);
  });

  const hasTesseract = spawnSync('tesseract', ['--version']).status === 0 && spawnSync('pdftoppm', ['-v']).status === 0;
  it.skipIf(!hasTesseract)(
    'a scan of 000 (page images only, read by tesseract) scores at least 0.97' +
      (hasTesseract ? '' : ' — skipped: tesseract/pdftoppm not on PATH (apt-get install tesseract-ocr tesseract-ocr-swe poppler-utils)'),
    async () => {
      const name = `${IDS.p000}.scan.pdf`;
      const parsed = await parseProtocolFile(fixturePath(name));
      expect(parsed.warnings[0]).toMatch(/OCR/);
      expect(scoreOf(IDS.p000, toPreview(parsed))).toBeGreaterThanOrEqual(MIN_SCORE);
    },
    180_000,
  );
});
