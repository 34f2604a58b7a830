// The notice (kallelse) by e-mail. Without SMTP_URL the development outbox takes it: an .eml file a
// developer opens in a mail program, here read back with mailparser.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { openTestStore } from '../helpers/db.js';
import { parsedProtocol } from '../helpers/protocols.js';
import { createMailer, DEFAULT_FROM, sendNotice } from '../../src/mail/mailer.js';
import { closePdfRenderer } from '../../src/render/pdf.js';
import { loadConfig } from '../../src/config.js';
import type { Store } from '../../src/store/db.js';
import { pdfText, storedProtocol, tempDir } from './helpers.js';

let store: Store;
let dataDir: string;

beforeAll(async () => {
  store = await openTestStore();
  dataDir = tempDir();
});
afterAll(async () => {
  await closePdfRenderer();
  await store?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('sending the notice', () => {
  it('puts an .eml with the agenda and the PDF attached in the development outbox', async () => {
    const protocol = await storedProtocol(store, parsedProtocol());
    const mailer = createMailer({ smtpUrl: undefined, mailFrom: undefined, dataDir });
    expect(mailer.kind).toBe('outbox');
    const sent = await sendNotice(mailer, protocol, ['carin.nilsson@umea.se', 'jens.wennberg@regionvasterbotten.se']);

    const files = fs.readdirSync(path.join(dataDir, 'outbox'));
    expect(files).toHaveLength(1);
    expect(sent.file).toBe(path.join(dataDir, 'outbox', files[0]!));
    const mail = await simpleParser(fs.readFileSync(sent.file!));
    expect(mail.from?.value[0]).toMatchObject({ name: 'Samverka', address: 'noreply@samverka.local' });
    expect(DEFAULT_FROM).toBe('Samverka <noreply@samverka.local>');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []).toEqual(['carin.nilsson@umea.se', 'jens.wennberg@regionvasterbotten.se']);
    expect(mail.subject).toBe('Kallelse: Länssamverkansgruppen 2024-02-23');
    expect(mail.text).toContain('Länssamverkansgruppen');
    expect(mail.html).toContain('Kallelse Länssamverkansgruppen');
    expect(mail.html).toContain('Regionala strategin för suicidprevention');

    expect(mail.attachments).toHaveLength(1);
    const pdf = mail.attachments[0]!;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.filename).toBe('kallelse-lsg-2024-02-23.pdf');
    const text = pdfText(new Uint8Array(pdf.content));
    expect(text).toContain('Kallelse Länssamverkansgruppen');
    expect(text).toContain('Regionala strategin för suicidprevention');
    expect(text).not.toContain('beslutade');
  });

  it('uses SMTP when SMTP_URL is set, from MAIL_FROM', () => {
    const config = loadConfig({ SMTP_URL: 'smtp://user:secret@mail.example.se:587', MAIL_FROM: 'LSG <lsg@example.se>' });
    expect(config.smtpUrl).toBe('smtp://user:secret@mail.example.se:587');
    expect(config.mailFrom).toBe('LSG <lsg@example.se>');
    const mailer = createMailer(config);
    expect(mailer.kind).toBe('smtp');
    mailer.close();
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.se' })).toThrow(/SMTP_URL/);
  });

  it('refuses a notice without recipients', async () => {
    const protocol = await storedProtocol(store, parsedProtocol({ date: '2024-03-01' }));
    await expect(sendNotice(createMailer({ smtpUrl: undefined, mailFrom: undefined, dataDir }), protocol, [])).rejects.toThrow(/recipient/);
  });
});
