import { z } from '@hono/zod-openapi';
import { defineRoute, type ApiApp } from '../route.js';
import { DbId, errorResponses } from '../schemas.js';
import { notFound } from '../errors.js';
import { fields } from './follow-up-schemas.js';
import { dashboardScope } from '../../domain/dashboard.js';
import { ADOPTION_STATUSES } from '../../domain/recommendations.js';
import { followUpDashboard, ScopeNotFound } from '../../store/queries/dashboard.js';

// The uppföljning dashboard per body and per huvudman: one call. Public, like the lists it
// summarises; what comes from unpublished minutes counts only for those who may read them.

const Count = z.number().int().min(0);
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Named = z.object({ id: z.number().int(), name: z.string() });
const StatusCounts = z.object(Object.fromEntries(ADOPTION_STATUSES.map((s) => [s, Count])) as Record<(typeof ADOPTION_STATUSES)[number], typeof Count>);

const DashboardSchema = z
  .object({
    scope: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('all') }),
      z.object({ kind: z.literal('body'), id: z.number().int(), name: z.string(), slug: z.string() }),
      z.object({ kind: z.literal('huvudman'), id: z.number().int(), name: z.string() }),
    ]),
    year: z.number().int().nullable(),
    today: IsoDay,
    dueSoonDays: z.number().int(),
    assignments: z.object({ unconfirmed: Count, open: Count, reported: Count, done: Count, withdrawn: Count, overdue: Count }),
    adoption: z.object({
      counts: StatusCounts,
      overdue: Count,
      total: Count,
      recommendations: z.array(z.object({ id: z.number().int(), title: z.string(), decidedOn: IsoDay, deadline: IsoDay.nullable(), body: Named, counts: StatusCounts, overdue: Count, total: Count })),
      more: Count,
    }),
    funds: z.object({
      due: Count,
      overdue: Count,
      reports: z.array(z.object({ id: z.number().int(), dueDate: IsoDay, overdue: z.boolean(), project: z.string(), call: z.object({ id: z.number().int(), name: z.string(), fund: z.string(), year: z.number().int() }) })),
    }),
    documents: z.object({
      due: Count,
      overdue: Count,
      list: z.array(z.object({ id: z.number().int(), title: z.string(), nextReview: IsoDay, review: z.enum(['none', 'ok', 'soon', 'overdue']), body: Named })),
    }),
  })
  .openapi('FollowUpDashboard');

export function registerDashboardRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/follow-up/dashboard',
      permission: 'public',
      summary: 'Uppföljning for the whole collaboration, one body or one huvudman: assignments by status and overdue, adoption progress, fund reports and document reviews due',
      request: {
        query: z.object({
          body: DbId.optional().openapi({ description: 'Assignments given by or to the body, its recommendations, calls and documents' }),
          huvudman: DbId.optional().openapi({ description: 'Assignments to the huvudman, its adoption, the reports its grants owe; not with body' }),
          year: z.coerce.number().int().min(1900).max(2200).optional().openapi({ description: 'Of the meeting, the recommending decision and the call; not of document reviews' }),
        }),
      },
      responses: { 200: { description: 'Counts and the short lists behind them', content: { 'application/json': { schema: DashboardSchema } } }, ...errorResponses },
    },
    async (c) => {
      const q = c.req.valid('query');
      const scope = await fields(async () => dashboardScope(q));
      try {
        // Parsed on the way out too: the schema is the contract the UI and the OpenAPI document rely on.
        return c.json(DashboardSchema.parse(await followUpDashboard(c.var.deps.store.db, c.var.viewer, scope, q.year ?? null)), 200);
      } catch (e) {
        if (e instanceof ScopeNotFound) throw notFound(e.message);
        throw e;
      }
    },
  );
}
