// The expediering e-mail: to a registry (or a body's secretaries, or a named person), saying what
// was decided and why it concerns them, with the protocol extract (PDF) and the decision record
// (XML) attached, our reference in the subject, and the link for telling us their diary number.

import { formatLongDate } from '../domain/dates.js';
import { REASON_LABELS, type DispatchReason } from '../domain/expedition.js';
import type { MailAttachment, MailMessage } from '../mail/mailer.js';

export interface ExpeditionMail {
  to: string[];
  reference: string;
  recipientName: string;
  bodyName: string;
  meetingDate: string;
  itemNumber: number;
  itemTitle: string;
  decisionTexts: string[];
  reasons: DispatchReason[];
  deadline: string | null;
  protocolUrl: string;
  registrationUrl: string;
  pdf: MailAttachment;
  xml: MailAttachment;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function deadlineLine(m: ExpeditionMail): string | null {
  if (!m.deadline) return null;
  const when = `${formatLongDate(m.deadline, true)} (${m.deadline})`;
  if (m.reasons.includes('recommendation')) return `Huvudmännen ombeds ha beslutat senast ${when}.`;
  return `Uppdraget ska vara klart senast ${when}.`;
}

export function expeditionSubject(m: Pick<ExpeditionMail, 'bodyName' | 'meetingDate' | 'itemNumber' | 'itemTitle' | 'reference'>): string {
  return `Expediering: ${m.bodyName} ${m.meetingDate} § ${m.itemNumber} ${m.itemTitle} (${m.reference})`;
}

export function expeditionMail(m: ExpeditionMail): MailMessage {
  const intro = `${m.bodyName} beslutade ${formatLongDate(m.meetingDate, true)} i § ${m.itemNumber} ${m.itemTitle}. Beslutet skickas till ${m.recipientName}.`;
  const why = `Skäl: ${m.reasons.map((r) => REASON_LABELS[r].toLowerCase()).join(', ')}.`;
  const deadline = deadlineLine(m);
  const register = 'Registrera gärna beslutet och ange ert diarienummer via länken nedan (ingen inloggning behövs), så ser vi att det har kommit fram:';
  const attachments = `Bifogat: protokollsutdraget (${m.pdf.filename}) och beslutet i maskinläsbar form (${m.xml.filename}, XML enligt CITS ERMS).`;
  const text = [
    'Hej!', '', intro, why, ...(deadline ? [deadline] : []), '',
    'Beslut:', ...m.decisionTexts.map((t) => `  ${t.replace(/\n/g, '\n  ')}`), '',
    attachments, '', register, m.registrationUrl, '',
    `Protokollet: ${m.protocolUrl}`, `Vår referens: ${m.reference}`, '',
  ].join('\n');
  const html = [
    '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Expediering från Samverka</title></head><body>',
    `<p>Hej!</p><p>${escape(intro)}</p><p>${escape(why)}${deadline ? `<br>${escape(deadline)}` : ''}</p>`,
    `<h2>Beslut</h2>${m.decisionTexts.map((t) => `<p>${escape(t).replace(/\n/g, '<br>')}</p>`).join('')}`,
    `<p>${escape(attachments)}</p>`,
    `<p>${escape(register)}<br><a href="${escape(m.registrationUrl)}">${escape(m.registrationUrl)}</a></p>`,
    `<p>Protokollet: <a href="${escape(m.protocolUrl)}">${escape(m.protocolUrl)}</a><br>Vår referens: ${escape(m.reference)}</p>`,
    '</body></html>',
  ].join('\n');
  return { to: m.to, subject: expeditionSubject(m), text, html, attachments: [m.pdf, m.xml] };
}
