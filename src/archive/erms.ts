// The descriptive metadata: the body's year as CITS ERMS. One aggregation for the year (volume),
// in it one aggregation per meeting (sammanträde) holding a record for the protocol and one per
// agenda item (paragraf). ERMS records cannot nest, so the items point to their protocol with
// relation part_of. What ERMS has no element for goes in our extension (samverka-erms-extension.xsd).

import { randomUUID } from 'node:crypto';
import { create } from 'xmlbuilder2';
import type { AgendaItem, Body, Participant } from '../domain/model.js';
import type { CostSplit, Recommendation } from '../domain/follow-up-views.js';
import type { ArchiveMeeting } from '../store/queries/archive.js';
import type { SealedProtocol } from '../store/queries/sealed-protocols.js';
import { instant, localDateTime, xmlText } from './files.js';

export const ERMS_NS = 'https://DILCIS.eu/XML/ERMS';
export const EXT_NS = 'urn:samverka:erms:1';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/** A file of the package an ERMS appendix points to. */
export interface AppendixRef {
  path: string;
  description: string;
  fileFormat: string;
  originalFileFormat?: string;
  signed?: boolean;
}

export interface ErmsMeeting {
  meeting: ArchiveMeeting;
  title: string; // "Protokoll Länssamverkansgruppen"
  sealed: SealedProtocol | null;
  /** The protocol's files: the PDF/A first, then the originals. */
  protocolFiles: AppendixRef[];
  /** Bilagor per agenda item id. */
  itemFiles: Map<number, AppendixRef[]>;
}

export interface ErmsInput {
  objid: string;
  created: Date;
  software: string;
  body: Body;
  year: number;
  schemaLocation: string;
  meetings: ErmsMeeting[];
  recommendations: Recommendation[];
  costSplits: CostSplit[];
}

type El = ReturnType<typeof create>;

function text(parent: El, name: string, value: string | number | null | undefined, attrs: Record<string, string> = {}): void {
  if (value === null || value === undefined || value === '') return;
  parent.ele(ERMS_NS, name, attrs).txt(xmlText(String(value)));
}

/** Attributes without the empty ones, and made safe for XML. */
function attrs(a: Record<string, string | number | boolean | null | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(a)) if (v !== null && v !== undefined && v !== '') out[k] = xmlText(String(v));
  return out;
}

function ext(parent: El, name: string, a: Record<string, string | number | boolean | null | undefined> = {}): El {
  return parent.ele(EXT_NS, `sv:${name}`, attrs(a));
}

function extText(parent: El, name: string, value: string | null | undefined): void {
  if (value) ext(parent, name).txt(xmlText(value));
}

function agent(parent: El, type: string, name: string, extra: { role?: string | null; organisation?: string | null; otherType?: string } = {}): void {
  const a = parent.ele(ERMS_NS, 'agent', attrs({ agentType: type, otherAgentType: extra.otherType }));
  text(a, 'name', name);
  text(a, 'organisation', extra.organisation);
  text(a, 'role', extra.role);
}

function appendices(info: El, files: AppendixRef[]): void {
  for (const f of files) {
    const name = f.path.split('/').pop()!;
    info.ele(ERMS_NS, 'appendix', attrs({
      name, description: f.description, fileFormat: f.fileFormat, originalFileFormat: f.originalFileFormat, path: f.path,
      eSignatureHasExisted: f.signed === undefined ? undefined : f.signed,
    }));
  }
}

function recommendationXml(parent: El, r: Recommendation): void {
  const el = ext(parent, 'recommendation', { recommendationId: r.id, kind: r.kind, decidedOn: r.decidedOn, deadline: r.deadline });
  ext(el, 'title').txt(xmlText(r.title));
  ext(el, 'localBody').txt(xmlText(r.localBody));
  extText(el, 'description', r.description);
  for (const a of r.adoptions) {
    ext(el, 'adoption', { huvudman: a.huvudman, status: a.status, decidedOn: a.decidedOn, decidingBody: a.decidingBody, diaryNumber: a.diaryNumber, url: a.url });
  }
}

function costSplitXml(parent: El, c: CostSplit): void {
  const el = ext(parent, 'costSplit', {
    costSplitId: c.id, decidedOn: c.decidedOn, costYear: c.costYear, totalOre: c.totalOre, regionShareBp: c.regionShareBp,
    municipalShareBp: c.municipalShareBp, measure: c.measure, populationYear: c.populationYear,
  });
  ext(el, 'title').txt(xmlText(c.title));
  ext(el, 'measureName').txt(xmlText(c.measureName));
  for (const p of c.parts) ext(el, 'part', { huvudman: p.name, kind: p.kind, measure: p.measure, amountOre: p.amountOre });
}

function participants(parent: El, list: 'present' | 'absent' | 'official', people: Participant[]): void {
  for (const p of people) {
    ext(parent, 'participant', {
      list, name: p.name, party: p.party, organization: p.organization, role: p.role, replaces: p.replaces, note: p.note, itemsFrom: p.itemsFrom, itemsTo: p.itemsTo,
    });
  }
}

/** The chair (ordförande, not vice) is the main signatory, or failing one the first to sign; the others (sekreterare, justerare) sign besides. */
function signatoryType(role: string | null, index: number, roles: (string | null)[]): string {
  const chair = roles.findIndex((r) => r !== null && /ordförande/i.test(r) && !/vice/i.test(r));
  return index === (chair >= 0 ? chair : 0) ? 'main_signatory' : 'other_signatory';
}

/** The manifest's signers of a sealed protocol (its own record of who signed when). */
function manifestSigners(s: SealedProtocol | null): Signature[] {
  const signers = (s?.manifest as { signers?: unknown } | null | undefined)?.signers;
  if (!Array.isArray(signers)) return [];
  return signers.flatMap((raw) => {
    const g = (raw ?? {}) as Record<string, unknown>;
    const str = (k: string) => (typeof g[k] === 'string' && g[k] ? (g[k] as string) : null);
    const name = str('name');
    return name ? [{ name, role: str('role'), signedAt: str('signedAt'), method: str('method'), organization: str('organization') }] : [];
  });
}

/** An instant from a stored time, or null for none or one that does not parse. */
function when(t: string | null): string | null {
  const d = t ? new Date(t) : null;
  return d && !Number.isNaN(d.getTime()) ? instant(d) : null;
}

type Signature = { name: string; role: string | null; signedAt: string | null; method: string | null; organization?: string | null };

function protocolRecord(agg: El, m: ErmsMeeting, bodyName: string): string {
  const p = m.meeting.protocol;
  const objectId = `protocol-${p.id}`;
  const rec = agg.ele(ERMS_NS, 'record', { systemIdentifier: randomUUID(), recordType: 'protokoll', recordPhysicalOrDigital: 'digital' });
  text(rec, 'objectId', objectId);
  if (p.diaryNumber) text(rec, 'extraId', p.diaryNumber, { extraIdType: 'diarienummer' });
  text(rec, 'levelName', 'Protokoll');
  text(rec, 'title', m.title);
  rec.ele(ERMS_NS, 'status', { value: 'closed' });
  const agents = rec.ele(ERMS_NS, 'agents');
  agent(agents, 'creator', bodyName);
  // a protocol justerat in Samverka has its signatories in the seal's manifest
  const signatures: Signature[] = p.signatures.length ? p.signatures : manifestSigners(m.sealed);
  const roles = signatures.map((s) => s.role);
  signatures.forEach((s, i) => agent(agents, signatoryType(s.role, i, roles), s.name, { role: s.role, organisation: s.organization }));
  const dates = rec.ele(ERMS_NS, 'dates');
  text(dates, 'date', localDateTime(p.date!, p.startTime), { dateType: 'originated' });
  signatures.forEach((s, i) => {
    if (when(s.signedAt)) text(dates, 'date', when(s.signedAt), { dateType: signatoryType(s.role, i, roles) === 'main_signatory' ? 'main_signature' : 'other_signature' });
  });
  if (p.importWarnings.length) {
    const notes = rec.ele(ERMS_NS, 'notes');
    for (const w of p.importWarnings) text(notes, 'note', w, { noteType: 'importvarning' });
  }
  if (m.sealed) {
    const sig = rec.ele(ERMS_NS, 'eSignatures').ele(ERMS_NS, 'eSignature', { present: 'true' }).ele(ERMS_NS, 'signature');
    sealXml(sig, m.sealed);
  }
  const info = rec.ele(ERMS_NS, 'additionalInformation');
  appendices(info, m.protocolFiles);
  const meeting = ext(info.ele(ERMS_NS, 'additionalXMLData'), 'meeting', {
    meetingId: p.id, date: p.date, startTime: p.startTime, endTime: p.endTime, place: p.place, kind: p.kind, origin: p.origin, bodyNameAtTheTime: p.bodyNameAtTheTime,
  });
  participants(meeting, 'present', p.attendance.present);
  participants(meeting, 'absent', p.attendance.absent);
  participants(meeting, 'official', p.attendance.officials);
  for (const s of signatures) ext(meeting, 'signature', { name: s.name, role: s.role, signedAt: when(s.signedAt), method: s.method });
  for (const n of p.nextMeetings) ext(meeting, 'nextMeeting', { body: n.body, date: n.date }).txt(xmlText(n.dateText));
  return objectId;
}

function sealXml(parent: El, s: SealedProtocol): void {
  const seal = ext(parent, 'seal', { version: s.version, sealedAt: instant(s.sealedAt), pdfSha256: s.pdfSha256, developmentCertificate: s.developmentCertificate });
  for (const g of manifestSigners(s)) ext(seal, 'signer', { name: g.name, role: g.role, organization: g.organization, method: g.method, signedAt: g.signedAt });
}

function itemRecord(agg: El, item: AgendaItem, m: ErmsMeeting, protocolId: string, follow: { recommendations: Recommendation[]; costSplits: CostSplit[] }): void {
  const p = m.meeting.protocol;
  const rec = agg.ele(ERMS_NS, 'record', { systemIdentifier: randomUUID(), recordType: 'paragraf', recordPhysicalOrDigital: 'digital' });
  text(rec, 'objectId', `item-${item.id}`);
  text(rec, 'levelName', 'Paragraf');
  text(rec, 'title', item.title || `§ ${item.number ?? ''}`.trim());
  rec.ele(ERMS_NS, 'status', { value: 'closed' });
  if (item.number !== null) text(rec, 'runningNumber', item.number);
  text(rec, 'relation', protocolId, { relationType: 'part_of' });
  text(rec, 'description', item.text.trim());
  for (const d of item.decisions) {
    const action = rec.ele(ERMS_NS, 'action');
    action.ele(ERMS_NS, 'actionText').txt(xmlText(d.text)); // required, even when only the outcome was recorded
    text(action, 'actionType', 'beslut');
    text(action.ele(ERMS_NS, 'dates'), 'actionDate', localDateTime(p.date!), { dateType: 'decision' });
  }
  const info = rec.ele(ERMS_NS, 'additionalInformation');
  appendices(info, m.itemFiles.get(item.id) ?? []);
  const el = ext(info.ele(ERMS_NS, 'additionalXMLData'), 'item', { itemId: item.id, kind: item.kind, written: item.written });
  extText(el, 'proposal', item.proposal);
  for (const s of item.subPoints) ext(el, 'subPoint', { label: s.label }).txt(xmlText(s.title));
  for (const pr of item.presenters) ext(el, 'presenter', { name: pr.name, title: pr.title });
  for (const d of item.decisions) {
    const dec = ext(el, 'decision', { decisionId: d.id, outcome: m.meeting.outcomes.get(d.id) });
    ext(dec, 'text').txt(xmlText(d.text));
    for (const c of d.clauses) ext(dec, 'clause').txt(xmlText(c));
  }
  for (const a of item.assignments) {
    const as = ext(el, 'assignment', { assignmentId: a.id, status: a.status, dueDate: a.dueDate });
    ext(as, 'to').txt(xmlText(a.to));
    ext(as, 'task').txt(xmlText(a.task));
    extText(as, 'dueText', a.dueText);
  }
  for (const r of follow.recommendations.filter((x) => x.source?.itemId === item.id)) recommendationXml(el, r);
  for (const c of follow.costSplits.filter((x) => x.source?.itemId === item.id)) costSplitXml(el, c);
}

export function buildErms(input: ErmsInput): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' })
    .ele(ERMS_NS, 'erms')
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:sv', EXT_NS)
    .att('http://www.w3.org/2000/xmlns/', 'xmlns:xsi', XSI_NS)
    .att(XSI_NS, 'xsi:schemaLocation', `${ERMS_NS} ${input.schemaLocation}`);
  const control = root.ele(ERMS_NS, 'control');
  text(control, 'identification', input.objid, { identificationType: 'package' });
  text(control, 'identification', input.body.slug, { identificationType: 'body' });
  text(control.ele(ERMS_NS, 'dates'), 'date', instant(input.created), { dateType: 'created' });
  const maintenance = control.ele(ERMS_NS, 'maintenanceInformation');
  maintenance.ele(ERMS_NS, 'maintenanceStatus', { value: 'new' });
  text(maintenance.ele(ERMS_NS, 'maintenanceAgency'), 'agencyName', input.software);
  const event = maintenance.ele(ERMS_NS, 'maintenanceHistory').ele(ERMS_NS, 'maintenanceEvent');
  event.ele(ERMS_NS, 'eventType', { value: 'created' });
  text(event, 'eventDateTime', instant(input.created));
  agent(event, 'creator', input.software);

  const year = root.ele(ERMS_NS, 'aggregations').ele(ERMS_NS, 'aggregation', { systemIdentifier: randomUUID(), aggregationType: 'volume' });
  text(year, 'objectId', `${input.body.slug}-${input.year}`);
  text(year, 'levelName', 'Protokoll, organ och år');
  text(year, 'title', `${input.body.name}, protokoll ${input.year}`);
  const itemIds = new Set(input.meetings.flatMap((m) => m.meeting.protocol.agenda.map((i) => i.id)));
  const loose = {
    recommendations: input.recommendations.filter((r) => !r.source || !itemIds.has(r.source.itemId)),
    costSplits: input.costSplits.filter((c) => !c.source || !itemIds.has(c.source.itemId)),
  };
  if (loose.recommendations.length || loose.costSplits.length) {
    const follow = ext(year.ele(ERMS_NS, 'additionalInformation').ele(ERMS_NS, 'additionalXMLData'), 'followUp');
    for (const r of loose.recommendations) recommendationXml(follow, r);
    for (const c of loose.costSplits) costSplitXml(follow, c);
  }
  agent(year.ele(ERMS_NS, 'agents'), 'creator', input.body.name, { role: input.body.kind });
  const span = year.ele(ERMS_NS, 'dates');
  text(span, 'date', localDateTime(`${input.year}-01-01`), { dateType: 'start' });
  text(span, 'date', `${input.year}-12-31T23:59:59`, { dateType: 'end' });

  for (const m of input.meetings) {
    const p = m.meeting.protocol;
    const bodyName = p.bodyNameAtTheTime ?? input.body.name;
    const agg = year.ele(ERMS_NS, 'aggregation', { systemIdentifier: randomUUID(), aggregationType: 'own_aggregation_definition', otherAggregationType: 'sammanträde' });
    text(agg, 'objectId', `meeting-${p.id}`);
    if (p.diaryNumber) text(agg, 'extraId', p.diaryNumber, { extraIdType: 'diarienummer' });
    text(agg, 'levelName', 'Sammanträde');
    text(agg, 'title', `${m.title} ${p.date}`);
    agg.ele(ERMS_NS, 'status', { value: 'closed' });
    agent(agg.ele(ERMS_NS, 'agents'), 'creator', bodyName);
    const dates = agg.ele(ERMS_NS, 'dates');
    text(dates, 'date', localDateTime(p.date!, p.startTime), { dateType: 'start' });
    if (p.endTime) text(dates, 'date', localDateTime(p.date!, p.endTime), { dateType: 'end' });
    const protocolId = protocolRecord(agg, m, bodyName);
    for (const item of p.agenda) itemRecord(agg, item, m, protocolId, input);
  }
  return root.end({ prettyPrint: true });
}
