// The organisation's seal certificate (förseglingscertifikat): a PKCS#12 file named by
// SIGNING_P12, or, without one, a self-signed development certificate generated once into
// DATA_DIR/signing/. Every problem with it is a SealError in plain Swedish, because the person who
// meets it is a secretary whose protocol could not be sealed.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import type { Config } from '../config.js';
import { SealError } from './errors.js';

export const DEVELOPMENT_SUBJECT = 'Samverka utvecklingscertifikat – ej för skarp användning';
const DEVELOPMENT_YEARS = 10;
const BAG = { shroudedKey: forge.pki.oids.pkcs8ShroudedKeyBag!, key: forge.pki.oids.keyBag!, cert: forge.pki.oids.certBag! };

export interface SealCertificate {
  /** A PKCS#12 with the key in a shrouded bag, as @signpdf/signer-p12 reads it, and its password. */
  p12: Uint8Array;
  password: string;
  certificatePem: string;
  /** SHA-256 of the DER certificate, lower-case hex. */
  fingerprint: string;
  subject: string;
  notBefore: Date;
  notAfter: Date;
  development: boolean;
}

export function developmentCertificateFiles(dataDir: string) {
  const dir = path.join(dataDir, 'signing');
  return { dir, p12: path.join(dir, 'development-seal.p12'), password: path.join(dir, 'development-seal.password'), pem: path.join(dir, 'development-seal.pem') };
}

export function certificateFingerprint(pem: string): string {
  return new crypto.X509Certificate(pem).fingerprint256.replace(/:/g, '').toLowerCase();
}

/** The certificate to seal with; generates the development certificate the first time there is none. */
export function ensureSealCertificate(config: Pick<Config, 'dataDir' | 'signing'>, now = new Date()): { certificate: SealCertificate; created: boolean } {
  if (config.signing.p12Path) return { certificate: loadOrganisationCertificate(config.signing.p12Path, config.signing.password ?? '', now), created: false };
  const files = developmentCertificateFiles(config.dataDir);
  let created = false;
  if (!fs.existsSync(files.p12)) {
    generateDevelopmentCertificate(files, now);
    created = true;
  }
  return { certificate: readDevelopmentCertificate(files, now), created };
}

function loadOrganisationCertificate(file: string, password: string, now: Date): SealCertificate {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new SealError(`Förseglingscertifikatet (SIGNING_P12) kan inte läsas: ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}). Kontakta systemförvaltaren.`);
  }
  return readP12(bytes, password, { development: false, now });
}

function readDevelopmentCertificate(files: ReturnType<typeof developmentCertificateFiles>, now: Date): SealCertificate {
  try {
    return readP12(fs.readFileSync(files.p12), fs.readFileSync(files.password, 'utf8').trim(), { development: true, now });
  } catch (e) {
    if (e instanceof SealError) throw e;
    throw new SealError(`Utvecklingscertifikatet i ${files.dir} kan inte läsas (${(e as Error).message}). Ta bort mappen så skapas ett nytt vid nästa start.`);
  }
}

/** Reads and checks a PKCS#12: the password opens it, it holds a key with its certificate, and the certificate is valid now. */
export function readP12(bytes: Uint8Array, password: string, opts: { development: boolean; now?: Date; checkValidity?: boolean }): SealCertificate {
  const now = opts.now ?? new Date();
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (e) {
    const message = (e as Error).message ?? '';
    if (/password|mac could not be verified/i.test(message)) {
      throw new SealError('Lösenordet till förseglingscertifikatet är fel (SIGNING_P12_PASSWORD). Protokollet har inte förseglats. Kontakta systemförvaltaren.');
    }
    throw new SealError('Förseglingscertifikatet är ingen giltig PKCS#12-fil (.p12/.pfx). Protokollet har inte förseglats. Kontakta systemförvaltaren.');
  }
  const bags = (type: string): forge.pkcs12.Bag[] => p12.getBags({ bagType: type })[type] ?? [];
  const keys = [...bags(BAG.shroudedKey), ...bags(BAG.key)];
  const certs = bags(BAG.cert).map((b) => b.cert).filter((c): c is forge.pki.Certificate => !!c);
  const key = keys.map((k) => k.key).find((k): k is forge.pki.rsa.PrivateKey => !!k && 'n' in k);
  if (!key) throw new SealError('Förseglingscertifikatet saknar en privat RSA-nyckel. Protokollet har inte förseglats. Kontakta systemförvaltaren.');
  const own = certs.find((c: forge.pki.Certificate) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return 'n' in pub && pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
  });
  if (!own) throw new SealError('Förseglingscertifikatet saknar certifikatet som hör till nyckeln. Protokollet har inte förseglats. Kontakta systemförvaltaren.');

  const { notBefore, notAfter } = own.validity;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  if (opts.checkValidity !== false && notAfter.getTime() < now.getTime()) {
    throw new SealError(`Förseglingscertifikatet gick ut ${day(notAfter)}. Protokollet har inte förseglats. Ett nytt certifikat behövs – kontakta systemförvaltaren.`);
  }
  if (opts.checkValidity !== false && notBefore.getTime() > now.getTime()) {
    throw new SealError(`Förseglingscertifikatet gäller först från ${day(notBefore)}. Protokollet har inte förseglats. Kontakta systemförvaltaren.`);
  }
  const certificatePem = forge.pki.certificateToPem(own);
  // Repacked with the key in a shrouded bag, the one form @signpdf/signer-p12 reads.
  const chain = [own, ...certs.filter((c: forge.pki.Certificate) => c !== own)];
  const packed = forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(key, chain, password, { algorithm: '3des' })).getBytes();
  return {
    p12: new Uint8Array(Buffer.from(packed, 'binary')),
    password,
    certificatePem,
    fingerprint: certificateFingerprint(certificatePem),
    subject: subjectName(own),
    notBefore,
    notAfter,
    development: opts.development,
  };
}

function subjectName(cert: forge.pki.Certificate): string {
  const field = (short: string): string | undefined => {
    const raw = cert.subject.getField(short)?.value as string | undefined;
    if (raw === undefined) return undefined;
    try {
      return forge.util.decodeUtf8(raw);
    } catch {
      return raw;
    }
  };
  const cn = field('CN') ?? '';
  const o = field('O');
  return o && o !== cn ? `${cn}, ${o}` : cn;
}

/** Writes a new self-signed development certificate; a racing second writer keeps the first one's. */
function generateDevelopmentCertificate(files: ReturnType<typeof developmentCertificateFiles>, now: Date): void {
  fs.mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = `01${crypto.randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + DEVELOPMENT_YEARS * 365.25 * 24 * 3600_000);
  const name = [
    { shortName: 'CN', value: DEVELOPMENT_SUBJECT, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class },
    { shortName: 'O', value: 'Samverka' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const password = crypto.randomBytes(24).toString('base64url');
  const p12 = forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: '3des' })).getBytes();

  const tmp = `.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(files.password + tmp, `${password}\n`, { mode: 0o600 });
  fs.writeFileSync(files.p12 + tmp, Buffer.from(p12, 'binary'), { mode: 0o600 });
  fs.writeFileSync(files.pem + tmp, forge.pki.certificateToPem(cert));
  if (fs.existsSync(files.p12)) {
    for (const f of [files.password, files.p12, files.pem]) fs.rmSync(f + tmp, { force: true });
    return;
  }
  // The password and certificate first: the .p12 appearing is what says "the certificate exists".
  fs.renameSync(files.password + tmp, files.password);
  fs.renameSync(files.pem + tmp, files.pem);
  fs.renameSync(files.p12 + tmp, files.p12);
}

/**
 * The seal certificates this installation has now, for verification: never generates one, and a
 * certificate that cannot be read (wrong password, expired) is simply not among them.
 */
export function knownSealCertificates(config: Pick<Config, 'dataDir' | 'signing'>): { fingerprint: string; development: boolean }[] {
  const known: { fingerprint: string; development: boolean }[] = [];
  const pem = developmentCertificateFiles(config.dataDir).pem;
  try {
    if (fs.existsSync(pem)) known.push({ fingerprint: certificateFingerprint(fs.readFileSync(pem, 'utf8')), development: true });
  } catch {
    /* an unreadable development certificate is not ours to vouch for */
  }
  if (config.signing.p12Path) {
    try {
      const file = config.signing.p12Path;
      const key = `${file}:${fs.statSync(file).mtimeMs}:${config.signing.password ?? ''}`;
      if (organisationFingerprint?.key !== key) {
        // Expired or not, a certificate we hold is ours: what it sealed while valid stays sealed by us.
        const cert = readP12(fs.readFileSync(file), config.signing.password ?? '', { development: false, checkValidity: false });
        organisationFingerprint = { key, fingerprint: cert.fingerprint };
      }
      known.push({ fingerprint: organisationFingerprint.fingerprint, development: false });
    } catch {
      /* reported when sealing; verification then relies on the database's record of certificates */
    }
  }
  return known;
}

// Opening a PKCS#12 costs tens of milliseconds of CPU: verification requests reuse the answer until the file changes.
let organisationFingerprint: { key: string; fingerprint: string } | null = null;

/**
 * At start: makes sure there is a seal certificate (generating the development one on first
 * start) and says which one seals. A certificate that cannot be used is reported, not fatal:
 * reading and everything else works, and sealing says the same in Swedish when it is tried.
 */
export function sealCertificateAtStart(config: Pick<Config, 'dataDir' | 'signing'>): string {
  try {
    const { certificate, created } = ensureSealCertificate(config);
    if (!certificate.development) return `Samverka: protocols are sealed with ${certificate.subject} (valid until ${certificate.notAfter.toISOString().slice(0, 10)})\n`;
    const where = developmentCertificateFiles(config.dataDir).dir;
    return `Samverka: ${created ? 'generated a' : 'using the'} self-signed DEVELOPMENT seal certificate in ${where} — not for production use; ` +
      'sealed protocols say so on every page that shows them. Set SIGNING_P12 and SIGNING_P12_PASSWORD to seal with the organisation\'s certificate.\n';
  } catch (e) {
    return `Samverka: WARNING: protocols cannot be sealed until the seal certificate is fixed: ${(e as Error).message}\n`;
  }
}
