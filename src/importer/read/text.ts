// Bytes of a .txt/.md file → text. UTF-8 (with or without BOM), UTF-16 with BOM, and the
// Windows-1252 that older Swedish Word/Notepad exports use, recognised by not being valid UTF-8.

import { ImportError } from '../errors.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function detectEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: 'windows-1252', bomLength: 0 };
  }
}

/** Text files have no NUL bytes and few control characters; binary data has many. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.length === 0) return false;
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control / sample.length > 0.02;
}

export function decodeText(bytes: Uint8Array, file?: string): string {
  if (bytes.length === 0) throw new ImportError('empty', undefined, { file });
  const { encoding, bomLength } = detectEncoding(bytes);
  const body = bytes.subarray(bomLength);
  if (encoding.startsWith('utf-8') || encoding === 'windows-1252') {
    if (looksBinary(body)) throw new ImportError('binary', undefined, { file });
  }
  const text = encoding === 'windows-1252' ? decodeWindows1252(body) : new TextDecoder(encoding).decode(body);
  if (!text.trim()) throw new ImportError('empty', undefined, { file });
  return text;
}

// Node's TextDecoder('windows-1252') decodes as ISO-8859-1, losing the typographic characters
// Windows puts at 0x80–0x9F (– ” • …); they are mapped here.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b)));
  }
  return out;
}

/**
 * Markdown → the plain text a protocol would have: headings without "#", links as their text,
 * emphasis without asterisks, list items as "- ".
 */
export function markdownToText(md: string): string {
  return md
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/\s+#+\s*$/, '')
        .replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
        .replace(/\[([^\]\n]+)\]\([^)\n]*\)/g, '$1')
        .replace(/(\*\*|__)([^*_\n]{1,300}?)\1/g, '$2')
        .replace(/(^|[\s(])[*_]([^*_\n]{1,300}?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
        .replace(/^(\s*)[*+]\s+/, '$1- ')
        .replace(/^\s*>\s?/, '')
        .replace(/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/, '')
        .replace(/^\|(.*)\|$/, (_m, inner: string) => inner.split('|').map((c) => c.trim()).join('  ')),
    )
    .join('\n');
}
