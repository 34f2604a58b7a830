// Files that are not protocols, or not readable, fail with an ImportError whose code says why.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, type ImportErrorCode } from '../../src/importer/errors.js';
import { parseProtocolText } from '../../src/importer/parse/index.js';
import { parseProtocolFile, readProtocolFile } from '../../src/importer/read-protocol.js';
import { toPreview } from '../../src/importer/preview.js';
import { IDS, fixturePath, fixtureText } from './helpers.js';
import { makePdf } from './pdf-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'samverka-bad-'));

function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function codeOf(p: Promise<unknown>): Promise<ImportErrorCode | 'no error'> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    if (e instanceof ImportError) return e.code;
    throw e;
  }
}

describe('bad input', () => {
  it('an empty file is refused as empty', async () => {
    expect(await codeOf(readProtocolFile(file('empty.txt', '')))).toBe('empty');
  });

  it('a file of only spaces and line breaks is refused as empty', async () => {
    expect(await codeOf(readProtocolFile(file('blank.txt', ' \n\n\t \r\n')))).toBe('empty');
  });

  it('binary garbage is refused as binary', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 97 + 13) % 256);
    expect(await codeOf(readProtocolFile(file('garbage.txt', bytes)))).toBe('binary');
  });

  it('an encrypted PDF is refused as encrypted', async () => {
    const pdf = makePdf(['Protokoll', '1. Godkännande av dagordning'], { encrypted: true });
    expect(await codeOf(readProtocolFile(file('locked.pdf', pdf)))).toBe('encrypted');
  });

  it('a truncated PDF is refused as corrupt', async () => {
    const whole = readFileSync(fixturePath(`${IDS.p002}.pdf`));
    for (const size of [100, 20_000, whole.length - 10]) {
      expect(await codeOf(readProtocolFile(file(`cut-${size}.pdf`, whole.subarray(0, size))))).toBe('corrupt');
    }
  });

  it('a .pdf that is not a PDF is refused as corrupt', async () => {
    expect(await codeOf(readProtocolFile(file('fake.pdf', 'just some text, not a PDF')))).toBe('corrupt');
  });

  it('a PDF whose body is garbage between valid header and end marker is refused as corrupt', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 0x41), Buffer.from('\n%%EOF\n')]);
    expect(await codeOf(readProtocolFile(file('hollow.pdf', bytes)))).toBe('corrupt');
  });

  it('a file over the size limit is refused before it is read', async () => {
    const p = file('big.txt', 'x'.repeat(2048));
    const err = await readProtocolFile(p, { maxBytes: 1024 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('too_large');
    expect((err as ImportError).message).toMatch(/limit/);
  });

  it('a text with no numbered items is refused as no_items', () => {
    const text = 'Minnesanteckningar\n\nVi pratade om vädret och bestämde ingenting.\n';
    expect(() => parseProtocolText(text, 'notes.txt')).toThrowError(ImportError);
    try {
      parseProtocolText(text, 'notes.txt');
    } catch (e) {
      expect((e as ImportError).code).toBe('no_items');
      expect((e as ImportError).file).toBe('notes.txt');
    }
  });

  it('a Word file is refused as unsupported', async () => {
    expect(await codeOf(readProtocolFile(file('protokoll.docx', 'PK\u0003\u0004rest')))).toBe('unsupported');
  });

  it('a scanned PDF without OCR tools fails with needs_ocr and says what to install', async () => {
    const pdf = makePdf([]); // a page with no text at all
    const p = file('scan.pdf', pdf);
    const err = await readProtocolFile(p, { tools: { tesseract: 'no-such-tesseract-binary', pdftoppm: 'no-such-pdftoppm' } }).catch((e: unknown) => e);
    expect((err as ImportError).code).toBe('needs_ocr');
    expect((err as ImportError).message).toContain('apt-get install tesseract-ocr tesseract-ocr-swe poppler-utils');
  });

  it('a scanned PDF with OCR switched off fails with needs_ocr', async () => {
    expect(await codeOf(readProtocolFile(file('scan2.pdf', makePdf([])), { ocr: 'never' }))).toBe('needs_ocr');
  });

  it('Windows-1252 text parses to the same result as its UTF-8 original', async () => {
    const name = `${IDS.p002}.txt`;
    const utf8 = fixtureText(name);
    const bytes = new Uint8Array([...utf8].map((ch) => encode1252(ch)));
    const p = file(name, bytes);
    const fromFile = await parseProtocolFile(p);
    expect(fromFile).toEqual(parseProtocolText(utf8, name));
    expect(fromFile.items[4]!.text).toContain('oförändrad – väpnat');
    expect(fromFile.attendance.present[0]!.organization).toBe('Umeå kommun');
  });

  it('UTF-8 with a byte order mark parses like UTF-8 without one', async () => {
    const name = `${IDS.p003}.txt`;
    const text = fixtureText(name);
    const p = file(name, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(toPreview(await parseProtocolFile(p))).toEqual(toPreview(parseProtocolText(text, name)));
  });

  it('UTF-16 with a byte order mark is read', async () => {
    const text = '1. Godkännande av dagordning\nDagordningen godkändes.\n';
    const p = file('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect((await readProtocolFile(p)).text).toBe(text);
  });
});

// Windows-1252 for the characters Swedish protocols use; 0x80–0x9F hold the typographic ones.
const CP1252_HIGH: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97 };
function encode1252(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) return cp;
  const b = CP1252_HIGH[ch];
  if (b === undefined) throw new Error(`not in Windows-1252: ${ch}`);
  return b;
}
