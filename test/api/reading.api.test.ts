import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { parsedProtocol, sourceOf } from '../helpers/protocols.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import type { Store } from '../../src/store/db.js';

let store: Store;
let app: ReturnType<typeof testApp>;
let published: number;
let draft: number;

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store);
  published = (await storeImportedProtocol(store.db, parsedProtocol(), sourceOf('publicerat', 'lsg-2024-02-23.txt'))).meetingId;
  draft = (await storeImportedProtocol(store.db, parsedProtocol({ date: '2024-04-19' }), sourceOf('utkast'), { draft: true })).meetingId;
});
afterAll(async () => {
  await store?.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are checked by value below
type Json = any;
const get = async (path: string) => {
  const res = await app.request(path);
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, body: (type.includes('json') ? await res.json() : await res.text()) as Json, headers: res.headers };
};

describe('reading the archive over the API', () => {
  it('lists bodies with the years they have published protocols for', async () => {
    const { status, body } = await get('/api/bodies');
    expect(status).toBe(200);
    const lsg = body.find((b: { slug: string }) => b.slug === 'lsg');
    expect(lsg.years).toEqual([{ year: 2024, meetings: 1 }]);
  });

  it('serves a body by slug or id', async () => {
    const bySlug = await get('/api/bodies/lsg');
    expect(bySlug.body.name).toBe('Länssamverkansgruppen');
    expect((await get(`/api/bodies/${bySlug.body.id}`)).body.slug).toBe('lsg');
  });

  it('serves a published protocol, and its source file as a download', async () => {
    const { status, body } = await get(`/api/meetings/${published}`);
    expect(status).toBe(200);
    expect(body.agenda.map((i: { number: number }) => i.number)).toEqual([40, 41, 42]);
    const file = await app.request(`/api/meetings/${published}/source`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''lsg-2024-02-23.txt");
    expect(await file.text()).toBe('publicerat');
  });

  it('treats a draft as if it did not exist for the public', async () => {
    const res = await get(`/api/meetings/${draft}`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'Mötet finns inte.' } });
    expect((await get(`/api/meetings/${draft}/source`)).status).toBe(404);
    const list = await get('/api/meetings?year=2024');
    expect(list.body.map((m: { id: number }) => m.id)).toEqual([published]);
  });

  it('answers an unknown id with 404 JSON', async () => {
    expect((await get('/api/meetings/999999')).status).toBe(404);
    expect((await get('/api/bodies/finns-inte')).body.error.code).toBe('not_found');
    expect((await get('/api/nothing-here')).status).toBe(404);
  });

  it('answers an invalid id or query with 400 naming the field', async () => {
    const bad = await get('/api/meetings/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_request');
    expect(bad.body.error.message).toContain('id');
    const year = await get('/api/meetings?year=tjugotjugo');
    expect(year.status).toBe(400);
    expect(year.body.error.message).toContain('year');
  });

  it('publishes an OpenAPI document of every route', async () => {
    const { status, body } = await get('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/bodies', '/api/meetings/{id}', '/api/huvudman']));
  });

  it('sends security headers and no stack traces', async () => {
    const { headers } = await get('/api/bodies');
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    const { body } = await get('/api/meetings/abc');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('a published protocol read many times', () => {
  it('is served from the cache until it changes, and a re-import shows at once', async () => {
    const first = await get(`/api/meetings/${published}`);
    const again = await get(`/api/meetings/${published}`);
    expect(again.body).toEqual(first.body);
    await storeImportedProtocol(store.db, parsedProtocol({ place: 'Lycksele' }), sourceOf('publicerat', 'lsg-2024-02-23.txt'));
    expect((await get(`/api/meetings/${published}`)).body.place).toBe('Lycksele');
  });
});
