import { z } from '@hono/zod-openapi';
import { defineRoute, type ApiApp } from '../route.js';
import { DbIdJson, IdParam, MeetingSummarySchema, errorResponses } from '../schemas.js';
import { ApiError } from '../errors.js';
import { yearPlanProblems } from '../../domain/meeting-rules.js';
import { createYearPlan } from '../../store/queries/year-plan.js';
import { createMeeting } from '../../store/queries/meeting-create.js';
import { listMeetings } from '../../store/queries/meetings.js';
import { bodyExists } from '../../store/queries/memberships.js';
import { pendingCases } from '../../store/queries/agenda-offers.js';

const Time = z.string().regex(/^\d{2}:\d{2}$/, 'tid skrivs TT:MM');
const Entry = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'datum skrivs ÅÅÅÅ-MM-DD'),
  startTime: Time.nullable().default(null),
  endTime: Time.nullable().default(null),
  place: z.string().max(300).nullable().default(null),
  kind: z.enum(['meeting', 'seminar']).default('meeting'),
  title: z.string().max(300).nullable().default(null),
  jointBodyIds: z.array(DbIdJson).max(10).default([]),
});

export function registerYearPlanRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/bodies/{id}/year-plan',
      permission: 'public',
      summary: "A body's meetings in a year: the planned dates and the meetings held (drafts only for members)",
      request: { params: IdParam, query: z.object({ year: z.coerce.number().int().min(1900).max(2200) }) },
      responses: { 200: { description: 'Meetings in date order', content: { 'application/json': { schema: z.array(MeetingSummarySchema) } } }, ...errorResponses },
    },
    async (c) => {
      const meetings = await listMeetings(c.var.deps.store.db, c.var.viewer, { bodyId: c.req.valid('param').id, year: c.req.valid('query').year });
      return c.json(meetings.reverse(), 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/bodies/{id}/year-plan',
      permission: 'edit-body',
      summary: 'Mötesplanering: the meeting dates a body decides for a year, including joint meetings and seminars',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: z.object({ year: z.number().int().min(1900).max(2200), meetings: z.array(Entry).min(1).max(100) }) } } } },
      responses: { 201: { description: 'Planned', content: { 'application/json': { schema: z.object({ created: z.array(z.number().int()), existing: z.array(z.number().int()) }) } } }, ...errorResponses },
    },
    async (c) => {
      const { year, meetings } = c.req.valid('json');
      const problems = yearPlanProblems(year, meetings);
      if (problems.length > 0) throw new ApiError(400, 'invalid_request', `Ogiltigt värde för meetings: ${problems.join('; ')}`);
      const { db } = c.var.deps.store;
      for (const id of meetings.flatMap((m) => m.jointBodyIds)) {
        if (!(await bodyExists(db, id))) throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för jointBodyIds: organet finns inte');
      }
      return c.json(await createYearPlan(db, c.var.viewer, c.req.valid('param').id, year, meetings), 201);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/bodies/{id}/meetings',
      permission: 'edit-body',
      summary: 'Prepare a meeting: the planned one on that date, or a new one flagged as outside the year plan; it gets the standard agenda',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: Entry } } } },
      responses: { 201: { description: 'Prepared', content: { 'application/json': { schema: z.object({ meetingId: z.number().int(), inYearPlan: z.boolean() }) } } }, ...errorResponses },
    },
    async (c) => {
      const entry = c.req.valid('json');
      const problems = yearPlanProblems(Number(entry.date.slice(0, 4)), [entry]);
      if (problems.length > 0) throw new ApiError(400, 'invalid_request', `Ogiltigt värde för endTime: ${problems.join('; ')}`);
      return c.json(await createMeeting(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id, entry), 201);
    },
  );
}


export function registerInboxRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/bodies/{id}/inbox',
      permission: 'public',
      summary: "The body's inbox: cases other bodies sent to it and assignments due back, not yet on an agenda",
      request: { params: IdParam },
      responses: { 200: { description: 'Pending cases' }, ...errorResponses },
    },
    async (c) => c.json(await pendingCases(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id), 200),
  );
}
