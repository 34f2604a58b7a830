import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { defineRoute, type ApiApp, type AppEnv } from '../route.js';
import { IdParam, errorResponses } from '../schemas.js';
import { ApiError, notFound } from '../errors.js';
import { limit } from '../auth/rate-limits.js';
import { unauthenticated } from '../auth/permissions.js';
import type { ParsedProtocol } from '../../domain/protocol-preview.js';
import type { Viewer } from '../../domain/access.js';
import { toPreview } from '../../importer/preview.js';
import { stageUpload, storeUpload, UploadProblem } from '../../importer/store-upload.js';
import { deleteUpload, getUpload, listUploads, type StagedUpload } from '../../store/queries/import-uploads.js';

export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

const UploadSchema = z
  .object({
    id: z.number().int(),
    filename: z.string(),
    status: z.enum(['ready', 'failed', 'stored']),
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    meetingId: z.number().int().nullable(),
    preview: z.unknown().openapi({ description: 'The import preview (FORMAT.md), or null for a file that could not be read' }),
    repairs: z.array(z.object({ original: z.string(), repaired: z.string(), line: z.number().int(), certain: z.boolean() })),
    warnings: z.array(z.string()),
  })
  .openapi('ImportUpload');

function present(u: StagedUpload) {
  const parsed = u.parsed as ParsedProtocol | null;
  return {
    id: u.id,
    filename: u.filename,
    status: u.meetingId !== null ? ('stored' as const) : parsed ? ('ready' as const) : ('failed' as const),
    error: u.errorCode ? { code: u.errorCode, message: u.errorMessage ?? '' } : null,
    meetingId: u.meetingId,
    preview: parsed ? toPreview(parsed) : null,
    repairs: parsed?.repairs ?? [],
    warnings: parsed?.warnings ?? [],
  };
}

function account(c: Context<AppEnv>): Viewer & { kind: 'account' } {
  const viewer = c.var.viewer;
  if (viewer.kind !== 'account') throw unauthenticated();
  return viewer;
}

const owner = (v: Viewer & { kind: 'account' }) => ({ accountId: v.accountId, admin: v.admin });
const Nullable = (s: z.ZodString) => s.nullable().optional();

const StoreRequest = z.object({
  draft: z.boolean().default(false),
  corrections: z
    .object({
      body: z.string().trim().min(1).max(200).optional(),
      title: Nullable(z.string().max(300)),
      date: Nullable(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'datum skrivs ÅÅÅÅ-MM-DD')),
      startTime: Nullable(z.string().regex(/^\d{2}:\d{2}$/, 'tid skrivs TT:MM')),
      endTime: Nullable(z.string().regex(/^\d{2}:\d{2}$/, 'tid skrivs TT:MM')),
      place: Nullable(z.string().max(300)),
      diaryNumber: Nullable(z.string().max(100)),
      items: z.array(z.object({ number: z.number().int().min(0).max(100000), title: z.string().trim().min(1).max(500), kind: z.enum(['decision', 'information']).nullable() })).max(1000).optional(),
    })
    .default({}),
});

export function registerImportRoutes(app: ApiApp): void {
  defineRoute(
    app,
    { method: 'get', path: '/api/imports', permission: 'importer', summary: 'Uploaded files waiting to be checked and stored', responses: { 200: { description: 'Uploads', content: { 'application/json': { schema: z.array(UploadSchema) } } }, ...errorResponses } },
    async (c) => c.json((await listUploads(c.var.deps.store.db, owner(account(c)))).map(present), 200),
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/imports',
      permission: 'importer',
      summary: 'Upload one protocol file (.txt, .md, .pdf; field "file"): it is read and parsed, and waits for review',
      middleware: [limit('import', 60)],
      request: { body: { required: true, content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } } } },
      responses: { 201: { description: 'Read (or failed, with the reason)', content: { 'application/json': { schema: UploadSchema } } }, ...errorResponses },
    },
    async (c) => {
      const viewer = account(c);
      const form = await c.req.parseBody().catch(() => null);
      const file = form?.file;
      if (!(file instanceof File)) throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för file: bifoga en fil.');
      if (file.size > MAX_UPLOAD_BYTES) throw new ApiError(413, 'too_large', 'Filen är större än 100 MB.');
      const staged = await stageUpload(c.var.deps.store.db, viewer, { filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
      return c.json(present(staged), 201);
    },
  );

  defineRoute(
    app,
    { method: 'get', path: '/api/imports/{id}', permission: 'importer', summary: 'One upload with its preview, OCR repairs and warnings', request: { params: IdParam }, responses: { 200: { description: 'The upload', content: { 'application/json': { schema: UploadSchema } } }, ...errorResponses } },
    async (c) => {
      const upload = await getUpload(c.var.deps.store.db, c.req.valid('param').id, owner(account(c)));
      if (!upload) throw notFound('Filen');
      return c.json(present(upload), 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/imports/{id}/store',
      permission: 'importer',
      summary: 'Store an upload as a protocol, with the corrections the reviewer made (re-importing updates in place)',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: StoreRequest } } } },
      responses: { 200: { description: 'Stored', content: { 'application/json': { schema: z.object({ meetingId: z.number().int(), created: z.boolean() }) } } }, 403: { description: 'Not a secretary of that body' }, ...errorResponses },
    },
    async (c) => {
      const { draft, corrections } = c.req.valid('json');
      try {
        const stored = await storeUpload(c.var.deps.store.db, account(c), c.req.valid('param').id, corrections, { draft });
        return c.json({ meetingId: stored.meetingId, created: stored.created }, 200);
      } catch (e) {
        if (!(e instanceof UploadProblem)) throw e;
        const status = e.code === 'not_found' ? 404 : e.code === 'forbidden' ? 403 : e.code === 'already_stored' ? 409 : 400;
        throw new ApiError(status, e.code, e.message);
      }
    },
  );

  defineRoute(
    app,
    { method: 'delete', path: '/api/imports/{id}', permission: 'importer', summary: 'Throw an upload away', request: { params: IdParam }, responses: { 204: { description: 'Gone' }, ...errorResponses } },
    async (c) => {
      if (!(await deleteUpload(c.var.deps.store.db, c.req.valid('param').id, owner(account(c))))) throw notFound('Filen');
      return c.body(null, 204);
    },
  );
}
