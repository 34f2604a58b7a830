import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { defineRoute, type ApiApp, type AppEnv } from '../route.js';
import { IdParam, errorResponses } from '../schemas.js';
import { ApiError, notFound } from '../errors.js';
import { limit } from '../auth/rate-limits.js';
import { getProtocol } from '../../store/queries/protocol-read.js';
import { listMeetings } from '../../store/queries/meetings.js';
import { getBody } from '../../store/queries/bodies.js';
import type { Protocol } from '../../domain/model.js';
import { documentFilename, renderDocument } from '../../render/documents.js';
import { renderCalendar } from '../../render/calendar.js';
import { listMemberships } from '../../store/queries/memberships.js';
import { PdfBusyError, PdfUnavailableError } from '../../render/pdf.js';
import type { RenderOptions } from '../../render/protocol-html.js';
import { DOCUMENT_CSS } from '../../render/styles.js';

// A meeting's documents as files: protocol (HTML, PDF), notice (kallelse), extract
// (protokollsutdrag) and calendar entries. All public, and all read through getProtocol or
// listMeetings with the viewer, so a draft reaches only its body's members; to anyone else it is
// a 404 like a meeting that does not exist.

// The HTML protocol is shown in the browser (to read and print) under the app's own
// Content-Security-Policy, which allows no inline styles and no scripts: it links this same-origin
// copy of its stylesheet. Its inline copy serves the saved file, opened without the server.
const STYLESHEET_PATH = '/api/print/document.css';
const MAX_CALENDAR_MEETINGS = 400;

const ExtractQuery = z.object({
  items: z
    .string()
    .max(200)
    .regex(/^\d{1,4}(,\d{1,4})*$/, 'ärendenummer åtskilda med kommatecken, t.ex. 40,41')
    .transform((s) => [...new Set(s.split(',').map(Number))])
    .openapi({ description: 'The item numbers to include', example: '40,41' }),
});
const YearQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2200).optional().openapi({ description: 'Only meetings of this year', example: '2024' }),
});

const fileResponse = (description: string, type: string) => ({ 200: { description, content: { [type]: { schema: z.string() } } }, ...errorResponses });

async function protocolOf(c: Context<AppEnv>, id: number): Promise<Protocol> {
  const protocol = await getProtocol(c.var.deps.store.db, c.var.viewer, id);
  if (!protocol) throw notFound('Mötet');
  return protocol;
}

function disposition(filename: string, how: 'attachment' | 'inline' = 'attachment'): string {
  return `${how}; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

async function sendDocument(c: Context<AppEnv>, p: Protocol, format: 'pdf' | 'html', opts: RenderOptions) {
  let doc;
  try {
    doc = await renderDocument(p, format, opts);
  } catch (e) {
    if (e instanceof PdfUnavailableError || e instanceof PdfBusyError) {
      c.var.deps.log.warn({ err: e }, 'pdf not rendered');
      throw new ApiError(503, 'pdf_unavailable', 'PDF kan inte skapas just nu. Försök igen om en stund.');
    }
    throw e;
  }
  return c.body(doc.content as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': doc.contentType,
    'Content-Disposition': disposition(doc.filename, format === 'html' ? 'inline' : 'attachment'),
    'Cache-Control': 'private, no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
}

function baseUrl(c: Context<AppEnv>): string {
  return new URL(c.req.url).origin;
}

export function registerDocumentRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/protocol.html',
      permission: 'public',
      summary: "The meeting's protocol as a standalone HTML document (A4 print layout)",
      request: { params: IdParam },
      responses: fileResponse('The protocol', 'text/html'),
    },
    async (c) => sendDocument(c, await protocolOf(c, c.req.valid('param').id), 'html', { stylesheetHref: STYLESHEET_PATH }),
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/protocol.pdf',
      permission: 'public',
      summary: "The meeting's protocol as PDF (A4; drafts are marked UTKAST)",
      request: { params: IdParam },
      middleware: [limit('pdf', 30)],
      responses: fileResponse('The protocol', 'application/pdf'),
    },
    async (c) => sendDocument(c, await protocolOf(c, c.req.valid('param').id), 'pdf', {}),
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/notice.pdf',
      permission: 'public',
      summary: 'The notice (kallelse) of the meeting: date, place, agenda with presenters and proposals',
      request: { params: IdParam },
      middleware: [limit('pdf', 30)],
      responses: fileResponse('The notice', 'application/pdf'),
    },
    async (c) => sendDocument(c, await protocolOf(c, c.req.valid('param').id), 'pdf', { notice: true }),
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/extract.pdf',
      permission: 'public',
      summary: 'A protocol extract (protokollsutdrag) of one or several items',
      request: { params: IdParam, query: ExtractQuery },
      middleware: [limit('pdf', 30)],
      responses: fileResponse('The extract', 'application/pdf'),
    },
    async (c) => {
      const p = await protocolOf(c, c.req.valid('param').id);
      const wanted = c.req.valid('query').items;
      const present = p.agenda.map((i) => i.number);
      const items = wanted.filter((n) => present.includes(n));
      if (items.length === 0) throw notFound('Ärendet');
      return sendDocument(c, p, 'pdf', { extractItems: items });
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/calendar.ics',
      permission: 'public',
      summary: 'The meeting as an iCalendar event',
      request: { params: IdParam },
      responses: fileResponse('The calendar entry', 'text/calendar'),
    },
    async (c) => {
      const p = await protocolOf(c, c.req.valid('param').id);
      const ics = renderCalendar([p], p.bodyNameAtTheTime ?? 'Samverka', { baseUrl: baseUrl(c) });
      return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': disposition(documentFilename(p, 'calendar', 'ics')) });
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/bodies/{id}/calendar.ics',
      permission: 'public',
      summary: "A body's meetings as an iCalendar feed, for one year or all",
      request: { params: IdParam, query: YearQuery },
      responses: fileResponse('The calendar', 'text/calendar'),
    },
    async (c) => {
      const db = c.var.deps.store.db;
      const body = await getBody(db, c.req.valid('param').id);
      if (!body) throw notFound('Organet');
      const { year } = c.req.valid('query');
      const meetings = (await listMeetings(db, c.var.viewer, { bodyId: body.id, year })).slice(0, MAX_CALENDAR_MEETINGS);
      // The full protocols, for the items in each event's description; one at a time, as the
      // embedded database serves one query at a time anyway.
      const protocols: Protocol[] = [];
      for (const m of meetings) {
        const p = await getProtocol(db, c.var.viewer, m.id);
        if (p) protocols.push(p);
      }
      const name = `${body.name}${year ? ` ${year}` : ''}`;
      const ics = renderCalendar(protocols, name, { baseUrl: baseUrl(c) });
      const filename = `moten-${body.slug}${year ? `-${year}` : ''}.ics`;
      return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': disposition(filename) });
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/people/{id}/calendar.ics',
      permission: 'public',
      summary: "A person's meetings as an iCalendar feed: the meetings of every body they are a member of now",
      request: { params: IdParam, query: YearQuery },
      responses: fileResponse('The calendar', 'text/calendar'),
    },
    async (c) => {
      const db = c.var.deps.store.db;
      const personId = c.req.valid('param').id;
      const { year } = c.req.valid('query');
      const memberships = await listMemberships(db, { personId });
      if (memberships.length === 0) throw notFound('Personen');
      const seen = new Set<number>();
      const protocols: Protocol[] = [];
      for (const bodyId of new Set(memberships.map((m) => m.bodyId))) {
        for (const m of await listMeetings(db, c.var.viewer, { bodyId, year })) {
          if (seen.has(m.id) || protocols.length >= MAX_CALENDAR_MEETINGS) continue;
          seen.add(m.id);
          const p = await getProtocol(db, c.var.viewer, m.id);
          if (p) protocols.push(p);
        }
      }
      const ics = renderCalendar(protocols, `${memberships[0]!.personName}: möten`, { baseUrl: baseUrl(c) });
      return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': disposition(`moten-person-${personId}.ics`) });
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: STYLESHEET_PATH,
      permission: 'public',
      summary: 'The stylesheet of the HTML documents',
      responses: { 200: { description: 'CSS', content: { 'text/css': { schema: z.string() } } } },
    },
    (c) => c.body(DOCUMENT_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
  );
}
