import { z } from '@hono/zod-openapi';
import { defineRoute, type ApiApp } from '../route.js';
import { DbId, IdParam, errorResponses } from '../schemas.js';
import { ApiError, notFound } from '../errors.js';
import { attachmentProblem, MEDIA_TYPES, sniffAttachment } from '../../domain/attachments.js';
import { FrozenError } from '../../store/queries/agenda-edit.js';
import { attachDocument, getDocument, removeDocument } from '../../store/queries/documents.js';

const PROBLEMS = {
  empty: 'Filen är tom.',
  too_large: 'Filen är för stor (högst 25 MB).',
  unsupported: 'Bara PDF, Word (DOCX) och Excel (XLSX) kan bifogas.',
  mismatch: 'Filens innehåll stämmer inte med filändelsen.',
} as const;

export function registerAttachmentRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/meetings/{id}/items/{itemId}/documents',
      permission: 'edit-meeting',
      summary: 'Attach a document (PDF, DOCX, XLSX; checked by content; at most 25 MB) to an item',
      request: {
        params: z.object({ id: DbId.openapi({ param: { name: 'id', in: 'path' } }), itemId: DbId.openapi({ param: { name: 'itemId', in: 'path' } }) }),
        body: { required: true, content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } } },
      },
      responses: { 201: { description: 'Attached', content: { 'application/json': { schema: z.object({ id: z.number().int() }) } } }, ...errorResponses },
    },
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      const form = await c.req.parseBody().catch(() => null);
      const file = form?.file;
      if (!(file instanceof File)) throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för file: bifoga en fil.');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const problem = attachmentProblem(file.name, bytes);
      if (problem) throw new ApiError(problem === 'too_large' ? 413 : 400, `attachment_${problem}`, PROBLEMS[problem]);
      try {
        const docId = await attachDocument(c.var.deps.store.db, c.var.viewer, id, itemId, { filename: file.name.slice(0, 200), mediaType: MEDIA_TYPES[sniffAttachment(bytes)!], bytes });
        if (docId === null) throw notFound('Ärendet');
        return c.json({ id: docId }, 201);
      } catch (e) {
        if (e instanceof FrozenError) throw new ApiError(409, 'frozen', 'Protokollet kan inte längre ändras.');
        throw e;
      }
    },
  );

  defineRoute(
    app,
    {
      method: 'delete',
      path: '/api/meetings/{id}/documents/{documentId}',
      permission: 'edit-meeting',
      summary: 'Remove an attached document',
      request: { params: z.object({ id: DbId.openapi({ param: { name: 'id', in: 'path' } }), documentId: DbId.openapi({ param: { name: 'documentId', in: 'path' } }) }) },
      responses: { 204: { description: 'Removed' }, ...errorResponses },
    },
    async (c) => {
      const { id, documentId } = c.req.valid('param');
      try {
        if (!(await removeDocument(c.var.deps.store.db, c.var.viewer, id, documentId))) throw notFound('Dokumentet');
      } catch (e) {
        if (e instanceof FrozenError) throw new ApiError(409, 'frozen', 'Protokollet kan inte längre ändras.');
        throw e;
      }
      return c.body(null, 204);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/documents/{id}',
      permission: 'public',
      summary: "Download an attached document (members of the body until the protocol is published)",
      request: { params: IdParam },
      responses: { 200: { description: 'The file' }, ...errorResponses },
    },
    async (c) => {
      const doc = await getDocument(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id);
      if (!doc) throw notFound('Dokumentet');
      return c.body(doc.content as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': doc.media_type,
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
        'X-Content-Type-Options': 'nosniff',
        ETag: `"${doc.sha256}"`,
      });
    },
  );
}
