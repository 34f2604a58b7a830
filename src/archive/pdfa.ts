// PDF/A-2b by Ghostscript, and the checks we can make without veraPDF: the XMP metadata declares
// PDF/A-2 conformance B, an sRGB output intent is there, poppler opens the file and its text still
// holds the protocol's title. See docs/e-ark.md for what that does and does not prove.

import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const TIMEOUT_MS = 120_000;
const MAX_OUTPUT = 64 * 1024 * 1024;

/** A tool the export needs is missing, or a conversion or check failed: the operator's to fix. */
export class ArchiveToolError extends Error {}

export interface Ghostscript {
  path: string;
  version: string;
  iccProfile: string;
}

/** sRGB profiles that Debian's Ghostscript and colord packages install. */
function iccCandidates(): string[] {
  const found = ['/usr/share/color/icc/ghostscript/srgb.icc', '/usr/share/color/icc/sRGB.icc', '/usr/share/color/icc/colord/sRGB.icc'];
  const gsShare = '/usr/share/ghostscript';
  if (existsSync(gsShare)) {
    for (const v of readdirSync(gsShare).sort().reverse()) found.push(path.join(gsShare, v, 'iccprofiles', 'srgb.icc'));
  }
  return found;
}

export async function findGhostscript(gsPath = 'gs'): Promise<Ghostscript> {
  let version: string;
  try {
    version = (await run(gsPath, ['--version'], { timeout: 10_000 })).stdout.trim();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ArchiveToolError(code === 'ENOENT'
      ? `the archive export needs Ghostscript to make PDF/A: apt-get install ghostscript (not found: ${gsPath})`
      : `Ghostscript (${gsPath}) does not run: ${(e as Error).message.split('\n')[0]}`);
  }
  const iccProfile = iccCandidates().find((p) => existsSync(p));
  if (!iccProfile) throw new ArchiveToolError(`PDF/A needs an sRGB ICC profile; none found in ${iccCandidates().join(', ')}`);
  return { path: gsPath, version, iccProfile };
}

/** A PostScript string literal: (…) with backslash, parentheses and non-ASCII escaped. */
function psString(s: string): string {
  return `(${[...Buffer.from(s, 'latin1')].map((b) => (b === 0x28 || b === 0x29 || b === 0x5c ? `\\${String.fromCharCode(b)}` : b < 32 || b > 126 ? `\\${b.toString(8).padStart(3, '0')}` : String.fromCharCode(b))).join('')})`;
}

/**
 * The PDF/A definition file: the sRGB profile as output intent. No document title: Ghostscript
 * 10.00 drops a non-ASCII title under PDF/A; the title is in the package's metadata instead.
 */
function pdfaDefinition(iccProfile: string): string {
  return `%!
/ICCProfile ${psString(iccProfile)} def
[/_objdef {icc_PDFA} /type /stream /OBJ pdfmark
[{icc_PDFA} << /N 3 >> /PUT pdfmark
[{icc_PDFA} ICCProfile (r) file /PUT pdfmark
[/_objdef {OutputIntent_PDFA} /type /dict /OBJ pdfmark
[{OutputIntent_PDFA} << /Type /OutputIntent /S /GTS_PDFA1 /DestOutputProfile {icc_PDFA} /OutputConditionIdentifier (sRGB) >> /PUT pdfmark
[{Catalog} << /OutputIntents [ {OutputIntent_PDFA} ] >> /PUT pdfmark
`;
}

/** At most one conversion per core at a time (the checks that follow each one count with it). */
const slots = { free: Math.max(1, os.availableParallelism()), waiting: [] as (() => void)[] };

async function inSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (slots.free > 0) slots.free--;
  else await new Promise<void>((resolve) => slots.waiting.push(resolve));
  try {
    return await fn();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free++;
  }
}

export interface PdfAResult {
  pdf: Uint8Array;
  pages: number;
  /** What was checked, for the PREMIS validation event. */
  checked: string;
}

/**
 * Converts one PDF to PDF/A-2b and checks the result. `workDir` is a private temporary directory;
 * `title` must still be in the converted file's text.
 */
export async function toPdfA(gs: Ghostscript, input: Uint8Array, title: string, workDir: string, name: string): Promise<PdfAResult> {
  return inSlot(async () => {
    const dir = await fs.mkdtemp(path.join(workDir, `${name}-`));
    try {
      const src = path.join(dir, 'in.pdf');
      const out = path.join(dir, 'out.pdf');
      const def = path.join(dir, 'PDFA_def.ps');
      await fs.writeFile(src, input);
      await fs.writeFile(def, pdfaDefinition(gs.iccProfile));
      try {
        await run(gs.path, [
          '-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-dPDFA=2', '-dPDFACompatibilityPolicy=1', '-sColorConversionStrategy=RGB',
          '-sDEVICE=pdfwrite', `--permit-file-read=${gs.iccProfile}`, `-sOutputFile=${out}`, def, src,
        ], { timeout: TIMEOUT_MS, maxBuffer: MAX_OUTPUT });
      } catch (e) {
        const err = e as Error & { stderr?: string };
        throw new ArchiveToolError(`Ghostscript could not convert ${name} to PDF/A: ${(err.stderr || err.message).trim().split('\n')[0]}`);
      }
      const pdf = new Uint8Array(await fs.readFile(out).catch(() => Buffer.alloc(0)));
      const { pages } = await checkPdfA(pdf, out, title, name);
      return { pdf, pages, checked: `XMP pdfaid:part 2, conformance B; sRGB output intent; poppler opens it (${pages} pages); its text holds "${title}"` };
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
}

/** The XMP packet's PDF/A identification: part and conformance, in attribute or element form. */
export function pdfaIdentification(pdf: Uint8Array): { part: string | null; conformance: string | null } {
  const text = Buffer.from(pdf).toString('latin1');
  const xmp = /<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/.exec(text)?.[0] ?? '';
  const field = (name: string) => new RegExp(`pdfaid:${name}\\s*=\\s*["']([^"']*)["']|<pdfaid:${name}>([^<]*)</pdfaid:${name}>`).exec(xmp);
  const part = field('part');
  const conformance = field('conformance');
  return { part: part ? (part[1] ?? part[2] ?? null) : null, conformance: conformance ? (conformance[1] ?? conformance[2] ?? null) : null };
}

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

async function poppler(tool: 'pdfinfo' | 'pdftotext', args: string[]): Promise<string> {
  try {
    return (await run(tool, args, { timeout: TIMEOUT_MS, maxBuffer: MAX_OUTPUT })).stdout;
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') throw new ArchiveToolError(`the archive export checks PDF/A files with ${tool}: apt-get install poppler-utils`);
    throw new ArchiveToolError(`${tool} cannot read the converted file: ${(err.stderr || err.message).trim().split('\n')[0]}`);
  }
}

async function checkPdfA(pdf: Uint8Array, file: string, title: string, name: string): Promise<{ pages: number }> {
  const fail = (why: string) => new ArchiveToolError(`the PDF/A made from ${name} fails its check: ${why}`);
  if (pdf.byteLength === 0) throw fail('Ghostscript wrote nothing');
  const id = pdfaIdentification(pdf);
  if (id.part !== '2' || id.conformance?.toUpperCase() !== 'B') throw fail(`its XMP declares part ${id.part ?? '(none)'}, conformance ${id.conformance ?? '(none)'}`);
  if (!Buffer.from(pdf).includes('/GTS_PDFA1')) throw fail('it has no PDF/A output intent (was the ICC profile readable?)');
  const info = await poppler('pdfinfo', [file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  if (pages < 1) throw fail('it has no pages');
  const text = squash(await poppler('pdftotext', ['-enc', 'UTF-8', file, '-']));
  if (!text.includes(squash(title))) throw fail(`its text no longer holds "${title}"`);
  return { pages };
}
