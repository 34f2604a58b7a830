import { z } from '@hono/zod-openapi';
import { defineRoute, type ApiApp } from '../route.js';
import { ErrorSchema, errorResponses } from '../schemas.js';
import { ApiError } from '../errors.js';
import { MAX_QUERY_CHARS } from '../../domain/search.js';
import { EmptySearchError, SEARCH_TYPES, SearchTimeoutError, searchArchive } from '../../store/queries/search.js';
import { maintainSearchIndex } from '../../store/queries/maintenance.js';
import { limit } from '../auth/rate-limits.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ett datum som 2024-02-23').refine((s) => !Number.isNaN(Date.parse(s)), 'inget giltigt datum');
const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const Id = z.coerce.number().int().positive().max(2_147_483_647);

const SearchQuery = z
  .object({
    q: z.string().max(MAX_QUERY_CHARS, `högst ${MAX_QUERY_CHARS} tecken`).optional().default('').openapi({
      description: 'What to search for: words (the last one may be unfinished), "phrases in quotes"',
      example: 'tyngdtäcken',
    }),
    type: z
      .string()
      .max(200)
      .optional()
      .transform((s, ctx) => {
        if (!s) return undefined;
        const types = s.split(',').map((t) => t.trim()).filter(Boolean);
        const bad = types.find((t) => !(SEARCH_TYPES as readonly string[]).includes(t));
        if (bad) {
          ctx.addIssue({ code: 'custom', message: `okänd typ ${JSON.stringify(bad.slice(0, 30))}; giltiga: ${SEARCH_TYPES.join(', ')}` });
          return z.NEVER;
        }
        return types as (typeof SEARCH_TYPES)[number][];
      })
      .openapi({ type: 'string', description: `Result types, comma-separated: ${SEARCH_TYPES.join(', ')}`, example: 'item,decision' }),
    body: Id.optional().openapi({ description: 'Only what concerns this body (id)' }),
    year: z.coerce.number().int().min(1900).max(2200).optional().openapi({ description: 'Meeting year' }),
    from: IsoDate.optional().openapi({ description: 'Meetings on or after this date' }),
    to: IsoDate.optional().openapi({ description: 'Meetings on or before this date' }),
    kind: z.enum(['decision', 'information']).optional().openapi({ description: 'Item kind: beslutsärende or informationsärende' }),
    hasDecision: Bool.optional().openapi({ type: 'string', enum: ['true', 'false'], description: 'Items with (or without) a decision' }),
    hasAssignment: Bool.optional().openapi({ type: 'string', enum: ['true', 'false'], description: 'Items with (or without) an assignment' }),
    huvudman: Id.optional().openapi({ description: 'Named in the text or given an assignment: this huvudman (id)' }),
    person: Id.optional().openapi({ description: 'Meetings this person took part in (id)' }),
    sort: z.enum(['relevance', 'date']).optional().default('relevance'),
    page: z.coerce.number().int().min(1).max(100).optional().default(1),
    pageSize: z.coerce.number().int().min(1).max(50).optional().default(20),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'from får inte vara senare än to', path: ['from'] });

const Facet = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }));

export const SearchResultSchema = z
  .object({
    query: z.object({
      text: z.string(),
      words: z.array(z.string()),
      truncated: z.boolean().openapi({ description: 'Words past the twelfth were not searched for' }),
      corrections: z.array(z.object({ from: z.string(), to: z.array(z.string()) })).openapi({ description: 'Words also searched for as these indexed words (spelling, OCR damage)' }),
    }),
    total: z.number().int(),
    approximate: z.boolean().openapi({ description: 'total and facet counts are estimates (many matches)' }),
    page: z.number().int(),
    pageSize: z.number().int(),
    pages: z.number().int(),
    sort: z.enum(['relevance', 'date']),
    results: z.array(
      z.object({
        type: z.enum(SEARCH_TYPES),
        id: z.number().int(),
        title: z.string(),
        titleHtml: z.string().openapi({ description: 'The title, HTML-escaped, hits in <mark>' }),
        snippet: z.string().openapi({ description: 'Text around the hits, HTML-escaped, hits in <mark>; no other markup' }),
        meeting: z.object({ id: z.number().int(), date: z.string().nullable(), status: z.string() }).nullable(),
        body: z.object({ id: z.number().int(), name: z.string() }).nullable(),
        item: z.object({ id: z.number().int(), number: z.number().int().nullable(), title: z.string() }).nullable(),
        score: z.number(),
      }),
    ),
    facets: z.object({ type: Facet, body: Facet, year: Facet, kind: Facet, hasDecision: Facet, hasAssignment: Facet, huvudman: Facet, person: Facet }),
  })
  .openapi('SearchResult');

export function registerSearchRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/search',
      permission: 'public',
      middleware: [limit('search', 300)],
      summary: 'Search agenda items, decisions, assignments, people, bodies and attached documents the reader may see',
      request: { query: SearchQuery },
      responses: {
        200: { description: 'Ranked results with facet counts', content: { 'application/json': { schema: SearchResultSchema } } },
        ...errorResponses,
        503: { description: 'The search took too long', content: { 'application/json': { schema: ErrorSchema } } },
      },
    },
    async (c) => {
      const q = c.req.valid('query');
      const { store, log } = c.var.deps;
      try {
        const result = await searchArchive(store.db, c.var.viewer, {
          q: q.q, types: q.type, bodyId: q.body, year: q.year, from: q.from, to: q.to, kind: q.kind,
          hasDecision: q.hasDecision, hasAssignment: q.hasAssignment, huvudmanId: q.huvudman, personId: q.person,
          sort: q.sort, page: q.page, pageSize: q.pageSize,
        });
        // keeps the planner's statistics current (the embedded database has no autovacuum)
        setImmediate(() => void maintainSearchIndex(store.db).catch((err: unknown) => log.warn({ err }, 'search maintenance failed')));
        return c.json(result, 200);
      } catch (e) {
        if (e instanceof EmptySearchError) throw new ApiError(400, 'empty_query', 'Skriv något att söka efter, eller välj ett filter.');
        if (e instanceof SearchTimeoutError) {
          throw new ApiError(503, 'search_timeout', 'Sökningen tog för lång tid. Försök med fler eller mer precisa sökord, eller ett filter.');
        }
        throw e;
      }
    },
  );
}
