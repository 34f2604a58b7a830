import { createHash } from 'node:crypto';

// Small helpers shared by the package's parts: checksums, safe names, XML-safe text and dates.

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** One file of the package, as the METS file section and PREMIS describe it. */
export interface PackageFile {
  /** Path from the package root, with forward slashes: "representations/rep1/data/…". */
  path: string;
  mimeType: string;
  size: number;
  sha256: string;
  created: Date;
  /** For PREMIS: the name the file had before it came into the package. */
  originalName?: string;
  format?: FileFormat;
}

export interface FileFormat {
  name: string;
  version?: string;
  /** PRONOM identifier (PUID), when there is one for exactly this format. */
  pronom?: string;
}

export const FORMATS = {
  pdfa2b: { name: 'PDF/A-2b', version: '2b', pronom: 'fmt/477' },
  pdf17: { name: 'Portable Document Format', version: '1.7', pronom: 'fmt/276' },
  pdf: { name: 'Portable Document Format' },
  json: { name: 'JSON', pronom: 'fmt/817' },
  xml: { name: 'Extensible Markup Language', version: '1.0', pronom: 'fmt/101' },
  xsd: { name: 'XML Schema Definition', version: '1.0' },
  text: { name: 'Plain Text File', pronom: 'x-fmt/111' },
} satisfies Record<string, FileFormat>;

/** "text/plain; charset=utf-8" → "text/plain": METS wants the IANA type. */
export function baseMediaType(mediaType: string): string {
  return mediaType.split(';')[0]!.trim().toLowerCase() || 'application/octet-stream';
}

/** A file name safe in a zip on every system: ASCII letters, digits, dot, dash and underscore. */
export function safeName(name: string, fallback = 'fil'): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return (ascii || fallback).slice(0, 120);
}

// XML 1.0 cannot carry most control characters (a form feed from a PDF's text, say); they go.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: string): string {
  return s.replace(NOT_XML, '');
}

/** A local date and time for ERMS (xs:dateTime without a zone, as the meeting was held): "2023-02-23T09:00:00". */
export function localDateTime(date: string, time?: string | null): string {
  const hm = time && /^\d{1,2}:\d{2}/.test(time) ? time.slice(0, 5).padStart(5, '0') : '00:00';
  return `${date}T${hm}:00`;
}

/** An instant for METS/PREMIS: "2024-02-23T08:15:30Z" (whole seconds). */
export function instant(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
