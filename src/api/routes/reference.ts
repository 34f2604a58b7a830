import { z } from '@hono/zod-openapi';
import { defineRoute, type ApiApp } from '../route.js';
import { HuvudmanSchema } from '../schemas.js';
import { listHuvudman } from '../../store/queries/huvudman.js';

export function registerReferenceRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/health',
      permission: 'public',
      summary: 'Is the service up, and on which database engine',
      responses: { 200: { description: 'OK', content: { 'application/json': { schema: z.object({ status: z.literal('ok'), engine: z.enum(['pglite', 'postgresql']) }) } } } },
    },
    (c) => c.json({ status: 'ok' as const, engine: c.var.deps.store.engine }, 200),
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/huvudman',
      permission: 'public',
      summary: 'The huvudmän (the region and the municipalities) with their population per year',
      responses: { 200: { description: 'Huvudmän in Swedish alphabetical order', content: { 'application/json': { schema: z.array(HuvudmanSchema) } } } },
    },
    async (c) => c.json(await listHuvudman(c.var.deps.store.db), 200),
  );
}
