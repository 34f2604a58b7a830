// Sealing a justerat protocol (försegling) and publishing it: the one entry point the justering
// workflow calls after the last signature. Rendering and signing happen outside any transaction
// (Chromium takes seconds); storing the sealed PDF and publishing the meeting happen in one. Any
// failure publishes nothing and is a SealError in plain Swedish.

import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/db.js';
import type { Protocol } from '../domain/model.js';
import { renderProtocolHtml } from '../render/protocol-html.js';
import { PdfBusyError, PdfUnavailableError, htmlToPdf } from '../render/pdf.js';
import { AlreadySealedError, NotSealableError, storeSealAndPublish } from '../store/queries/sealed-protocols.js';
import { ensureSealCertificate } from './certificate.js';
import { SealError } from './errors.js';
import { buildManifest, sha256Hex } from './manifest.js';
import { sealPdf } from './seal-pdf.js';
import { withSignaturePage } from './signature-page.js';
import { certificateOnlyRegistry, verifyProtocolPdf } from './verify.js';

export { SealError };

/** One signatory's signing event (undertecknande), as it goes into the manifest and onto the signature page. */
export interface SignerEvent {
  name: string;
  role: string;
  organization: string | null;
  method: string;
  signedAt: string; // ISO 8601
  personId: number | null;
  accountId: number | null;
}

export function publicBaseUrl(config: Pick<Config, 'publicUrl' | 'port'>): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

/** Seals a justerat protocol (PDF + signature page + PAdES seal) and publishes it, all or nothing. */
export async function sealAndPublish(
  deps: { store: Store; config: Config; log: Logger },
  input: { meetingId: number; version: number; protocol: unknown; signers: SignerEvent[] },
): Promise<{ pdfSha256: string }> {
  const { store, config, log } = deps;
  checkInput(input);
  const { certificate } = ensureSealCertificate(config);
  const sealedAt = new Date();
  const built = buildManifest({
    meetingId: input.meetingId,
    version: input.version,
    snapshot: input.protocol,
    signers: input.signers,
    sealedAt,
    issuer: {
      system: 'Samverka',
      certificateSubject: certificate.subject,
      certificateSha256: certificate.fingerprint,
      developmentCertificate: certificate.development,
      verifyUrl: `${publicBaseUrl(config)}/verifiera`,
    },
  });

  // The snapshot is rendered as published (no draft watermark) and signed: this is the protocol that is published.
  const protocol: Protocol = {
    ...(input.protocol as Protocol),
    status: 'published',
    signatures: built.manifest.signers.map((s) => ({ name: s.name, role: s.role, signedAt: s.signedAt, method: s.method })),
  };
  const html = withSignaturePage(renderProtocolHtml(protocol, { draftMark: false }), built.manifest, built.sha256);
  let printed: Uint8Array;
  try {
    printed = await htmlToPdf(html);
  } catch (e) {
    log.error({ err: e, meeting: input.meetingId }, 'seal: the protocol PDF could not be printed');
    if (e instanceof PdfBusyError) throw new SealError('Servern skriver ut många dokument just nu. Försök försegla igen om en stund.');
    if (e instanceof PdfUnavailableError) throw new SealError('Protokollet kan inte förseglas: servern kan inte skapa PDF (Chromium saknas eller startar inte). Kontakta systemförvaltaren.');
    throw new SealError('Protokollet kunde inte skrivas ut som PDF och har inte förseglats. Försök igen eller kontakta systemförvaltaren.');
  }

  let sealed: Uint8Array;
  try {
    sealed = await sealPdf(printed, {
      manifestJson: built.canonical,
      manifestSha256: built.sha256,
      certificate,
      signingTime: sealedAt,
      title: `Protokoll ${built.manifest.protocol.body}${built.manifest.protocol.date ? ` ${built.manifest.protocol.date}` : ''}`,
      location: publicBaseUrl(config),
      contactInfo: `${publicBaseUrl(config)}/verifiera`,
    });
  } catch (e) {
    log.error({ err: e, meeting: input.meetingId }, 'seal: signing failed');
    throw new SealError('Förseglingen misslyckades och protokollet har inte publicerats. Kontakta systemförvaltaren.');
  }
  // The seal must verify before it is published: a fault here must not become a public record.
  const check = await verifyProtocolPdf(sealed, certificateOnlyRegistry([certificate]));
  if (!check.valid) {
    log.error({ meeting: input.meetingId, outcome: check.outcome, checks: check.checks }, 'seal: the sealed PDF does not verify');
    throw new SealError('Den förseglade filen gick inte att verifiera och har inte publicerats. Kontakta systemförvaltaren.');
  }

  const pdfSha256 = sha256Hex(sealed);
  try {
    await storeSealAndPublish(store.db, {
      meetingId: input.meetingId,
      version: input.version,
      pdf: sealed,
      pdfSha256,
      manifest: built.manifest,
      manifestCanonical: built.canonical,
      manifestSha256: built.sha256,
      snapshotCanonical: built.snapshotCanonical,
      contentSha256: built.manifest.protocol.contentSha256,
      sealedAt,
      signers: built.manifest.signers,
      certificate: {
        fingerprint: certificate.fingerprint, pem: certificate.certificatePem, subject: certificate.subject, development: certificate.development,
        notBefore: certificate.notBefore, notAfter: certificate.notAfter,
      },
    });
  } catch (e) {
    if (e instanceof AlreadySealedError || e instanceof NotSealableError) throw new SealError(e.message);
    log.error({ err: e, meeting: input.meetingId }, 'seal: storing the sealed protocol failed');
    throw new SealError('Det förseglade protokollet kunde inte sparas och har inte publicerats. Försök igen.');
  }
  log.info({ meeting: input.meetingId, version: input.version, pdfSha256, development: certificate.development }, 'protocol sealed and published');
  return { pdfSha256 };
}

function checkInput(input: { meetingId: number; version: number; protocol: unknown; signers: SignerEvent[] }): void {
  if (!Number.isInteger(input.meetingId) || !Number.isInteger(input.version) || input.version < 1) throw new SealError('Protokollet att försegla är inte angivet.');
  if (!input.protocol || typeof input.protocol !== 'object') throw new SealError('Protokollets innehåll saknas; det kan inte förseglas.');
  if (input.signers.length === 0) throw new SealError('Protokollet har inga underskrifter och kan inte förseglas.');
  for (const s of input.signers) {
    if (!s.name.trim() || Number.isNaN(new Date(s.signedAt).getTime())) throw new SealError('En underskrift saknar namn eller tidpunkt; protokollet kan inte förseglas.');
  }
}
