// Verification of a protocol PDF (used by `samverka verify` and POST /api/verify): is this a
// protocol Samverka sealed, unchanged since, and the version in force? Every answer is plain
// Swedish; nothing a file contains makes this throw.

import type crypto from 'node:crypto';
import { parseManifest, sha256Hex, MANIFEST_FILENAME, type SealManifest } from './manifest.js';
import { SignatureReadError, checkCms, embeddedFiles, findSignatureField, looksLikePdf, parseCms, signedBytes } from './pdf-signature.js';
import type { SignerEvent } from './seal-protocol.js';

export type VerifyOutcome =
  | 'valid' // sealed by us, unchanged, the current version
  | 'superseded' // sealed by us and unchanged, but a newer version has been sealed since
  | 'altered' // sealed by us once, changed since
  | 'unregistered' // sealed with our certificate, but this Samverka has no record of it
  | 'not-ours' // signed, but not with a certificate of this Samverka
  | 'not-sealed' // a readable PDF without a seal
  | 'archive' // the original file of an imported archive protocol
  | 'damaged' // truncated or corrupt
  | 'not-pdf';

export interface VerifyCheck {
  ok: boolean;
  text: string;
}

export interface VerifyResult {
  valid: boolean;
  outcome: VerifyOutcome;
  summary: string;
  checks: VerifyCheck[];
  protocol: { meetingId: number; version: number; body: string; date: string | null; title: string | null } | null;
  signers: SignerEvent[];
  sealedAt: string | null;
  certificate: { subject: string; fingerprint: string; development: boolean | null } | null;
  newerVersion: number | null;
  archive: { meetingId: number; body: string; date: string | null } | null;
  /** False when the database could not be consulted: only the file and the certificate were checked. */
  databaseChecked: boolean;
  pdfSha256: string;
}

export interface SealRecord {
  meetingId: number;
  version: number;
  pdfSha256: string;
  manifestSha256: string;
}

/** What verification asks of the database (src/store/queries/sealed-protocols.ts implements it). */
export interface SealRegistry {
  readonly databaseChecked: boolean;
  certificate(fingerprint: string): Promise<{ development: boolean } | null>;
  sealByPdf(sha256: string): Promise<SealRecord | null>;
  sealByVersion(meetingId: number, version: number): Promise<SealRecord | null>;
  latestVersion(meetingId: number): Promise<number | null>;
  archiveByFile(sha256: string): Promise<{ meetingId: number; body: string; date: string | null } | null>;
}

/** A registry that knows only the given certificates: for verifying without the database. */
export function certificateOnlyRegistry(certs: { fingerprint: string; development: boolean }[]): SealRegistry {
  return {
    databaseChecked: false,
    certificate: async (fp) => certs.find((c) => c.fingerprint === fp) ?? null,
    sealByPdf: async () => null,
    sealByVersion: async () => null,
    latestVersion: async () => null,
    archiveByFile: async () => null,
  };
}

const NOT_OURS = 'Filen är inte ett protokoll förseglat av Samverka.';
const DAMAGED = 'Filen är skadad eller ofullständig och kan inte kontrolleras.';

export async function verifyProtocolPdf(bytes: Uint8Array, registry: SealRegistry): Promise<VerifyResult> {
  const pdfSha256 = sha256Hex(bytes);
  const checks: VerifyCheck[] = [];
  const result = (outcome: VerifyOutcome, summary: string, extra: Partial<VerifyResult> = {}): VerifyResult => ({
    valid: outcome === 'valid', outcome, summary, checks, protocol: null, signers: [], sealedAt: null, certificate: null, newerVersion: null, archive: null,
    databaseChecked: registry.databaseChecked, pdfSha256, ...extra,
  });

  // An archive protocol's original may be a text file: looked up before the file must be a PDF.
  const archive = await registry.archiveByFile(pdfSha256);
  if (archive) {
    checks.push({ ok: true, text: 'Filen är originalfilen till ett importerat arkivprotokoll.' });
    return result('archive', 'Arkivprotokoll, inte förseglat i Samverka. Protokollet justerades utanför Samverka; filen är den som importerades.', { archive });
  }
  if (!looksLikePdf(bytes)) return result('not-pdf', `Filen är inte en PDF. ${NOT_OURS}`);

  let field;
  try {
    field = findSignatureField(bytes);
  } catch (e) {
    return signatureProblem(e, result, checks);
  }
  if (!field) {
    const readable = await embeddedFiles(bytes).then(() => true, () => false);
    if (!readable) return result('damaged', DAMAGED);
    return result('not-sealed', `${NOT_OURS} Den saknar elektronisk försegling.`);
  }

  let cms;
  try {
    cms = parseCms(field.cms);
  } catch (e) {
    return signatureProblem(e, result, checks);
  }
  const fingerprint = cms.certificate.fingerprint256.replace(/:/g, '').toLowerCase();
  const subject = subjectOf(cms.certificate);
  const known = await registry.certificate(fingerprint);
  const certificate = { subject, fingerprint, development: known?.development ?? null };

  const { digestMatches: contentMatches, signatureMatches } = checkCms(cms, signedBytes(bytes, field.byteRange));
  // The signature field's padding is outside what is signed; a change there is a change all the same.
  const digestMatches = contentMatches && field.paddingIntact;
  checks.push({ ok: contentMatches, text: contentMatches ? 'Innehållet är oförändrat sedan förseglingen.' : 'Innehållet har ändrats efter förseglingen.' });
  if (!field.paddingIntact) checks.push({ ok: false, text: 'Signaturfältet har ändrats efter förseglingen.' });
  checks.push({ ok: signatureMatches, text: signatureMatches ? 'Signaturen stämmer med certifikatet.' : 'Signaturen stämmer inte med certifikatet.' });
  checks.push({ ok: !!known, text: known ? `Förseglad med denna Samverkas certifikat (${subject}).` : `Certifikatet (${subject}) tillhör inte denna Samverka.` });

  // The manifest says what was sealed; read it even from an altered file, to say what it was.
  let manifest: SealManifest | null = null;
  let manifestSha: string | null = null;
  try {
    const raw = (await embeddedFiles(bytes)).get(MANIFEST_FILENAME);
    if (raw) {
      manifest = parseManifest(new TextDecoder().decode(raw));
      manifestSha = sha256Hex(raw);
    }
  } catch {
    /* reported below as a missing manifest */
  }
  const described: Partial<VerifyResult> = {
    certificate,
    protocol: manifest ? { meetingId: manifest.protocol.meetingId, version: manifest.protocol.version, body: manifest.protocol.body, date: manifest.protocol.date, title: manifest.protocol.title } : null,
    signers: manifest?.signers ?? [],
    sealedAt: manifest?.sealedAt ?? null,
  };

  if (!digestMatches || !signatureMatches) {
    if (!known && !manifest) return result('not-ours', `${NOT_OURS} Dessutom stämmer inte dess signatur.`, { certificate });
    return result('altered', 'Protokollet har ändrats efter förseglingen. Filen är inte längre det protokoll som justerades.', described);
  }
  if (!known) return result('not-ours', `${NOT_OURS} Den är signerad, men med ett annat certifikat (${subject}).`, { certificate });

  const sealedHash = /Manifest SHA-256: ([0-9a-f]{64})/.exec(field.dictionaryTail)?.[1] ?? null;
  const manifestOk = !!manifest && !!sealedHash && manifestSha === sealedHash;
  checks.push({ ok: manifestOk, text: manifestOk ? 'Manifestet i filen stämmer med förseglingen.' : 'Manifestet i filen saknas eller skiljer sig från det som förseglades.' });
  if (!manifestOk || !manifest) return result('altered', 'Manifestet i filen stämmer inte med förseglingen.', described);

  if (!registry.databaseChecked) {
    checks.push({ ok: true, text: 'Databasen kunde inte läsas: protokollets registrering är inte kontrollerad, bara filen och certifikatet.' });
    return result('valid', summaryOf(manifest, 'Giltigt: förseglat av Samverka och oförändrat'), described);
  }

  const record = (await registry.sealByPdf(pdfSha256)) ?? (await registry.sealByVersion(manifest.protocol.meetingId, manifest.protocol.version));
  if (!record) {
    checks.push({ ok: false, text: 'Protokollet finns inte registrerat som förseglat i denna Samverka.' });
    return result('unregistered', 'Förseglingen är gjord med Samverkas certifikat, men protokollet finns inte registrerat här.', described);
  }
  const sameFile = record.pdfSha256 === pdfSha256;
  const sameManifest = record.manifestSha256 === manifestSha;
  checks.push({ ok: sameFile, text: sameFile ? `Filen är identisk med den som sparades vid förseglingen (möte ${record.meetingId}, version ${record.version}).` : 'Filen skiljer sig från den som sparades vid förseglingen.' });
  if (!sameManifest) checks.push({ ok: false, text: 'Manifestet skiljer sig från det som sparades vid förseglingen.' });
  if (!sameFile || !sameManifest) return result('altered', 'Filen stämmer inte med det protokoll Samverka förseglade.', described);

  const latest = await registry.latestVersion(record.meetingId);
  if (latest !== null && latest > record.version) {
    checks.push({ ok: false, text: `Det finns en nyare version (version ${latest}).` });
    return result('superseded', `Äkta, men inte längre gällande: det finns en nyare förseglad version (version ${latest}).`, { ...described, newerVersion: latest });
  }
  checks.push({ ok: true, text: 'Det är den senaste versionen.' });
  return result('valid', summaryOf(manifest, 'Giltigt: förseglat av Samverka, oförändrat och gällande'), described);
}

function summaryOf(m: SealManifest, lead: string): string {
  const what = [m.protocol.body, m.protocol.date].filter(Boolean).join(' ');
  return `${lead}. Protokoll ${what}, version ${m.protocol.version}, justerat av ${m.signers.map((s) => `${s.name} (${s.role})`).join(', ')}.`;
}

function signatureProblem(e: unknown, result: (o: VerifyOutcome, s: string) => VerifyResult, checks: VerifyCheck[]): VerifyResult {
  if (!(e instanceof SignatureReadError)) throw e;
  if (e.reason === 'appended') {
    checks.push({ ok: false, text: 'Något har lagts till i filen efter förseglingen.' });
    return result('altered', 'Protokollet har ändrats efter förseglingen: något har lagts till i filen.');
  }
  if (e.reason === 'unsupported') return result('not-ours', `${NOT_OURS} Signaturen är av ett slag Samverka inte gör.`);
  checks.push({ ok: false, text: e.reason === 'truncated' ? 'Filen är kortare än förseglingen: den är avkortad.' : 'Förseglingen i filen är skadad eller har ändrats.' });
  return result('damaged', `${DAMAGED} ${e.reason === 'truncated' ? 'Filen är avkortad.' : 'Förseglingen i filen går inte att läsa: filen är skadad eller har ändrats.'}`);
}

function subjectOf(cert: crypto.X509Certificate): string {
  const fields = Object.fromEntries(cert.subject.split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return [fields.CN, fields.O && fields.O !== fields.CN ? fields.O : null].filter(Boolean).join(', ') || cert.subject;
}

/** The registry, knowing also the given certificates (this installation's current ones, not yet used to seal). */
export function withKnownCertificates(registry: SealRegistry, certs: { fingerprint: string; development: boolean }[]): SealRegistry {
  return {
    ...registry,
    databaseChecked: registry.databaseChecked,
    certificate: async (fp) => (await registry.certificate(fp)) ?? certs.find((c) => c.fingerprint === fp) ?? null,
  };
}
