import fs from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import type { ParsedProtocol } from '../domain/protocol-preview.js';
import { readAndParseFile } from './read-protocol.js';
import { getLexicon } from './repair/lexicon.js';

// The worker thread of read-ahead.ts: reads and parses the files of a batch import that the main
// thread sends, while it stores the ones before. The answers are plain data (structured clone).

export interface ReadRequest {
  id: number;
  file: string;
}

export type ReadReply =
  | { ready: true }
  | { id: number; parsed: ParsedProtocol; text: string; bytes: Uint8Array }
  | { id: number; error: { message: string; code: unknown } };

parentPort?.on('message', async ({ id, file }: ReadRequest) => {
  let reply: ReadReply;
  try {
    const { parsed, text } = await readAndParseFile(file);
    reply = { id, parsed, text, bytes: await fs.readFile(file) };
  } catch (e) {
    const err = e as Error & { code?: unknown };
    reply = { id, error: { message: err.message, code: err.code } };
  }
  parentPort!.postMessage(reply);
});

// Loaded (the word lists too): the main thread reads here while this starts, and sends files from now on.
getLexicon();
parentPort?.postMessage({ ready: true } satisfies ReadReply);
