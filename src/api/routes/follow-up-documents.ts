import { z } from '@hono/zod-openapi';
import { defineRoute, type ApiApp } from '../route.js';
import { DbId, DbIdJson, IdParam, errorResponses } from '../schemas.js';
import { ApiError, notFound } from '../errors.js';
import { BodyRecordParams, IsoDate, Text, fields, json, requireBody } from './follow-up-schemas.js';
import { DOCUMENT_KINDS } from '../../domain/governing-documents.js';
import { attachmentProblem, MEDIA_TYPES, sniffAttachment } from '../../domain/attachments.js';
import { addVersion, attachVersionFile, createDocument, getDocument, getVersionFile, listDocuments, updateDocument } from '../../store/queries/governing-documents.js';

// The register of governing documents. Changes go through the body that owns the document
// (edit-body on `id`); the store checks that the document in `recordId` is that body's. The file
// upload's path ends in /documents so that the app's upload size limit (not the 1 MB one) applies.

const DocumentBody = z.object({
  title: Text(300).min(1, 'ange dokumentets namn'),
  kind: z.enum(DOCUMENT_KINDS, { error: `en av ${DOCUMENT_KINDS.join(', ')}` }),
  description: Text(10_000).default(''),
  nextReview: IsoDate.nullable().default(null),
});

const VersionBody = z.object({
  label: Text(50).min(1, 'ange versionen, t.ex. 2.0 eller 2024'),
  decidedByBodyId: DbIdJson.nullable().default(null),
  decisionId: DbIdJson.nullable().default(null),
  decidedOn: IsoDate.nullable().default(null),
  validFrom: IsoDate.nullable().default(null),
  validTo: IsoDate.nullable().default(null),
  recommend: z.object({ localBody: Text(200).min(1), deadline: IsoDate.nullable().default(null) }).nullable().default(null),
});

const PROBLEMS = {
  empty: 'Filen är tom.',
  too_large: 'Filen är för stor (högst 25 MB).',
  unsupported: 'Bara PDF, Word (DOCX) och Excel (XLSX) kan laddas upp.',
  mismatch: 'Filens innehåll stämmer inte med filändelsen.',
} as const;

export function registerDocumentRegisterRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'get', path: '/api/governing-documents', permission: 'public',
      summary: 'The register of governing documents with their versions; review=soon lists those to review within 90 days or overdue',
      request: { query: z.object({ body: DbId.optional(), kind: z.enum(DOCUMENT_KINDS).optional(), review: z.enum(['soon', 'overdue']).optional() }) },
      responses: { 200: json('Documents by title'), ...errorResponses },
    },
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listDocuments(c.var.deps.store.db, c.var.viewer, { bodyId: q.body, kind: q.kind, review: q.review }), 200);
    },
  );

  defineRoute(
    app,
    { method: 'get', path: '/api/governing-documents/{id}', permission: 'public', summary: 'One governing document with its versions', request: { params: IdParam }, responses: { 200: json('The document'), ...errorResponses } },
    async (c) => {
      const doc = await getDocument(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id);
      if (!doc) throw notFound('Dokumentet');
      return c.json(doc, 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'get', path: '/api/governing-documents/{id}/versions/{versionId}/file', permission: 'public', summary: 'The file of one version',
      request: { params: z.object({ id: DbId.openapi({ param: { name: 'id', in: 'path' } }), versionId: DbId.openapi({ param: { name: 'versionId', in: 'path' } }) }) },
      responses: { 200: { description: 'The file' }, ...errorResponses },
    },
    async (c) => {
      const { id, versionId } = c.req.valid('param');
      const file = await getVersionFile(c.var.deps.store.db, c.var.viewer, id, versionId);
      if (!file) throw notFound('Filen');
      const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
      return c.body(file.content as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': file.mediaType,
        'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-cache',
      });
    },
  );

  defineRoute(
    app,
    { method: 'post', path: '/api/bodies/{id}/governing-documents', permission: 'edit-body', summary: 'Add a document to the register, owned by the body', request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: DocumentBody } } } }, responses: { 201: json('The document'), ...errorResponses } },
    async (c) => {
      const { db } = c.var.deps.store;
      await requireBody(db, c.req.valid('param').id);
      const id = await createDocument(db, c.var.viewer, c.req.valid('param').id, c.req.valid('json'));
      return c.json(await getDocument(db, c.var.viewer, id), 201);
    },
  );

  defineRoute(
    app,
    { method: 'put', path: '/api/bodies/{id}/governing-documents/{recordId}', permission: 'edit-body', summary: 'Change a document’s title, kind, description or next review date', request: { params: BodyRecordParams, body: { required: true, content: { 'application/json': { schema: DocumentBody } } } }, responses: { 200: json('The document'), ...errorResponses } },
    async (c) => {
      const { db } = c.var.deps.store;
      const { id, recordId } = c.req.valid('param');
      if (!(await updateDocument(db, c.var.viewer, id, recordId, c.req.valid('json')))) throw notFound('Dokumentet');
      return c.json(await getDocument(db, c.var.viewer, recordId), 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'post', path: '/api/bodies/{id}/governing-documents/{recordId}/versions', permission: 'edit-body',
      summary: 'Add a version: who decided it and when (or the decision), valid from/to; optionally recommend it to every huvudman',
      request: { params: BodyRecordParams, body: { required: true, content: { 'application/json': { schema: VersionBody } } } },
      responses: { 201: json('The document'), ...errorResponses },
    },
    async (c) => {
      const { db } = c.var.deps.store;
      const { id, recordId } = c.req.valid('param');
      if ((await fields(() => addVersion(db, c.var.viewer, id, recordId, c.req.valid('json')))) === null) throw notFound('Dokumentet');
      return c.json(await getDocument(db, c.var.viewer, recordId), 201);
    },
  );

  defineRoute(
    app,
    {
      method: 'post', path: '/api/bodies/{id}/governing-documents/{recordId}/documents', permission: 'edit-body',
      summary: 'Upload the file of a version (form fields versionId and file; PDF, DOCX or XLSX, checked by content, at most 25 MB)',
      request: { params: BodyRecordParams, body: { required: true, content: { 'multipart/form-data': { schema: z.object({ versionId: z.string(), file: z.any().openapi({ type: 'string', format: 'binary' }) }) } } } },
      responses: { 204: { description: 'Stored' }, ...errorResponses },
    },
    async (c) => {
      const { id, recordId } = c.req.valid('param');
      const form = await c.req.parseBody().catch(() => null);
      const versionId = DbId.safeParse(form?.versionId);
      if (!versionId.success) throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för versionId: ange versionens id.');
      const file = form?.file;
      if (!(file instanceof File)) throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för file: bifoga en fil.');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const problem = attachmentProblem(file.name, bytes);
      if (problem) throw new ApiError(problem === 'too_large' ? 413 : 400, `attachment_${problem}`, PROBLEMS[problem]);
      const stored = await attachVersionFile(c.var.deps.store.db, c.var.viewer, id, recordId, versionId.data, { filename: file.name.slice(0, 200), mediaType: MEDIA_TYPES[sniffAttachment(bytes)!], bytes });
      if (!stored) throw notFound('Versionen');
      return c.body(null, 204);
    },
  );
}
