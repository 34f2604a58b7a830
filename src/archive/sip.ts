// The archive package (arkivleverans) of one body's year, as an E-ARK SIP in one zip:
//
//   <uuid>/METS.xml                                   the package (CSIP/SIP)
//   <uuid>/metadata/descriptive/ERMS.xml               the cases and decisions (CITS ERMS)
//   <uuid>/metadata/preservation/premis.xml            the representations, the export, the agents
//   <uuid>/representations/rep1/METS.xml, data/…, metadata/preservation/premis.xml
//                                                      the protocols as PDF/A-2b (for preservation)
//   <uuid>/representations/rep2/…                      the originals: sealed PDFs as signed with their
//                                                      manifests, imported source files, attachments
//   <uuid>/schemas/…, documentation/…
//
// Protocols are handled one at a time per core and written to the zip as soon as they are done,
// in date order; only their metadata stays in memory for the XML written at the end.

import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Body } from '../domain/model.js';
import type { Db } from '../store/db.js';
import { archiveFollowUp, archiveMeeting, publishedMeetingIds } from '../store/queries/archive.js';
import { getSealedProtocol, sealRegistry } from '../store/queries/sealed-protocols.js';
import { verifyProtocolPdf } from '../signing/verify.js';
import { chromiumPath } from '../render/pdf.js';
import { buildErms, type ErmsMeeting } from './erms.js';
import { FORMATS, sha256Hex, type FileFormat, type PackageFile } from './files.js';
import { buildRepresentationMets, buildRootMets, type Agent } from './mets.js';
import { findGhostscript, type Ghostscript } from './pdfa.js';
import { buildPremis, type PremisAgent, type PremisEvent, type PremisFileObject } from './premis.js';
import { meetingFiles, type MeetingFiles, type PendingFile, type SealVerifier } from './protocol-files.js';
import { packageReadme } from './readme.js';
import { ZipOut } from './zip-out.js';

/** The export was asked for something that is not there (no protocols in the year …). */
export class ArchiveInputError extends Error {}

const VERSION = (JSON.parse(readFileSync(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;
const SCHEMAS = ['samverka-erms.xsd', 'samverka-erms-extension.xsd'];

export interface SipOptions {
  body: Body;
  year: number;
  outDir: string;
  /** Who submits the package to the archive (SIP submitting agent); default: the body. */
  submitter?: string;
  gs?: Ghostscript;
  /** Checks each sealed PDF's PAdES seal; by default as `samverka verify` does, against this database. */
  verifySeal?: SealVerifier;
  now?: () => Date;
}

export interface SipResult {
  file: string;
  sha256: string;
  objid: string;
  protocols: number;
  files: number;
}

/** Runs `start(i)` for every index, at most `limit` at a time, and hands the results over in order. */
async function inOrder<T>(count: number, limit: number, start: (i: number) => Promise<T>, consume: (t: T) => Promise<void>): Promise<void> {
  const running: Promise<T>[] = [];
  let next = 0;
  const launch = () => {
    if (next >= count) return;
    const p = start(next++);
    p.catch(() => undefined); // awaited below, in turn
    running.push(p);
  };
  for (let i = 0; i < limit; i++) launch();
  try {
    while (running.length) {
      const result = await running.shift()!;
      launch();
      await consume(result);
    }
  } finally {
    await Promise.allSettled(running);
  }
}

function xmlFile(filePath: string, xml: string, created: Date, format: FileFormat = FORMATS.xml): PendingFile {
  const bytes = new TextEncoder().encode(xml);
  return { path: filePath, bytes, mimeType: 'application/xml', size: bytes.byteLength, sha256: sha256Hex(bytes), created, format };
}

function sealVerifier(db: Db): SealVerifier {
  return async (pdf) => {
    const r = await verifyProtocolPdf(pdf, sealRegistry(db));
    return { ok: r.valid, detail: [r.summary, ...r.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.text}`)].join(' ') };
  };
}

async function chromiumVersion(): Promise<string> {
  try {
    return (await promisify(execFile)(chromiumPath(), ['--version'], { timeout: 20_000 })).stdout.trim() || 'Chromium';
  } catch {
    return 'Chromium';
  }
}

export async function exportSip(db: Db, opts: SipOptions): Promise<SipResult> {
  const { body, year } = opts;
  const now = opts.now ?? (() => new Date());
  const ids = await publishedMeetingIds(db, body.id, year);
  if (ids.length === 0) throw new ArchiveInputError(`${body.name} has no published protocols from ${year}`);
  const gs = opts.gs ?? (await findGhostscript());

  const uuid = randomUUID();
  const objid = `urn:uuid:${uuid}`;
  const created = now();
  const root = `${uuid}/`;
  const zip = await ZipOut.open(opts.outDir, `sip-${body.slug}-${year}-${uuid}.zip`);
  let workDir: string | undefined;
  let renderer: Promise<string> | null = null;
  const written: PackageFile[] = [];
  const add = async (f: PendingFile) => {
    await zip.add(root + f.path, f.bytes, f.created, f.mimeType !== 'application/pdf');
    const { bytes: _bytes, ...meta } = f;
    written.push(meta);
  };
  try {
    workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'samverka-sip-'));
    const meetings: ErmsMeeting[] = [];
    const premis1 = { files: [] as PremisFileObject[], events: [] as PremisEvent[] };
    const premis2 = { files: [] as PremisFileObject[], events: [] as PremisEvent[] };
    const rep1: PackageFile[] = [];
    const rep2: PackageFile[] = [];
    const ctx = { body, gs, workDir, now, verifySeal: opts.verifySeal ?? sealVerifier(db), renderer: () => (renderer ??= chromiumVersion()) };

    await inOrder<MeetingFiles | null>(ids.length, Math.max(1, os.availableParallelism()), async (i) => {
      const meeting = await archiveMeeting(db, ids[i]!);
      if (!meeting) return null; // unpublished since the list was read
      return meetingFiles(ctx, meeting, await getSealedProtocol(db, ids[i]!));
    }, async (m) => {
      if (!m) return;
      for (const f of m.rep1) await add(f);
      for (const f of m.rep2) await add(f);
      rep1.push(...m.rep1.map(({ bytes: _b, ...meta }) => meta));
      rep2.push(...m.rep2.map(({ bytes: _b, ...meta }) => meta));
      premis1.files.push(...m.premis1.files);
      premis1.events.push(...m.premis1.events);
      premis2.files.push(...m.premis2.files);
      premis2.events.push(...m.premis2.events);
      // the bytes are on disk; keep only what the XML needs
      meetings.push({ meeting: { ...m.meeting, sourceFile: null, documents: [] }, title: m.title, sealed: m.sealed && { ...m.sealed, pdf: new Uint8Array() }, protocolFiles: m.protocolFiles, itemFiles: m.itemFiles });
    });
    if (meetings.length === 0) throw new ArchiveInputError(`${body.name} has no published protocols from ${year}`);

    const agents: PremisAgent[] = [
      { id: 'samverka', name: 'Samverka', type: 'software', version: VERSION },
      { id: 'ghostscript', name: 'Ghostscript', type: 'software', version: gs.version, note: 'pdfwrite -dPDFA=2 -dPDFACompatibilityPolicy=1 -sColorConversionStrategy=RGB, sRGB output intent' },
      ...(renderer ? [{ id: 'chromium', name: await renderer, type: 'software' as const, note: 'prints the protocol\'s HTML to PDF (src/render)' }] : []),
      { id: `body-${body.slug}`, name: body.name, type: 'organization' },
    ];
    const representations = [
      { name: 'rep1', files: rep1, premis: premis1, kind: 'Samverka protocols, PDF/A-2b' },
      ...(rep2.length ? [{ name: 'rep2', files: rep2, premis: premis2, kind: 'Samverka protocols as sealed or received, with attachments' }] : []),
    ];
    const metsAgents: Agent[] = [
      { role: 'CREATOR', type: 'SOFTWARE', name: 'Samverka', note: VERSION },
      { role: 'ARCHIVIST', type: 'ORGANIZATION', name: body.name, note: body.slug },
      { role: 'CREATOR', type: 'ORGANIZATION', name: opts.submitter?.trim() || body.name },
    ];
    const label = `${body.name}, protokoll ${year}`;
    const repMets: { name: string; mets: PackageFile; contentInformationType: string }[] = [];
    for (const r of representations) {
      const base = `representations/${r.name}/`;
      const premis = xmlFile(`${base}metadata/preservation/premis.xml`, buildPremis({ representations: [], files: r.premis.files, events: r.premis.events, agents }), now());
      await add(premis);
      const mets = xmlFile(`${base}METS.xml`, buildRepresentationMets({
        objid: r.name, label: `${label}: ${r.kind}`, created, agents: metsAgents.slice(0, 1), scope: r.name, base, premis, data: r.files,
        contentInformationType: { type: 'OTHER', other: r.kind },
      }), now());
      await add(mets);
      repMets.push({ name: r.name, mets, contentInformationType: r.kind });
    }

    const follow = await archiveFollowUp(db, body.id, year);
    const erms = xmlFile('metadata/descriptive/ERMS.xml', buildErms({
      objid, created, software: `Samverka ${VERSION}`, body, year, schemaLocation: '../../schemas/samverka-erms.xsd', meetings, ...follow,
    }), now());
    await add(erms);
    const schemas: PendingFile[] = [];
    for (const name of SCHEMAS) schemas.push(xmlFile(`schemas/${name}`, await fs.readFile(path.join(import.meta.dirname, name), 'utf8'), created, FORMATS.xsd));
    for (const s of schemas) await add(s);
    const readme = packageReadme({ objid, body, year, created, protocols: meetings.length, sealed: meetings.filter((m) => m.sealed).length, hasRep2: rep2.length > 0 });
    const doc: PendingFile = { ...xmlFile('documentation/om-paketet.txt', readme, created, FORMATS.text), mimeType: 'text/plain' };
    await add(doc);

    const packageCreated = { id: randomUUID(), type: 'creation' as const, at: created, detail: `Submission information package ${objid} made by samverka archive export for ${body.name}, ${year}`, outcome: 'success' as const, agents: [{ id: 'samverka', role: 'implementer' }, { id: `body-${body.slug}`, role: 'authorizer' }], objects: representations.map((r) => ({ id: `representations/${r.name}`, role: 'outcome' as const })) };
    const digests = { id: randomUUID(), type: 'message digest calculation' as const, at: now(), detail: 'SHA-256 of every file, computed as it was written to the package and recorded in METS and PREMIS', outcome: 'success' as const, agents: [{ id: 'samverka', role: 'implementer' }], objects: [] };
    const premis = xmlFile('metadata/preservation/premis.xml', buildPremis({
      representations: representations.map((r) => ({ id: `representations/${r.name}`, events: [packageCreated.id, digests.id] })), files: [], events: [packageCreated, digests], agents,
    }), now());
    await add(premis);
    await add(xmlFile('METS.xml', buildRootMets({
      objid, label, created, agents: metsAgents, scope: 'root', base: '', premis, erms, documentation: [doc], schemas, representations: repMets,
      contentInformationType: { type: 'citserms_v2_1' },
    }), now()));
    const done = await zip.finish();
    return { file: done.file, sha256: done.sha256, objid, protocols: meetings.length, files: written.length };
  } catch (e) {
    await zip.abort();
    throw e;
  } finally {
    if (workDir) await fs.rm(workDir, { recursive: true, force: true });
  }
}

