import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectProtocolFiles } from '../../src/importer/collect-files.js';
import { joinPages, rejoinHyphenated, removePageFurniture, dropOcrNoise } from '../../src/importer/read/layout.js';
import { readPdfText } from '../../src/importer/read/pdf.js';
import { decodeText, detectEncoding, markdownToText } from '../../src/importer/read/text.js';
import { parseProtocolFile, readProtocolFile } from '../../src/importer/read-protocol.js';
import { IDS, fixturePath } from './helpers.js';
import { makePdf } from './pdf-fixtures.js';

describe('text files', () => {
  it('bytes that are not valid UTF-8 are read as Windows-1252', () => {
    const bytes = new Uint8Array([0x53, 0x61, 0x6d, 0x72, 0xe5, 0x64, 0x20, 0x96, 0x20, 0x76, 0xe5, 0x72, 0x64]);
    expect(detectEncoding(bytes).encoding).toBe('windows-1252');
    expect(decodeText(bytes)).toBe('Samråd – vård');
  });

  it('markdown becomes plain text: headings, links, emphasis and list markers', () => {
    expect(markdownToText('# Protokoll LSG\n\n**Plats:** Teams\n\n* punkt\n[Vad är nära vård?](#)')).toBe('Protokoll LSG\n\nPlats: Teams\n\n- punkt\nVad är nära vård?');
  });

  it('a .md protocol is read and parsed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverka-md-'));
    const p = join(dir, 'protokoll.md');
    writeFileSync(p, '# Protokoll Länssamverkansgruppen\n\n## 1. Godkännande av dagordning\n\n**Länssamverkansgruppen** godkände dagordningen.\n');
    const parsed = await parseProtocolFile(p);
    expect(parsed.items.map((i) => [i.number, i.title])).toEqual([[1, 'Godkännande av dagordning']]);
    expect(parsed.body).toBe('Länssamverkansgruppen');
  });
});

describe('PDF layout', () => {
  it('running headers, footers and page numbers are dropped', () => {
    const text = ['Första sidans text.', 'Andra sidans text slutar', 'Tredje sidans text.'];
    const pages = [1, 2, 3].map((n) => [`Protokoll 2022-03-16 Region Västerbotten`, `${n}/3`, text[n - 1]!, `Sidan ${n} av 3`]);
    expect(removePageFurniture(pages)).toEqual(text.map((t) => [t]));
  });

  it('a sentence that happens to end several pages is kept', () => {
    const pages = ['Alfa', 'Beta', 'Gamma'].map((w) => [`${w} börjar här`, 'Mer text.', 'Samråd vård och omsorg godkände informationen.']);
    expect(removePageFurniture(pages).map((p) => p.length)).toEqual([3, 3, 3]);
  });

  it('a header that OCR reads slightly differently on each page is still dropped', () => {
    const pages = [
      ['LÄNSSAMVERKANSGRUPPEN - PROTOKOLL Region Västerbotten', 'Första sidans text.'],
      ['| LÄNSSAMVERKANSGRUPPEN -PROTOKOLL | Region Västerbotten', 'Andra sidans text.'],
      ['LÄNSSAMVERKANSGRUPPEN-- PROTOKOLL Region Vasterbotten', 'Tredje sidans text.'],
    ];
    expect(removePageFurniture(pages).map((p) => p.length)).toEqual([1, 1, 1]);
  });

  it('words hyphenated at a line end are rejoined; compounds keep their hyphen', () => {
    expect(rejoinHyphenated(['en utveck-', 'ling av', 'NPF-', 'rutinen och hälso-', 'och sjukvård'])).toEqual([
      'en utveckling', 'av', 'NPF-rutinen', 'och hälso-', 'och sjukvård',
    ]);
  });

  it('pages are joined with a page break the parser reads across', () => {
    expect(joinPages([['Sista raden på sidan'], ['första raden på nästa']])).toBe('Sista raden på sidan\n\n\n\nförsta raden på nästa\n');
  });

  it('OCR specks at a page edge are dropped, words are kept', () => {
    const known = new Set(['av', 'text', 'och']);
    expect(dropOcrNoise(['fbr bee rr Rare', 'av', 'Text och text', '—- Fb -— >S-—-—-—', 'text |'], (w) => known.has(w))).toEqual(['av', 'Text och text', 'text']);
  });

  it('a vertical gap in the text layer becomes a paragraph break', async () => {
    const pdf = await readPdfText(makePdf(['1. Godkännande av dagordning', 'Första raden', 'andra raden.', '', 'Nytt stycke.']));
    expect(pdf.pages[0]).toEqual(['1. Godkännande av dagordning', 'Första raden', 'andra raden.', '', 'Nytt stycke.']);
    expect(pdf.textless).toEqual([]);
  });

  it('reports the page count of a PDF and that no OCR was needed', async () => {
    const r = await readProtocolFile(fixturePath(`${IDS.p002}.pdf`));
    expect(r.pages).toBe(8);
    expect(r.ocr).toBe(false);
    expect(r.text).not.toMatch(/Protokoll 2022-03-16 Region Västerbotten/);
    expect(r.text).not.toMatch(/^\d\/8$/m);
  });
});

describe('collecting files', () => {
  it('expands folders recursively to .txt, .md and .pdf files, sorted, hidden files skipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverka-collect-'));
    mkdirSync(join(dir, 'b', 'c'), { recursive: true });
    mkdirSync(join(dir, '.git'));
    for (const f of ['b/c/z.pdf', 'b/a.md', 'a.txt', 'notes.docx', '.hidden.txt', '.git/x.txt', 'b/expected.json']) writeFileSync(join(dir, f), 'x');
    const explicit = join(dir, 'notes.docx');
    expect(await collectProtocolFiles([dir, explicit, join(dir, 'a.txt')])).toEqual(
      [join(dir, 'a.txt'), join(dir, 'b/a.md'), join(dir, 'b/c/z.pdf'), explicit].sort(),
    );
  });
});
