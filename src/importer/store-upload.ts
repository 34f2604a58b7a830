import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ParsedProtocol } from '../domain/protocol-preview.js';
import { canEditBody, isAdmin, type Viewer } from '../domain/access.js';
import type { Db } from '../store/db.js';
import { findBodyByName } from '../store/queries/bodies.js';
import { getUpload, insertUpload, markUploadStored, type StagedUpload } from '../store/queries/import-uploads.js';
import { readAndParse } from './store-batch.js';
import { storeImportedProtocol } from './store-protocol.js';
import { SUPPORTED_EXTENSIONS } from './read-protocol.js';

// Import through the web: a file is read and parsed at once and waits, with its preview, until a
// person has checked it, corrected what was read wrong, and stored it.

const MEDIA_TYPES: Record<string, string> = { '.pdf': 'application/pdf', '.md': 'text/markdown; charset=utf-8' };

export async function stageUpload(db: Db, viewer: Viewer & { kind: 'account' }, file: { filename: string; bytes: Uint8Array }): Promise<StagedUpload> {
  const filename = path.basename(file.filename).slice(0, 200) || 'protokoll';
  const ext = path.extname(filename).toLowerCase();
  const common = {
    accountId: viewer.accountId,
    filename,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    mediaType: MEDIA_TYPES[ext] ?? (ext === '.pdf' ? 'application/pdf' : 'text/plain; charset=utf-8'),
    content: file.bytes,
  };
  if (!SUPPORTED_EXTENSIONS.has(ext)) {
    return insertUpload(db, { ...common, mediaType: 'application/octet-stream', text: null, parsed: null, errorCode: 'unsupported', errorMessage: 'This kind of file is not supported: import .txt, .md or .pdf files.' });
  }
  // The readers work on files (pdftoppm and tesseract need one); the copy lives outside the web root
  // for as long as the reading takes.
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'samverka-upload-'));
  const tmp = path.join(dir, `${randomUUID()}${ext}`);
  try {
    await fs.writeFile(tmp, file.bytes);
    const { parsed, text } = await readAndParse(tmp);
    return await insertUpload(db, { ...common, text, parsed: { ...parsed, source: filename }, errorCode: null, errorMessage: null });
  } catch (e) {
    const err = e as Error & { code?: unknown };
    if (typeof err.code !== 'string') throw e;
    return insertUpload(db, { ...common, text: null, parsed: null, errorCode: err.code, errorMessage: err.message });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export interface Corrections {
  body?: string | undefined;
  title?: string | null | undefined;
  date?: string | null | undefined;
  startTime?: string | null | undefined;
  endTime?: string | null | undefined;
  place?: string | null | undefined;
  diaryNumber?: string | null | undefined;
  items?: { number: number; title: string; kind: 'decision' | 'information' | null }[] | undefined;
}

export class UploadProblem extends Error {
  constructor(
    readonly code: 'not_found' | 'failed_upload' | 'already_stored' | 'forbidden' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

/** What the person corrected, applied to what was read. */
export function applyCorrections(parsed: ParsedProtocol, c: Corrections): ParsedProtocol {
  const items = c.items
    ? parsed.items.map((item, i) => (c.items![i] ? { ...item, number: c.items![i]!.number, title: c.items![i]!.title, kind: c.items![i]!.kind } : item))
    : parsed.items;
  const pick = <K extends keyof Corrections & keyof ParsedProtocol>(k: K) => (c[k] !== undefined ? c[k] : parsed[k]) as ParsedProtocol[K];
  return {
    ...parsed,
    body: c.body ?? parsed.body,
    title: pick('title'),
    date: pick('date'),
    startTime: pick('startTime'),
    endTime: pick('endTime'),
    place: pick('place'),
    diaryNumber: pick('diaryNumber'),
    items,
    warnings: c.date && !parsed.date ? parsed.warnings.filter((w) => !/date/i.test(w)) : parsed.warnings,
  };
}

export async function storeUpload(db: Db, viewer: Viewer & { kind: 'account' }, id: number, corrections: Corrections, opts: { draft: boolean }) {
  const upload = await getUpload(db, id, { accountId: viewer.accountId, admin: viewer.admin });
  if (!upload) throw new UploadProblem('not_found', 'Filen finns inte.');
  if (upload.meetingId !== null) throw new UploadProblem('already_stored', 'Filen är redan sparad.');
  if (!upload.parsed) throw new UploadProblem('failed_upload', 'Filen kunde inte läsas och kan inte sparas.');
  const parsed = applyCorrections(upload.parsed as ParsedProtocol, corrections);
  if (!parsed.body?.trim()) throw new UploadProblem('invalid', 'Ange vilket organ protokollet kommer från.');
  const numbers = parsed.items.map((i) => i.number);
  if (new Set(numbers).size !== numbers.length) throw new UploadProblem('invalid', 'Två ärenden har samma nummer.');
  const bodyId = await findBodyByName(db, parsed.body);
  // A secretary imports the protocols of the bodies she serves; only an administrator adds a body.
  if (bodyId === null ? !isAdmin(viewer) : !canEditBody(viewer, bodyId)) {
    throw new UploadProblem('forbidden', 'Du får bara importera protokoll för organ där du är sekreterare eller koordinator.');
  }
  return storeImportedProtocol(db, parsed, { filename: upload.filename, mediaType: upload.mediaType, bytes: upload.content, text: upload.text ?? '' }, {
    draft: opts.draft,
    actor: viewer,
    alsoInTransaction: (trx, meetingId) => markUploadStored(trx, id, meetingId),
  });
}
