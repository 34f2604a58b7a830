import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { defineRoute, type ApiApp, type AppEnv } from '../route.js';
import { IdParam, errorResponses } from '../schemas.js';
import { ApiError, notFound } from '../errors.js';
import { getBody } from '../../store/queries/bodies.js';
import { listFeedEntries } from '../../store/queries/feeds.js';
import { getPublicationInfo, getPublicationSettings, getSealedProtocol, setPublicationSettings } from '../../store/queries/sealed-protocols.js';
import { renderAtomFeed } from '../../render/atom-feed.js';

// Publication of justerade protocols: the sealed PDF, what the public page says about the seal
// and the anslag, Atom feeds for all bodies and per body, and each body's anslag setting. Only
// published protocols appear; a draft is answered like a meeting that does not exist.

const FEED_LIMIT = 50;
const ALL_FEED = '/feeds/protocols.atom';

const Signer = z.object({
  name: z.string(), role: z.string(), organization: z.string().nullable(), method: z.string(), signedAt: z.string(),
  personId: z.number().nullable(), accountId: z.number().nullable(),
});

const PublicationSchema = z
  .object({
    publishedAt: z.string().nullable(),
    anslag: z.object({ from: z.string(), to: z.string() }).nullable().openapi({ description: 'Anslag: the day justering was announced and the day the notice comes down' }),
    archive: z.boolean().openapi({ description: 'An imported archive protocol: justerat outside Samverka, not sealed here' }),
    seal: z
      .object({
        version: z.number(), sealedAt: z.string(), pdfSha256: z.string(), signers: z.array(Signer),
        developmentCertificate: z.boolean().openapi({ description: 'Sealed with the self-signed development certificate, not the organisation’s' }),
        certificateSubject: z.string(),
      })
      .nullable(),
  })
  .openapi('Publication');

const SettingsSchema = z.object({ usesAnslag: z.boolean(), anslagDays: z.number().int() }).openapi('PublicationSettings');
const SettingsChange = z
  .object({
    usesAnslag: z.boolean().optional().openapi({ description: 'Whether the body announces its justering on a notice board (anslag)' }),
    anslagDays: z.number().int().min(1).max(365).optional().openapi({ description: 'Days the anslag stays up (överklagandetid: 21)' }),
  })
  .strict();

function baseUrl(c: Context<AppEnv>): string {
  return c.var.deps.config.publicUrl ?? new URL(c.req.url).origin;
}

const atom = (c: Context<AppEnv>, xml: string) =>
  c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300', 'X-Content-Type-Options': 'nosniff' });

const feedResponses = { 200: { description: 'Atom feed', content: { 'application/atom+xml': { schema: z.string() } } }, ...errorResponses };

export function registerPublicationRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/sealed.pdf',
      permission: 'public',
      summary: 'The sealed protocol PDF exactly as signed (signature page, PAdES seal, embedded manifest)',
      request: { params: IdParam },
      responses: { 200: { description: 'The sealed PDF', content: { 'application/pdf': { schema: z.string() } } }, ...errorResponses },
    },
    async (c) => {
      const id = c.req.valid('param').id;
      const sealed = await getSealedProtocol(c.var.deps.store.db, id);
      if (!sealed) throw notFound('Det förseglade protokollet');
      const filename = `protokoll-${id}-version-${sealed.version}-forseglat.pdf`;
      return c.body(sealed.pdf as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'public, max-age=3600',
        ETag: `"${sealed.pdfSha256}"`,
        'X-Content-Type-Options': 'nosniff',
      });
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/publication',
      permission: 'public',
      summary: "A published protocol's justering and seal (signers, times, development certificate) and anslag dates",
      request: { params: IdParam },
      responses: { 200: { description: 'Publication', content: { 'application/json': { schema: PublicationSchema } } }, ...errorResponses },
    },
    async (c) => {
      const info = await getPublicationInfo(c.var.deps.store.db, c.req.valid('param').id);
      if (!info) throw notFound('Mötet');
      return c.json(info, 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: ALL_FEED,
      permission: 'public',
      summary: 'Atom feed of published protocols of all bodies, newest first',
      responses: feedResponses,
    },
    async (c) => {
      const entries = await listFeedEntries(c.var.deps.store.db, { limit: FEED_LIMIT });
      return atom(c, renderAtomFeed(entries, { baseUrl: baseUrl(c), selfPath: ALL_FEED, pagePath: '/', title: 'Samverka – publicerade protokoll' }));
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/feeds/{file}',
      permission: 'public',
      summary: "Atom feed of one body's published protocols, newest first: /feeds/<body slug>.atom",
      request: { params: z.object({ file: z.string().max(120).openapi({ param: { name: 'file', in: 'path' }, example: 'lsg.atom' }) }) },
      responses: feedResponses,
    },
    async (c) => {
      const slug = /^([a-z0-9-]{1,100})\.atom$/.exec(c.req.valid('param').file)?.[1];
      const db = c.var.deps.store.db;
      const body = slug ? await getBody(db, slug) : null;
      if (!body) throw new ApiError(404, 'not_found', 'Det finns inget sådant flöde.');
      const entries = await listFeedEntries(db, { bodyId: body.id, limit: FEED_LIMIT });
      return atom(c, renderAtomFeed(entries, { baseUrl: baseUrl(c), selfPath: `/feeds/${body.slug}.atom`, pagePath: `/organ/${body.slug}`, title: `${body.name} – protokoll` }));
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/bodies/{id}/publication-settings',
      permission: 'admin',
      summary: "A body's anslag setting: whether it announces justering, and for how many days",
      request: { params: IdParam },
      responses: { 200: { description: 'Settings', content: { 'application/json': { schema: SettingsSchema } } }, ...errorResponses },
    },
    async (c) => {
      const settings = await getPublicationSettings(c.var.deps.store.db, c.req.valid('param').id);
      if (!settings) throw notFound('Organet');
      return c.json(settings, 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'patch',
      path: '/api/bodies/{id}/publication-settings',
      permission: 'admin',
      summary: "Change a body's anslag setting (applies to protocols sealed from now on)",
      request: { params: IdParam, body: { content: { 'application/json': { schema: SettingsChange } }, required: true } },
      responses: { 200: { description: 'Settings', content: { 'application/json': { schema: SettingsSchema } } }, ...errorResponses },
    },
    async (c) => {
      const settings = await setPublicationSettings(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id, c.req.valid('json'));
      if (!settings) throw notFound('Organet');
      return c.json(settings, 200);
    },
  );
}
