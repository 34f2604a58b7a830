import { z } from '@hono/zod-openapi';
import { defineRoute, type ApiApp } from '../route.js';
import { BodySummarySchema, MAX_ID, errorResponses } from '../schemas.js';
import { listBodies } from '../../store/queries/bodies.js';
import { notFound } from '../errors.js';

export function registerBodyRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/bodies',
      permission: 'public',
      summary: 'The bodies (organ), each with the years it has protocols for',
      responses: { 200: { description: 'Bodies', content: { 'application/json': { schema: z.array(BodySummarySchema) } } } },
    },
    async (c) => c.json(await listBodies(c.var.deps.store.db, c.var.viewer), 200),
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/bodies/{ref}',
      permission: 'public',
      summary: 'One body by id or slug, with its name history and years',
      request: { params: z.object({ ref: z.string().min(1).max(100).openapi({ param: { name: 'ref', in: 'path' }, example: 'lsg' }) }) },
      responses: { 200: { description: 'The body', content: { 'application/json': { schema: BodySummarySchema } } }, ...errorResponses },
    },
    async (c) => {
      const { ref } = c.req.valid('param');
      const [body] = await listBodies(c.var.deps.store.db, c.var.viewer, /^\d{1,10}$/.test(ref) && Number(ref) <= MAX_ID ? { id: Number(ref) } : { slug: ref });
      if (!body) throw notFound('Organet');
      return c.json(body, 200);
    },
  );
}
