import { z } from '@hono/zod-openapi';
import { defineRoute, type ApiApp } from '../route.js';
import { DbId, IdParam, MeetingSummarySchema, ProtocolSchema, errorResponses } from '../schemas.js';
import { listMeetings } from '../../store/queries/meetings.js';
import { getProtocol } from '../../store/queries/protocol-read.js';
import { ownStatementsOn } from '../../store/queries/own-statements.js';
import { getSourceFile } from '../../store/queries/source-files.js';
import { notFound } from '../errors.js';
import { ProtocolCache } from '../protocol-cache.js';

const OwnStatementsSchema = z
  .object({
    personId: z.number().int(),
    name: z.string().openapi({ description: 'The viewer as the attendance lists them' }),
    reservationIds: z.array(z.number().int()).openapi({ description: "The viewer's own reservations on this protocol (ids as on the items)" }),
    protocolNoteIds: z.array(z.number().int()).openapi({ description: "The viewer's own protocol notes on this protocol" }),
  })
  .nullable()
  .openapi('OwnStatements', {
    description:
      'Whether the signed-in viewer may enter their own reservations and protocol notes (POST …/reservations, …/protocol-notes without name): ' +
      'a member or secretary of the body, linked to a person in the attendance, while the protocol is a draft. Null otherwise, always for a published protocol. ' +
      'Which items they may reserve themselves on follows the rules applied when they try.',
  });
const MeetingSchema = ProtocolSchema.extend({ ownStatements: OwnStatementsSchema });

const MeetingQuery = z.object({
  body: DbId.optional().openapi({ description: 'Only meetings of this body (id)' }),
  year: z
    .union([z.literal('unknown'), z.coerce.number().int().min(1900).max(2200)])
    .optional()
    .openapi({ description: 'A year, or "unknown" for protocols whose date the text does not give', example: '2022' }),
});

export function registerMeetingRoutes(app: ApiApp): void {
  const cache = new ProtocolCache();
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings',
      permission: 'public',
      summary: 'Meetings the reader may see, newest first',
      request: { query: MeetingQuery },
      responses: { 200: { description: 'Meetings', content: { 'application/json': { schema: z.array(MeetingSummarySchema) } } }, ...errorResponses },
    },
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listMeetings(c.var.deps.store.db, c.var.viewer, { bodyId: q.body, year: q.year }), 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}',
      permission: 'public',
      summary: "A meeting's protocol: header, attendance, items, decisions, assignments, signatures",
      request: { params: IdParam },
      responses: { 200: { description: 'The protocol', content: { 'application/json': { schema: MeetingSchema } } }, ...errorResponses },
    },
    async (c) => {
      const { id } = c.req.valid('param');
      const db = c.var.deps.store.db;
      const cached = await cache.lookup(db, id);
      // The cached text is the same JSON the typed path would send; the type system cannot know that.
      if (cached.json) return c.body(cached.json, 200, { 'Content-Type': 'application/json' }) as never;
      const protocol = await getProtocol(db, c.var.viewer, id);
      if (!protocol) throw notFound('Mötet');
      // Null on every published protocol, so the cached text is the same for every viewer.
      const meeting = { ...protocol, ownStatements: await ownStatementsOn(db, c.var.viewer, protocol) };
      if (cached.stamp && protocol.status === 'published') cache.remember(id, cached.stamp, JSON.stringify(meeting));
      return c.json(meeting, 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/source',
      permission: 'public',
      summary: 'The original file an imported protocol was read from',
      request: { params: IdParam },
      responses: { 200: { description: 'The file as it was imported' }, ...errorResponses },
    },
    async (c) => {
      const file = await getSourceFile(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id);
      if (!file) throw notFound('Källfilen');
      return c.body(file.content as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': file.mediaType,
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'X-Content-Type-Options': 'nosniff',
      });
    },
  );
}
