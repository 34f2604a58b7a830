import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import { todayIso } from '../../domain/assignments.js';
import { dayBefore, placeVersion, reviewState, versionOn, versionProblem, type DocumentKind } from '../../domain/governing-documents.js';
import { FieldError, type RecommendationKind } from '../../domain/recommendations.js';
import type { Db } from '../db.js';
import type { Database } from '../schema.js';
import { appendAudit } from './audit.js';
import type { DocumentVersion, GoverningDocument } from '../../domain/follow-up-views.js';
import { bodyNameOf, insertRecommendation, resolveDecision, sourceOf, visibleRecord } from './recommendations.js';

// The register of governing documents: each document with its versions (who decided each and
// when, valid from/to, the file) and, through a recommendation of a version, its adoption by each
// huvudman. A version from a decision in an unpublished protocol is for the body until then.

export interface DocumentFilter {
  bodyId?: number | undefined;
  kind?: DocumentKind | undefined;
  review?: 'soon' | 'overdue' | undefined; // due for review within 90 days (or past), or past
  id?: number | undefined;
}

export async function listDocuments(db: Db, viewer: Viewer, filter: DocumentFilter = {}): Promise<GoverningDocument[]> {
  let q = db.selectFrom('governing_document as d').selectAll('d').select(bodyNameOf('d.body_id').as('body_name')).orderBy('d.title').orderBy('d.id');
  if (filter.id !== undefined) q = q.where('d.id', '=', filter.id);
  if (filter.bodyId !== undefined) q = q.where('d.body_id', '=', filter.bodyId);
  if (filter.kind !== undefined) q = q.where('d.kind', '=', filter.kind);
  const docs = await q.execute();
  if (docs.length === 0) return [];
  const versions = await db
    .selectFrom('governing_document_version as v')
    .select([
      'v.id', 'v.document_id', 'v.label', 'v.body_id', 'v.decided_on', 'v.valid_from', 'v.valid_to', 'v.filename', 'v.media_type', 'v.size_bytes', 'v.recommendation_id',
      bodyNameOf('v.body_id').as('body_name'), sourceOf('v').as('source'),
      sql<{ adopted: number; decided: number; total: number } | null>`(select json_build_object(
        'adopted', count(*) filter (where a.status = 'adopted'), 'decided', count(*) filter (where a.status in ('adopted', 'declined')), 'total', count(*))
        from adoption a where a.recommendation_id = v.recommendation_id having count(*) > 0)`.as('progress'),
    ])
    .where('v.document_id', 'in', docs.map((d) => d.id))
    .where(visibleRecord(viewer, 'v'))
    .orderBy('v.valid_from', 'desc')
    .execute();
  const today = todayIso();
  const out = docs.map((d) => {
    const own: DocumentVersion[] = versions
      .filter((v) => v.document_id === d.id)
      .map((v) => ({
        id: v.id,
        label: v.label,
        decidedBy: { id: v.body_id, name: v.body_name },
        decidedOn: v.decided_on,
        validFrom: v.valid_from,
        validTo: v.valid_to,
        source: v.source,
        file: v.filename && v.media_type ? { filename: v.filename, mediaType: v.media_type, sizeBytes: v.size_bytes ?? 0 } : null,
        recommendation: v.recommendation_id !== null && v.progress ? { id: v.recommendation_id, ...v.progress } : null,
      }));
    return {
      id: d.id,
      title: d.title,
      kind: d.kind as DocumentKind,
      description: d.description,
      body: { id: d.body_id, name: d.body_name },
      nextReview: d.next_review,
      review: reviewState(d.next_review, today),
      current: versionOn(own, today),
      versions: own,
    };
  });
  if (filter.review === 'overdue') return out.filter((d) => d.review === 'overdue');
  if (filter.review === 'soon') return out.filter((d) => d.review === 'overdue' || d.review === 'soon');
  return out;
}

export async function getDocument(db: Db, viewer: Viewer, id: number): Promise<GoverningDocument | null> {
  return (await listDocuments(db, viewer, { id }))[0] ?? null;
}

export interface DocumentInput {
  title: string;
  kind: DocumentKind;
  description: string;
  nextReview: string | null;
}

export async function createDocument(db: Db, actor: Viewer, bodyId: number, input: DocumentInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('governing_document')
      .values({ body_id: bodyId, title: input.title.trim(), kind: input.kind, description: input.description, next_review: input.nextReview })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, { action: 'governing-document.create', entity: 'governing_document', entityId: id, after: { bodyId, ...input } });
    return id;
  });
}

export async function updateDocument(db: Db, actor: Viewer, bodyId: number, id: number, input: DocumentInput): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await lockDocument(trx, bodyId, id);
    if (!before) return false;
    await trx.updateTable('governing_document').set({ title: input.title.trim(), kind: input.kind, description: input.description, next_review: input.nextReview }).where('id', '=', id).execute();
    await appendAudit(trx, actor, { action: 'governing-document.update', entity: 'governing_document', entityId: id, before, after: input });
    return true;
  });
}

async function lockDocument(trx: Transaction<Database>, bodyId: number, id: number) {
  return trx.selectFrom('governing_document').selectAll().where('id', '=', id).where('body_id', '=', bodyId).forUpdate().executeTakeFirst();
}

export interface VersionInput {
  label: string;
  decidedByBodyId: number | null; // default: the document's body
  decisionId: number | null;
  decidedOn: string | null; // default: the decision's meeting date
  validFrom: string | null; // default: the decision date
  validTo: string | null;
  /** Recommend the version to every huvudman to adopt (creates the recommendation and its rows). */
  recommend: { localBody: string; deadline: string | null } | null;
}

const RECOMMENDATION_KIND: Record<DocumentKind, RecommendationKind> = {
  överenskommelse: 'överenskommelse', strategi: 'strategi', riktlinje: 'riktlinje', rutin: 'rutin', handlingsplan: 'handlingsplan', färdplan: 'färdplan', annat: 'annat',
};

/**
 * Adds a version, all or nothing: checks its decision and dates, ends the version it replaces the
 * day before, and recommends it to the huvudmän when asked. Returns null for another body's document.
 */
export async function addVersion(db: Db, actor: Viewer, bodyId: number, documentId: number, input: VersionInput): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const doc = await lockDocument(trx, bodyId, documentId);
    if (!doc) return null;
    const decidedBy = input.decidedByBodyId ?? bodyId;
    if (!(await trx.selectFrom('body').select('id').where('id', '=', decidedBy).executeTakeFirst())) throw new FieldError('decidedByBodyId', `organ ${decidedBy} finns inte`);
    const link = input.decisionId !== null ? await resolveDecision(trx, decidedBy, input.decisionId) : null;
    const decidedOn = input.decidedOn ?? link?.meetingDate ?? null;
    if (decidedOn === null) throw new FieldError('decidedOn', 'ange beslutsdatum när inget beslut i Samverka är angivet');
    const dates = { decidedOn, validFrom: input.validFrom ?? decidedOn, validTo: input.validTo };
    const problem = versionProblem(dates);
    if (problem) throw problem;
    const existing = await trx.selectFrom('governing_document_version').select(['id', 'label', 'decided_on', 'valid_from', 'valid_to']).where('document_id', '=', documentId).execute();
    if (existing.some((v) => v.label === input.label.trim())) throw new FieldError('label', `versionen ${input.label.trim()} finns redan`);
    const close = placeVersion(existing.map((v) => ({ id: v.id, decidedOn: v.decided_on, validFrom: v.valid_from, validTo: v.valid_to })), dates);
    if (close !== null) await trx.updateTable('governing_document_version').set({ valid_to: dayBefore(dates.validFrom) }).where('id', '=', close).execute();
    const recommendationId = input.recommend
      ? await insertRecommendation(trx, actor, decidedBy, {
          decisionId: input.decisionId, decidedOn, title: `${doc.title} (version ${input.label.trim()})`, kind: RECOMMENDATION_KIND[doc.kind as DocumentKind],
          localBody: input.recommend.localBody, deadline: input.recommend.deadline, description: '',
        })
      : null;
    const { id } = await trx
      .insertInto('governing_document_version')
      .values({
        document_id: documentId, label: input.label.trim(), body_id: decidedBy, item_id: link?.itemId ?? null, decision_id: input.decisionId, from_decision: link !== null,
        decided_on: decidedOn, valid_from: dates.validFrom, valid_to: dates.validTo, recommendation_id: recommendationId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, { action: 'governing-document.version', entity: 'governing_document', entityId: documentId, after: { versionId: id, closed: close, recommendationId, ...input } });
    return id;
  });
}

/** Attaches (or replaces) a version's file. Returns false when the version is not this body's document's. */
export async function attachVersionFile(db: Db, actor: Viewer, bodyId: number, documentId: number, versionId: number, file: { filename: string; mediaType: string; bytes: Uint8Array }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockDocument(trx, bodyId, documentId))) return false;
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const res = await trx
      .updateTable('governing_document_version')
      .set({ filename: file.filename, media_type: file.mediaType, size_bytes: file.bytes.byteLength, sha256, content: file.bytes })
      .where('id', '=', versionId)
      .where('document_id', '=', documentId)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return false;
    await appendAudit(trx, actor, { action: 'governing-document.file', entity: 'governing_document', entityId: documentId, after: { versionId, filename: file.filename, sha256 } });
    return true;
  });
}

export async function getVersionFile(db: Db, viewer: Viewer, documentId: number, versionId: number) {
  const row = await db
    .selectFrom('governing_document_version as v')
    .select(['v.filename', 'v.media_type', 'v.content'])
    .where('v.id', '=', versionId)
    .where('v.document_id', '=', documentId)
    .where(visibleRecord(viewer, 'v'))
    .executeTakeFirst();
  return row?.content && row.filename && row.media_type ? { filename: row.filename, mediaType: row.media_type, content: row.content } : null;
}
