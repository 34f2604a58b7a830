// The batch importer (importFiles, what `samverka import` and the first start run): files are read
// and parsed ahead of the store, in a worker thread when the batch is large; what is stored and
// reported is the same as importing the files one at a time.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { importFiles, type BatchProgress } from '../../src/importer/store-batch.js';
import { readHere, startReadWorker } from '../../src/importer/read-ahead.js';
import { countMeetings } from '../../src/store/queries/meetings.js';
import type { Store } from '../../src/store/db.js';
import { FIXTURES, IDS } from './helpers.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-batch-'));
const fixture = (name: string) => path.join(FIXTURES, name);
function file(name: string, content: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

const protocols = [`${IDS.p000}.txt`, `${IDS.p002}.txt`, `${IDS.p003}.txt`].map(fixture);
const ocrDamaged = [`${IDS.p000}.ocr.txt`, `${IDS.p002}.ocr.txt`, `${IDS.p003}.ocr.txt`].map(fixture);
const empty = file('tom.txt', '');
const word = file('protokoll.docx', 'PK\u0003\u0004 not really a Word file');
const notAProtocol = file('inköpslista.txt', 'mjölk\nägg\nsmör\n');

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const summary = (r: Awaited<ReturnType<typeof importFiles>>[number]) =>
  r.ok ? { file: path.basename(r.file), ok: true, created: r.created, body: r.body, items: r.items } : { file: path.basename(r.file), ok: false, code: r.code };

describe('importing a batch of files', () => {
  it('reports a bad file in the middle and stores the rest, in input order', async () => {
    const files = [protocols[0]!, empty, protocols[1]!, word, notAProtocol, protocols[2]!];
    const progress: BatchProgress[] = [];
    const results = await importFiles(store.db, files, {}, (p) => progress.push(p));

    expect(results.map(summary)).toEqual([
      expect.objectContaining({ file: `${IDS.p000}.txt`, ok: true, created: true }),
      { file: 'tom.txt', ok: false, code: 'empty' },
      expect.objectContaining({ file: `${IDS.p002}.txt`, ok: true, created: true }),
      { file: 'protokoll.docx', ok: false, code: 'unsupported' },
      { file: 'inköpslista.txt', ok: false, code: 'no_items' },
      expect.objectContaining({ file: `${IDS.p003}.txt`, ok: true, created: true }),
    ]);
    expect(progress.map((p) => [p.done, p.total])).toEqual(files.map((_, i) => [i + 1, files.length]));
    expect(progress.map((p) => p.result)).toEqual(results);
    expect(await countMeetings(store.db)).toBe(3);
  });

  it('the read-ahead worker starts and reads a file as this thread does, failures too', async () => {
    const reader = startReadWorker();
    try {
      expect(await reader.ready).toBe(true);
      const [there, here] = [await reader.read(ocrDamaged[1]!), await readHere(ocrDamaged[1]!)];
      if ('error' in there || 'error' in here) throw new Error('the fixture did not read');
      expect(there.parsed).toEqual(here.parsed);
      expect(there.text).toBe(here.text);
      expect(Buffer.from(there.bytes).equals(Buffer.from(here.bytes))).toBe(true);
      const failed = await reader.read(empty);
      expect('error' in failed && (failed.error as { code?: string }).code).toBe('empty');
    } finally {
      await reader.close();
    }
  });

  it('a batch large enough for the worker stores and reports the same as one file at a time', async () => {
    // Repeats are re-imports of a protocol already stored: updated in place, not duplicated.
    const files = [...protocols, empty, ...ocrDamaged, ...protocols, word, ...ocrDamaged, ...protocols, ...ocrDamaged, notAProtocol];
    expect(files.length).toBeGreaterThanOrEqual(20); // store-batch.ts WORKER_MIN_FILES
    const [batch, single] = [await openTestStore(), await openTestStore()];
    try {
      const together = await importFiles(batch.db, files);
      const oneByOne = [];
      for (const f of files) oneByOne.push(...(await importFiles(single.db, [f])));
      expect(together).toEqual(oneByOne);
      const meetings = await countMeetings(batch.db);
      expect(together.filter((r) => r.ok && r.created)).toHaveLength(meetings);
      expect(together.filter((r) => r.ok).length).toBeGreaterThan(meetings);
      expect(await countMeetings(single.db)).toBe(meetings);
    } finally {
      await batch.close();
      await single.close();
    }
  });
});
