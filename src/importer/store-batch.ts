import path from 'node:path';
import type { Db } from '../store/db.js';
import { readAndParseFile } from './read-protocol.js';
import { storeImportedProtocol, type StoreOptions } from './store-protocol.js';
import { maintainSearchIndex } from '../store/queries/maintenance.js';
import { inThisThread, startReadWorker, type Read } from './read-ahead.js';

// A worker thread costs a third of a second of CPU and some memory to start: worth it from a few dozen files on.
const WORKER_MIN_FILES = 20;
// How many files are read ahead of the one being stored.
const READ_AHEAD = 2;

export type FileResult =
  | { file: string; ok: true; meetingId: number; created: boolean; body: string; date: string | null; items: number; warnings: string[]; uncertainRepairs: number }
  | { file: string; ok: false; code: string; message: string };

export interface BatchProgress {
  done: number;
  total: number;
  result: FileResult;
}

const MEDIA_TYPES: Record<string, string> = { '.pdf': 'application/pdf', '.txt': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8' };

/** Reads and parses one file; throws ImportError for a file that cannot be read as a protocol. */
export const readAndParse = (file: string) => readAndParseFile(file);

/**
 * Imports files one by one, each in its own transaction: a file that fails is reported and the
 * rest go on; nothing of a failed file is left behind. Results and progress come in input order.
 */
export async function importFiles(
  db: Db,
  files: string[],
  opts: StoreOptions = {},
  onProgress?: (p: BatchProgress) => void,
): Promise<FileResult[]> {
  const results: FileResult[] = [];
  // Files are read and parsed ahead while the ones before are stored (see read-ahead.ts), in a
  // worker thread when the batch is worth starting one. Parsing needs nothing the store writes, so
  // the order of the work does not change what is stored.
  const reader = files.length >= WORKER_MIN_FILES ? startReadWorker() : inThisThread;
  const reads = new Map<number, Promise<Read>>();
  try {
    for (const [i, file] of files.entries()) {
      for (let j = i; j <= Math.min(i + READ_AHEAD, files.length - 1); j++) if (!reads.has(j)) reads.set(j, reader.read(files[j]!));
      const read = await reads.get(i)!;
      reads.delete(i);
      const result = await storeOne(db, file, read, opts);
      results.push(result);
      onProgress?.({ done: results.length, total: files.length, result });
      // A long batch on PGlite (no autovacuum) slows as the tables outgrow their statistics: every
      // 25 files, work only where much has changed. A failure here costs speed, not data.
      if (results.length % 25 === 0) await maintainSearchIndex(db, { everyMs: 0 }).catch(() => false);
    }
  } finally {
    await reader.close();
  }
  return results;
}

async function storeOne(db: Db, file: string, read: Read, opts: StoreOptions): Promise<FileResult> {
  try {
    if ('error' in read) throw read.error;
    const { parsed, text, bytes } = read;
    const stored = await storeImportedProtocol(db, parsed, {
      filename: path.basename(file),
      mediaType: MEDIA_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      bytes,
      text,
    }, opts);
    return {
      file,
      ok: true,
      meetingId: stored.meetingId,
      created: stored.created,
      body: stored.body,
      date: parsed.date,
      items: parsed.items.length,
      warnings: parsed.warnings,
      uncertainRepairs: parsed.repairs.filter((r) => !r.certain).length,
    };
  } catch (e) {
    const err = e as Error & { code?: unknown };
    return { file, ok: false, code: typeof err.code === 'string' ? err.code : 'failed', message: err.message };
  }
}
