import forge from 'node-forge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { SIGNERS, draftMeeting, makeP12, quietLog, sealedMeeting, signingConfig, writeTemp } from './helpers.js';
import { SealError, sealAndPublish } from '../../src/signing/seal-protocol.js';
import { getSealedProtocol, sealRegistry } from '../../src/store/queries/sealed-protocols.js';
import { verifyProtocolPdf } from '../../src/signing/verify.js';
import { readP12 } from '../../src/signing/certificate.js';
import { sealPdf } from '../../src/signing/seal-pdf.js';
import { findSignatureField } from '../../src/signing/pdf-signature.js';
import { closePdfRenderer } from '../../src/render/pdf.js';
import type { Store } from '../../src/store/db.js';
import type { Config } from '../../src/config.js';

let store: Store;
let config: Config;
let sealed: Awaited<ReturnType<typeof sealedMeeting>>;
let pdf: Uint8Array;

beforeAll(async () => {
  store = await openTestStore();
  config = signingConfig();
  sealed = await sealedMeeting(store, config);
  pdf = (await getSealedProtocol(store.db, sealed.meetingId))!.pdf;
}, 120_000);
afterAll(async () => {
  await closePdfRenderer();
  await store?.close();
});

const verify = (bytes: Uint8Array) => verifyProtocolPdf(bytes, sealRegistry(store.db));

describe('sealing a justerat protocol', () => {
  it('publishes the meeting with the sealed PDF, and audits it', async () => {
    const meeting = await store.db.selectFrom('meeting').select(['status', 'published_at']).where('id', '=', sealed.meetingId).executeTakeFirstOrThrow();
    expect(meeting.status).toBe('published');
    expect(meeting.published_at).not.toBeNull();
    const stored = await getSealedProtocol(store.db, sealed.meetingId);
    expect(stored).toMatchObject({ version: 1, pdfSha256: sealed.pdfSha256, developmentCertificate: true });
    expect((stored!.manifest as { signers: unknown[] }).signers).toHaveLength(3);
    const audit = await store.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'protocol.seal').execute();
    expect(audit).toEqual([{ action: 'protocol.seal', entity_id: String(sealed.meetingId) }]);
  });

  it('refuses to seal the same version twice', async () => {
    await expect(sealAndPublish({ store, config, log: quietLog }, { meetingId: sealed.meetingId, version: 1, protocol: sealed.snapshot, signers: SIGNERS }))
      .rejects.toThrow(/redan förseglad/);
  }, 60_000);
});

describe('verifying a sealed protocol', () => {
  it('is valid, naming the protocol, its version and who signed when', async () => {
    const r = await verify(pdf);
    expect(r.outcome).toBe('valid');
    expect(r.valid).toBe(true);
    expect(r.protocol).toMatchObject({ meetingId: sealed.meetingId, version: 1, body: 'Länssamverkansgruppen', date: '2024-02-23' });
    expect(r.signers.map((s) => [s.name, s.role, s.signedAt])).toEqual(SIGNERS.map((s) => [s.name, s.role, s.signedAt]));
    expect(r.certificate?.development).toBe(true);
    expect(r.summary).toMatch(/^Giltigt/);
  });

  it('with one byte changed, is invalid and says the content changed after sealing', async () => {
    const changed = new Uint8Array(pdf);
    const at = Math.floor(changed.length / 3);
    changed[at] = changed[at]! ^ 0x01;
    const r = await verify(changed);
    expect(r.valid).toBe(false);
    expect(r.outcome).toBe('altered');
    expect(r.checks.map((c) => c.text)).toContain('Innehållet har ändrats efter förseglingen.');
    expect(r.protocol?.meetingId).toBe(sealed.meetingId);
  });

  it('with bytes added after the seal, says something was added', async () => {
    const appended = Buffer.concat([pdf, Buffer.from('\n% tillägg\n')]);
    const r = await verify(appended);
    expect(r.outcome).toBe('altered');
    expect(r.summary).toMatch(/lagts till/);
  });

  it('a truncated file is reported as damaged, not as an error', async () => {
    const r = await verify(pdf.subarray(0, Math.floor(pdf.length / 2)));
    expect(r.outcome).toBe('damaged');
    expect(r.summary).toMatch(/skadad|avkortad/);
  });

  it('a file that is not a PDF says so', async () => {
    const r = await verify(new TextEncoder().encode('Det här är ett vanligt textdokument.'));
    expect(r.outcome).toBe('not-pdf');
    expect(r.summary).toMatch(/inte en PDF.*inte ett protokoll förseglat av Samverka/);
  });

  it('a PDF signed with another certificate is not ours', async () => {
    const p12 = makeP12({ password: 'hemligt', commonName: 'Någon annan' });
    const foreign = readP12(p12, 'hemligt', { development: false });
    const unsigned = await pdfWithoutSeal();
    const signed = await sealPdf(unsigned, {
      manifestJson: '{}', manifestSha256: '0'.repeat(64), certificate: foreign, signingTime: new Date(), title: 't', location: 'x', contactInfo: 'x',
    });
    const r = await verify(signed);
    expect(r.outcome).toBe('not-ours');
    expect(r.summary).toMatch(/inte ett protokoll förseglat av Samverka/);
    expect(r.certificate?.subject).toBe('Någon annan');
  });

  it('a PDF without a seal is not ours', async () => {
    const r = await verify(await pdfWithoutSeal());
    expect(r.outcome).toBe('not-sealed');
  });

  it('a version sealed before a newer one is genuine but no longer in force', async () => {
    const { meetingId, snapshot } = await draftMeeting(store, '2024-03-15');
    await sealAndPublish({ store, config, log: quietLog }, { meetingId, version: 1, protocol: snapshot, signers: SIGNERS });
    const first = (await getSealedProtocol(store.db, meetingId))!.pdf;
    await sealAndPublish({ store, config, log: quietLog }, { meetingId, version: 2, protocol: snapshot, signers: SIGNERS });
    const r = await verify(first);
    expect(r.outcome).toBe('superseded');
    expect(r.newerVersion).toBe(2);
    expect((await verify((await getSealedProtocol(store.db, meetingId))!.pdf)).outcome).toBe('valid');
  }, 120_000);
});

describe('a seal that cannot be made publishes nothing', () => {
  async function attempt(cfg: Config) {
    const { meetingId, snapshot } = await draftMeeting(store, '2024-04-19');
    const error = await sealAndPublish({ store, config: cfg, log: quietLog }, { meetingId, version: 1, protocol: snapshot, signers: SIGNERS }).catch((e: unknown) => e);
    const meeting = await store.db.selectFrom('meeting').select(['status', 'published_at']).where('id', '=', meetingId).executeTakeFirstOrThrow();
    const rows = await store.db.selectFrom('sealed_protocol').select('id').where('meeting_id', '=', meetingId).execute();
    return { error, meeting, rows };
  }

  it('a wrong certificate password', async () => {
    const file = writeTemp(makeP12({ password: 'rätt lösenord' }), 'org.p12');
    const { error, meeting, rows } = await attempt(signingConfig({ signing: { p12Path: file, password: 'fel lösenord' } }));
    expect(error).toBeInstanceOf(SealError);
    expect((error as Error).message).toMatch(/Lösenordet till förseglingscertifikatet är fel/);
    expect(meeting).toEqual({ status: 'justering', published_at: null });
    expect(rows).toEqual([]);
  });

  it('an expired certificate', async () => {
    const file = writeTemp(makeP12({ password: 'pw', notBefore: new Date('2020-01-01'), notAfter: new Date('2023-01-01') }), 'expired.p12');
    const { error, meeting, rows } = await attempt(signingConfig({ signing: { p12Path: file, password: 'pw' } }));
    expect(error).toBeInstanceOf(SealError);
    expect((error as Error).message).toMatch(/gick ut 2023-01-01/);
    expect(meeting.status).toBe('justering');
    expect(rows).toEqual([]);
  });

  it('a certificate file that is missing', async () => {
    const { error, rows } = await attempt(signingConfig({ signing: { p12Path: '/nonexistent/org.p12', password: 'x' } }));
    expect((error as Error).message).toMatch(/kan inte läsas/);
    expect(rows).toEqual([]);
  });

  it('Chromium missing', async () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    await closePdfRenderer();
    try {
      const { error, meeting, rows } = await attempt(config);
      expect(error).toBeInstanceOf(SealError);
      expect((error as Error).message).toMatch(/Chromium/);
      expect(meeting.status).toBe('justering');
      expect(rows).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
  });
});

async function pdfWithoutSeal(): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Protokoll');
  return doc.save();
}

describe('any changed byte', () => {
  it('makes verification fail, wherever in the file it is (content, signature, padding)', async () => {
    const text = Buffer.from(pdf).toString('latin1');
    const contents = text.indexOf('/Contents <') + '/Contents <'.length;
    const positions = [
      10, Math.floor(pdf.length / 4), Math.floor(pdf.length / 2), pdf.length - 20, // content
      contents + 4, contents + 200, // the signature itself
      text.indexOf('000000', contents + 8000), // the placeholder's padding
    ];
    for (const at of positions) {
      const changed = new Uint8Array(pdf);
      changed[at] = changed[at] === 0x30 ? 0x31 : changed[at] === 0x61 ? 0x41 : changed[at]! ^ 0x02;
      const r = await verify(changed);
      expect(r.valid, `byte ${at} (${r.outcome}: ${r.summary})`).toBe(false);
    }
  });
});

describe('an organisation certificate with a Swedish name', () => {
  it('seals, and the signature names its issuer exactly as the certificate does (so PDF readers find the signer)', async () => {
    const file = writeTemp(makeP12({ password: 'pw', commonName: 'Region Västerbotten – Samverkan' }), 'region.p12');
    const cfg = signingConfig({ signing: { p12Path: file, password: 'pw' } });
    const { meetingId, snapshot } = await draftMeeting(store, '2024-05-24');
    await sealAndPublish({ store, config: cfg, log: quietLog }, { meetingId, version: 1, protocol: snapshot, signers: SIGNERS });
    const sealedPdf = (await getSealedProtocol(store.db, meetingId))!;
    expect(sealedPdf.developmentCertificate).toBe(false);
    const r = await verify(sealedPdf.pdf);
    expect(r.outcome).toBe('valid');
    expect(r.certificate?.subject).toBe('Region Västerbotten – Samverkan');

    const field = findSignatureField(sealedPdf.pdf)!;
    const root = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(field.cms).toString('binary')));
    const signedData = (root.value[1] as forge.asn1.Asn1).value[0] as forge.asn1.Asn1;
    const parts = signedData.value as forge.asn1.Asn1[];
    const cert = ((parts.find((p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC)!.value as forge.asn1.Asn1[])[0]!);
    const tbs = (cert.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const certIssuer = forge.asn1.toDer(tbs[3]!).toHex(); // [0] version, serial, signature algorithm, issuer
    const signerInfo = ((parts[parts.length - 1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[]);
    const sidIssuer = forge.asn1.toDer((signerInfo[1]!.value as forge.asn1.Asn1[])[0]!).toHex();
    expect(sidIssuer).toBe(certIssuer);
  }, 60_000);
});
