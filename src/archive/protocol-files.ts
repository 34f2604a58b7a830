// One meeting's files for the package: its PDF/A rendition (rep1) and its originals (rep2) — the
// sealed PDF exactly as signed with the seal's manifest, the file an imported protocol was read
// from, and the documents attached to its items — with the PREMIS events that say where each
// came from.

import { randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Body } from '../domain/model.js';
import type { ArchiveMeeting } from '../store/queries/archive.js';
import type { SealedProtocol } from '../store/queries/sealed-protocols.js';
import { renderDocument, documentFilename } from '../render/documents.js';
import { PdfUnavailableError } from '../render/pdf.js';
import { SV } from '../render/texts.js';
import type { AppendixRef } from './erms.js';
import { baseMediaType, FORMATS, safeName, sha256Hex, type FileFormat, type PackageFile } from './files.js';
import { ArchiveToolError, toPdfA, type Ghostscript } from './pdfa.js';
import type { PremisEvent, PremisFileObject } from './premis.js';

export const REP1 = 'representations/rep1/';
export const REP2 = 'representations/rep2/';

/** Checks a sealed PDF's PAdES signature, when a verifier is at hand (see the CLI). */
export type SealVerifier = (pdf: Uint8Array) => Promise<{ ok: boolean; detail: string }>;

/** A file of the meeting with its bytes, waiting to be written to the zip. */
export interface PendingFile extends PackageFile {
  bytes: Uint8Array;
}

export interface MeetingFiles {
  meeting: ArchiveMeeting;
  sealed: SealedProtocol | null;
  title: string;
  rep1: PendingFile[];
  rep2: PendingFile[];
  premis1: { files: PremisFileObject[]; events: PremisEvent[] };
  premis2: { files: PremisFileObject[]; events: PremisEvent[] };
  protocolFiles: AppendixRef[];
  itemFiles: Map<number, AppendixRef[]>;
}

export interface MeetingFilesContext {
  body: Body;
  gs: Ghostscript;
  workDir: string;
  now: () => Date;
  verifySeal?: SealVerifier;
  /** The renderer's name and version, for PREMIS; asked once, only when a protocol is rendered. */
  renderer: () => Promise<string>;
}

function pending(path: string, bytes: Uint8Array, mimeType: string, created: Date, format?: FileFormat, originalName?: string): PendingFile {
  return { path, bytes, mimeType: baseMediaType(mimeType), size: bytes.byteLength, sha256: sha256Hex(bytes), created, format, originalName };
}

function formatOf(mediaType: string): FileFormat | undefined {
  const base = baseMediaType(mediaType);
  if (base === 'application/pdf') return FORMATS.pdf;
  if (base === 'text/plain') return FORMATS.text;
  if (base === 'application/json') return FORMATS.json;
  return undefined;
}

function event(type: PremisEvent['type'], at: Date, detail: string, agents: PremisEvent['agents'], objects: PremisEvent['objects'], outcome: PremisEvent['outcome'] = 'success', outcomeNote?: string): PremisEvent {
  return { id: randomUUID(), type, at, detail, outcome, outcomeNote, agents, objects };
}

/** Builds the meeting's files: the one slow step (render, convert, check), run a few at a time. */
export async function meetingFiles(ctx: MeetingFilesContext, meeting: ArchiveMeeting, sealed: SealedProtocol | null): Promise<MeetingFiles> {
  const p = meeting.protocol;
  const folder = `${p.date}-m${p.id}`;
  const stem = documentFilename(p, 'protocol', 'pdf').replace(/\.pdf$/, '');
  const title = `${SV.protocol} ${p.bodyNameAtTheTime ?? ctx.body.name}`;
  const out: MeetingFiles = {
    meeting, sealed, title, rep1: [], rep2: [], premis1: { files: [], events: [] }, premis2: { files: [], events: [] }, protocolFiles: [], itemFiles: new Map(),
  };
  const samverka = { id: 'samverka', role: 'implementer' };

  // the originals (rep2)
  let sealedPath: string | null = null;
  if (sealed) {
    const pdf = pending(`${REP2}data/${folder}/${stem}-forseglat.pdf`, sealed.pdf, 'application/pdf', sealed.sealedAt, FORMATS.pdf17);
    if (pdf.sha256 !== sealed.pdfSha256) {
      throw new ArchiveToolError(`the sealed PDF of meeting ${p.id} no longer has the SHA-256 recorded when it was sealed; it was changed afterwards and is not exported`);
    }
    const manifestText = canonicalize(sealed.manifest) ?? 'null';
    const manifest = pending(`${REP2}data/${folder}/manifest.json`, new TextEncoder().encode(manifestText), 'application/json', sealed.sealedAt, FORMATS.json);
    sealedPath = pdf.path;
    const ingest = event('ingestion', sealed.sealedAt, `Sealed by Samverka after justering (version ${sealed.version}): PAdES seal over the PDF and the RFC 8785 manifest${sealed.developmentCertificate ? '; sealed with the self-signed development certificate, not the organisation\'s' : ''}`, [samverka], [{ id: pdf.path, role: 'outcome' }, { id: manifest.path, role: 'outcome' }]);
    const fixity = event('fixity check', ctx.now(), 'SHA-256 of the sealed PDF compared with the digest recorded when it was sealed', [samverka], [{ id: pdf.path, role: 'source' }], 'success', `sha256 ${pdf.sha256}`);
    const events = [ingest, fixity];
    if (ctx.verifySeal) {
      const v = await ctx.verifySeal(sealed.pdf);
      if (!v.ok) throw new ArchiveToolError(`the seal of meeting ${p.id} does not verify: ${v.detail}`);
      events.push(event('digital signature validation', ctx.now(), 'PAdES signature of the sealed PDF checked by Samverka', [samverka], [{ id: pdf.path, role: 'source' }], 'success', v.detail));
    }
    out.rep2.push(pdf, manifest);
    out.premis2.events.push(...events);
    out.premis2.files.push({ file: pdf, events: events.map((e) => e.id) }, { file: manifest, events: [ingest.id] });
    out.protocolFiles.push(
      { path: pdf.path, description: 'Det förseglade protokollet, som det undertecknades (PAdES)', fileFormat: 'PDF', signed: true },
      { path: manifest.path, description: 'Förseglingens manifest (RFC 8785)', fileFormat: 'JSON' },
    );
  }
  if (meeting.sourceFile) {
    const s = meeting.sourceFile;
    const src = pending(`${REP2}data/${folder}/kalla-${safeName(s.filename)}`, s.content, s.mediaType, s.createdAt, formatOf(s.mediaType), s.filename);
    const ingest = event('ingestion', s.createdAt, `Imported into Samverka from ${s.filename}; the protocol was signed outside Samverka`, [samverka], [{ id: src.path, role: 'outcome' }]);
    out.rep2.push(src);
    out.premis2.events.push(ingest);
    out.premis2.files.push({ file: src, events: [ingest.id] });
    out.protocolFiles.push({ path: src.path, description: 'Filen protokollet lästes in från', fileFormat: src.mimeType });
  }
  for (const d of meeting.documents) {
    const item = p.agenda.find((i) => i.id === d.itemId);
    const doc = pending(`${REP2}data/${folder}/bilagor/${item?.number ?? 'x'}-${d.id}-${safeName(d.filename)}`, d.content, d.mediaType, d.createdAt, formatOf(d.mediaType), d.filename);
    const ingest = event('ingestion', d.createdAt, `Attached to item ${item?.number ?? item?.title ?? d.itemId} in Samverka`, [samverka], [{ id: doc.path, role: 'outcome' }]);
    out.rep2.push(doc);
    out.premis2.events.push(ingest);
    out.premis2.files.push({ file: doc, events: [ingest.id] });
    const list = out.itemFiles.get(d.itemId) ?? [];
    list.push({ path: doc.path, description: 'Bilaga, som den laddades upp', fileFormat: doc.mimeType });
    out.itemFiles.set(d.itemId, list);
  }

  // the PDF/A rendition (rep1): from the sealed PDF, or rendered from the stored protocol
  let input: Uint8Array;
  let how: string;
  const agents = [samverka, { id: 'ghostscript', role: 'executing program' }];
  if (sealed) {
    input = sealed.pdf;
    how = `Converted from the sealed PDF to PDF/A-2b with Ghostscript ${ctx.gs.version}; converting removes the PAdES signature, so the signed original is kept in rep2`;
  } else {
    try {
      input = (await renderDocument(p, 'pdf')).content;
    } catch (e) {
      if (e instanceof PdfUnavailableError) throw new ArchiveToolError(e.message);
      throw e;
    }
    how = `Rendered by Samverka from the stored protocol with ${await ctx.renderer()}, then converted to PDF/A-2b with Ghostscript ${ctx.gs.version}`;
    agents.push({ id: 'chromium', role: 'executing program' });
  }
  const converted = await toPdfA(ctx.gs, input, title, ctx.workDir, `m${p.id}`);
  const at = ctx.now();
  const pdfa = pending(`${REP1}data/${folder}/${stem}.pdf`, converted.pdf, 'application/pdf', at, FORMATS.pdfa2b);
  const made = event(sealed ? 'migration' : 'creation', at, how, agents, [...(sealedPath ? [{ id: sealedPath, role: 'source' as const }] : []), { id: pdfa.path, role: 'outcome' }]);
  const checked = event('validation', at, 'PDF/A check without veraPDF: XMP identification, output intent, opens in poppler, text holds the title', agents.slice(0, 1), [{ id: pdfa.path, role: 'source' }], 'success', converted.checked);
  out.rep1.push(pdfa);
  out.premis1.events.push(made, checked);
  out.premis1.files.push({ file: pdfa, source: sealedPath ?? undefined, events: [made.id, checked.id] });
  out.protocolFiles.unshift({ path: pdfa.path, description: 'Protokollet i PDF/A-2b för bevarande', fileFormat: 'PDF/A-2b', originalFileFormat: sealed ? 'PDF' : undefined, signed: sealed ? true : undefined });
  return out;
}
