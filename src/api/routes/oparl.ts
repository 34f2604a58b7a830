import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { defineRoute, type ApiApp, type AppEnv } from '../route.js';
import { IdParam, errorResponses } from '../schemas.js';
import { ApiError, errorBody, notFound } from '../errors.js';
import { requestOrigin } from '../auth/session.js';
import { OpenData } from '../../opendata/read.js';
import { ListQuerySchema, toListQuery, type ListQuery } from '../../opendata/paging.js';
import { BODY_KEY, OPARL_BASE } from '../../opendata/urls.js';
import {
  AgendaItemSchema, BodySchema, ConsultationSchema, FileSchema, LocationSchema, MeetingSchema, MembershipSchema, OrganizationSchema,
  PaperSchema, PersonSchema, SystemSchema, listSchema,
} from '../../opendata/schemas.js';

// The open-data API, shaped after OParl 1.1 (docs/oparl.md): read-only, public, published data
// only, whoever asks (the session is not even read: a member's drafts never leak into it). Objects
// live at stable URLs under /oparl/v1; lists are paged. CORS is open for GET, as OParl requires.

const B = `${OPARL_BASE}/body/${BODY_KEY}`;

const ListParams = z.object({
  page: z.string().max(12).optional().openapi({ description: 'Page number, from 1', example: '2' }),
  limit: z.string().max(12).optional().openapi({ description: 'Objects per page (at most 200; also as elementsPerPage)', example: '50' }),
  elementsPerPage: z.string().max(12).optional(),
  created_since: z.string().max(40).optional().openapi({ description: 'Only objects created at or after this date-time', example: '2024-01-01T00:00:00+01:00' }),
  created_until: z.string().max(40).optional(),
  modified_since: z.string().max(40).optional(),
  modified_until: z.string().max(40).optional(),
});
const FileParams = z.object({
  kind: z.enum(['protocol', 'notice', 'source', 'document']).openapi({ param: { name: 'kind', in: 'path' }, description: 'protocol and notice: id of the meeting; source: id of the meeting; document: id of the document' }),
  id: IdParam.shape.id,
});

const ok = (schema: z.ZodType, description: string) => ({ 200: { description, content: { 'application/json': { schema } } }, ...errorResponses });

function listQuery(c: Context<AppEnv>): ListQuery {
  const parsed = ListQuerySchema.safeParse(c.req.query());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(400, 'invalid_request', `Ogiltigt värde för ${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'ogiltigt'}`);
  }
  return toListQuery(parsed.data);
}

/** This request's URL as the client sees it (scheme behind a TLS proxy included), for the page links. */
function externalUrl(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  return `${requestOrigin(c)}${url.pathname}${url.search}`;
}

const openData = (c: Context<AppEnv>) => OpenData.open(c.var.deps.store.db, requestOrigin(c));

function found<T>(value: T | null, what: string): T {
  if (value === null) throw notFound(what);
  return value;
}

export function registerOparlRoutes(app: ApiApp): void {
  // Scripts of any site may read the data (fetch and XMLHttpRequest use CORS mode, to which the
  // app-wide Cross-Origin-Resource-Policy: same-origin does not apply).
  app.use('/oparl/*', cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'] }));

  const get = (path: string, summary: string, schema: z.ZodType, handler: (c: Context<AppEnv>) => Promise<unknown> | unknown, request?: Record<string, z.ZodType>) =>
    defineRoute(
      app,
      { method: 'get', path, permission: 'public', tags: ['OParl'], summary, ...(request ? { request } : {}), responses: ok(schema, summary) },
      async (c) => c.json((await handler(c)) as object, 200),
    );
  const list = (path: string, summary: string, item: z.ZodType, name: string, read: (d: OpenData, url: string, q: ListQuery) => Promise<unknown>) =>
    get(path, summary, listSchema(item, name), async (c) => read(await openData(c), externalUrl(c), listQuery(c)), { query: ListParams });
  const one = (path: string, summary: string, schema: z.ZodType, what: string, read: (d: OpenData, id: number) => Promise<unknown> | unknown) =>
    get(path, summary, schema, async (c) => found(await read(await openData(c), Number(c.req.param('id'))), what), { params: IdParam });

  get(`${OPARL_BASE}/system`, 'OParl entry point: the System object', SystemSchema, async (c) => (await openData(c)).system());
  list(`${OPARL_BASE}/body`, 'OParl: the bodies (one: the collaboration)', BodySchema, 'OParlBodyList', (d, url, q) => d.bodies(url, q));
  get(B, 'OParl: the collaboration as a Body', BodySchema, async (c) => (await openData(c)).body());

  list(`${B}/organization`, 'OParl: organs (Gremium) and huvudmän (Institution)', OrganizationSchema, 'OParlOrganizationList', (d, url, q) => d.organizationList(url, q));
  list(`${B}/meeting`, 'OParl: published and planned meetings', MeetingSchema, 'OParlMeetingList', (d, url, q) => d.meetingList(url, q));
  list(`${B}/agendaItem`, 'OParl: items of published meetings', AgendaItemSchema, 'OParlAgendaItemList', (d, url, q) => d.agendaItemList(url, q));
  list(`${B}/paper`, 'OParl: cases (items with a decision)', PaperSchema, 'OParlPaperList', (d, url, q) => d.paperList(url, q));
  list(`${B}/consultation`, 'OParl: the treatment of each case at its meeting', ConsultationSchema, 'OParlConsultationList', (d, url, q) => d.consultationList(url, q));
  list(`${B}/person`, 'OParl: people named in published protocols', PersonSchema, 'OParlPersonList', (d, url, q) => d.personList(url, q));
  list(`${B}/membership`, 'OParl: memberships of those people', MembershipSchema, 'OParlMembershipList', (d, url, q) => d.membershipList(url, q));
  list(`${B}/file`, 'OParl: protocols, notices, imported originals and documents', FileSchema, 'OParlFileList', (d, url, q) => d.fileList(url, q));

  one(`${OPARL_BASE}/organization/{id}`, 'OParl: an organ', OrganizationSchema, 'Organet', (d, id) => d.organ(id));
  get(`${OPARL_BASE}/organization/{id}/meeting`, "OParl: an organ's meetings", listSchema(MeetingSchema, 'OParlMeetingList'), async (c) => {
    const id = Number(c.req.param('id'));
    return found(await (await openData(c)).meetingList(externalUrl(c), listQuery(c), id), 'Organet');
  }, { params: IdParam, query: ListParams });
  one(`${OPARL_BASE}/huvudman/{id}`, 'OParl: a huvudman (region or municipality)', OrganizationSchema, 'Huvudmannen', (d, id) => d.huvudman(id));
  one(`${OPARL_BASE}/meeting/{id}`, 'OParl: a meeting', MeetingSchema, 'Mötet', (d, id) => d.meeting(id));
  one(`${OPARL_BASE}/location/{id}`, "OParl: a meeting's place (id of the meeting)", LocationSchema, 'Platsen', (d, id) => d.location(id));
  one(`${OPARL_BASE}/agendaItem/{id}`, 'OParl: an agenda item', AgendaItemSchema, 'Ärendet', (d, id) => d.agendaItem(id));
  one(`${OPARL_BASE}/paper/{id}`, 'OParl: a case (id of its agenda item)', PaperSchema, 'Ärendet', (d, id) => d.paper(id));
  one(`${OPARL_BASE}/consultation/{id}`, 'OParl: the treatment of a case (id of its agenda item)', ConsultationSchema, 'Behandlingen', (d, id) => d.consultation(id));
  one(`${OPARL_BASE}/person/{id}`, 'OParl: a person', PersonSchema, 'Personen', (d, id) => d.person(id));
  one(`${OPARL_BASE}/membership/{id}`, 'OParl: a membership', MembershipSchema, 'Medlemskapet', (d, id) => d.membership(id));
  get(`${OPARL_BASE}/file/{kind}/{id}`, 'OParl: a file', FileSchema, async (c) => {
    const { kind, id } = FileParams.parse({ kind: c.req.param('kind'), id: c.req.param('id') });
    return found(await (await openData(c)).file(kind, id), 'Filen');
  }, { params: FileParams });

  // Anything else under /oparl (other versions, typos, `..`) is a JSON 404, not the web app's page.
  const missing = (c: Context) => c.json(errorBody('not_found', 'Det finns ingen sådan adress i OParl-API:t.'), 404);
  app.all('/oparl', missing);
  app.all('/oparl/*', missing);
}
