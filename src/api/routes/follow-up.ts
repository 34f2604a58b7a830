import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { defineRoute, type ApiApp, type AppEnv } from '../route.js';
import { DbIdJson, IdParam, errorResponses } from '../schemas.js';
import { BodyRecordParams, Filter, IsoDate, Text, fields, file, json, requireBody } from './follow-up-schemas.js';
import { notFound } from '../errors.js';
import { ADOPTION_STATUSES, RECOMMENDATION_KINDS, adoptionSheets, type Sheet } from '../../domain/recommendations.js';
import { costSplitSheets } from '../../domain/cost-split.js';
import { listHuvudman } from '../../store/queries/huvudman.js';
import {
  createRecommendation, deleteRecommendation, getRecommendation, huvudmanAdoption, listRecommendations, setAdoptions, updateRecommendation,
} from '../../store/queries/recommendations.js';
import { createCostSplit, deleteCostSplit, getCostSplit, listCostSplits, previewCostSplit } from '../../store/queries/cost-splits.js';
import { registerFundRoutes } from './follow-up-funds.js';
import { registerDocumentRegisterRoutes } from './follow-up-documents.js';

// Follow-up after the decision: recommendations and their adoption by each huvudman (the matrix,
// one huvudman's page, CSV/XLSX), and cost splits; funds and the governing documents register
// are in follow-up-funds.ts and follow-up-documents.ts. Rules live in src/domain, SQL in
// src/store; here are the shapes at the boundary, and the two spreadsheet writers.

const RecommendationBody = z.object({
  decisionId: DbIdJson.nullable().default(null),
  decidedOn: IsoDate.nullable().default(null),
  title: Text(500).min(1, 'ange vad som ska antas'),
  kind: z.enum(RECOMMENDATION_KINDS, { error: `en av ${RECOMMENDATION_KINDS.join(', ')}` }),
  localBody: Text(200).min(1, 'ange var huvudmännen ska besluta (t.ex. fullmäktige)'),
  deadline: IsoDate.nullable().default(null),
  description: Text(10_000).default(''),
});

const AdoptionRow = z.object({
  huvudmanId: DbIdJson,
  status: z.enum(ADOPTION_STATUSES, { error: `en av ${ADOPTION_STATUSES.join(', ')}` }),
  decidedOn: IsoDate.nullable().default(null),
  decidingBody: Text(200).nullable().default(null).transform((s) => s || null),
  diaryNumber: Text(100).nullable().default(null).transform((s) => s || null),
  url: Text(2000).nullable().default(null).transform((s) => s || null),
});

const Measure = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('population'), year: z.number().int().min(1900).max(2200) }),
  z.object({
    kind: z.literal('custom'),
    name: Text(100).min(1, 'ange vad som mäts (t.ex. antal brukare)'),
    values: z.array(z.object({ huvudmanId: DbIdJson, value: z.number().int().min(0).max(1e12) })).max(100),
  }),
]);
const Bp = z.number().int().min(0).max(10_000);
const SplitKey = z.object({
  totalOre: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  regionShareBp: Bp,
  municipalShareBp: Bp,
  measure: Measure,
});
const CostSplitBody = SplitKey.extend({
  decisionId: DbIdJson.nullable().default(null),
  decidedOn: IsoDate.nullable().default(null),
  title: Text(300).min(1, 'ange vilken kostnad som fördelas'),
  costYear: z.number().int().min(1900).max(2200).nullable().default(null),
});

export function registerFollowUpRoutes(app: ApiApp): void {
  registerRecommendationRoutes(app);
  registerCostSplitRoutes(app);
  registerFundRoutes(app);
  registerDocumentRegisterRoutes(app);
}

function registerRecommendationRoutes(app: ApiApp): void {
  defineRoute(
    app,
    { method: 'get', path: '/api/recommendations', permission: 'public', summary: 'Recommendations to the huvudmän, with each huvudman’s adoption', request: { query: Filter }, responses: { 200: json('Newest first'), ...errorResponses } },
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listRecommendations(c.var.deps.store.db, c.var.viewer, { bodyId: q.body, year: q.year, itemId: q.item, meetingId: q.meeting }), 200);
    },
  );

  defineRoute(
    app,
    { method: 'get', path: '/api/recommendations/{id}', permission: 'public', summary: 'One recommendation with its 16 adoption rows', request: { params: IdParam }, responses: { 200: json('The recommendation'), ...errorResponses } },
    async (c) => {
      const rec = await getRecommendation(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id);
      if (!rec) throw notFound('Rekommendationen');
      return c.json(rec, 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/bodies/{id}/recommendations',
      permission: 'edit-body',
      summary: 'Register a recommendation the body decided (from a decision in its minutes, or by hand); every huvudman gets a row',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: RecommendationBody } } } },
      responses: { 201: json('Registered'), ...errorResponses },
    },
    async (c) => {
      const { db } = c.var.deps.store;
      await requireBody(db, c.req.valid('param').id);
      const id = await fields(() => createRecommendation(db, c.var.viewer, c.req.valid('param').id, c.req.valid('json')));
      return c.json({ id }, 201);
    },
  );

  defineRoute(
    app,
    {
      method: 'put',
      path: '/api/recommendations/{id}',
      permission: 'edit-recommendation',
      summary: 'Change what was recommended (title, kind, where to decide, deadline)',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: RecommendationBody.omit({ decisionId: true }) } } } },
      responses: { 200: json('Changed'), ...errorResponses },
    },
    async (c) => {
      const { db } = c.var.deps.store;
      const id = c.req.valid('param').id;
      if (!(await fields(() => updateRecommendation(db, c.var.viewer, id, c.req.valid('json'))))) throw notFound('Rekommendationen');
      return c.json(await getRecommendation(db, c.var.viewer, id), 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'put',
      path: '/api/recommendations/{id}/adoptions',
      permission: 'edit-recommendation',
      summary: 'Record how far some huvudmän have come (status, local decision date, deciding body, diary number, link); all rows or none',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: z.object({ rows: z.array(AdoptionRow).min(1).max(100) }) } } } },
      responses: { 200: json('The recommendation as it is now'), ...errorResponses },
    },
    async (c) => {
      const { db } = c.var.deps.store;
      const id = c.req.valid('param').id;
      if (!(await fields(() => setAdoptions(db, c.var.viewer, id, c.req.valid('json').rows)))) throw notFound('Rekommendationen');
      return c.json(await getRecommendation(db, c.var.viewer, id), 200);
    },
  );

  defineRoute(
    app,
    { method: 'delete', path: '/api/bodies/{id}/recommendations/{recordId}', permission: 'edit-body', summary: 'Remove a recommendation registered in error', request: { params: BodyRecordParams }, responses: { 204: { description: 'Removed' }, ...errorResponses } },
    async (c) => {
      const { id, recordId } = c.req.valid('param');
      const rec = await getRecommendation(c.var.deps.store.db, c.var.viewer, recordId);
      if (!rec || rec.body.id !== id || !(await deleteRecommendation(c.var.deps.store.db, c.var.viewer, recordId))) throw notFound('Rekommendationen');
      return c.body(null, 204);
    },
  );

  const matrix = async (c: Context<AppEnv>, q: z.infer<typeof Filter>) => {
    const { db } = c.var.deps.store;
    const huvudman = (await listHuvudman(db)).map((h) => ({ id: h.id, name: h.name, shortName: h.shortName, kind: h.kind }));
    return { huvudman, recommendations: await listRecommendations(db, c.var.viewer, { bodyId: q.body, year: q.year, itemId: q.item, meetingId: q.meeting }) };
  };

  defineRoute(
    app,
    { method: 'get', path: '/api/adoption', permission: 'public', summary: 'The adoption matrix: huvudmän × recommendations', request: { query: Filter }, responses: { 200: json('Huvudmän (region first) and recommendations (newest first)'), ...errorResponses } },
    async (c) => c.json(await matrix(c, c.req.valid('query')), 200),
  );

  defineRoute(
    app,
    { method: 'get', path: '/api/adoption.csv', permission: 'public', summary: 'The adoption matrix as CSV (one row per huvudman and recommendation; semicolons, UTF-8)', request: { query: Filter }, responses: { 200: file('CSV', 'text/csv'), ...errorResponses } },
    async (c) => {
      const m = await matrix(c, c.req.valid('query'));
      return sendCsv(c, adoptionSheets(m.recommendations, m.huvudman).decisions, 'antagande.csv');
    },
  );

  defineRoute(
    app,
    { method: 'get', path: '/api/adoption.xlsx', permission: 'public', summary: 'The adoption matrix as an Excel workbook: the matrix, and one row per local decision', request: { query: Filter }, responses: { 200: file('XLSX', XLSX), ...errorResponses } },
    async (c) => {
      const m = await matrix(c, c.req.valid('query'));
      const sheets = adoptionSheets(m.recommendations, m.huvudman);
      return sendXlsx(c, [sheets.matrix, sheets.decisions], 'antagande.xlsx');
    },
  );

  defineRoute(
    app,
    {
      method: 'get', path: '/api/huvudman/{id}/adoption', permission: 'public',
      summary: 'One huvudman’s page: the recommendations it still has to decide (earliest deadline first) and those it has decided; year: of the recommending decision',
      request: { params: IdParam, query: Filter.pick({ year: true }) }, responses: { 200: json('Pending and decided'), ...errorResponses },
    },
    async (c) => {
      const page = await huvudmanAdoption(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id, { year: c.req.valid('query').year });
      if (!page) throw notFound('Huvudmannen');
      return c.json(page, 200);
    },
  );
}

function registerCostSplitRoutes(app: ApiApp): void {
  defineRoute(
    app,
    { method: 'get', path: '/api/cost-splits', permission: 'public', summary: 'Cost splits (kostnadsfördelningar) decided by the bodies', request: { query: Filter }, responses: { 200: json('Newest first'), ...errorResponses } },
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listCostSplits(c.var.deps.store.db, c.var.viewer, { bodyId: q.body, year: q.year, itemId: q.item, meetingId: q.meeting }), 200);
    },
  );

  defineRoute(
    app,
    { method: 'get', path: '/api/cost-splits/{id}', permission: 'public', summary: 'One cost split with its parts (öre)', request: { params: IdParam }, responses: { 200: json('The split'), ...errorResponses } },
    async (c) => c.json(await splitOr404(c, c.req.valid('param').id), 200),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    defineRoute(
      app,
      { method: 'get', path: `/api/cost-splits/{id}/export.${format}`, permission: 'public', summary: `One cost split as ${format.toUpperCase()}`, request: { params: IdParam }, responses: { 200: file(format, format === 'csv' ? 'text/csv' : XLSX), ...errorResponses } },
      async (c) => {
        const split = await splitOr404(c, c.req.valid('param').id);
        const sheets = costSplitSheets(split);
        const name = `kostnadsfordelning-${split.id}.${format}`;
        return format === 'csv' ? sendCsv(c, sheets.parts, name) : sendXlsx(c, [sheets.parts, sheets.key], name);
      },
    );
  }

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/cost-splits/preview',
      permission: 'signed-in',
      summary: 'Compute a split without storing it',
      request: { body: { required: true, content: { 'application/json': { schema: SplitKey } } } },
      responses: { 200: json('The parts (öre), region first'), ...errorResponses },
    },
    async (c) => c.json({ parts: await fields(() => previewCostSplit(c.var.deps.store.db, c.req.valid('json'))) }, 200),
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/bodies/{id}/cost-splits',
      permission: 'edit-body',
      summary: 'Store a cost split the body decided: fixed shares for the region and the municipalities, the municipalities’ share by population or another measure',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: CostSplitBody } } } },
      responses: { 201: json('Stored'), ...errorResponses },
    },
    async (c) => {
      const { db } = c.var.deps.store;
      await requireBody(db, c.req.valid('param').id);
      const id = await fields(() => createCostSplit(db, c.var.viewer, c.req.valid('param').id, c.req.valid('json')));
      return c.json(await getCostSplit(db, c.var.viewer, id), 201);
    },
  );

  defineRoute(
    app,
    { method: 'delete', path: '/api/bodies/{id}/cost-splits/{recordId}', permission: 'edit-body', summary: 'Remove a cost split stored in error', request: { params: BodyRecordParams }, responses: { 204: { description: 'Removed' }, ...errorResponses } },
    async (c) => {
      const { id, recordId } = c.req.valid('param');
      if (!(await deleteCostSplit(c.var.deps.store.db, c.var.viewer, id, recordId))) throw notFound('Kostnadsfördelningen');
      return c.body(null, 204);
    },
  );
}

async function splitOr404(c: Context<AppEnv>, id: number) {
  const split = await getCostSplit(c.var.deps.store.db, c.var.viewer, id);
  if (!split) throw notFound('Kostnadsfördelningen');
  return split;
}

// Spreadsheet writers for the domain's Sheet. CSV for Swedish Excel: semicolons, decimal comma,
// UTF-8 with a byte-order mark (without it Excel reads å ä ö as Latin-1), CRLF. XLSX: dates as
// real dates, amounts as numbers in kronor with a kronor format.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function csvValue(v: string | number | null, kind: Sheet['columns'][number]['kind']): string {
  if (v === null) return '';
  let s: string;
  if (kind === 'kronor' && typeof v === 'number') s = (v / 100).toFixed(2).replace('.', ',');
  else if (kind === 'percent' && typeof v === 'number') s = `${(v * 100).toFixed(2).replace('.', ',')} %`;
  else s = String(v);
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(sheet: Sheet): string {
  const lines = [sheet.columns.map((c) => csvValue(c.header, 'text')).join(';')];
  for (const row of sheet.rows) lines.push(row.map((v, i) => csvValue(v, sheet.columns[i]!.kind)).join(';'));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

const NUM_FMT: Record<Sheet['columns'][number]['kind'], string | undefined> = {
  text: undefined, date: 'yyyy-mm-dd', integer: '#,##0', kronor: '#,##0.00 "kr"', percent: '0.00%', // ',' groups in any locale
};

export async function toXlsx(sheets: Sheet[]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs'); // loaded on the first export, not held from start (about 20 MB)
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Samverka';
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((col, i) => ({ header: col.header, key: String(i), width: col.width ?? 14, style: NUM_FMT[col.kind] ? { numFmt: NUM_FMT[col.kind] } : {} }));
    ws.getRow(1).font = { bold: true };
    for (const row of sheet.rows) {
      ws.addRow(row.map((v, i) => {
        const kind = sheet.columns[i]!.kind;
        if (v === null) return null;
        if (kind === 'date' && typeof v === 'string') return new Date(`${v}T00:00:00Z`); // UTC midnight: a whole day in Excel
        if (kind === 'kronor' && typeof v === 'number') return v / 100;
        return v;
      }));
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function attachment(filename: string) {
  return `attachment; filename="${filename}"`;
}

function sendCsv(c: Context<AppEnv>, sheet: Sheet, filename: string) {
  return c.body(toCsv(sheet), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment(filename), 'Cache-Control': 'private, no-cache' });
}

async function sendXlsx(c: Context<AppEnv>, sheets: Sheet[], filename: string) {
  return c.body((await toXlsx(sheets)) as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': XLSX, 'Content-Disposition': attachment(filename), 'Cache-Control': 'private, no-cache' });
}
