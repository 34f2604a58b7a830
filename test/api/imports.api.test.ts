import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { signedIn, type Client } from '../helpers/client.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { SYSTEM } from '../../src/domain/access.js';
import type { Store } from '../../src/store/db.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/protocols');
const file = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));

let store: Store;
let app: ReturnType<typeof testApp>;
let lsgSecretary: Client;
let samradSecretary: Client;

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store);
  const bodies = await listBodies(store.db, SYSTEM);
  const id = (slug: string) => bodies.find((b) => b.slug === slug)!.id;
  lsgSecretary = await signedIn(store, app, { email: 'lsg@example.se', memberships: [{ bodyId: id('lsg'), role: 'sekreterare' }] });
  samradSecretary = await signedIn(store, app, { email: 'samrad@example.se', memberships: [{ bodyId: id('samrad'), role: 'koordinator' }] });
});
afterAll(async () => {
  await store?.close();
});

describe('importing through the web', () => {
  it('reads an uploaded protocol into a preview and stores nothing yet', async () => {
    const res = await samradSecretary.upload('/api/imports', '002_31134faffb5b5d71.txt', file('002_31134faffb5b5d71.txt'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'ready', error: null, meetingId: null });
    expect(res.body.preview).toMatchObject({ body: 'Samråd vård och omsorg', date: '2022-03-16', diaryNumber: 'HSN 21-1 2022' });
    expect((await samradSecretary.get('/api/meetings')).body).toEqual([]);
  });

  it('lets a secretary store only the protocols of the bodies she serves', async () => {
    const upload = await lsgSecretary.upload('/api/imports', '002.txt', file('002_31134faffb5b5d71.txt'));
    const refused = await lsgSecretary.post(`/api/imports/${upload.body.id}/store`, {});
    expect(refused.status).toBe(403);
    const other = await samradSecretary.get(`/api/imports/${upload.body.id}`);
    expect(other.status).toBe(404); // someone else's upload
  });

  it('stores with the reviewer’s corrections, and storing the same protocol again updates it', async () => {
    const [first] = (await samradSecretary.get('/api/imports')).body;
    const stored = await samradSecretary.post(`/api/imports/${first.id}/store`, { corrections: { place: 'Teams (digitalt)' } });
    expect(stored.status).toBe(200);
    expect(stored.body.created).toBe(true);
    const meeting = await samradSecretary.get(`/api/meetings/${stored.body.meetingId}`);
    expect(meeting.body.place).toBe('Teams (digitalt)');
    expect((await samradSecretary.post(`/api/imports/${first.id}/store`, {})).status).toBe(409);

    const again = await samradSecretary.upload('/api/imports', '002 igen.txt', file('002_31134faffb5b5d71.txt'));
    const second = await samradSecretary.post(`/api/imports/${again.body.id}/store`, {});
    expect(second.body).toEqual({ meetingId: stored.body.meetingId, created: false });
  });

  it('lets the reviewer give the date a protocol does not state', async () => {
    const upload = await samradSecretary.upload('/api/imports', '003.ocr.txt', file('003_fa8ff7ff392d754a.ocr.txt'));
    expect(upload.body.preview.date).toBeNull();
    expect(upload.body.repairs.length).toBeGreaterThan(0);
    const stored = await samradSecretary.post(`/api/imports/${upload.body.id}/store`, { corrections: { date: '2025-04-11' }, draft: true });
    const meeting = await samradSecretary.get(`/api/meetings/${stored.body.meetingId}`);
    expect(meeting.body).toMatchObject({ date: '2025-04-11', dateUnknown: false, status: 'draft' });
    expect((await app.request(`/api/meetings/${stored.body.meetingId}`)).status).toBe(404);
  });

  it('reports a file that is not a protocol, by its content, and keeps nothing of it as a meeting', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1]);
    const fake = await samradSecretary.upload('/api/imports', 'protokoll.txt', png);
    expect(fake.body.status).toBe('failed');
    expect(fake.body.error.code).toBe('binary');
    const pdfNamedTxt = await samradSecretary.upload('/api/imports', 'bild.exe', png);
    expect(pdfNamedTxt.body.error.code).toBe('unsupported');
    expect((await samradSecretary.post(`/api/imports/${fake.body.id}/store`, {})).status).toBe(400);
  });

  it('refuses an upload without a file', async () => {
    const res = await samradSecretary.post('/api/imports', { file: 'inte en fil' });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBeTypeOf('string');
    const empty = await samradSecretary.upload('/api/imports', 'x.txt', new Uint8Array());
    expect(empty.body.error.code).toBe('empty');
  });
});
