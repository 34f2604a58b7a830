import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, signedIn, type Json } from '../helpers/client.js';
import { importFiles } from '../../src/importer/store-batch.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { SYSTEM } from '../../src/domain/access.js';
import type { Store } from '../../src/store/db.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/protocols');
let store: Store;
let app: ReturnType<typeof testApp>;
let lsgSecretary: Client;

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store);
  await importFiles(store.db, ['000_d52ea5183769047d.txt', '002_31134faffb5b5d71.txt', '003_fa8ff7ff392d754a.txt'].map((f) => path.join(FIXTURES, f)));
  const lsg = (await listBodies(store.db, SYSTEM)).find((b) => b.slug === 'lsg')!.id;
  lsgSecretary = await signedIn(store, app, { email: 'lsg@example.se', memberships: [{ bodyId: lsg, role: 'sekreterare' }] });
});
afterAll(async () => {
  await store?.close();
});

describe('assignments found in imported protocols', () => {
  it('appear for confirmation, the "återkommer" referrals among them', async () => {
    const list = (await new Client(app).get('/api/assignments?status=unconfirmed')).body as Json[];
    const to = list.map((a) => a.to);
    expect(to).toEqual(expect.arrayContaining(['Koordinatorerna', 'Beredning barn och unga', 'arbetsgruppen', 'Beredning vuxna och äldre']));
    const referral = list.find((a) => a.to === 'Beredning vuxna och äldre');
    expect(referral.text).toMatch(/återkommer till Länssamverkansgruppens nästa möte/);
    expect(referral).toMatchObject({ from: 'Länssamverkansgruppen', status: 'unconfirmed', item: { number: 5 } });
    expect(list.every((a) => a.status === 'unconfirmed')).toBe(true);
  });

  it('a secretary of the giving body confirms one, and it is followed up from then on', async () => {
    const [first] = (await new Client(app).get('/api/assignments?status=unconfirmed')).body as Json[];
    expect((await new Client(app).post(`/api/assignments/${first.id}/status`, { status: 'open' })).status).toBe(401);
    const res = await lsgSecretary.post(`/api/assignments/${first.id}/status`, { status: 'open' });
    expect(res.body).toEqual({ status: 'open' });
    const open = (await new Client(app).get('/api/assignments?status=open')).body as Json[];
    expect(open.map((a) => a.id)).toEqual([first.id]);
    expect((await lsgSecretary.post(`/api/assignments/${first.id}/status`, { status: 'unconfirmed' })).status).toBe(409);
    const done = await lsgSecretary.post(`/api/assignments/${first.id}/status`, { status: 'done' });
    expect(done.body.status).toBe('done');
  });
});
