import { z } from '@hono/zod-openapi';
import { defineRoute, type ApiApp } from '../route.js';
import { DbId, IdParam, errorResponses } from '../schemas.js';
import { ApiError, notFound } from '../errors.js';
import { ASSIGNMENT_STATUSES } from '../../domain/model.js';
import { listAssignments, setAssignmentStatus, TransitionError } from '../../store/queries/assignments.js';
import { decisionTrace } from '../../store/queries/decision-trace.js';
import { ClosedBySchema } from '../schemas-immediate.js';

const AssignmentSchema = z
  .object({
    id: z.number().int(),
    from: z.string().nullable(),
    fromBodyId: z.number().int().nullable(),
    to: z.string(),
    toBodyId: z.number().int().nullable(),
    text: z.string(),
    status: z.enum(ASSIGNMENT_STATUSES),
    overdue: z.boolean(),
    due: z.string().nullable(),
    dueDate: z.string().nullable(),
    meeting: z.object({ id: z.number().int(), date: z.string().nullable(), status: z.string() }),
    item: z.object({ id: z.number().int(), number: z.number().int().nullable(), title: z.string() }),
    reportedAt: z.object({ meetingId: z.number().int(), date: z.string().nullable(), itemNumber: z.number().int().nullable() }).nullable(),
    closedBy: ClosedBySchema.nullable().openapi({ description: 'The decision that closed it ("uppdraget anses slutfört"), from when it applied: the protocol published, or the item justified at once' }),
  })
  .openapi('Assignment');

export function registerAssignmentRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/assignments',
      permission: 'public',
      summary: 'Assignments (uppdrag) given by or to a body, or to a huvudman, with status and whether they are overdue; year: of the meeting that gave them',
      request: {
        query: z.object({
          body: DbId.optional(), huvudman: DbId.optional(), year: z.coerce.number().int().min(1900).max(2200).optional(), status: z.enum([...ASSIGNMENT_STATUSES, 'overdue']).optional(),
        }),
      },
      responses: { 200: { description: 'Assignments, newest decision first', content: { 'application/json': { schema: z.array(AssignmentSchema) } } }, ...errorResponses },
    },
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listAssignments(c.var.deps.store.db, c.var.viewer, { bodyId: q.body, huvudmanId: q.huvudman, year: q.year, status: q.status }), 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/assignments/{id}/status',
      permission: 'edit-assignment',
      summary: 'Confirm an assignment found by the importer, or mark it reported back, done or withdrawn',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: z.object({ status: z.enum(ASSIGNMENT_STATUSES) }) } } } },
      responses: { 200: { description: 'Moved', content: { 'application/json': { schema: z.object({ status: z.enum(ASSIGNMENT_STATUSES) }) } } }, 409: { description: 'Not a move this assignment can make' }, ...errorResponses },
    },
    async (c) => {
      try {
        const status = await setAssignmentStatus(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id, c.req.valid('json').status);
        if (!status) throw notFound('Uppdraget');
        return c.json({ status }, 200);
      } catch (e) {
        if (e instanceof TransitionError) throw new ApiError(409, 'invalid_transition', 'Uppdraget kan inte få den statusen nu.');
        throw e;
      }
    },
  );
}

export function registerTraceRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/items/{id}/trace',
      permission: 'public',
      summary: 'The decision trace: the case this item belongs to, followed across bodies — referrals, assignments and their report-backs',
      request: { params: IdParam },
      responses: { 200: { description: 'Timeline, oldest first' }, ...errorResponses },
    },
    async (c) => {
      const trace = await decisionTrace(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id);
      if (!trace) throw notFound('Ärendet');
      return c.json(trace, 200);
    },
  );
}
