// The decision record sent with an expediering: an envelope saying what a registrar looks for
// first (samverka-expedition.xsd), around the item as CITS ERMS — built by the e-archive's own
// builder (src/archive/erms.ts) from the meeting narrowed to this one item, so that the receiving
// diarium and the e-archive read the same record.

import { create } from 'xmlbuilder2';
import type { Body } from '../domain/model.js';
import type { DispatchReason, RecipientKind } from '../domain/expedition.js';
import type { Recommendation } from '../domain/follow-up-views.js';
import type { ArchiveMeeting } from '../store/queries/archive.js';
import type { SealedProtocol } from '../store/queries/sealed-protocols.js';
import { buildErms } from '../archive/erms.js';
import { FORMATS, instant, xmlText } from '../archive/files.js';
import { bodyNameOf } from '../render/protocol-html.js';

export const EXPEDITION_NS = 'urn:samverka:expedition:1';
export const EXPEDITION_XSD = 'samverka-expedition.xsd';

export interface DispatchRecordInput {
  reference: string;
  created: Date;
  body: Body; // the deciding body
  meeting: ArchiveMeeting; // published
  sealed: SealedProtocol | null;
  itemId: number;
  recommendations: Recommendation[]; // of this item
  recipient: { kind: RecipientKind; name: string; addresses: string[] };
  reasons: DispatchReason[];
  deadline: string | null;
  decisionTexts: string[];
  pdf: { filename: string; size: number; sha256: string };
  protocolUrl: string;
  registrationUrl: string;
}

export class RecordInputError extends Error {}

export function buildDispatchRecord(input: DispatchRecordInput): string {
  const p = input.meeting.protocol;
  const item = p.agenda.find((i) => i.id === input.itemId);
  if (!item || item.number === null) throw new RecordInputError(`item ${input.itemId} is not a numbered item of meeting ${p.id}`);
  if (!p.date) throw new RecordInputError(`meeting ${p.id} has no date`);
  const bodyName = bodyNameOf(p) || input.body.name;

  const erms = buildErms({
    objid: input.reference,
    created: input.created,
    software: 'Samverka',
    body: input.body,
    year: Number(p.date.slice(0, 4)),
    schemaLocation: 'samverka-erms.xsd',
    meetings: [{
      meeting: { ...input.meeting, protocol: { ...p, agenda: [item] } },
      title: `Protokollsutdrag ${bodyName}`,
      sealed: input.sealed && { ...input.sealed, pdf: new Uint8Array() },
      protocolFiles: [{ path: input.pdf.filename, description: `Protokollsutdrag § ${item.number}`, fileFormat: FORMATS.pdf17.pronom }],
      itemFiles: new Map(),
    }],
    recommendations: input.recommendations,
    costSplits: [],
  });

  const el = (parent: ReturnType<typeof create>, name: string, value?: string | number) => {
    const e = parent.ele(EXPEDITION_NS, name);
    if (value !== undefined) e.txt(xmlText(String(value)));
    return e;
  };
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(EXPEDITION_NS, 'expedition', { version: '1' });
  el(root, 'reference', input.reference);
  el(root, 'created', instant(input.created));
  const sender = el(root, 'sender');
  el(sender, 'body', bodyName);
  el(sender, 'system', 'Samverka');
  const recipient = root.ele(EXPEDITION_NS, 'recipient', { kind: input.recipient.kind });
  el(recipient, 'name', input.recipient.name);
  for (const a of input.recipient.addresses) el(recipient, 'address', a);
  for (const r of input.reasons) el(root, 'reason', r);
  if (input.deadline) el(root, 'deadline', input.deadline);
  const decision = el(root, 'decision');
  el(decision, 'body', bodyName);
  el(decision, 'meetingDate', p.date);
  if (p.diaryNumber) el(decision, 'diaryNumber', p.diaryNumber);
  el(decision, 'itemNumber', item.number);
  el(decision, 'itemTitle', item.title);
  // an item decided with a one-click outcome only still has a decision to name
  for (const t of input.decisionTexts.length ? input.decisionTexts : [item.title]) el(decision, 'text', t);
  el(decision, 'protocolUrl', input.protocolUrl);
  root.ele(EXPEDITION_NS, 'attachment', { filename: input.pdf.filename, mediaType: 'application/pdf', size: String(input.pdf.size), sha256: input.pdf.sha256 });
  el(root, 'registrationUrl', input.registrationUrl);
  root.import(create(erms));
  return root.end({ prettyPrint: true });
}
