// Outgoing e-mail. With SMTP_URL set (smtp://user:pass@host:587) mail goes through that server;
// without it, every message is written as an .eml file under DATA_DIR/outbox/, which a developer
// opens in any mail program to see exactly what would have been sent.
//
// The Mailer interface is what a job queue needs: send one message, get told where it went.

import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config.js';
import type { Protocol } from '../domain/model.js';
import { renderDocument } from '../render/documents.js';
import { bodyNameOf } from '../render/protocol-html.js';
import { SV } from '../render/texts.js';

export const DEFAULT_FROM = 'Samverka <noreply@samverka.local>';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

export interface SentMail {
  messageId: string;
  accepted: string[];
  /** The .eml file, when the development outbox took the message. */
  file: string | null;
}

export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  send(message: MailMessage): Promise<SentMail>;
  close(): void;
}

export type MailConfig = Pick<Config, 'smtpUrl' | 'mailFrom' | 'dataDir'>;

export function createMailer(config: MailConfig): Mailer {
  const from = config.mailFrom || DEFAULT_FROM;
  if (config.smtpUrl) return smtpMailer(nodemailer.createTransport(config.smtpUrl), from);
  return outboxMailer(path.join(config.dataDir, 'outbox'), from);
}

function toNodemailer(m: MailMessage, from: string) {
  return {
    from,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    attachments: (m.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content) })),
  };
}

function smtpMailer(transport: Transporter, from: string): Mailer {
  return {
    kind: 'smtp',
    async send(m) {
      const info = await transport.sendMail(toNodemailer(m, from));
      return { messageId: info.messageId, accepted: (info.accepted ?? []).map(String), file: null };
    },
    close: () => transport.close(),
  };
}

function outboxMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'outbox',
    async send(m) {
      const info = await transport.sendMail(toNodemailer(m, from));
      await fs.mkdir(dir, { recursive: true });
      // Sortable by time, unique without a counter.
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = path.join(dir, `${stamp}-${info.messageId.replace(/[^A-Za-z0-9]+/g, '').slice(0, 24)}.eml`);
      await fs.writeFile(file, info.message as Buffer);
      return { messageId: info.messageId, accepted: m.to, file };
    },
    close: () => transport.close(),
  };
}

/**
 * Sends the notice (kallelse) of a meeting to its recipients: the agenda as the HTML body and as
 * a PDF attachment. One message with every recipient, as a paper notice goes to all members alike.
 */
export async function sendNotice(mailer: Mailer, protocol: Protocol, recipients: string[]): Promise<SentMail> {
  if (recipients.length === 0) throw new Error('a notice needs at least one recipient');
  const [html, pdf] = await Promise.all([renderDocument(protocol, 'html', { notice: true }), renderDocument(protocol, 'pdf', { notice: true })]);
  const body = bodyNameOf(protocol);
  const date = protocol.date ?? SV.dateUnknown.toLowerCase();
  return mailer.send({
    to: recipients,
    subject: SV.mailSubject(body, date),
    text: SV.mailBody(body, date),
    html: new TextDecoder().decode(html.content),
    attachments: [pdf],
  });
}
