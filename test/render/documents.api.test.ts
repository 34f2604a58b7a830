// The documents through the API: file names, content types, drafts only for members, rate limits.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, signedIn } from '../helpers/client.js';
import { parsedProtocol, sourceOf } from '../helpers/protocols.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { closePdfRenderer } from '../../src/render/pdf.js';
import { SYSTEM } from '../../src/domain/access.js';
import type { Store } from '../../src/store/db.js';
import { pdfText, squeeze } from './helpers.js';

let store: Store;
let app: ReturnType<typeof testApp>;
let publishedId: number;
let draftId: number;
let lsgId: number;

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store);
  lsgId = (await listBodies(store.db, SYSTEM, { slug: 'lsg' }))[0]!.id;
  publishedId = (await storeImportedProtocol(store.db, parsedProtocol(), sourceOf('publicerat'))).meetingId;
  draftId = (await storeImportedProtocol(store.db, parsedProtocol({ date: '2024-04-19' }), sourceOf('utkast'), { draft: true })).meetingId;
});
afterAll(async () => {
  await closePdfRenderer();
  await store?.close();
});

/** GET with the body as bytes. */
async function fetchBytes(path: string, client?: Client) {
  const res = await app.request(path, { headers: client?.cookie ? { cookie: client.cookie } : {} });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('the protocol as a file', () => {
  it('PDF: an attachment named after organ and date, with the protocol in it', async () => {
    const res = await fetchBytes(`/api/meetings/${publishedId}/protocol.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('attachment; filename="protokoll-lsg-2024-02-23.pdf"');
    const text = squeeze(pdfText(res.bytes, true));
    expect(text).toContain('Protokoll Länssamverkansgruppen');
    expect(text).toMatch(/41\. Regionala strategin för suicidprevention/);
  });

  it('HTML: a standalone document, styled under the app’s Content-Security-Policy, without scripts', async () => {
    const res = await new Client(app).get(`/api/meetings/${publishedId}/protocol.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-disposition')).toContain('inline; filename="protokoll-lsg-2024-02-23.html"');
    expect(res.body).toMatch(/^<!doctype html>/);
    // Shown by the browser, the page takes its styles from the server (the policy allows 'self'
    // only); saved and opened from disk, from its inline copy.
    expect(res.headers.get('content-security-policy')).toMatch(/style-src 'self'/);
    expect(res.body).toContain('<link rel="stylesheet" href="/api/print/document.css">');
    expect(res.body).toContain('<style>');
    expect(res.body).not.toMatch(/<script|\sstyle="|\son[a-z]+=/i);
    expect(res.headers.get('content-security-policy')).not.toMatch(/script-src[^;]*unsafe-inline/);
    const css = await new Client(app).get('/api/print/document.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('notice and extract: the kallelse, and a protokollsutdrag of the chosen items only', async () => {
    const notice = await fetchBytes(`/api/meetings/${publishedId}/notice.pdf`);
    expect(notice.status).toBe(200);
    expect(notice.headers.get('content-disposition')).toContain('kallelse-lsg-2024-02-23.pdf');
    expect(squeeze(pdfText(notice.bytes, true))).toContain('Kallelse Länssamverkansgruppen');

    const extract = await fetchBytes(`/api/meetings/${publishedId}/extract.pdf?items=41,99`);
    expect(extract.status).toBe(200);
    expect(extract.headers.get('content-disposition')).toContain('protokollsutdrag-lsg-2024-02-23-41.pdf');
    const text = squeeze(pdfText(extract.bytes, true));
    expect(text).toMatch(/41\. Regionala strategin/);
    expect(text).not.toMatch(/40\. Godkännande/);
    expect(text).toContain('Utdragsbestyrkande:');
  });

  it('an extract needs item numbers that the protocol has', async () => {
    const client = new Client(app);
    expect((await client.get(`/api/meetings/${publishedId}/extract.pdf`)).status).toBe(400);
    expect((await client.get(`/api/meetings/${publishedId}/extract.pdf?items=41;drop`)).status).toBe(400);
    expect((await client.get(`/api/meetings/${publishedId}/extract.pdf?items=99`)).status).toBe(404);
  });
});

describe('drafts', () => {
  it('are 404 to the public and to other bodies’ members, and reach the body’s members marked UTKAST', async () => {
    const anonymous = new Client(app);
    for (const doc of ['protocol.pdf', 'protocol.html', 'notice.pdf', 'extract.pdf?items=41', 'calendar.ics']) {
      const res = await anonymous.get(`/api/meetings/${draftId}/${doc}`);
      expect(res.status, doc).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    const samradId = (await listBodies(store.db, SYSTEM, { slug: 'samrad' }))[0]!.id;
    const outsider = await signedIn(store, app, { email: 'samrad@example.se', memberships: [{ bodyId: samradId, role: 'ledamot' }] });
    expect((await fetchBytes(`/api/meetings/${draftId}/protocol.pdf`, outsider)).status).toBe(404);

    const member = await signedIn(store, app, { email: 'lsg@example.se', memberships: [{ bodyId: lsgId, role: 'ledamot' }] });
    const res = await fetchBytes(`/api/meetings/${draftId}/protocol.pdf`, member);
    expect(res.status).toBe(200);
    expect(pdfText(res.bytes)).toContain('UTKAST');
  });

  it('are left out of the body’s calendar for the public', async () => {
    const anon = await new Client(app).get(`/api/bodies/${lsgId}/calendar.ics?year=2024`);
    expect(anon.status).toBe(200);
    expect(anon.body).toContain(`UID:meeting-${publishedId}@samverka`);
    expect(anon.body).not.toContain(`UID:meeting-${draftId}@samverka`);
  });
});

describe('calendars', () => {
  it('a meeting: one event with a stable UID, Stockholm time and a link to the meeting', async () => {
    const res = await new Client(app).get(`/api/meetings/${publishedId}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('mote-lsg-2024-02-23.ics');
    const ics = res.body.replace(/\r\n[ \t]/g, '');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain(`UID:meeting-${publishedId}@samverka`);
    expect(ics).toContain('DTSTART;TZID=Europe/Stockholm:20240223T090000');
    expect(ics).toContain(`/moten/${publishedId}`);
  });

  it('a body: its meetings of the year; an unknown body is 404, a bad year 400', async () => {
    const client = new Client(app);
    const none = await client.get(`/api/bodies/${lsgId}/calendar.ics?year=2019`);
    expect(none.status).toBe(200);
    expect(none.body).not.toContain('BEGIN:VEVENT');
    expect((await client.get('/api/bodies/987654/calendar.ics')).status).toBe(404);
    expect((await client.get(`/api/bodies/${lsgId}/calendar.ics?year=abc`)).status).toBe(400);
  });
});

describe('rate limits', () => {
  it('PDFs are limited to 30 a minute per client', async () => {
    const limited = testApp(store, { config: { rateLimits: true } });
    const statuses: number[] = [];
    // A meeting that does not exist costs no rendering; the limit counts the requests.
    for (let i = 0; i < 31; i++) statuses.push((await limited.request('/api/meetings/987654/protocol.pdf')).status);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
