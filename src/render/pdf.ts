// HTML → PDF through Chromium (playwright-core). Chromium prints real text with embedded font
// subsets, so the PDF is searchable and its text can be imported again.
//
// Starting Chromium costs about a second, so one browser is started lazily and reused; each
// document gets its own page. At most two documents print at once (the server may have two cores
// and other work to do) and a bounded number wait their turn; beyond that the caller is told to
// come back later. The browser is closed by closePdfRenderer() (the CLI calls it when done), after
// a minute without work (so that an idle server or a finished test does not keep it), and,
// failing those, by playwright when the process exits.

import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { SV } from './texts.js';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--no-first-run',
];
const MAX_PARALLEL = 2;
const MAX_WAITING = 40;
const RENDER_TIMEOUT_MS = 60_000;
const IDLE_CLOSE_MS = 60_000;

/** Chromium is not installed where it is looked for. */
export class PdfUnavailableError extends Error {}
/** Too many documents are waiting to be printed. */
export class PdfBusyError extends Error {}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

let browser: Promise<Browser> | null = null;
let idleTimer: NodeJS.Timeout | null = null;

function getBrowser(): Promise<Browser> {
  if (browser) return browser;
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) {
    throw new PdfUnavailableError(`PDF needs Chromium: apt-get install chromium, or set CHROMIUM_PATH (not found: ${executablePath})`);
  }
  // playwright-core is loaded on the first PDF, not at start: it is the largest module the server
  // would otherwise hold in memory all its life (about 75 MB), and most processes never print.
  const started = import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30_000 })).then((b) => {
    b.on('disconnected', () => {
      if (browser === started) browser = null;
    });
    return b;
  });
  started.catch(() => {
    if (browser === started) browser = null;
  });
  browser = started;
  return started;
}

/** Closes the shared browser; the next document starts a new one. */
export async function closePdfRenderer(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const b = browser;
  browser = null;
  if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
}

// A small semaphore: callers wait in order for one of MAX_PARALLEL slots. A finishing caller hands
// its slot straight to the next in line, so that no newcomer slips in between.
let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) {
    if (waiting.length >= MAX_WAITING) throw new PdfBusyError('too many PDF documents are being printed; try again shortly');
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
    if (running === 0) {
      idleTimer = setTimeout(() => void closePdfRenderer(), IDLE_CLOSE_MS);
      idleTimer.unref();
    }
  }
}

/** Rows of [left, right] texts printed in the page margins of every page. */
export interface PageFurniture {
  header: [string, string][];
  footer: [string, string][];
}

export interface PdfOptions {
  /** Header and footer rows; by default from the document's samverka-page meta tag. */
  furniture?: PageFurniture;
}

function unescapeHtml(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The furniture the document asks for (see renderProtocolHtml), or none. */
export function furnitureOf(html: string): PageFurniture {
  const m = /<meta name="samverka-page" content="([^"]*)">/.exec(html);
  if (!m) return { header: [], footer: [] };
  try {
    const parsed = JSON.parse(unescapeHtml(m[1]!)) as PageFurniture;
    return { header: parsed.header ?? [], footer: parsed.footer ?? [] };
  } catch {
    return { header: [], footer: [] };
  }
}

const FONT = "font-family: 'Liberation Sans', Arial, sans-serif; font-size: 8pt; line-height: 1.35; color: #444;";
const ROW = 'display: flex; justify-content: space-between; gap: 8mm;';

function rows(list: [string, string][]): string {
  return list.map(([l, r]) => `<div style="${ROW}"><span>${escapeHtml(l)}</span><span>${escapeHtml(r)}</span></div>`).join('');
}

function templates(f: PageFurniture): { headerTemplate: string; footerTemplate: string } {
  const box = `${FONT} width: 100%; margin: 0 20mm 0 25mm;`;
  const pageNumber = escapeHtml(SV.page('#', '#')).replace('#', '<span class="pageNumber"></span>').replace('#', '<span class="totalPages"></span>');
  return {
    headerTemplate: `<div style="${box} border-bottom: 0.5pt solid #999; padding-bottom: 2pt;">${rows(f.header)}</div>`,
    footerTemplate: `<div style="${box}">${rows(f.footer)}<div style="text-align: center; margin-top: 3pt;">${pageNumber}</div></div>`,
  };
}

export async function htmlToPdf(html: string, opts: PdfOptions = {}): Promise<Uint8Array> {
  const { headerTemplate, footerTemplate } = templates(opts.furniture ?? furnitureOf(html));
  return inTurn(async () => {
    const b = await getBrowser().catch((e: unknown) => {
      if (e instanceof PdfUnavailableError) throw e;
      throw new PdfUnavailableError(`PDF needs Chromium, which did not start (${(e as Error).message.split('\n')[0]}): apt-get install chromium, or set CHROMIUM_PATH`);
    });
    const context = await b.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      // The document is self-contained; it may fetch nothing.
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load', timeout: RENDER_TIMEOUT_MS });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate,
        footerTemplate,
        margin: { top: '26mm', bottom: '24mm', left: '25mm', right: '20mm' },
        tagged: true,
        outline: false,
      });
      return new Uint8Array(pdf);
    } finally {
      await context.close().catch(() => undefined);
    }
  });
}
