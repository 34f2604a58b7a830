// A meeting's documents as files: the shared entry for the API, the command line and the mailer,
// so that a protocol has the same content and name wherever it is fetched from.

import type { Protocol } from '../domain/model.js';
import { htmlToPdf } from './pdf.js';
import { documentKind, renderProtocolHtml, type DocumentKind, type RenderOptions } from './protocol-html.js';

const PREFIX: Record<DocumentKind, string> = { protocol: 'protokoll', notice: 'kallelse', extract: 'protokollsutdrag' };

/** ASCII for file names: "Samråd hälsa" → "samrad-halsa". */
function slugify(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function meetingStem(p: Protocol): string {
  const body = p.bodies.find((b) => b.primary) ?? p.bodies[0];
  return [body ? slugify(body.slug) : 'mote', p.date ?? 'datum-okant'].join('-');
}

/** "protokoll-lsg-2024-02-23.pdf", "protokollsutdrag-lsg-2024-02-23-40-41.pdf", "mote-lsg-2024-02-23.ics". */
export function documentFilename(p: Protocol, kind: DocumentKind | 'calendar', ext: string, items: number[] = []): string {
  if (kind === 'calendar') return `mote-${meetingStem(p)}.${ext}`;
  const suffix = kind === 'extract' && items.length ? `-${items.join('-')}` : '';
  return `${PREFIX[kind]}-${meetingStem(p)}${suffix}.${ext}`;
}

export interface RenderedDocument {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export async function renderDocument(p: Protocol, format: 'pdf' | 'html', opts: RenderOptions = {}): Promise<RenderedDocument> {
  const kind = documentKind(opts);
  const html = renderProtocolHtml(p, opts);
  const filename = documentFilename(p, kind, format, opts.extractItems);
  if (format === 'html') return { filename, contentType: 'text/html; charset=utf-8', content: new TextEncoder().encode(html) };
  return { filename, contentType: 'application/pdf', content: await htmlToPdf(html) };
}
