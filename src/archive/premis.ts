// Preservation metadata, PREMIS 3.0: every file with its SHA-256 fixity, size and format; what
// happened to it (ingest into Samverka, conversion to PDF/A, the PDF/A check, the seal's check);
// and who did it (Samverka, Ghostscript, Chromium, the body).

import { create } from 'xmlbuilder2';
import { instant, xmlText, type PackageFile } from './files.js';

const NS = 'http://www.loc.gov/premis/v3';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
const EVENT_TYPES = 'http://id.loc.gov/vocabulary/preservation/eventType';

/** The LoC preservation vocabulary's event types we record, with their codes. */
export const EVENT = {
  creation: 'cre',
  ingestion: 'ing',
  migration: 'mig',
  validation: 'val',
  'digital signature validation': 'dig',
  'fixity check': 'fix',
  'message digest calculation': 'mes',
} as const;
export type EventType = keyof typeof EVENT;

export interface PremisEvent {
  id: string; // a UUID
  type: EventType;
  at: Date;
  detail: string;
  outcome: 'success' | 'failure';
  outcomeNote?: string;
  agents: { id: string; role: string }[];
  objects: { id: string; role: 'source' | 'outcome' }[];
}

export interface PremisAgent {
  id: string;
  name: string;
  type: 'software' | 'organization';
  version?: string;
  note?: string;
}

export interface PremisFileObject {
  file: PackageFile;
  /** "has source": the object this one was made from (a PDF/A from the sealed original). */
  source?: string;
  events: string[];
}

export interface PremisInput {
  representations: { id: string; events: string[] }[];
  files: PremisFileObject[];
  events: PremisEvent[];
  agents: PremisAgent[];
}

type El = ReturnType<typeof create>;

function t(parent: El, name: string, value: string, a: Record<string, string> = {}): El {
  return parent.ele(NS, `premis:${name}`, a).txt(xmlText(value)).up();
}

function identifier(parent: El, kind: 'object' | 'event' | 'agent' | 'linkingEvent' | 'linkingAgent' | 'linkingObject' | 'relatedObject', type: string, value: string): El {
  const el = parent.ele(NS, `premis:${kind}Identifier`);
  t(el, `${kind}IdentifierType`, type);
  t(el, `${kind}IdentifierValue`, value);
  return el;
}

export function buildPremis(input: PremisInput): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(NS, 'premis:premis', { version: '3.0' })
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:xsi', XSI_NS)
    .att(XSI_NS, 'xsi:schemaLocation', `${NS} http://www.loc.gov/standards/premis/v3/premis.xsd`);

  for (const r of input.representations) {
    const o = root.ele(NS, 'premis:object').att(XSI_NS, 'xsi:type', 'premis:representation');
    identifier(o, 'object', 'local', r.id);
    for (const e of r.events) identifier(o, 'linkingEvent', 'UUID', e);
  }

  for (const f of input.files) {
    const o = root.ele(NS, 'premis:object').att(XSI_NS, 'xsi:type', 'premis:file');
    identifier(o, 'object', 'local', f.file.path);
    const c = o.ele(NS, 'premis:objectCharacteristics');
    t(c, 'compositionLevel', '0');
    const fixity = c.ele(NS, 'premis:fixity');
    t(fixity, 'messageDigestAlgorithm', 'SHA-256', { authority: 'cryptographicHashFunctions', authorityURI: 'http://id.loc.gov/vocabulary/preservation/cryptographicHashFunctions', valueURI: 'http://id.loc.gov/vocabulary/preservation/cryptographicHashFunctions/sha256' });
    t(fixity, 'messageDigest', f.file.sha256);
    t(fixity, 'messageDigestOriginator', 'Samverka');
    t(c, 'size', String(f.file.size));
    const format = c.ele(NS, 'premis:format');
    const designation = format.ele(NS, 'premis:formatDesignation');
    t(designation, 'formatName', f.file.format?.name ?? f.file.mimeType);
    if (f.file.format?.version) t(designation, 'formatVersion', f.file.format.version);
    if (f.file.format?.pronom) {
      const reg = format.ele(NS, 'premis:formatRegistry');
      t(reg, 'formatRegistryName', 'PRONOM');
      t(reg, 'formatRegistryKey', f.file.format.pronom);
    }
    t(format, 'formatNote', `MIME type ${f.file.mimeType}`);
    if (f.file.originalName) t(o, 'originalName', f.file.originalName);
    if (f.source) {
      const rel = o.ele(NS, 'premis:relationship');
      t(rel, 'relationshipType', 'derivation', { authority: 'relationshipType', authorityURI: 'http://id.loc.gov/vocabulary/preservation/relationshipType' });
      t(rel, 'relationshipSubType', 'has source', { authority: 'relationshipSubType', authorityURI: 'http://id.loc.gov/vocabulary/preservation/relationshipSubType' });
      identifier(rel, 'relatedObject', 'local', f.source);
    }
    for (const e of f.events) identifier(o, 'linkingEvent', 'UUID', e);
  }

  for (const e of input.events) {
    const ev = root.ele(NS, 'premis:event');
    identifier(ev, 'event', 'UUID', e.id);
    t(ev, 'eventType', e.type, { authority: 'eventType', authorityURI: EVENT_TYPES, valueURI: `${EVENT_TYPES}/${EVENT[e.type]}` });
    t(ev, 'eventDateTime', instant(e.at));
    t(ev.ele(NS, 'premis:eventDetailInformation'), 'eventDetail', e.detail);
    const outcome = ev.ele(NS, 'premis:eventOutcomeInformation');
    t(outcome, 'eventOutcome', e.outcome);
    if (e.outcomeNote) t(outcome.ele(NS, 'premis:eventOutcomeDetail'), 'eventOutcomeDetailNote', e.outcomeNote);
    for (const a of e.agents) t(identifier(ev, 'linkingAgent', 'local', a.id), 'linkingAgentRole', a.role);
    for (const o of e.objects) t(identifier(ev, 'linkingObject', 'local', o.id), 'linkingObjectRole', o.role);
  }

  for (const a of input.agents) {
    const ag = root.ele(NS, 'premis:agent');
    identifier(ag, 'agent', 'local', a.id);
    t(ag, 'agentName', a.name);
    t(ag, 'agentType', a.type);
    if (a.version) t(ag, 'agentVersion', a.version);
    if (a.note) t(ag, 'agentNote', a.note);
  }
  return root.end({ prettyPrint: true });
}
