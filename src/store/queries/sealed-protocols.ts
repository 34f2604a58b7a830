import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Db } from '../db.js';
import { SYSTEM, type Viewer } from '../../domain/access.js';
import { DEFAULT_ANSLAG_DAYS, anslagDates } from '../../domain/anslag.js';
import type { SealRegistry, SealRecord } from '../../signing/verify.js';
import type { SignerEvent } from '../../signing/seal-protocol.js';
import { appendAudit } from './audit.js';
import { closeAssignmentsDecided } from './assignment-closing.js';

// Sealed protocols (förseglade protokoll): storing a seal and publishing the meeting in one
// transaction, reading the sealed PDF back, and what verification asks of the database.

export interface SealedProtocol {
  version: number;
  pdf: Uint8Array;
  manifest: unknown;
  pdfSha256: string;
  sealedAt: Date;
  developmentCertificate: boolean;
}

/** The sealed PDF of a published meeting's latest sealed version, or null (drafts, imported archive protocols). */
export async function getSealedProtocol(db: Kysely<Database>, meetingId: number): Promise<SealedProtocol | null> {
  const row = await db
    .selectFrom('sealed_protocol as s')
    .innerJoin('meeting as m', 'm.id', 's.meeting_id')
    .innerJoin('seal_certificate as c', 'c.fingerprint', 's.certificate_fingerprint')
    .select(['s.version', 's.pdf', 's.manifest', 's.pdf_sha256', 's.sealed_at', 'c.development'])
    .where('s.meeting_id', '=', meetingId)
    .where('m.status', '=', 'published')
    .orderBy('s.version', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  return { version: row.version, pdf: row.pdf, manifest: row.manifest, pdfSha256: row.pdf_sha256, sealedAt: new Date(row.sealed_at), developmentCertificate: row.development };
}

export interface SealToStore {
  meetingId: number;
  version: number;
  pdf: Uint8Array;
  pdfSha256: string;
  manifest: unknown;
  manifestCanonical: string;
  manifestSha256: string;
  snapshotCanonical: string;
  contentSha256: string;
  sealedAt: Date;
  signers: SignerEvent[];
  certificate: { fingerprint: string; pem: string; subject: string; development: boolean; notBefore: Date; notAfter: Date };
}

export class AlreadySealedError extends Error {}
export class NotSealableError extends Error {}

/**
 * Stores the sealed PDF and publishes the meeting: status 'published', published_at, anslag dates
 * from its primary body's setting; audited. All or nothing.
 */
export async function storeSealAndPublish(db: Db, seal: SealToStore, actor: Viewer = SYSTEM): Promise<{ anslag: { from: string; to: string } | null }> {
  return db.transaction().execute(async (trx) => {
    const meeting = await trx.selectFrom('meeting').select(['id', 'status']).where('id', '=', seal.meetingId).forUpdate().executeTakeFirst();
    if (!meeting) throw new NotSealableError('Mötet finns inte.');
    if (meeting.status === 'planned' || meeting.status === 'cancelled') throw new NotSealableError('Mötet har inget protokoll att försegla.');
    const existing = await trx.selectFrom('sealed_protocol').select('id').where('meeting_id', '=', seal.meetingId).where('version', '=', seal.version).executeTakeFirst();
    if (existing) throw new AlreadySealedError(`Version ${seal.version} av protokollet är redan förseglad.`);

    const body = await trx
      .selectFrom('meeting_body as mb')
      .innerJoin('body as b', 'b.id', 'mb.body_id')
      .select(['b.uses_anslag', 'b.anslag_days'])
      .where('mb.meeting_id', '=', seal.meetingId)
      .orderBy('mb.is_primary', 'desc')
      .executeTakeFirst();
    const anslag = anslagDates(seal.sealedAt, { usesAnslag: body?.uses_anslag ?? false, anslagDays: body?.anslag_days ?? DEFAULT_ANSLAG_DAYS });

    const c = seal.certificate;
    await trx
      .insertInto('seal_certificate')
      .values({ fingerprint: c.fingerprint, pem: c.pem, subject: c.subject, development: c.development, not_before: c.notBefore, not_after: c.notAfter })
      .onConflict((oc) => oc.column('fingerprint').doNothing())
      .execute();
    await trx
      .insertInto('sealed_protocol')
      .values({
        meeting_id: seal.meetingId,
        version: seal.version,
        pdf: seal.pdf,
        pdf_sha256: seal.pdfSha256,
        manifest: seal.manifestCanonical,
        manifest_sha256: seal.manifestSha256,
        snapshot: seal.snapshotCanonical,
        content_sha256: seal.contentSha256,
        certificate_fingerprint: c.fingerprint,
        sealed_at: seal.sealedAt,
      })
      .execute();
    await trx
      .updateTable('meeting')
      .set({ status: 'published', published_at: seal.sealedAt, anslag_from: anslag?.from ?? null, anslag_to: anslag?.to ?? null, updated_at: sql`now()` })
      .where('id', '=', seal.meetingId)
      .execute();
    await appendAudit(trx, actor, {
      action: 'protocol.seal',
      entity: 'meeting',
      entityId: seal.meetingId,
      before: { status: meeting.status },
      after: {
        status: 'published', version: seal.version, pdfSha256: seal.pdfSha256, manifestSha256: seal.manifestSha256, certificate: c.fingerprint,
        developmentCertificate: c.development, signers: seal.signers.map((s) => ({ name: s.name, role: s.role, signedAt: s.signedAt })), anslag,
      },
    });
    // Its decisions apply now: report-backs whose decision says "uppdraget anses slutfört" close their assignments.
    await closeAssignmentsDecided(trx, actor, { meetingId: seal.meetingId }, 'published');
    return { anslag };
  });
}

export interface PublicationInfo {
  publishedAt: string | null;
  anslag: { from: string; to: string } | null;
  /** An imported archive protocol: justerat outside Samverka, published without a seal. */
  archive: boolean;
  seal: {
    version: number;
    sealedAt: string;
    pdfSha256: string;
    signers: SignerEvent[];
    developmentCertificate: boolean;
    certificateSubject: string;
  } | null;
}

/** What the public page says about a published protocol's justering, seal and anslag; null when it is not published. */
export async function getPublicationInfo(db: Db, meetingId: number): Promise<PublicationInfo | null> {
  const meeting = await db
    .selectFrom('meeting')
    .select(['status', 'origin', 'published_at', 'anslag_from', 'anslag_to'])
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting || meeting.status !== 'published') return null;
  const seal = await db
    .selectFrom('sealed_protocol as s')
    .innerJoin('seal_certificate as c', 'c.fingerprint', 's.certificate_fingerprint')
    .select(['s.version', 's.sealed_at', 's.pdf_sha256', 's.manifest', 'c.development', 'c.subject'])
    .where('s.meeting_id', '=', meetingId)
    .orderBy('s.version', 'desc')
    .executeTakeFirst();
  const manifest = seal?.manifest as { signers?: SignerEvent[] } | undefined;
  return {
    publishedAt: meeting.published_at ? new Date(meeting.published_at).toISOString() : null,
    anslag: meeting.anslag_from && meeting.anslag_to ? { from: meeting.anslag_from, to: meeting.anslag_to } : null,
    archive: !seal && meeting.origin === 'imported',
    seal: seal
      ? {
          version: seal.version, sealedAt: new Date(seal.sealed_at).toISOString(), pdfSha256: seal.pdf_sha256, signers: manifest?.signers ?? [],
          developmentCertificate: seal.development, certificateSubject: seal.subject,
        }
      : null,
  };
}

/** The database side of verification. */
export function sealRegistry(db: Db): SealRegistry {
  const record = (r: { meeting_id: number; version: number; pdf_sha256: string; manifest_sha256: string } | undefined): SealRecord | null =>
    r ? { meetingId: r.meeting_id, version: r.version, pdfSha256: r.pdf_sha256, manifestSha256: r.manifest_sha256 } : null;
  const columns = ['meeting_id', 'version', 'pdf_sha256', 'manifest_sha256'] as const;
  return {
    databaseChecked: true,
    certificate: async (fingerprint) =>
      (await db.selectFrom('seal_certificate').select('development').where('fingerprint', '=', fingerprint).executeTakeFirst()) ?? null,
    sealByPdf: async (sha) => record(await db.selectFrom('sealed_protocol').select(columns).where('pdf_sha256', '=', sha).executeTakeFirst()),
    sealByVersion: async (meetingId, version) =>
      record(await db.selectFrom('sealed_protocol').select(columns).where('meeting_id', '=', meetingId).where('version', '=', version).executeTakeFirst()),
    latestVersion: async (meetingId) => {
      const row = await db.selectFrom('sealed_protocol').select((eb) => eb.fn.max('version').as('v')).where('meeting_id', '=', meetingId).executeTakeFirst();
      return row?.v ?? null;
    },
    archiveByFile: async (sha) => {
      // Only a published archive protocol is named: the original file of a draft says nothing.
      const row = await db
        .selectFrom('source_file as f')
        .innerJoin('meeting as m', 'm.source_file_id', 'f.id')
        .select(['m.id', 'm.meeting_date', 'm.title'])
        .where('f.sha256', '=', sha)
        .where('m.status', '=', 'published')
        .where('m.origin', '=', 'imported')
        .orderBy('m.id')
        .executeTakeFirst();
      if (!row) return null;
      const body = await db
        .selectFrom('meeting_body as mb')
        .innerJoin('body_name as n', 'n.body_id', 'mb.body_id')
        .select('n.name')
        .where('mb.meeting_id', '=', row.id)
        .where('n.alias', '=', false)
        .orderBy('mb.is_primary', 'desc')
        .orderBy(sql`n.valid_to desc nulls first`)
        .executeTakeFirst();
      return { meetingId: row.id, body: body?.name ?? row.title ?? '', date: row.meeting_date };
    },
  };
}

export interface PublicationSettings {
  usesAnslag: boolean;
  anslagDays: number;
}

export async function getPublicationSettings(db: Db, bodyId: number): Promise<PublicationSettings | null> {
  const row = await db.selectFrom('body').select(['uses_anslag', 'anslag_days']).where('id', '=', bodyId).executeTakeFirst();
  return row ? { usesAnslag: row.uses_anslag, anslagDays: row.anslag_days } : null;
}

/** Changes whether a body announces its justering and for how many days; audited. */
export async function setPublicationSettings(db: Db, actor: Viewer, bodyId: number, change: Partial<PublicationSettings>): Promise<PublicationSettings | null> {
  return db.transaction().execute(async (trx) => {
    const before = await getPublicationSettings(trx, bodyId);
    if (!before) return null;
    const after = { ...before, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) } as PublicationSettings;
    await trx.updateTable('body').set({ uses_anslag: after.usesAnslag, anslag_days: after.anslagDays }).where('id', '=', bodyId).execute();
    await appendAudit(trx, actor, { action: 'body.publication-settings', entity: 'body', entityId: bodyId, before, after });
    return after;
  });
}
