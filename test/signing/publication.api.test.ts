import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convert } from 'xmlbuilder2';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, signedIn } from '../helpers/client.js';
import { parsedProtocol, sourceOf } from '../helpers/protocols.js';
import { SIGNERS, draftMeeting, quietLog, sealedMeeting, signingConfig } from './helpers.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { getSealedProtocol } from '../../src/store/queries/sealed-protocols.js';
import { sealAndPublish } from '../../src/signing/seal-protocol.js';
import { swedishDay, addDays } from '../../src/domain/anslag.js';
import { closePdfRenderer } from '../../src/render/pdf.js';
import type { Store } from '../../src/store/db.js';
import type { Config } from '../../src/config.js';

let store: Store;
let config: Config;
let app: ReturnType<typeof testApp>;
let anon: Client;
let sealedId: number;
let sealedPdf: Uint8Array;
let draftId: number;
let archiveId: number;
const archiveText = 'Protokoll Länssamverkansgruppen 2021-05-05 (arkiv)';

beforeAll(async () => {
  store = await openTestStore();
  config = signingConfig();
  app = testApp(store, { config });
  anon = new Client(app);
  archiveId = (await storeImportedProtocol(store.db, parsedProtocol({ date: '2021-05-05' }), sourceOf(archiveText))).meetingId;
  sealedId = (await sealedMeeting(store, config, '2024-02-23')).meetingId;
  sealedPdf = (await getSealedProtocol(store.db, sealedId))!.pdf;
  draftId = (await draftMeeting(store, '2024-06-14')).meetingId;
}, 120_000);
afterAll(async () => {
  await closePdfRenderer();
  await store?.close();
});

async function raw(path: string, init?: RequestInit) {
  return app.request(path, init);
}

describe('the sealed PDF', () => {
  it('is public once published, byte for byte as sealed', async () => {
    const res = await raw(`/api/meetings/${sealedId}/sealed.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array(sealedPdf));
  });

  it('does not exist for a protocol under justering or an archive protocol', async () => {
    const missing = await anon.get('/api/meetings/987654/sealed.pdf');
    for (const id of [draftId, archiveId]) {
      const res = await anon.get(`/api/meetings/${id}/sealed.pdf`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(missing.body);
    }
  });
});

describe('what the public page says about publication', () => {
  it('names the signers, the seal time and the development certificate', async () => {
    const res = await anon.get(`/api/meetings/${sealedId}/publication`);
    expect(res.status).toBe(200);
    expect(res.body.archive).toBe(false);
    expect(res.body.seal).toMatchObject({ version: 1, developmentCertificate: true });
    expect(res.body.seal.signers.map((s: { name: string }) => s.name)).toEqual(SIGNERS.map((s) => s.name));
    expect(res.body.anslag).toBeNull(); // LSG does not announce justering by default
  });

  it('says an imported protocol is an archive record, not sealed here', async () => {
    const res = await anon.get(`/api/meetings/${archiveId}/publication`);
    expect(res.body).toMatchObject({ archive: true, seal: null });
  });

  it('is not there for a protocol under justering (like a meeting that does not exist)', async () => {
    const missing = await anon.get('/api/meetings/987654/publication');
    const res = await anon.get(`/api/meetings/${draftId}/publication`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual(missing.body);
  });

  it('gives anslag dates once an administrator turns anslag on for the body', async () => {
    const admin = await signedIn(store, app, { email: 'admin-anslag@example.se', admin: true });
    const lsg = await anon.get('/api/bodies/lsg');
    const changed = await admin.request('PATCH', `/api/bodies/${lsg.body.id}/publication-settings`, { usesAnslag: true, anslagDays: 21 });
    expect(changed.body).toEqual({ usesAnslag: true, anslagDays: 21 });
    expect((await admin.request('PATCH', `/api/bodies/${lsg.body.id}/publication-settings`, { anslagDays: 0 })).status).toBe(400);
    const reader = await signedIn(store, app, { email: 'reader-anslag@example.se' });
    expect((await reader.request('PATCH', `/api/bodies/${lsg.body.id}/publication-settings`, { usesAnslag: false })).status).toBe(403);

    const { meetingId, snapshot } = await draftMeeting(store, '2024-09-20');
    await sealAndPublish({ store, config, log: quietLog }, { meetingId, version: 1, protocol: snapshot, signers: SIGNERS });
    const today = swedishDay(new Date());
    const res = await anon.get(`/api/meetings/${meetingId}/publication`);
    expect(res.body.anslag).toEqual({ from: today, to: addDays(today, 21) });
    await admin.request('PATCH', `/api/bodies/${lsg.body.id}/publication-settings`, { usesAnslag: false });
  }, 60_000);
});

type AtomEntry = { id: string; title: string; link: { '@href': string; '@rel'?: string } | { '@href': string; '@rel'?: string }[] };
function parseAtom(xml: string): { feed: { '@xmlns': string; id: string; title: string; updated: string; entry?: AtomEntry | AtomEntry[] } } {
  return convert(xml, { format: 'object' }) as never;
}
const entriesOf = (xml: string) => {
  const e = parseAtom(xml).feed.entry;
  return e === undefined ? [] : Array.isArray(e) ? e : [e];
};

describe('the Atom feeds', () => {
  it('list published protocols only, newest first, as valid Atom', async () => {
    const res = await raw('/feeds/protocols.atom');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const xml = await res.text();
    const { feed } = parseAtom(xml);
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('https://samverka.example.se/feeds/protocols.atom');
    expect(Date.parse(feed.updated)).not.toBeNaN();
    const ids = entriesOf(xml).map((e) => e.id);
    expect(ids).toContain(`https://samverka.example.se/moten/${sealedId}`);
    expect(ids).toContain(`https://samverka.example.se/moten/${archiveId}`);
    expect(ids).not.toContain(`https://samverka.example.se/moten/${draftId}`);
    // The archive protocol of 2021 comes after the protocols sealed now.
    expect(ids.indexOf(`https://samverka.example.se/moten/${sealedId}`)).toBeLessThan(ids.indexOf(`https://samverka.example.se/moten/${archiveId}`));
    const sealedEntry = entriesOf(xml).find((e) => e.id.endsWith(`/moten/${sealedId}`))!;
    const links = ([] as { '@href': string; '@rel'?: string }[]).concat(sealedEntry.link);
    expect(links.map((l) => l['@href'])).toContain(`https://samverka.example.se/api/meetings/${sealedId}/sealed.pdf`);
    expect(xml).not.toContain('2024-06-14'); // the draft's date
    expect(xml).toMatch(/utvecklingscertifikat – ej för skarp användning/);
  });

  it('per body, and unknown feeds are 404 rather than the app', async () => {
    const lsg = await raw('/feeds/lsg.atom');
    expect(lsg.status).toBe(200);
    expect(entriesOf(await lsg.text()).length).toBeGreaterThanOrEqual(2);
    const other = entriesOf(await (await raw('/feeds/samrad.atom')).text());
    expect(other).toEqual([]);
    for (const path of ['/feeds/okand.atom', '/feeds/lsg.rss', '/feeds/a/b.atom']) expect((await raw(path)).status).toBe(404);
  });
});

describe('verification over the API', () => {
  it('answers valid for the sealed PDF uploaded as a form', async () => {
    const res = await anon.upload('/api/verify', 'protokoll.pdf', sealedPdf);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ valid: true, outcome: 'valid', protocol: { meetingId: sealedId, version: 1 }, links: { meeting: `/moten/${sealedId}` } });
  });

  it('accepts the PDF as the whole request body', async () => {
    const res = await raw('/api/verify', { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: sealedPdf as Uint8Array<ArrayBuffer> });
    expect((await res.json()).outcome).toBe('valid');
  });

  it('says what no longer matches in an altered file', async () => {
    const changed = new Uint8Array(sealedPdf);
    changed[2000] = changed[2000]! ^ 0x04;
    const res = await anon.upload('/api/verify', 'andrad.pdf', changed);
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.summary).toMatch(/ändrats efter förseglingen/);
  });

  it('recognises the original file of an archive protocol', async () => {
    const res = await anon.upload('/api/verify', 'arkiv.txt', new TextEncoder().encode(archiveText));
    expect(res.body).toMatchObject({ outcome: 'archive', archive: { meetingId: archiveId } });
    expect(res.body.summary).toMatch(/^Arkivprotokoll, inte förseglat i Samverka/);
  });

  it('answers clearly, never with a 500, for no file, another file, or one too large', async () => {
    expect((await raw('/api/verify', { method: 'POST' })).status).toBe(400);
    const text = await anon.upload('/api/verify', 'brev.txt', new TextEncoder().encode('Hej'));
    expect(text.body).toMatchObject({ valid: false, outcome: 'not-pdf' });
    const big = new Uint8Array(21 * 1024 * 1024);
    expect((await raw('/api/verify', { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: big })).status).toBe(413);
  });
});
