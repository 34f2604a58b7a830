import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { signedIn, type Client } from '../helpers/client.js';
import { createMailer } from '../../src/mail/mailer.js';
import { closePdfRenderer } from '../../src/render/pdf.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { SYSTEM } from '../../src/domain/access.js';
import type { Store } from '../../src/store/db.js';
import { resolvePerson } from '../../src/store/queries/people.js';

let store: Store;
let secretary: Client;
let lsg: number;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-notice-'));

beforeAll(async () => {
  store = await openTestStore();
  const app = testApp(store, { mailer: createMailer({ smtpUrl: undefined, mailFrom: undefined, dataDir }) });
  lsg = (await listBodies(store.db, SYSTEM)).find((b) => b.slug === 'lsg')!.id;
  secretary = await signedIn(store, app, { email: 'sekreterare@region.example', memberships: [{ bodyId: lsg, role: 'sekreterare' }] });
});
afterAll(async () => {
  await closePdfRenderer();
  await store?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the notice (kallelse)', () => {
  it('goes to the body’s members and extra recipients with the agenda as PDF', async () => {
    const { meetingId } = (await secretary.post(`/api/bodies/${lsg}/meetings`, { date: '2024-09-20', startTime: '09:00', place: 'Umeå' })).body;
    await secretary.post(`/api/meetings/${meetingId}/items`, { title: 'Hjälpmedelsstrategin', kind: 'decision', proposal: 'att anta strategin', presenters: [{ name: 'Sofia Ögren', title: 'hjälpmedelskoordinator' }] });
    const res = await secretary.post(`/api/meetings/${meetingId}/notice`, { extra: ['Ordforande@Kommun.example'] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ recipients: ['ordforande@kommun.example', 'sekreterare@region.example'], via: 'outbox' });
    const [file] = fs.readdirSync(path.join(dataDir, 'outbox'));
    const mail = await simpleParser(fs.readFileSync(path.join(dataDir, 'outbox', file!)));
    expect(mail.subject).toContain('Länssamverkansgruppen');
    expect(mail.html || '').toContain('Hjälpmedelsstrategin');
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf?.content.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('puts the meetings of a member’s bodies in the member’s own calendar feed', async () => {
    const personId = await resolvePerson(store.db, 'Person sekreterare@region.example');
    const ics = await secretary.get(`/api/people/${personId}/calendar.ics`);
    expect(ics.status).toBe(200);
    expect(ics.body).toContain('BEGIN:VCALENDAR');
    expect(ics.body).toMatch(/UID:meeting-\d+@samverka/);
    expect(ics.body).toContain('DTSTART;TZID=Europe/Stockholm:20240920T090000');
    expect((await secretary.get('/api/people/999999/calendar.ics')).status).toBe(404);
  });

  it('refuses a bad address, naming the field', async () => {
    const { meetingId } = (await secretary.post(`/api/bodies/${lsg}/meetings`, { date: '2024-10-20' })).body;
    const res = await secretary.post(`/api/meetings/${meetingId}/notice`, { extra: ['inte-en-adress'] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('extra');
  });
});
