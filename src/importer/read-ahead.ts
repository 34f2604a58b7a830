import fs from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { ParsedProtocol } from '../domain/protocol-preview.js';
import { readAndParseFile } from './read-protocol.js';
import type { ReadReply, ReadRequest } from './read-worker.js';

// Reading and parsing the files of a batch import ahead of the store. Parsing is CPU work of
// several milliseconds a protocol; storing is mostly the database's. In a worker thread the parsing
// runs beside the store instead of between two stores — on PGlite, which runs in this thread, that
// is the only way they overlap. Until the worker is ready, or when it cannot start or dies, files
// are read in this thread: the worker can make an import faster, never make it fail.

export type Read = { parsed: ParsedProtocol; text: string; bytes: Uint8Array } | { error: unknown };

export interface Reader {
  read(file: string): Promise<Read>;
  close(): Promise<void>;
}

/** Reads and parses a file in this thread; never rejects, so that it can run ahead unawaited. */
export async function readHere(file: string): Promise<Read> {
  try {
    const { parsed, text } = await readAndParseFile(file);
    return { parsed, text, bytes: await fs.readFile(file) };
  } catch (error) {
    return { error };
  }
}

export const inThisThread: Reader = { read: readHere, close: async () => {} };

/**
 * A reader with a worker thread. The worker loads the TypeScript sources through tsx, as the main
 * process does (npm start, the CLI, the tests). `ready` tells whether it started.
 */
export function startReadWorker(): Reader & { ready: Promise<boolean> } {
  let worker: Worker;
  try {
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./read-worker.ts', import.meta.url).href;
    worker = new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, { eval: true });
  } catch {
    return { ...inThisThread, ready: Promise.resolve(false) };
  }
  let state: 'starting' | 'ready' | 'gone' = 'starting';
  let answerReady!: (ok: boolean) => void;
  const ready = new Promise<boolean>((resolve) => (answerReady = resolve));
  const pending = new Map<number, { file: string; resolve: (r: Read) => void }>();
  let nextId = 0;

  worker.on('message', (reply: ReadReply) => {
    if ('ready' in reply) {
      if (state === 'starting') state = 'ready';
      answerReady(state === 'ready');
      return;
    }
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if ('error' in reply) p.resolve({ error: Object.assign(new Error(reply.error.message), { code: reply.error.code }) });
    else p.resolve({ parsed: reply.parsed, text: reply.text, bytes: reply.bytes });
  });
  const gone = () => {
    // What the worker had not answered is read here, and so is everything after.
    state = 'gone';
    answerReady(false);
    for (const [id, { file, resolve }] of pending) {
      pending.delete(id);
      void readHere(file).then(resolve);
    }
  };
  worker.on('error', gone);
  worker.on('exit', gone);

  return {
    ready,
    read(file) {
      if (state !== 'ready') return readHere(file);
      const id = nextId++;
      return new Promise<Read>((resolve) => {
        pending.set(id, { file, resolve });
        worker.postMessage({ id, file } satisfies ReadRequest);
      });
    },
    async close() {
      state = 'gone';
      pending.clear(); // nothing waits for them any more
      await worker.terminate();
    },
  };
}
