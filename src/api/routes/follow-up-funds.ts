import { z } from '@hono/zod-openapi';
import { defineRoute, type ApiApp } from '../route.js';
import { DbIdJson, IdParam, errorResponses } from '../schemas.js';
import { notFound } from '../errors.js';
import { BodyRecordParams, Filter, IsoDate, Text, fields, json, requireBody } from './follow-up-schemas.js';
import { addApplication, assessApplications, createFundCall, getFundCall, listFundCalls, listFundTotals, saveReport } from '../../store/queries/funds.js';

// Funds (statsbidrag): calls, applications, the beredning's proposal, the decision, the reports.
// Changes go through the body that runs the call (edit-body on path param `id`); the store checks
// that the call in `recordId` is that body's.

const Ore = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const CallBody = z.object({
  fund: Text(200).min(1, 'ange vilken fond eller vilket statsbidrag'),
  name: Text(300).min(1, 'ange utlysningens namn'),
  year: z.number().int().min(1900).max(2200),
  amountOre: Ore,
  criteria: Text(10_000).default(''),
  applyBy: IsoDate.nullable().default(null),
});

const ApplicationBody = z.object({
  project: Text(500).min(1, 'ange projektet'),
  applicantIds: z.array(DbIdJson).min(1, 'minst en sökande huvudman').max(16),
  askedOre: Ore,
});

const AssessmentBody = z.object({
  stage: z.enum(['proposal', 'decision']),
  date: IsoDate,
  decisionId: DbIdJson.nullable().default(null),
  proposalBodyId: DbIdJson.nullable().default(null),
  rows: z.array(z.object({ applicationId: DbIdJson, amountOre: Ore, conditions: Text(5000).default('') })).min(1).max(500),
});

const ReportBody = z.object({
  reportId: DbIdJson.nullable().default(null),
  applicationId: DbIdJson,
  dueDate: IsoDate,
  submittedOn: IsoDate.nullable().default(null),
  note: Text(5000).default(''),
});

export function registerFundRoutes(app: ApiApp): void {
  defineRoute(
    app,
    { method: 'get', path: '/api/fund-calls', permission: 'public', summary: 'Calls for applications to the funds, with applications, grants and reports', request: { query: Filter }, responses: { 200: json('Newest year first'), ...errorResponses } },
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listFundCalls(c.var.deps.store.db, c.var.viewer, { bodyId: q.body, year: q.year }), 200);
    },
  );

  defineRoute(
    app,
    { method: 'get', path: '/api/fund-calls/{id}', permission: 'public', summary: 'One call with its applications', request: { params: IdParam }, responses: { 200: json('The call'), ...errorResponses } },
    async (c) => {
      const call = await getFundCall(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id);
      if (!call) throw notFound('Utlysningen');
      return c.json(call, 200);
    },
  );

  defineRoute(
    app,
    { method: 'get', path: '/api/fund-totals', permission: 'public', summary: 'Totals per year and fund (called, asked, proposed, granted) and granted per huvudman', request: { query: Filter }, responses: { 200: json('Totals'), ...errorResponses } },
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listFundTotals(c.var.deps.store.db, c.var.viewer, { bodyId: q.body, year: q.year }), 200);
    },
  );

  defineRoute(
    app,
    { method: 'post', path: '/api/bodies/{id}/fund-calls', permission: 'edit-body', summary: 'Open a call: fund, year, amount, criteria', request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: CallBody } } } }, responses: { 201: json('The call'), ...errorResponses } },
    async (c) => {
      const { db } = c.var.deps.store;
      await requireBody(db, c.req.valid('param').id);
      const id = await createFundCall(db, c.var.viewer, c.req.valid('param').id, c.req.valid('json'));
      return c.json(await getFundCall(db, c.var.viewer, id), 201);
    },
  );

  defineRoute(
    app,
    { method: 'post', path: '/api/bodies/{id}/fund-calls/{recordId}/applications', permission: 'edit-body', summary: 'Register an application: project, applicant huvudmän (lead first), amount asked', request: { params: BodyRecordParams, body: { required: true, content: { 'application/json': { schema: ApplicationBody } } } }, responses: { 201: json('The call'), ...errorResponses } },
    async (c) => {
      const { db } = c.var.deps.store;
      const { id, recordId } = c.req.valid('param');
      if ((await fields(() => addApplication(db, c.var.viewer, id, recordId, c.req.valid('json')))) === null) throw notFound('Utlysningen');
      return c.json(await getFundCall(db, c.var.viewer, recordId), 201);
    },
  );

  defineRoute(
    app,
    { method: 'put', path: '/api/bodies/{id}/fund-calls/{recordId}/assessment', permission: 'edit-body', summary: 'The beredning’s proposal, or the decision (granted amounts and conditions), for some or all applications', request: { params: BodyRecordParams, body: { required: true, content: { 'application/json': { schema: AssessmentBody } } } }, responses: { 200: json('The call'), ...errorResponses } },
    async (c) => {
      const { db } = c.var.deps.store;
      const { id, recordId } = c.req.valid('param');
      if (!(await fields(() => assessApplications(db, c.var.viewer, id, recordId, c.req.valid('json'))))) throw notFound('Utlysningen');
      return c.json(await getFundCall(db, c.var.viewer, recordId), 200);
    },
  );

  defineRoute(
    app,
    { method: 'put', path: '/api/bodies/{id}/fund-calls/{recordId}/reports', permission: 'edit-body', summary: 'Add a reporting deadline to a grant, or record the report (with reportId)', request: { params: BodyRecordParams, body: { required: true, content: { 'application/json': { schema: ReportBody } } } }, responses: { 200: json('The call'), ...errorResponses } },
    async (c) => {
      const { db } = c.var.deps.store;
      const { id, recordId } = c.req.valid('param');
      if ((await fields(() => saveReport(db, c.var.viewer, id, recordId, c.req.valid('json')))) === null) throw notFound('Utlysningen');
      return c.json(await getFundCall(db, c.var.viewer, recordId), 200);
    },
  );
}
