// OCR for PDF pages without a text layer (scans): each page is rendered with
// `pdftoppm -r 300 -gray` and read with `tesseract … -l swe`. Both are Debian packages; when they
// are missing the import fails with a message that says what to install.

import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportError } from '../errors.js';

export interface OcrTools {
  pdftoppm?: string;
  tesseract?: string;
}

export interface OcrOptions {
  tools?: OcrTools;
  language?: string; // tesseract language, default "swe"
  /** Seconds allowed for one page (render + recognise). */
  pageTimeoutSeconds?: number;
}

const INSTALL_HINT = 'apt-get install tesseract-ocr tesseract-ocr-swe poppler-utils';

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // One thread per tesseract: its OpenMP threads fight each other on a small machine and make
    // it several times slower; pages run side by side instead.
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

function missing(what: string, file?: string): ImportError {
  return new ImportError(
    'needs_ocr',
    `The PDF has pages without text and needs OCR, but ${what}. Install the OCR tools: ${INSTALL_HINT}`,
    { file },
  );
}

/** Check that pdftoppm and tesseract (with the language) can be run. */
export async function checkOcrTools(opts: OcrOptions = {}, file?: string): Promise<void> {
  const pdftoppm = opts.tools?.pdftoppm ?? 'pdftoppm';
  const tesseract = opts.tools?.tesseract ?? 'tesseract';
  const lang = opts.language ?? 'swe';
  try {
    await run(pdftoppm, ['-v'], 10_000);
  } catch {
    throw missing(`"${pdftoppm}" (poppler-utils) is not installed`, file);
  }
  let langs: string;
  try {
    const r = await run(tesseract, ['--list-langs'], 10_000);
    langs = r.stdout + r.stderr;
  } catch {
    throw missing(`"${tesseract}" (tesseract-ocr) is not installed`, file);
  }
  if (!new RegExp(`^${lang}$`, 'm').test(langs)) {
    throw missing(`tesseract has no "${lang}" language data (tesseract-ocr-${lang})`, file);
  }
}

async function ocrPage(pdfPath: string, page: number, dir: string, opts: OcrOptions): Promise<string[]> {
  const pdftoppm = opts.tools?.pdftoppm ?? 'pdftoppm';
  const tesseract = opts.tools?.tesseract ?? 'tesseract';
  const timeout = (opts.pageTimeoutSeconds ?? 180) * 1000;
  const prefix = join(dir, `page-${page}`);
  const render = await run(pdftoppm, ['-r', '300', '-gray', '-f', String(page), '-l', String(page), '-singlefile', pdfPath, prefix], timeout);
  if (render.code !== 0) {
    throw new ImportError('corrupt', `Page ${page} of the PDF could not be rendered for OCR: ${render.stderr.trim().slice(0, 200)}`);
  }
  const read = await run(tesseract, [`${prefix}.pgm`, 'stdout', '-l', opts.language ?? 'swe'], timeout);
  await rm(`${prefix}.pgm`, { force: true });
  if (read.code !== 0) {
    throw new ImportError('needs_ocr', `OCR of page ${page} failed: ${read.stderr.trim().slice(0, 200)}`);
  }
  return read.stdout.replace(/\f/g, '').split(/\r?\n/).map((l) => l.trimEnd());
}

/** OCR the given 1-based pages of a PDF; returns their lines, in page order. */
export async function ocrPdfPages(pdfPath: string, pages: readonly number[], opts: OcrOptions = {}, file?: string): Promise<Map<number, string[]>> {
  await checkOcrTools(opts, file);
  const dir = await mkdtemp(join(tmpdir(), 'samverka-ocr-'));
  const result = new Map<number, string[]>();
  try {
    const queue = [...pages];
    const workers = Math.max(1, Math.min(queue.length, availableParallelism()));
    await Promise.all(
      Array.from({ length: workers }, async () => {
        for (let page = queue.shift(); page !== undefined; page = queue.shift()) {
          result.set(page, await ocrPage(pdfPath, page, dir, opts));
        }
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return result;
}
