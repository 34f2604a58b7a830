import type { OpenFileMeta, OpenMeeting } from '../store/queries/opendata-load.js';
import { nameOnDate } from '../store/queries/bodies.js';
import type { MapContext } from './context.js';
import { OPARL_SCHEMA, type OParlFile } from './schemas.js';
import { timestamp } from './time.js';

// Files: a published meeting's protocol and notice (rendered as PDF from the record when asked, so
// they have no fixed size or checksum), the original file an imported protocol was read from, and
// the documents attached to its items. The bytes come from Samverka's own download routes.

const TYPE = `${OPARL_SCHEMA}File` as const;

/** "Länssamverkansgruppen 2024-02-23": the meeting as people name it. */
export function meetingName(ctx: MapContext, m: Pick<OpenMeeting, 'title' | 'date' | 'bodyIds'>): string {
  if (m.title?.trim()) return m.title.trim();
  const organ = m.bodyIds[0] === undefined ? undefined : ctx.organs.get(m.bodyIds[0]);
  return [organ ? nameOnDate(organ, m.date) : 'Möte', m.date ?? '(datum okänt)'].join(' ');
}

function stem(ctx: MapContext, m: OpenMeeting): string {
  const organ = m.bodyIds[0] === undefined ? undefined : ctx.organs.get(m.bodyIds[0]);
  return `${organ?.slug ?? 'mote'}-${m.date ?? 'datum-okant'}`;
}

/** Back references are given only when the file is served on its own, as the OParl spec asks. */
type Refs = { meeting?: string[]; agendaItem?: string[]; paper?: string[] } | null;

export function renderedFile(ctx: MapContext, kind: 'protocol' | 'notice', m: OpenMeeting, refs: Refs): OParlFile {
  const label = kind === 'protocol' ? 'Protokoll' : 'Kallelse';
  return {
    id: ctx.u.file(kind, m.id),
    type: TYPE,
    name: `${label} ${meetingName(ctx, m)}`,
    fileName: `${kind === 'protocol' ? 'protokoll' : 'kallelse'}-${stem(ctx, m)}.pdf`,
    mimeType: 'application/pdf',
    ...(m.date ? { date: m.date } : {}),
    accessUrl: ctx.u.download[kind](m.id),
    downloadUrl: ctx.u.download[kind](m.id),
    'samverka:rendered': true,
    ...refs,
    created: timestamp(m.created),
    modified: timestamp(m.modified),
  };
}

export function sourceFile(ctx: MapContext, m: OpenMeeting & { sourceFile: OpenFileMeta }, refs: Refs): OParlFile {
  return {
    ...storedFile(ctx, m.sourceFile, ctx.u.file('source', m.id), ctx.u.download.source(m.id), refs),
    name: `Originalprotokoll ${meetingName(ctx, m)} (importerad fil)`,
    ...(m.date ? { date: m.date } : {}),
  };
}

export function documentFile(ctx: MapContext, d: OpenFileMeta, refs: Refs): OParlFile {
  return storedFile(ctx, d, ctx.u.file('document', d.id), ctx.u.download.document(d.id), refs);
}

function storedFile(_ctx: MapContext, f: OpenFileMeta, id: string, url: string, refs: Refs): OParlFile {
  return {
    id,
    type: TYPE,
    name: f.filename.replace(/\.[A-Za-z0-9]{1,5}$/, '') || f.filename,
    fileName: f.filename,
    mimeType: f.mediaType || 'application/octet-stream',
    size: f.size,
    accessUrl: url,
    downloadUrl: url,
    'samverka:sha256Checksum': f.sha256,
    ...refs,
    created: timestamp(f.created),
    modified: timestamp(f.created),
  };
}
