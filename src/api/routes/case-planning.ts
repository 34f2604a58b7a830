import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { defineRoute, type ApiApp, type AppEnv } from '../route.js';
import { DbId, DbIdJson, IdParam, errorResponses } from '../schemas.js';
import { ApiError, errorBody, notFound } from '../errors.js';
import { forbidden } from '../auth/permissions.js';
import { canEditBody, isAdmin } from '../../domain/access.js';
import { MAX_LEAD_DAYS, MAX_STEPS } from '../../domain/case-planning.js';
import { isIsoDate } from '../../domain/dates.js';
import { getBody } from '../../store/queries/bodies.js';
import { getPlan, leadTimeOf, listPlans, planBodyIds, planningOptions, yearWheel } from '../../store/queries/case-planning.js';
import {
  CancelRefusedError, PlanConflictError, PlanRefusedError, cancelMeeting, createPlan, deletePlan, setLeadTime, updatePlan, type PlanInput,
} from '../../store/queries/case-planning-write.js';
import { renderPlanCalendar } from '../../render/case-planning-calendar.js';

// Ärendeplanering: a case's planned path through the bodies, its deadlines, the year wheel and the
// calendar feeds. Who may do what:
// - a plan is created by a secretary of a body on its path (the body in the URL);
// - it is changed or removed by a secretary of any body on its path (or an administrator), and a
//   change must leave a body on the path that the one changing it is secretary of, so no one plans
//   a case out of their own hands. Those routes are declared 'signed-in' and decide here, after
//   the plan is found readable (a members-only plan of other bodies is a 404 like a missing one);
// - a plan is for the members of the bodies on its path until it is shared with everyone: the
//   planned dates of the year plans are public, and so may a plan of them be.

const Year = z.coerce.number().int().min(1900).max(2200);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'datum skrivs ÅÅÅÅ-MM-DD').refine(isIsoDate, 'ogiltigt datum');

const Step = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('body'), bodyId: DbIdJson, meetingId: DbIdJson.nullable().default(null) }),
  z.object({ kind: z.literal('huvudman'), date: IsoDate.nullable().default(null) }),
]);

/** What the plan belongs to; on re-planning, leaving it out keeps it as it is. */
const Anchor = z
  .union([z.object({ itemId: DbIdJson }).strict(), z.object({ assignmentId: DbIdJson }).strict(), z.object({ recommendationId: DbIdJson }).strict()])
  .nullable();

const PlanBody = z.object({
  title: z.string().trim().min(1, 'ge ärendet en rubrik').max(300),
  description: z.string().trim().max(5000).default(''),
  visibility: z.enum(['members', 'public']).default('members'),
  anchor: Anchor.default(null),
  steps: z.array(Step).min(1, 'planen behöver minst ett steg').max(MAX_STEPS, `högst ${MAX_STEPS} steg`),
});

const Refusals = {
  403: { description: 'Not a secretary of a body on the path' },
  409: { description: 'Someone else saved the plan first' },
  422: { description: 'An impossible path: a loop, a step not after the one it feeds, a cancelled meeting, a meeting of another body' },
} as const;

const ItemList = z
  .string()
  .max(400)
  .regex(/^\d{1,10}(,\d{1,10})*$/, 'ärende-id åtskilda med kommatecken')
  .transform((s) => [...new Set(s.split(',').map(Number))].filter((n) => n <= 2_147_483_647));

function refused(e: unknown): never {
  if (e instanceof PlanRefusedError) throw new ApiError(422, 'impossible_path', e.message);
  throw e;
}

/** The plan's bodies, when the viewer may change it: 404 when they may not read it, 403 when they may only read it. */
async function editablePlan(c: Context<AppEnv>, id: number): Promise<void> {
  const viewer = c.var.viewer;
  const { db } = c.var.deps.store;
  const bodyIds = await planBodyIds(db, id);
  if (bodyIds === null || !(await getPlan(db, viewer, id))) throw notFound('Planen');
  if (!isAdmin(viewer) && !bodyIds.some((b) => canEditBody(viewer, b))) throw forbidden();
}

/** A change must keep the plan in the hands of the one making it. */
function keepsItOwn(c: Context<AppEnv>, input: PlanInput): void {
  const viewer = c.var.viewer;
  if (isAdmin(viewer)) return;
  if (!input.steps.some((s) => s.kind === 'body' && canEditBody(viewer, s.bodyId))) {
    throw new ApiError(403, 'forbidden', 'Vägen måste gå genom ett organ där du är sekreterare.');
  }
}

function disposition(filename: string): string {
  return `attachment; filename="${filename}"`;
}

const baseUrl = (c: Context<AppEnv>) => new URL(c.req.url).origin;

export function registerCasePlanningRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/case-plans',
      permission: 'public',
      summary: 'Case plans (ärendeplanering) with their derived deadlines and warnings; by year, body, or the agenda items they concern',
      request: { query: z.object({ year: Year.optional(), body: DbId.optional(), items: ItemList.optional() }) },
      responses: { 200: { description: 'Plans, newest first' }, ...errorResponses },
    },
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listPlans(c.var.deps.store.db, c.var.viewer, { year: q.year, bodyId: q.body, itemIds: q.items }), 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/case-plans/{id}',
      permission: 'public',
      summary: "A case's planned path: each step's body and target meeting, the documents deadline, and what no longer holds (moved or cancelled meetings, steps out of order)",
      request: { params: IdParam },
      responses: { 200: { description: 'The plan' }, ...errorResponses },
    },
    async (c) => {
      const plan = await getPlan(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id);
      if (!plan) throw notFound('Planen');
      return c.json(plan, 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/bodies/{id}/case-plans',
      permission: 'edit-body',
      summary: 'Plan a case along the chain, from a body on its path: steps with target meetings from the year plans, and each huvudman’s decision last',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: PlanBody } } } },
      responses: { 201: { description: 'Planned', content: { 'application/json': { schema: z.object({ id: z.number().int() }) } } }, ...Refusals, ...errorResponses },
    },
    async (c) => {
      const input = c.req.valid('json');
      const bodyId = c.req.valid('param').id;
      if (!input.steps.some((s) => s.kind === 'body' && s.bodyId === bodyId)) {
        throw new ApiError(422, 'impossible_path', 'Vägen måste gå genom organet som planerar ärendet.');
      }
      try {
        return c.json({ id: await createPlan(c.var.deps.store.db, c.var.viewer, input) }, 201);
      } catch (e) {
        refused(e);
      }
    },
  );

  defineRoute(
    app,
    {
      method: 'put',
      path: '/api/case-plans/{id}',
      permission: 'signed-in',
      summary: 'Re-plan a case (a secretary of a body on its path): the whole plan, checked against the meetings as they are now; versioned',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: PlanBody.extend({ version: z.number().int().min(1), anchor: Anchor.optional() }) } } } },
      responses: { 200: { description: 'Saved', content: { 'application/json': { schema: z.object({ version: z.number().int() }) } } }, ...Refusals, ...errorResponses },
    },
    async (c) => {
      const id = c.req.valid('param').id;
      const { version, anchor, ...rest } = c.req.valid('json');
      const input: PlanInput = { ...rest, anchor: anchor === undefined ? 'keep' : anchor };
      await editablePlan(c, id);
      keepsItOwn(c, input);
      try {
        return c.json({ version: await updatePlan(c.var.deps.store.db, c.var.viewer, id, version, input) }, 200);
      } catch (e) {
        if (e instanceof PlanConflictError) return c.json({ ...errorBody('conflict', 'Någon annan har ändrat planen sedan du öppnade den.'), current: e.current }, 409);
        refused(e);
      }
    },
  );

  defineRoute(
    app,
    {
      method: 'delete',
      path: '/api/case-plans/{id}',
      permission: 'signed-in',
      summary: 'Remove a case plan (a secretary of a body on its path)',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, 403: Refusals[403], ...errorResponses },
    },
    async (c) => {
      const id = c.req.valid('param').id;
      await editablePlan(c, id);
      if (!(await deletePlan(c.var.deps.store.db, c.var.viewer, id))) throw notFound('Planen');
      return c.body(null, 204);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/case-planning/options',
      permission: 'public',
      summary: "What a path can be planned from: every body, its documents lead time, and its meetings in the year plans of the years asked for",
      request: { query: z.object({ from: Year, to: Year.optional() }) },
      responses: { 200: { description: 'Bodies with their meetings' }, ...errorResponses },
    },
    async (c) => {
      const { from, to = from + 1 } = c.req.valid('query');
      if (to < from || to - from > 3) throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för to: högst fyra år från from.');
      return c.json(await planningOptions(c.var.deps.store.db, c.var.viewer, from, to), 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/case-planning/wheel',
      permission: 'public',
      summary: 'The year wheel (årshjul): per body the meetings, the cases handled at them and the documents deadlines, and the huvudmän’s decisions; for the whole structure or one body',
      request: { query: z.object({ year: Year, body: DbId.optional() }) },
      responses: { 200: { description: 'Rings of the wheel' }, ...errorResponses },
    },
    async (c) => {
      const { year, body } = c.req.valid('query');
      const { db } = c.var.deps.store;
      if (body !== undefined && !(await getBody(db, body))) throw notFound('Organet');
      return c.json(await yearWheel(db, c.var.viewer, year, body), 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/bodies/{id}/lead-time',
      permission: 'public',
      summary: "The body's documents lead time: handlingar senast this many calendar days before its meetings",
      request: { params: IdParam },
      responses: { 200: { description: 'Lead time', content: { 'application/json': { schema: z.object({ leadDays: z.number().int(), own: z.boolean() }) } } }, ...errorResponses },
    },
    async (c) => {
      const { db } = c.var.deps.store;
      const id = c.req.valid('param').id;
      if (!(await getBody(db, id))) throw notFound('Organet');
      return c.json(await leadTimeOf(db, id), 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'put',
      path: '/api/bodies/{id}/lead-time',
      permission: 'edit-body',
      summary: "Set the body's documents lead time in calendar days (a deadline on a weekend or holiday moves to the working day before)",
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: z.object({ leadDays: z.number().int().min(0).max(MAX_LEAD_DAYS) }) } } } },
      responses: { 200: { description: 'Saved', content: { 'application/json': { schema: z.object({ leadDays: z.number().int(), own: z.boolean() }) } } }, ...errorResponses },
    },
    async (c) => {
      const { db } = c.var.deps.store;
      const id = c.req.valid('param').id;
      if (!(await getBody(db, id))) throw notFound('Organet');
      await setLeadTime(db, c.var.viewer, id, c.req.valid('json').leadDays);
      return c.json(await leadTimeOf(db, id), 200);
    },
  );

  const icsResponse = { 200: { description: 'The calendar', content: { 'text/calendar': { schema: z.string() } } }, ...errorResponses };

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/case-planning/calendar.ics',
      permission: 'public',
      summary: 'Every planned case step, documents deadline and huvudmän decision in the structure as an iCalendar feed',
      request: { query: z.object({ year: Year.optional() }) },
      responses: icsResponse,
    },
    async (c) => {
      const { year } = c.req.valid('query');
      const plans = await listPlans(c.var.deps.store.db, c.var.viewer, { year });
      const ics = renderPlanCalendar(plans, `Ärendeplanering${year ? ` ${year}` : ''}`, { baseUrl: baseUrl(c), year });
      return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': disposition(`arendeplanering${year ? `-${year}` : ''}.ics`) });
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/bodies/{id}/case-planning.ics',
      permission: 'public',
      summary: "The cases planned through a body — each step at its meetings and the documents deadline before it — as an iCalendar feed",
      request: { params: IdParam, query: z.object({ year: Year.optional() }) },
      responses: icsResponse,
    },
    async (c) => {
      const { db } = c.var.deps.store;
      const body = await getBody(db, c.req.valid('param').id);
      if (!body) throw notFound('Organet');
      const { year } = c.req.valid('query');
      const plans = await listPlans(db, c.var.viewer, { year, bodyId: body.id });
      const ics = renderPlanCalendar(plans, `Ärendeplanering: ${body.name}${year ? ` ${year}` : ''}`, { baseUrl: baseUrl(c), year, bodyId: body.id });
      return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': disposition(`arendeplanering-${body.slug}${year ? `-${year}` : ''}.ics`) });
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/meetings/{id}/cancel',
      permission: 'edit-meeting',
      summary: 'Ställ in: a meeting in the year plan that will not be held (only one without an agenda yet); the case plans that target it warn',
      request: { params: IdParam },
      responses: { 200: { description: 'Cancelled', content: { 'application/json': { schema: z.object({ status: z.literal('cancelled') }) } } }, 409: { description: 'Already cancelled, or it has an agenda' }, ...errorResponses },
    },
    async (c) => {
      try {
        await cancelMeeting(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id);
      } catch (e) {
        if (e instanceof CancelRefusedError) throw e.reason === 'missing' ? notFound('Mötet') : new ApiError(409, 'not_cancellable', e.message);
        throw e;
      }
      return c.json({ status: 'cancelled' as const }, 200);
    },
  );
}
