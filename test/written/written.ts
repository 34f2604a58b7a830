import { sql } from 'kysely';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Client, Json } from '../helpers/client.js';
import type { Store } from '../../src/store/db.js';

// Helpers of the written-procedure tests: putting a question (a multipart form, as the page sends
// it), a member's link from their e-mail, and letting a deadline pass without waiting for it.

export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

export const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

export function questionFields(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    title: 'beviljade UPH-medel',
    proposal: 'Beredningsgruppen föreslår att ansökan från Umeå kommun om UPH-medel beviljas.',
    clauses: 'bevilja ansökan enligt beredningsgruppens förslag\nuppdra åt beredningsgruppen att följa upp insatsen',
    deadline: inDays(7),
    rule: 'unanimous',
    ...extra,
  };
  return Object.fromEntries(Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined));
}

/** POSTs the form to put a question to the body's members, with the client's session. */
export async function putQuestion(app: Pick<OpenAPIHono, 'request'>, client: Client, bodyId: number, fields: Record<string, string>, files: { name: string; bytes: Uint8Array }[] = []): Promise<{ status: number; body: Json }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('documents', new Blob([f.bytes as Uint8Array<ArrayBuffer>]), f.name);
  const headers: Record<string, string> = {};
  if (client.cookie) headers.cookie = client.cookie;
  if (client.csrf) headers['x-csrf-token'] = client.csrf;
  const res = await app.request(`/api/bodies/${bodyId}/written-procedures`, { method: 'POST', headers, body: form });
  return { status: res.status, body: await res.json() };
}

/** The token of the link in a member's e-mail. */
export function linkToken(text: string | undefined): string {
  const m = /\/per-capsulam\/svar\/([A-Za-z0-9_-]+)/.exec(text ?? '');
  if (!m) throw new Error(`no link in: ${text}`);
  return m[1]!;
}

/** Moves the question's deadline (and its links' expiry, and its closing job) a minute into the past. */
export async function passDeadline(store: Store, questionId: number): Promise<void> {
  const past = sql<Date>`now() - interval '1 minute'`;
  await store.db.updateTable('written_question').set({ deadline: past }).where('id', '=', questionId).execute();
  await store.db.updateTable('written_recipient').set({ token_expires_at: past }).where('question_id', '=', questionId).execute();
  await store.db.updateTable('job').set({ run_at: past }).where('dedupe_key', '=', `written-close:${questionId}`).execute();
}

export const counts = async (store: Store) => {
  const n = async (table: 'written_question' | 'written_recipient' | 'written_document' | 'job') =>
    Number((await store.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  return { questions: await n('written_question'), recipients: await n('written_recipient'), documents: await n('written_document'), jobs: await n('job') };
};
