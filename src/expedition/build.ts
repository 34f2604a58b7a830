// Everything one dispatch sends, made from the stored protocol at the moment it is sent: the
// extract of its item (the same extract the protocol page offers, src/render), the decision
// record (record-xml.ts) and the e-mail around them.

import { createHash } from 'node:crypto';
import { ANONYMOUS } from '../domain/access.js';
import { dispatchReference, type DispatchReason, type RecipientKind } from '../domain/expedition.js';
import type { MailMessage } from '../mail/mailer.js';
import { renderDocument } from '../render/documents.js';
import { bodyNameOf } from '../render/protocol-html.js';
import type { Db } from '../store/db.js';
import { archiveMeeting } from '../store/queries/archive.js';
import { getBody } from '../store/queries/bodies.js';
import { itemDecisionTexts } from '../store/queries/expedition.js';
import { listRecommendations } from '../store/queries/recommendations.js';
import { getSealedProtocol } from '../store/queries/sealed-protocols.js';
import { expeditionMail } from './mail.js';
import { buildDispatchRecord } from './record-xml.js';

export interface DispatchToBuild {
  id: number;
  meetingId: number;
  itemId: number;
  recipient: { kind: RecipientKind; name: string; addresses: string[] };
  reasons: DispatchReason[];
  deadline: string | null;
}

/** Why a dispatch cannot be made at all (the protocol is no longer published, the item is gone): another attempt will not help. */
export class DispatchGoneError extends Error {}

export function registrationUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/expediering/registrera/${token}`;
}

export async function buildDispatch(db: Db, d: DispatchToBuild, opts: { baseUrl: string; token: string; now?: Date }): Promise<{ mail: MailMessage; xml: string; pdf: Uint8Array }> {
  const meeting = await archiveMeeting(db, d.meetingId);
  if (!meeting) throw new DispatchGoneError(`meeting ${d.meetingId} is not published`);
  const p = meeting.protocol;
  const item = p.agenda.find((i) => i.id === d.itemId);
  if (!item || item.number === null || !p.date) throw new DispatchGoneError(`item ${d.itemId} is not a numbered item of a dated published meeting`);
  const primary = p.bodies.find((b) => b.primary) ?? p.bodies[0];
  const body = primary ? await getBody(db, primary.id) : null;
  if (!body) throw new DispatchGoneError(`meeting ${d.meetingId} has no body`);
  const [sealed, recommendations, decisionTexts, pdf] = await Promise.all([
    getSealedProtocol(db, d.meetingId),
    listRecommendations(db, ANONYMOUS, { itemId: d.itemId }),
    itemDecisionTexts(db, d.itemId),
    renderDocument(p, 'pdf', { extractItems: [item.number] }),
  ]);
  const base = opts.baseUrl.replace(/\/+$/, '');
  const reference = dispatchReference(d.id);
  const registration = registrationUrl(base, opts.token);
  const protocolUrl = `${base}/moten/${d.meetingId}`;
  const xml = buildDispatchRecord({
    reference,
    created: opts.now ?? new Date(),
    body,
    meeting,
    sealed,
    itemId: d.itemId,
    recommendations,
    recipient: d.recipient,
    reasons: d.reasons,
    deadline: d.deadline,
    decisionTexts,
    pdf: { filename: pdf.filename, size: pdf.content.byteLength, sha256: createHash('sha256').update(pdf.content).digest('hex') },
    protocolUrl,
    registrationUrl: registration,
  });
  const mail = expeditionMail({
    to: d.recipient.addresses,
    reference,
    recipientName: d.recipient.name,
    bodyName: bodyNameOf(p) || body.name,
    meetingDate: p.date,
    itemNumber: item.number,
    itemTitle: item.title,
    decisionTexts: decisionTexts.length ? decisionTexts : [item.title],
    reasons: d.reasons,
    deadline: d.deadline,
    protocolUrl,
    registrationUrl: registration,
    pdf: { filename: pdf.filename, contentType: 'application/pdf', content: pdf.content },
    xml: { filename: `beslut-${reference.toLowerCase()}.xml`, contentType: 'application/xml', content: new TextEncoder().encode(xml) },
  });
  return { mail, xml, pdf: pdf.content };
}
