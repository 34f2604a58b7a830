import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, signedIn, type Json } from '../helpers/client.js';
import { parsedProtocol, sourceOf } from '../helpers/protocols.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { SYSTEM } from '../../src/domain/access.js';
import type { Store } from '../../src/store/db.js';

// The register: an agreement owned by Samråd, version 1 registered by hand, version 2 decided in
// Länssamverkansgruppen's minutes and recommended to every huvudman.

let store: Store;
let app: ReturnType<typeof testApp>;
let secretary: Client;
let samrad: number;
let lsg: number;
let decisionId: number;

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store);
  const bodies = await listBodies(store.db, SYSTEM);
  samrad = bodies.find((b) => b.slug === 'samrad')!.id;
  lsg = bodies.find((b) => b.slug === 'lsg')!.id;
  const { meetingId } = await storeImportedProtocol(store.db, parsedProtocol(), sourceOf('LSG 2024-02-23'));
  decisionId = (await store.db.selectFrom('decision as d').innerJoin('agenda_item as i', 'i.id', 'd.item_id').select('d.id').where('i.meeting_id', '=', meetingId).where('i.number', '=', 41).executeTakeFirstOrThrow()).id;
  secretary = await signedIn(store, app, { email: 'samrad@example.se', memberships: [{ bodyId: samrad, role: 'sekreterare' }] });
});
afterAll(async () => {
  await store?.close();
});

describe('the governing documents register', () => {
  let doc: number;

  it('registers a document and its first version', async () => {
    const res = await secretary.post(`/api/bodies/${samrad}/governing-documents`, { title: 'Överenskommelse om samverkan kring hälso- och sjukvård i hemmet', kind: 'överenskommelse', nextReview: '2020-01-01' });
    expect(res.status).toBe(201);
    doc = res.body.id;
    const v1 = await secretary.post(`/api/bodies/${samrad}/governing-documents/${doc}/versions`, { label: '1.0', decidedOn: '2019-05-10', validFrom: '2019-07-01' });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ review: 'overdue', current: { label: '1.0', decidedBy: { name: 'Samråd hälsa, vård och omsorg' }, validTo: null, source: null } });
  });

  it('a new version decided in the minutes ends the old one and is recommended to every huvudman', async () => {
    const res = await secretary.post(`/api/bodies/${samrad}/governing-documents/${doc}/versions`, {
      label: '2.0', decidedByBodyId: lsg, decisionId, validFrom: '2024-04-01', recommend: { localBody: 'nämnd', deadline: '2024-09-30' },
    });
    expect(res.status).toBe(201);
    const [v2, v1] = res.body.versions;
    expect(v2).toMatchObject({ label: '2.0', decidedOn: '2024-02-23', decidedBy: { id: lsg }, validFrom: '2024-04-01', source: { decisionId, itemNumber: 41 }, recommendation: { adopted: 0, total: 16 } });
    expect(v1).toMatchObject({ label: '1.0', validTo: '2024-03-31' });
    const rec = (await new Client(app).get(`/api/recommendations/${v2.recommendation.id}`)).body;
    expect(rec).toMatchObject({ title: 'Överenskommelse om samverkan kring hälso- och sjukvård i hemmet (version 2.0)', kind: 'överenskommelse', localBody: 'nämnd', body: { id: lsg } });
  });

  it('refuses a version that starts before the latest, or a label twice; nothing is stored', async () => {
    const early = await secretary.post(`/api/bodies/${samrad}/governing-documents/${doc}/versions`, { label: '1.5', decidedOn: '2020-01-01', recommend: { localBody: 'nämnd' } });
    expect(early.body.error.message).toBe('Ogiltigt värde för validFrom: en ny version måste gälla från efter 2024-04-01, då den senaste versionen började gälla');
    const twice = await secretary.post(`/api/bodies/${samrad}/governing-documents/${doc}/versions`, { label: '2.0', decidedOn: '2025-01-01' });
    expect(twice.body.error.message).toBe('Ogiltigt värde för label: versionen 2.0 finns redan');
    expect((await new Client(app).get(`/api/governing-documents/${doc}`)).body.versions).toHaveLength(2);
    expect((await store.db.selectFrom('recommendation').select('id').execute())).toHaveLength(1);
  });

  it('keeps the file of a version, checked by its content', async () => {
    const v2 = (await new Client(app).get(`/api/governing-documents/${doc}`)).body.versions[0];
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const form = (name: string, bytes: Uint8Array) => {
      const f = new FormData();
      f.append('versionId', String(v2.id));
      f.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
      return f;
    };
    const upload = (f: FormData) => app.request(`/api/bodies/${samrad}/governing-documents/${doc}/documents`, { method: 'POST', headers: { cookie: secretary.cookie!, 'x-csrf-token': secretary.csrf! }, body: f });
    expect((await upload(form('överenskommelse.pdf', pdf))).status).toBe(204);
    expect((await upload(form('fel.pdf', new TextEncoder().encode('inte en pdf')))).status).toBe(400);
    const got = (await new Client(app).get(`/api/governing-documents/${doc}`)).body.versions[0];
    expect(got.file).toEqual({ filename: 'överenskommelse.pdf', mediaType: 'application/pdf', sizeBytes: pdf.byteLength });
    const file = await app.request(`/api/governing-documents/${doc}/versions/${v2.id}/file`);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);
  });

  it('lists documents due for review; only the owning body changes them', async () => {
    const due = (await new Client(app).get('/api/governing-documents?review=soon')).body as Json[];
    expect(due.map((d) => d.id)).toEqual([doc]);
    const other = await signedIn(store, app, { email: 'lsg@example.se', memberships: [{ bodyId: lsg, role: 'sekreterare' }] });
    expect((await other.request('PUT', `/api/bodies/${samrad}/governing-documents/${doc}`, { title: 'X', kind: 'rutin' })).status).toBe(403);
    expect((await other.request('PUT', `/api/bodies/${lsg}/governing-documents/${doc}`, { title: 'X', kind: 'rutin' })).status).toBe(404);
    const moved = await secretary.request('PUT', `/api/bodies/${samrad}/governing-documents/${doc}`, { title: 'Överenskommelse om samverkan kring hälso- och sjukvård i hemmet', kind: 'överenskommelse', nextReview: '2099-01-01' });
    expect(moved.body.review).toBe('ok');
    expect((await new Client(app).get('/api/governing-documents?review=soon')).body).toEqual([]);
  });
});
