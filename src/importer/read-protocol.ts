// One file → its text (readProtocolFile) or its parsed protocol (parseProtocolFile).
// .txt/.md are decoded (UTF-8, UTF-8 BOM, UTF-16 BOM, Windows-1252); a PDF is read from its text
// layer, and pages without one are OCR'd. Every failure is an ImportError with a code.

import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { ParsedProtocol } from '../domain/protocol-preview.js';
import { ImportError } from './errors.js';
import { parseProtocolText, type ParseOptions } from './parse/index.js';
import { dropOcrNoise, joinPages } from './read/layout.js';
import { ocrPdfPages, type OcrOptions } from './read/ocr.js';
import { readPdfText } from './read/pdf.js';
import { decodeText, markdownToText } from './read/text.js';
import { getLexicon } from './repair/lexicon.js';

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

export interface ReadOptions extends OcrOptions {
  /** Larger files are refused before they are read (default 100 MB). */
  maxBytes?: number;
  /** 'never': a PDF page without text fails with needs_ocr instead of being OCR'd. */
  ocr?: 'auto' | 'never';
}

export interface ReadResult {
  text: string;
  pages: number; // 1 for a text file
  ocr: boolean; // some page was read by OCR
}

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.text']);
export const SUPPORTED_EXTENSIONS = new Set([...TEXT_EXTENSIONS, '.pdf']);

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export async function readProtocolFile(path: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const file = basename(path);
  const info = await stat(path);
  if (!info.isFile()) throw new ImportError('unsupported', `Not a file: ${file}`, { file });
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (info.size > maxBytes) {
    const mb = (n: number): string => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
    throw new ImportError('too_large', `The file is too large to import (${mb(info.size)}; the limit is ${mb(maxBytes)}).`, { file });
  }
  const ext = extname(path).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.has(ext) && ext !== '') {
    throw new ImportError('unsupported', `Files of type ${ext} are not supported: import .txt, .md or .pdf files.`, { file });
  }
  if (info.size === 0) throw new ImportError('empty', undefined, { file });
  const bytes = await readAll(path, info.size);

  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]) || ext === '.pdf') return readPdf(path, bytes, opts, file);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ImportError('unsupported', 'This is a Word or other office file: save it as PDF or text and import that.', { file });
  }
  const text = decodeText(bytes, file);
  return { text: ext === '.md' || ext === '.markdown' ? markdownToText(text) : text, pages: 1, ocr: false };
}

async function readAll(path: string, size: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buf = new Uint8Array(size);
    let off = 0;
    while (off < size) {
      const { bytesRead } = await handle.read(buf, off, size - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return buf.subarray(0, off);
  } finally {
    await handle.close();
  }
}

async function readPdf(path: string, bytes: Uint8Array, opts: ReadOptions, file: string): Promise<ReadResult> {
  const pdf = await readPdfText(bytes, file);
  const pages = pdf.pages.map((p) => [...p]);
  let ocr = false;
  if (pdf.textless.length > 0) {
    if (opts.ocr === 'never') {
      throw new ImportError('needs_ocr', `${pdf.textless.length} of ${pages.length} pages have no text and need OCR, which is switched off.`, { file });
    }
    const read = await ocrPdfPages(path, pdf.textless, opts, file);
    const lex = getLexicon();
    for (const [n, lines] of read) pages[n - 1] = dropOcrNoise(lines, (w) => lex.has(w));
    ocr = true;
  }
  const text = joinPages(pages);
  if (!text.trim()) throw new ImportError('empty', 'The PDF contains no text, not even by OCR.', { file });
  return { text, pages: pages.length, ocr };
}

export interface ParseFileOptions extends ReadOptions, ParseOptions {}

export async function parseProtocolFile(path: string, opts: ParseFileOptions = {}): Promise<ParsedProtocol> {
  return (await readAndParseFile(path, opts)).parsed;
}

/** The file's text as read (kept as the source of record) and what was parsed from it. */
export async function readAndParseFile(path: string, opts: ParseFileOptions = {}): Promise<{ parsed: ParsedProtocol; text: string }> {
  const read = await readProtocolFile(path, opts);
  const parsed = parseProtocolText(read.text, basename(path), opts);
  if (read.ocr) parsed.warnings.unshift('read by OCR from page images: check names, numbers and dates');
  return { parsed, text: read.text };
}
