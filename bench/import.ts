// The import benchmark: parse and store 1,000 generated protocols of realistic size; prints
// protocols per second for parsing alone and for parse + store on PGlite and on a PostgreSQL server,
// and the PDF text-extraction rate in pages per second. Records them in bench/RESULTS.md.
//
//   npm run bench:import            (COUNT=1000; BENCH_DATABASE_URL for the server, default local;
//                                    RECORD=0 prints without touching RESULTS.md)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { generateProtocol, protocolText } from './generate.js';
import { recordSection } from './results.js';
import { parseProtocolText } from '../src/importer/parse/index.js';
import { readProtocolFile } from '../src/importer/read-protocol.js';
import { importFiles } from '../src/importer/store-batch.js';
import { openStore, type Store } from '../src/store/db.js';
import { seedReferenceData } from '../src/store/queries/reference-data.js';

const COUNT = Number(process.env.COUNT ?? 1000);
const SEED = 20241126;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const ROOT = path.resolve(import.meta.dirname, '..');

const texts = Array.from({ length: COUNT }, (_, i) => protocolText(generateProtocol(SEED, i)));
const perProtocol = (ms: number, n: number) => (n / (ms / 1000)).toFixed(1);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function parseAll(): number {
  const t0 = performance.now();
  for (const [i, text] of texts.entries()) parseProtocolText(text, `gen-${i}.txt`);
  return performance.now() - t0;
}

// The protocols as files, imported the way `samverka import <folder>` does (importFiles).
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-bench-import-files-'));
const files = texts.map((text, i) => {
  const file = path.join(filesDir, `gen-${i}.txt`);
  fs.writeFileSync(file, text);
  return file;
});
process.on('exit', () => fs.rmSync(filesDir, { recursive: true, force: true }));

async function storeAll(store: Store): Promise<number> {
  await seedReferenceData(store.db, path.join(ROOT, 'samples', 'reference'));
  const t0 = performance.now();
  const results = await importFiles(store.db, files);
  const ms = performance.now() - t0;
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) throw new Error(`${failed.length} generated protocols failed to import, the first: ${JSON.stringify(failed[0])}`);
  return ms;
}

async function onServer(): Promise<number | string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
  } catch (e) {
    return `not measured: no PostgreSQL server at ${ADMIN_URL.replace(/:[^:@/]*@/, ':***@')} (${(e as Error).message})`;
  }
  await admin.query('drop database if exists samverka_bench_import with (force)');
  await admin.query('create database samverka_bench_import');
  const url = new URL(ADMIN_URL);
  url.pathname = '/samverka_bench_import';
  const store = await openStore({ dataDir: '', databaseUrl: url.toString() });
  try {
    return await storeAll(store);
  } finally {
    await store.close();
    await admin.query('drop database if exists samverka_bench_import with (force)');
    await admin.end();
  }
}

const lines = texts.reduce((n, t) => n + t.split('\n').length, 0) / COUNT;
process.stderr.write(`${COUNT} generated protocols, ${lines.toFixed(0)} lines each on average\n`);

const parseRuns = [parseAll(), parseAll(), parseAll()];
const parseMs = median(parseRuns);
process.stderr.write(`parse: ${perProtocol(parseMs, COUNT)} protocols/s\n`);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-bench-import-'));
const embedded = await openStore({ dataDir });
const pgliteMs = await storeAll(embedded).finally(() => embedded.close());
fs.rmSync(dataDir, { recursive: true, force: true });
process.stderr.write(`read, parse + store, PGlite: ${perProtocol(pgliteMs, COUNT)} protocols/s\n`);

const serverMs = await onServer();
process.stderr.write(`read, parse + store, PostgreSQL: ${typeof serverMs === 'number' ? `${perProtocol(serverMs, COUNT)} protocols/s` : serverMs}\n`);

const pdf = path.join(ROOT, 'test', 'fixtures', 'protocols', '002_31134faffb5b5d71.pdf');
const pdfRuns: number[] = [];
let pages = 0;
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  pages = (await readProtocolFile(pdf, { ocr: 'never' })).pages;
  pdfRuns.push(performance.now() - t0);
}
const pdfMs = median(pdfRuns);
process.stderr.write(`PDF text extraction: ${(pages / (pdfMs / 1000)).toFixed(1)} pages/s\n`);

const table = [
  '| measure | PGlite (embedded) | PostgreSQL server | target |',
  '|---|---|---|---|',
  `| parse alone, protocols/s (median of 3 × ${COUNT}) | ${perProtocol(parseMs, COUNT)} | (same code) | – |`,
  `| read, parse + store, protocols/s (${COUNT} files through the batch importer, one transaction each) | ${perProtocol(pgliteMs, COUNT)} | ${typeof serverMs === 'number' ? perProtocol(serverMs, COUNT) : 'not measured'} | ≥ 50 / ≥ 100 |`,
  `| PDF text extraction, pages/s (median of 20 reads of a ${pages}-page protocol) | ${(pages / (pdfMs / 1000)).toFixed(1)} | – | – |`,
].join('\n');
process.stdout.write(`${table}\n`);
if (process.env.RECORD !== '0') recordSection(
  'import',
  `## Import (protocol importer issue)\n\n${COUNT} protocols from bench/generate.ts (seed ${SEED}; about ${lines.toFixed(0)} lines, 10 items each; 20 % OCR-damaged), ` +
    `written to files and imported by the batch importer (importFiles, as \`samverka import\` does): read, parsed with OCR repair and stored one transaction per protocol, each matched against what is stored, with its source text kept.\n\n${table}\n` +
    (typeof serverMs === 'string' ? `\nPostgreSQL: ${serverMs}\n` : ''),
);
