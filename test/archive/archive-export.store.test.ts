import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { item, parsedProtocol, sourceOf } from '../helpers/protocols.js';
import { importFiles } from '../../src/importer/store-batch.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { createRecommendation } from '../../src/store/queries/recommendations.js';
import { createCostSplit } from '../../src/store/queries/cost-splits.js';
import { findArchiveBody } from '../../src/store/queries/archive.js';
import { getProtocol } from '../../src/store/queries/protocol-read.js';
import { getSealedProtocol, sealRegistry } from '../../src/store/queries/sealed-protocols.js';
import { sealAndPublish } from '../../src/signing/seal-protocol.js';
import { verifyProtocolPdf } from '../../src/signing/verify.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { ArchiveInputError, exportSip, type SipResult } from '../../src/archive/sip.js';
import { ArchiveToolError, findGhostscript } from '../../src/archive/pdfa.js';
import { ArchiveOutputError } from '../../src/archive/zip-out.js';
import { closePdfRenderer } from '../../src/render/pdf.js';
import { SYSTEM } from '../../src/domain/access.js';
import type { Body } from '../../src/domain/model.js';
import type { Store } from '../../src/store/db.js';
import { all, allMets, ERMS, EXT, filesUnder, METS, metsReferences, PREMIS, sha256, textOf, unzipPackage, xmlDoc, xmllint, XLINK } from './package.js';

// An E-ARK SIP of one body's year — two imported protocols and one justerat and sealed in Samverka —
// read back as an archive would: every file METS names is there with its size and SHA-256, PREMIS
// agrees, the XML is well-formed, the ERMS validates against our schema, the protocols are PDF/A-2,
// the originals (the sealed PDF among them) are byte for byte what Samverka holds, and no draft is
// in it. Then what happens when the year is empty, Ghostscript fails or the target is wrong.

const SAMPLES = path.resolve(import.meta.dirname, '../fixtures/protocols');
let store: Store;
let lsg: Body;
let tmp: string;
let out: string;
let result: SipResult;
let root: string;
let sealedId: number;
const source = sourceOf('Protokoll Länssamverkansgruppen 2023-02-23, inläst från en textfil', 'lsg-2023-02-23.txt');
const attachment = new TextEncoder().encode('%PDF-1.4\n% en bilaga\n');

/** A protocol justerat in Samverka: sealed (PAdES, development certificate) and so published. */
async function sealedMeeting(): Promise<number> {
  const { meetingId } = await storeImportedProtocol(store.db, parsedProtocol({ date: '2023-10-05', diaryNumber: 'LSG 2023-3', signatures: [] }), sourceOf('utkast oktober'), { draft: true });
  // written in Samverka, not imported: the importer is only the quickest way to a whole protocol
  await store.db.updateTable('meeting').set({ origin: 'native', source_file_id: null, status: 'justering' }).where('id', '=', meetingId).execute();
  const snapshot: unknown = JSON.parse(JSON.stringify(await getProtocol(store.db, SYSTEM, meetingId)));
  const config = { ...loadConfig({}), dataDir: path.join(tmp, 'signing'), publicUrl: 'https://samverka.example.se' };
  const signers = [
    { name: 'Katarina Lindahl', role: 'sekreterare', organization: 'Region Västerbotten', method: 'Samverka-konto, lösenord', signedAt: '2023-10-09T09:10:00.000Z', personId: null, accountId: null },
    { name: 'Carin Nilsson', role: 'ordförande', organization: 'Umeå kommun', method: 'Samverka-konto, lösenord', signedAt: '2023-10-09T11:30:00.000Z', personId: null, accountId: null },
  ];
  await sealAndPublish({ store, config, log: createLogger('silent') }, { meetingId, version: 1, protocol: snapshot, signers });
  return meetingId;
}

async function twoMeetingsAndADraft() {
  const first = await storeImportedProtocol(store.db, parsedProtocol({ date: '2023-02-23', diaryNumber: 'LSG 2023-1' }), source);
  await storeImportedProtocol(store.db, parsedProtocol({
    date: '2023-04-19', diaryNumber: 'LSG 2023-2', items: [item(7, 'Uppföljning av färdplanen', { kind: 'information', text: 'Informationen godkändes.\fSidan 2 (ett sidbyte ur en PDF)' })],
  }), sourceOf('Protokoll Länssamverkansgruppen 2023-04-19', 'lsg-2023-04-19.txt'));
  await storeImportedProtocol(store.db, parsedProtocol({ date: '2023-06-01', diaryNumber: 'LSG 2023-HEMLIGT-UTKAST' }), sourceOf('utkast juni'), { draft: true });
  const decision = await store.db
    .selectFrom('decision as d').innerJoin('agenda_item as i', 'i.id', 'd.item_id')
    .select(['d.id', 'i.id as item_id']).where('i.meeting_id', '=', first.meetingId).where('i.number', '=', 41)
    .executeTakeFirstOrThrow();
  // a bilaga on § 41 (imported protocols cannot be edited, so it is put in place directly)
  await store.db.insertInto('document').values({
    item_id: decision.item_id, filename: 'Strategi för suicidprevention.pdf', media_type: 'application/pdf', size_bytes: attachment.byteLength, sha256: sha256(attachment), content: attachment, uploaded_by: null,
  }).execute();
  await createRecommendation(store.db, SYSTEM, lsg.id, { decisionId: decision.id, decidedOn: null, title: 'Regional strategi för suicidprevention', kind: 'strategi', localBody: 'nämnd', deadline: '2023-12-31', description: '' });
  await createRecommendation(store.db, SYSTEM, lsg.id, { decisionId: null, decidedOn: '2023-09-01', title: 'Rutin registrerad för hand', kind: 'rutin', localBody: 'förvaltning', deadline: null, description: '' });
  await createCostSplit(store.db, SYSTEM, lsg.id, { decisionId: decision.id, decidedOn: null, title: 'Implementering av strategin', costYear: 2024, totalOre: 123_456_700, regionShareBp: 5000, municipalShareBp: 5000, measure: { kind: 'population', year: 2023 } });
}

beforeAll(async () => {
  store = await openTestStore();
  lsg = (await findArchiveBody(store.db, 'LSG'))!;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-sip-test-'));
  await importFiles(store.db, ['000_d52ea5183769047d.txt', '002_31134faffb5b5d71.txt', '003_fa8ff7ff392d754a.txt'].map((f) => path.join(SAMPLES, f)));
  await twoMeetingsAndADraft();
  sealedId = await sealedMeeting();
  out = path.join(tmp, 'out');
  fs.mkdirSync(out);
  result = await exportSip(store.db, { body: lsg, year: 2023, outDir: out });
  root = unzipPackage(result.file, path.join(tmp, 'unzipped'));
}, 180_000);
afterAll(async () => {
  await closePdfRenderer();
  await store?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('the package of a body\'s year', () => {
  it('is one zip under a folder named by its UUID, with the E-ARK layout, and holds the published protocols only', () => {
    expect(path.basename(result.file)).toMatch(/^sip-lsg-2023-[0-9a-f-]{36}\.zip$/);
    expect(fs.readdirSync(out)).toEqual([path.basename(result.file)]);
    expect(sha256(fs.readFileSync(result.file))).toBe(result.sha256);
    expect(result.objid).toBe(`urn:uuid:${path.basename(root)}`);
    expect(result.protocols).toBe(3);
    const files = filesUnder(root);
    expect(result.files).toBe(files.length);
    expect(files).toEqual(expect.arrayContaining([
      'METS.xml', 'metadata/descriptive/ERMS.xml', 'metadata/preservation/premis.xml', 'schemas/samverka-erms.xsd', 'schemas/samverka-erms-extension.xsd', 'documentation/om-paketet.txt',
      'representations/rep1/METS.xml', 'representations/rep1/metadata/preservation/premis.xml',
      'representations/rep1/data/2023-02-23-m4/protokoll-lsg-2023-02-23.pdf', 'representations/rep1/data/2023-04-19-m5/protokoll-lsg-2023-04-19.pdf',
      'representations/rep1/data/2023-10-05-m7/protokoll-lsg-2023-10-05.pdf',
      'representations/rep2/data/2023-10-05-m7/protokoll-lsg-2023-10-05-forseglat.pdf', 'representations/rep2/data/2023-10-05-m7/manifest.json',
      'representations/rep2/METS.xml', 'representations/rep2/data/2023-02-23-m4/kalla-lsg-2023-02-23.txt', 'representations/rep2/data/2023-04-19-m5/kalla-lsg-2023-04-19.txt',
      'representations/rep2/data/2023-02-23-m4/bilagor/41-1-Strategi-for-suicidprevention.pdf',
    ]));
    for (const f of files) expect(fs.readFileSync(path.join(root, f)).includes('HEMLIGT-UTKAST')).toBe(false);
  });

  it('has a root METS as CSIP and the SIP profile ask: OBJID, profile, header agents, metadata sections and the CSIP structMap', () => {
    const doc = xmlDoc(path.join(root, 'METS.xml'));
    const mets = doc.documentElement;
    expect(mets.getAttribute('OBJID')).toBe(result.objid);
    expect(mets.getAttribute('PROFILE')).toBe('https://earksip.dilcis.eu/profile/E-ARK-SIP.xml');
    const hdr = all(doc, METS, 'metsHdr')[0]!;
    expect(hdr.getAttributeNS('https://DILCIS.eu/XML/METS/CSIPExtensionMETS', 'OAISPACKAGETYPE')).toBe('SIP');
    const agents = all(hdr, METS, 'agent').map((a) => [a.getAttribute('ROLE'), a.getAttribute('TYPE'), a.getAttribute('OTHERTYPE'), textOf(a, METS, 'name')[0]]);
    expect(agents).toEqual([['CREATOR', 'OTHER', 'SOFTWARE', 'Samverka'], ['ARCHIVIST', 'ORGANIZATION', null, 'Länssamverkansgruppen'], ['CREATOR', 'ORGANIZATION', null, 'Länssamverkansgruppen']]);
    const dmd = all(doc, METS, 'dmdSec')[0]!;
    expect(all(dmd, METS, 'mdRef')[0]!.getAttributeNS(XLINK, 'href')).toBe('metadata/descriptive/ERMS.xml');
    expect(all(all(doc, METS, 'amdSec')[0]!, METS, 'mdRef')[0]!.getAttributeNS(XLINK, 'href')).toBe('metadata/preservation/premis.xml');
    const map = all(doc, METS, 'structMap');
    expect(map.map((m) => [m.getAttribute('TYPE'), m.getAttribute('LABEL')])).toEqual([['PHYSICAL', 'CSIP']]);
    const top = all(map[0]!, METS, 'div')[0]!;
    expect(top.getAttribute('LABEL')).toBe(result.objid);
    expect(Array.from(top.childNodes).filter((n): n is Element => n.nodeType === 1).map((d) => d.getAttribute('LABEL'))).toEqual(['Metadata', 'Documentation', 'Schemas', 'Representations/rep1', 'Representations/rep2']);
    expect(allMets(root)).toEqual(['METS.xml', 'representations/rep1/METS.xml', 'representations/rep2/METS.xml']);
  });

  it('names every file in some METS, and each named file is there with its size and SHA-256', () => {
    const refs = allMets(root).flatMap((m) => metsReferences(root, m));
    for (const r of refs) {
      const bytes = fs.readFileSync(path.join(root, r.path));
      expect({ path: r.path, size: bytes.byteLength, sha256: sha256(bytes) }).toEqual({ path: r.path, size: r.size, sha256: r.checksum });
      expect(r.checksumType).toBe('SHA-256');
      expect(r.mimeType).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
      expect(Number.isNaN(Date.parse(r.created))).toBe(false);
    }
    const named = new Set(['METS.xml', ...refs.map((r) => r.path)]);
    expect(filesUnder(root).filter((f) => !named.has(f))).toEqual([]);
  });

  it('has PREMIS whose fixity and size agree with every file it describes, in each representation', () => {
    const premisFiles = ['metadata/preservation/premis.xml', 'representations/rep1/metadata/preservation/premis.xml', 'representations/rep2/metadata/preservation/premis.xml'];
    let objects = 0;
    for (const p of premisFiles) {
      const doc = xmlDoc(path.join(root, p));
      for (const o of all(doc, PREMIS, 'object').filter((x) => x.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'type') === 'premis:file')) {
        const id = textOf(o, PREMIS, 'objectIdentifierValue')[0]!;
        const bytes = fs.readFileSync(path.join(root, id));
        expect(textOf(o, PREMIS, 'messageDigestAlgorithm')).toEqual(['SHA-256']);
        expect(textOf(o, PREMIS, 'messageDigest')).toEqual([sha256(bytes)]);
        expect(textOf(o, PREMIS, 'size')).toEqual([String(bytes.byteLength)]);
        objects++;
      }
    }
    // rep1: three PDF/A; rep2: as received or signed — two source files, the attachment, the sealed PDF and its manifest
    expect(objects).toBe(8);
    const rep1 = xmlDoc(path.join(root, premisFiles[1]!));
    expect(textOf(rep1, PREMIS, 'eventType')).toEqual(['creation', 'validation', 'creation', 'validation', 'migration', 'validation']);
    expect(textOf(rep1, PREMIS, 'formatRegistryKey')).toEqual(['fmt/477', 'fmt/477', 'fmt/477']);
    const rep2 = xmlDoc(path.join(root, premisFiles[2]!));
    expect(textOf(rep2, PREMIS, 'eventType')).toEqual(['ingestion', 'ingestion', 'ingestion', 'ingestion', 'fixity check', 'digital signature validation']);
    expect(textOf(rep2, PREMIS, 'eventOutcome').every((o) => o === 'success')).toBe(true);
    expect(textOf(xmlDoc(path.join(root, premisFiles[0]!)), PREMIS, 'agentName')).toEqual(expect.arrayContaining(['Samverka', 'Ghostscript', 'Länssamverkansgruppen']));
  });

  it('has well-formed XML throughout, and ERMS that validates against the schema it ships', async () => {
    for (const f of filesUnder(root).filter((x) => /\.(xml|xsd)$/.test(x))) {
      const lint = await xmllint('--noout', path.join(root, f));
      expect(lint, f).toMatchObject({ ok: true });
    }
    const valid = await xmllint('--noout', '--schema', path.join(root, 'schemas/samverka-erms.xsd'), path.join(root, 'metadata/descriptive/ERMS.xml'));
    expect(valid.output).toMatch(/validates/);
    expect(valid.ok).toBe(true);
  });

  it('carries the cases and decisions as ERMS: meetings, items with their att-clauses, assignments, recommendations and cost splits', () => {
    const doc = xmlDoc(path.join(root, 'metadata/descriptive/ERMS.xml'));
    const meetings = all(doc, ERMS, 'aggregation').filter((a) => a.getAttribute('otherAggregationType') === 'sammanträde');
    expect(meetings.map((m) => textOf(m, ERMS, 'title')[0])).toEqual(['Protokoll Länssamverkansgruppen 2023-02-23', 'Protokoll Länssamverkansgruppen 2023-04-19', 'Protokoll Länssamverkansgruppen 2023-10-05']);
    const items = all(meetings[0]!, ERMS, 'record').filter((r) => r.getAttribute('recordType') === 'paragraf');
    expect(items.map((r) => textOf(r, ERMS, 'runningNumber')[0])).toEqual(['40', '41', '42']);
    const strategy = items[1]!;
    expect(textOf(strategy, ERMS, 'relation')).toEqual(['protocol-4']);
    expect(textOf(strategy, EXT, 'clause')).toEqual(['anta strategin', 'uppdra till Beredning barn och unga att följa implementeringen.']);
    const assignment = all(strategy, EXT, 'assignment')[0]!;
    expect(assignment.getAttribute('status')).toBe('unconfirmed');
    expect(textOf(assignment, EXT, 'to')).toEqual(['Beredning barn och unga']);
    expect(textOf(all(strategy, EXT, 'recommendation')[0]!, EXT, 'title')).toEqual(['Regional strategi för suicidprevention']);
    expect(all(all(strategy, EXT, 'recommendation')[0]!, EXT, 'adoption')).toHaveLength(16);
    const split = all(strategy, EXT, 'costSplit')[0]!;
    expect(split.getAttribute('totalOre')).toBe('123456700');
    expect(all(split, EXT, 'part').reduce((sum, p) => sum + Number(p.getAttribute('amountOre')), 0)).toBe(123_456_700);
    expect(all(strategy, ERMS, 'appendix').map((a) => a.getAttribute('path'))).toEqual(['representations/rep2/data/2023-02-23-m4/bilagor/41-1-Strategi-for-suicidprevention.pdf']);
    const followUp = all(doc, EXT, 'followUp')[0]!;
    expect(textOf(followUp, EXT, 'title')).toEqual(['Rutin registrerad för hand']);
    const protocol = all(meetings[0]!, ERMS, 'record').find((r) => r.getAttribute('recordType') === 'protokoll')!;
    expect(all(protocol, ERMS, 'agent').map((a) => [a.getAttribute('agentType'), textOf(a, ERMS, 'name')[0]])).toEqual([['creator', 'Länssamverkansgruppen'], ['main_signatory', 'Carin Nilsson']]);
    expect(all(protocol, EXT, 'participant').map((p) => p.getAttribute('list'))).toEqual(['present', 'present', 'present', 'absent', 'official']);
  });

  it('holds the protocols as PDF/A-2b, and the originals byte for byte', async () => {
    for (const f of filesUnder(root).filter((x) => x.startsWith('representations/rep1/data/'))) {
      const { stdout } = await promisify(execFile)('pdfinfo', ['-meta', path.join(root, f)]);
      expect(stdout).toMatch(/pdfaid:part(='|">)2/);
      expect(stdout).toMatch(/pdfaid:conformance(='|">)B/);
      const text = (await promisify(execFile)('pdftotext', [path.join(root, f), '-'])).stdout;
      expect(text.replace(/\s+/g, ' ')).toContain('Protokoll Länssamverkansgruppen');
    }
    expect(fs.readFileSync(path.join(root, 'representations/rep2/data/2023-02-23-m4/kalla-lsg-2023-02-23.txt'))).toEqual(Buffer.from(source.bytes));
    expect(fs.readFileSync(path.join(root, 'representations/rep2/data/2023-02-23-m4/bilagor/41-1-Strategi-for-suicidprevention.pdf'))).toEqual(Buffer.from(attachment));
  });
});

describe('a protocol sealed in Samverka', () => {
  const folder = 'representations/rep2/data/2023-10-05-m7';

  it('is in rep2 exactly as signed, with its manifest, and still verifies there', async () => {
    const sealed = (await getSealedProtocol(store.db, sealedId))!;
    const kept = new Uint8Array(fs.readFileSync(path.join(root, folder, 'protokoll-lsg-2023-10-05-forseglat.pdf')));
    expect(Buffer.from(kept).equals(Buffer.from(sealed.pdf))).toBe(true);
    expect(await verifyProtocolPdf(kept, sealRegistry(store.db))).toMatchObject({ valid: true, outcome: 'valid' });
    const { manifest_sha256 } = await store.db.selectFrom('sealed_protocol').select('manifest_sha256').where('meeting_id', '=', sealedId).executeTakeFirstOrThrow();
    expect(sha256(fs.readFileSync(path.join(root, folder, 'manifest.json')))).toBe(manifest_sha256);
    const rep2 = xmlDoc(path.join(root, 'representations/rep2/metadata/preservation/premis.xml'));
    const check = all(rep2, PREMIS, 'event').find((e) => textOf(e, PREMIS, 'eventType')[0] === 'digital signature validation')!;
    expect(textOf(check, PREMIS, 'eventOutcomeDetailNote')[0]).toMatch(/^Giltigt/);
  });

  it('is in rep1 as PDF/A made from the sealed PDF, which PREMIS records as its source', async () => {
    const rep1 = xmlDoc(path.join(root, 'representations/rep1/metadata/preservation/premis.xml'));
    const pdfa = all(rep1, PREMIS, 'object').find((o) => textOf(o, PREMIS, 'objectIdentifierValue')[0]!.includes('-m7/'))!;
    expect(textOf(pdfa, PREMIS, 'relatedObjectIdentifierValue')).toEqual([`${folder}/protokoll-lsg-2023-10-05-forseglat.pdf`]);
    const converted = new Uint8Array(fs.readFileSync(path.join(root, 'representations/rep1/data/2023-10-05-m7/protokoll-lsg-2023-10-05.pdf')));
    // converting removes the seal: the PDF/A is a rendition, the signed original is the record
    expect((await verifyProtocolPdf(converted, sealRegistry(store.db))).valid).toBe(false);
  });

  it('has its seal in ERMS as an e-signature, with the signers of its manifest', () => {
    const doc = xmlDoc(path.join(root, 'metadata/descriptive/ERMS.xml'));
    const seal = all(doc, EXT, 'seal')[0]!;
    expect(seal.getAttribute('developmentCertificate')).toBe('true');
    expect(all(seal, EXT, 'signer').map((g) => [g.getAttribute('name'), g.getAttribute('role')])).toEqual([['Katarina Lindahl', 'sekreterare'], ['Carin Nilsson', 'ordförande']]);
    expect(all(doc, ERMS, 'eSignature')[0]!.getAttribute('present')).toBe('true');
    const record = all(doc, ERMS, 'record').find((r) => textOf(r, ERMS, 'objectId')[0] === `protocol-${sealedId}`)!;
    expect(all(record, ERMS, 'agent').map((a) => [a.getAttribute('agentType'), textOf(a, ERMS, 'name')[0]]))
      .toEqual([['creator', 'Länssamverkansgruppen'], ['other_signatory', 'Katarina Lindahl'], ['main_signatory', 'Carin Nilsson']]);
    expect(all(record, ERMS, 'date').map((d) => d.getAttribute('dateType'))).toEqual(['originated', 'other_signature', 'main_signature']);
  });
});

describe('an export that cannot be made', () => {
  it('refuses a year without published protocols, and writes nothing', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'empty-'));
    await expect(exportSip(store.db, { body: lsg, year: 2019, outDir: dir })).rejects.toThrow(ArchiveInputError);
    await expect(exportSip(store.db, { body: lsg, year: 2019, outDir: dir })).rejects.toThrow('Länssamverkansgruppen has no published protocols from 2019');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('leaves no partial zip behind when Ghostscript fails half-way', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'gs-fails-'));
    const broken = path.join(tmp, 'broken-gs');
    // the first meeting converts (and goes into the zip), the second does not
    fs.writeFileSync(broken, '#!/bin/sh\ncase "$*" in *"/m5-"*) echo "Unrecoverable error: out of cheese" >&2; exit 1;; esac\nexec gs "$@"\n', { mode: 0o755 });
    const gs = { ...(await findGhostscript()), path: broken };
    const attempt = exportSip(store.db, { body: lsg, year: 2023, outDir: dir, gs });
    await expect(attempt).rejects.toThrow(ArchiveToolError);
    await expect(attempt).rejects.toThrow('Ghostscript could not convert m5 to PDF/A: Unrecoverable error: out of cheese');
    expect(fs.readdirSync(dir)).toEqual([]);
  }, 120_000);

  it('says so when the target is not a directory', async () => {
    const file = path.join(tmp, 'a-file');
    fs.writeFileSync(file, '');
    await expect(exportSip(store.db, { body: lsg, year: 2023, outDir: file })).rejects.toThrow(new ArchiveOutputError(`cannot write the package to ${file}: not a directory`));
    await expect(exportSip(store.db, { body: lsg, year: 2023, outDir: path.join(tmp, 'nowhere') })).rejects.toThrow(/no such directory/);
  });
});
