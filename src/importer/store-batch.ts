import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../store/db.js';
import { readAndParseFile } from './read-protocol.js';
import { storeImportedProtocol, type StoreOptions } from './store-protocol.js';
import { maintainSearchIndex } from '../store/queries/search.js';

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
 * rest go on; nothing of a failed file is left behind.
 */
export async function importFiles(
  db: Db,
  files: string[],
  opts: StoreOptions = {},
  onProgress?: (p: BatchProgress) => void,
): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const file of files) {
    let result: FileResult;
    try {
      const { parsed, text } = await readAndParse(file);
      const bytes = await fs.readFile(file);
      const stored = await storeImportedProtocol(db, parsed, {
        filename: path.basename(file),
        mediaType: MEDIA_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        bytes,
        text,
      }, opts);
      result = {
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
      result = { file, ok: false, code: typeof err.code === 'string' ? err.code : 'failed', message: err.message };
    }
    results.push(result);
    onProgress?.({ done: results.length, total: files.length, result });
    // A long batch on PGlite (no autovacuum) slows as the tables outgrow their statistics; at most
    // once a minute, and only when much has changed. A failure here costs speed, not data.
    if (results.length % 25 === 0) await maintainSearchIndex(db).catch(() => false);
  }
  return results;
}
