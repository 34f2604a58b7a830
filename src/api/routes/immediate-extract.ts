import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { defineRoute, type ApiApp, type AppEnv } from '../route.js';
import { DbId, errorResponses } from '../schemas.js';
import { ApiError, notFound } from '../errors.js';
import { limit } from '../auth/rate-limits.js';
import { extractHead, justifiedItem, listJustified } from '../../store/queries/immediate-justering.js';
import { immediateExtractProtocol } from '../../render/immediate-extract.js';
import { immediateJusteringText } from '../../render/immediate-justering.js';
import { renderDocument } from '../../render/documents.js';
import { PdfBusyError, PdfUnavailableError } from '../../render/pdf.js';

// What of a draft protocol is public: the extract of an item justified at once, because its
// decision applies already. Exactly that item as its signatories approved it, the meeting's head
// (body, date, time, place, diary number — what a planned meeting shows anyway) and the names of
// those who justified it. Every other item, the attendance, the secretary's notes and the
// documents stay with the body until the protocol is published. An item that is not justified
// at once is a 404 exactly like one that does not exist.

const STYLESHEET_PATH = '/api/print/document.css';
const param = (name: string) => DbId.openapi({ param: { name, in: 'path' } });
const ItemParams = z.object({ id: param('id'), itemId: param('itemId') });
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

const ExtractSchema = z
  .object({
    meeting: z.object({
      id: z.number().int(), body: z.string(), bodyId: z.number().int().nullable(), date: z.string().nullable(), startTime: z.string().nullable(), endTime: z.string().nullable(),
      place: z.string().nullable(), diaryNumber: z.string().nullable(), protocolPublished: z.boolean(),
    }),
    item: z.unknown().openapi({ description: 'The item as its signatories approved it (an AgendaItem with `immediateJustering`)' }),
    statement: z.string().openapi({ description: '"Paragrafen förklarades omedelbart justerad 2026-04-17. Justerad av …"' }),
    contentSha256: z.string(),
    links: z.object({ html: z.string(), pdf: z.string() }),
  })
  .openapi('ImmediateExtract');

async function extractOf(c: Context<AppEnv>, id: number, itemId: number) {
  const db = c.var.deps.store.db;
  const justified = await justifiedItem(db, id, itemId);
  const head = justified ? await extractHead(db, id) : null;
  if (!justified || !head) throw notFound('Ärendet');
  return { justified, head, protocol: immediateExtractProtocol(head, justified.item) };
}

async function sendFile(c: Context<AppEnv>, format: 'html' | 'pdf', id: number, itemId: number) {
  const { protocol } = await extractOf(c, id, itemId);
  const numbers = protocol.agenda.map((i) => i.number).filter((n): n is number => n !== null);
  let doc;
  try {
    doc = await renderDocument(protocol, format, { extractItems: numbers, draftMark: false, ...(format === 'html' ? { stylesheetHref: STYLESHEET_PATH } : {}) });
  } catch (e) {
    if (e instanceof PdfUnavailableError || e instanceof PdfBusyError) {
      c.var.deps.log.warn({ err: e }, 'pdf not rendered');
      throw new ApiError(503, 'pdf_unavailable', 'PDF kan inte skapas just nu. Försök igen om en stund.');
    }
    throw e;
  }
  const how = format === 'html' ? 'inline' : 'attachment';
  return c.body(doc.content as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': doc.contentType,
    'Content-Disposition': `${how}; filename="${doc.filename}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
}

const fileResponse = (type: string) => ({ 200: { description: 'The extract', content: { [type]: { schema: z.string() } } }, ...errorResponses });

export function registerImmediateExtractRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/items/{itemId}/immediate-extract',
      permission: 'public',
      summary: 'An item justified at once (omedelbart justerad): public before its protocol is, as its signatories approved it; 404 for any other item',
      request: { params: ItemParams },
      responses: { 200: { description: 'The item and its justering', ...json(ExtractSchema) }, ...errorResponses },
    },
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      const { justified, head } = await extractOf(c, id, itemId);
      const base = `/api/meetings/${head.id}/items/${justified.itemId}/immediate-extract`;
      const primary = head.bodies.find((b) => b.primary) ?? head.bodies[0];
      return c.json(
        {
          meeting: {
            id: head.id, body: head.bodyNameAtTheTime ?? primary?.name ?? '', bodyId: primary?.id ?? null, date: head.date, startTime: head.startTime, endTime: head.endTime,
            place: head.place, diaryNumber: head.diaryNumber, protocolPublished: head.status === 'published',
          },
          item: justified.item,
          statement: immediateJusteringText(justified.note),
          contentSha256: justified.note.contentSha256,
          links: { html: `${base}.html`, pdf: `${base}.pdf` },
        },
        200,
      );
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/items/{itemId}/immediate-extract.html',
      permission: 'public',
      summary: 'The protocol extract (protokollsutdrag) of an item justified at once, as HTML',
      request: { params: ItemParams },
      responses: fileResponse('text/html'),
    },
    async (c) => sendFile(c, 'html', c.req.valid('param').id, c.req.valid('param').itemId),
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/items/{itemId}/immediate-extract.pdf',
      permission: 'public',
      summary: 'The protocol extract (protokollsutdrag) of an item justified at once, as PDF',
      request: { params: ItemParams },
      middleware: [limit('pdf', 30)],
      responses: fileResponse('application/pdf'),
    },
    async (c) => sendFile(c, 'pdf', c.req.valid('param').id, c.req.valid('param').itemId),
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/immediate-justerings',
      permission: 'public',
      summary: 'Items justified at once (omedelbart justerade paragrafer), newest first, whether or not their protocols are published yet',
      request: { query: z.object({ body: DbId.optional().openapi({ description: 'Only this body’s' }) }) },
      responses: {
        200: {
          description: 'Justified items with links to their extracts',
          ...json(z.array(z.object({
            meetingId: z.number().int(), itemId: z.number().int(), itemNumber: z.number().int().nullable(), title: z.string(), date: z.string().nullable(), body: z.string().nullable(),
            bodyId: z.number().int(), justifiedAt: z.string(), protocolPublished: z.boolean(), extract: z.string(),
          }))),
        },
        ...errorResponses,
      },
    },
    async (c) => {
      const list = await listJustified(c.var.deps.store.db, { bodyId: c.req.valid('query').body });
      return c.json(list.map((e) => ({ ...e, extract: `/api/meetings/${e.meetingId}/items/${e.itemId}/immediate-extract` })), 200);
    },
  );
}
