import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import forge from 'node-forge';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { SYSTEM } from '../../src/domain/access.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { getProtocol } from '../../src/store/queries/protocol-read.js';
import { sealAndPublish, type SignerEvent } from '../../src/signing/seal-protocol.js';
import type { Store } from '../../src/store/db.js';
import { parsedProtocol, sourceOf } from '../helpers/protocols.js';

/** A configuration whose DATA_DIR (and so the development certificate) is a fresh temporary folder. */
export function signingConfig(extra: Partial<Config> = {}): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-signing-'));
  return { ...loadConfig({}), dataDir, publicUrl: 'https://samverka.example.se', rateLimits: false, ...extra };
}

export const quietLog = createLogger('silent');

export const SIGNERS: SignerEvent[] = [
  { name: 'Katarina Lindahl', role: 'sekreterare', organization: 'Region Västerbotten', method: 'Samverka-konto, lösenord', signedAt: '2024-02-26T09:10:00.000Z', personId: null, accountId: 11 },
  { name: 'Moa Brydsten', role: 'justerare', organization: 'Umeå kommun', method: 'Samverka-konto, lösenord', signedAt: '2024-02-26T10:20:00.000Z', personId: null, accountId: 12 },
  { name: 'Carin Nilsson', role: 'ordförande', organization: 'Umeå kommun', method: 'Inloggning via Region Västerbotten', signedAt: '2024-02-26T11:30:00.000Z', personId: null, accountId: 13 },
];

/** A native protocol draft of LSG, as justering would freeze it: stored, read back as a snapshot. */
export async function draftMeeting(store: Store, date = '2024-02-23'): Promise<{ meetingId: number; snapshot: unknown }> {
  const { meetingId } = await storeImportedProtocol(store.db, parsedProtocol({ date, signatures: [] }), sourceOf(`utkast ${date} ${Math.random()}`), { draft: true });
  // Written in Samverka, not imported: the importer is only the quickest way to a full protocol.
  await store.db.updateTable('meeting').set({ origin: 'native', source_file_id: null, status: 'justering' }).where('id', '=', meetingId).execute();
  const snapshot = await getProtocol(store.db, SYSTEM, meetingId);
  return { meetingId, snapshot: JSON.parse(JSON.stringify(snapshot)) };
}

export async function sealedMeeting(store: Store, config: Config, date?: string) {
  const { meetingId, snapshot } = await draftMeeting(store, date);
  const { pdfSha256 } = await sealAndPublish({ store, config, log: quietLog }, { meetingId, version: 1, protocol: snapshot, signers: SIGNERS });
  return { meetingId, snapshot, pdfSha256 };
}

/** A PKCS#12 file made here, for certificates Samverka did not make: expired, someone else's … */
export function makeP12(opts: { password: string; commonName?: string; notBefore?: Date; notAfter?: Date }): Uint8Array {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '01' + crypto.randomBytes(8).toString('hex');
  cert.validity.notBefore = opts.notBefore ?? new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = opts.notAfter ?? new Date(Date.now() + 365 * 86_400_000);
  const name = [{ shortName: 'CN', value: opts.commonName ?? 'Annan organisation', valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(key, forge.md.sha256.create());
  const der = forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(key, [cert], opts.password, { algorithm: '3des' })).getBytes();
  return new Uint8Array(Buffer.from(der, 'binary'));
}

export function writeTemp(bytes: Uint8Array, name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-signing-file-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}
