// PDF → pages of lines, from the text layer (pdf.js through unpdf). Lines are rebuilt from the
// positions of the text pieces; a vertical gap clearly larger than the line spacing becomes a
// blank line, so paragraphs survive. Pages with (almost) no text are reported for OCR.

import { getDocumentProxy } from 'unpdf';
import { ImportError } from '../errors.js';

export interface PdfText {
  pages: string[][]; // lines per page; empty for a page without a text layer
  textless: number[]; // 1-based numbers of pages that need OCR
}

interface Piece {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Fewer visible characters than this on a page: it is an image, not text. */
const MIN_PAGE_CHARS = 20;

function toLines(pieces: Piece[]): string[] {
  const sorted = pieces.filter((p) => p.str.trim()).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: { y: number; h: number; pieces: Piece[] }[] = [];
  for (const p of sorted) {
    const row = rows[rows.length - 1];
    const tol = Math.max(2, (p.h || 10) * 0.4);
    if (row && Math.abs(row.y - p.y) <= tol) row.pieces.push(p);
    else rows.push({ y: p.y, h: p.h || 10, pieces: [p] });
  }
  const texts = rows.map((row) => {
    row.pieces.sort((a, b) => a.x - b.x);
    let s = '';
    let end = -Infinity;
    for (const p of row.pieces) {
      const gap = p.x - end;
      if (s && gap > (p.h || 10) * 0.15 && !/\s$/.test(s) && !/^\s/.test(p.str)) s += ' ';
      s += p.str;
      end = p.x + p.w;
    }
    return s.replace(/\s+/g, ' ').trim();
  });
  // The usual distance between lines; a gap half again as large separates paragraphs.
  const gaps: number[] = [];
  for (let i = 1; i < rows.length; i++) gaps.push(rows[i - 1]!.y - rows[i]!.y);
  const sortedGaps = [...gaps].sort((a, b) => a - b);
  const lineGap = sortedGaps[Math.floor(sortedGaps.length * 0.3)] ?? 0;
  const out: string[] = [];
  texts.forEach((t, i) => {
    if (i > 0 && lineGap > 0 && gaps[i - 1]! > lineGap * 1.5) out.push('');
    out.push(t);
  });
  return out;
}

function classify(e: unknown, file?: string): ImportError {
  const name = (e as { name?: string })?.name ?? '';
  const message = (e as { message?: string })?.message ?? String(e);
  if (name === 'PasswordException' || /password/i.test(message)) {
    return new ImportError('encrypted', undefined, { file, cause: e });
  }
  return new ImportError('corrupt', `The PDF is damaged or incomplete and cannot be read (${message}).`, { file, cause: e });
}

export async function readPdfText(bytes: Uint8Array, file?: string): Promise<PdfText> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw new ImportError('corrupt', 'The file is not a PDF (no %PDF header).', { file });
  // A PDF ends with %%EOF; a truncated download does not, and pdf.js would quietly read part of it.
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!tail.includes('%%EOF')) {
    throw new ImportError('corrupt', 'The PDF is incomplete (truncated: no end-of-file marker).', { file });
  }
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of the buffer it is given: give it a copy.
    doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (e) {
    throw classify(e, file);
  }
  try {
    const pages: string[][] = [];
    const textless: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const pieces: Piece[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        pieces.push({ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number, w: item.width, h: item.height });
      }
      const lines = toLines(pieces);
      const chars = lines.join('').replace(/\s/g, '').length;
      if (chars < MIN_PAGE_CHARS) {
        textless.push(n);
        pages.push([]);
      } else pages.push(lines);
      page.cleanup();
    }
    return { pages, textless };
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw classify(e, file);
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
