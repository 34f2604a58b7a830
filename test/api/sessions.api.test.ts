import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, PASSWORD, signedIn } from '../helpers/client.js';
import type { Store } from '../../src/store/db.js';

let store: Store;
let app: ReturnType<typeof testApp>;

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store);
});
afterAll(async () => {
  await store?.close();
});

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and says who is signed in', async () => {
    const client = await signedIn(store, app, { email: 'anna@example.se' });
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ANNA@example.se', password: PASSWORD }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^samverka_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http here; over TLS it is Secure (next test)
    const me = await client.get('/api/auth/me');
    expect(me.body.account.email).toBe('anna@example.se');
    expect(me.body.csrfToken).toBe(client.csrf);
  });

  it('marks the cookie Secure and sends HSTS when served over TLS', async () => {
    await signedIn(store, app, { email: 'tls@example.se' });
    const res = await app.request('https://samverka.example/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'tls@example.se', password: PASSWORD }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    await signedIn(store, app, { email: 'bertil@example.se' });
    const wrong = await new Client(app).login('bertil@example.se', 'fel lösenord här');
    const unknown = await new Client(app).login('ingen@example.se', 'fel lösenord här');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('limits sign-in attempts', async () => {
    const limited = testApp(store, { config: { rateLimits: true } });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await new Client(limited).login('x@example.se', 'fel lösenord')).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('has no default account: an empty site says an administrator must be created', async () => {
    const fresh = await openTestStore();
    try {
      const me = await new Client(testApp(fresh)).get('/api/auth/me');
      expect(me.body).toMatchObject({ account: null, setupNeeded: true });
    } finally {
      await fresh.close();
    }
  });
});

describe('cross-site request forgery', () => {
  it('refuses a cross-site POST even with a valid session cookie', async () => {
    const client = await signedIn(store, app, { email: 'csrf@example.se' });
    const forged = await client.post('/api/auth/logout-everywhere', {}, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('csrf');
    expect((await client.get('/api/auth/me')).body.account).not.toBeNull();
  });

  it('refuses a state-changing request without the session’s CSRF token', async () => {
    const client = await signedIn(store, app, { email: 'token@example.se' });
    const noToken = await client.post('/api/auth/logout', {}, { 'x-csrf-token': 'not-the-token' });
    expect(noToken.status).toBe(403);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
  });
});

describe('sessions end', () => {
  it('a stolen session cookie is useless after sign-out', async () => {
    const owner = await signedIn(store, app, { email: 'owner@example.se' });
    const thief = new Client(app);
    thief.cookie = owner.cookie;
    thief.csrf = owner.csrf;
    expect((await thief.get('/api/auth/me')).body.account.email).toBe('owner@example.se');
    expect((await owner.post('/api/auth/logout')).status).toBe(204);
    expect((await thief.get('/api/auth/me')).body.account).toBeNull();
    expect((await thief.post('/api/auth/logout-everywhere')).status).toBe(401);
  });

  it('signing out everywhere ends the sessions in every browser', async () => {
    const first = await signedIn(store, app, { email: 'many@example.se' });
    const second = new Client(app);
    await second.login('many@example.se', PASSWORD);
    expect((await second.post('/api/auth/logout-everywhere')).body.ended).toBe(2);
    expect((await first.get('/api/auth/me')).body.account).toBeNull();
  });

  it('a session idle for too long has expired', async () => {
    const client = await signedIn(store, app, { email: 'idle@example.se' });
    await sql`update session set last_seen_at = now() - interval '1 day'`.execute(store.db);
    expect((await client.get('/api/auth/me')).body.account).toBeNull();
  });

  it('disabling an account ends its sessions at once', async () => {
    const admin = await signedIn(store, app, { email: 'chef@example.se', admin: true });
    const user = await signedIn(store, app, { email: 'gone@example.se' });
    const accounts = (await admin.get('/api/admin/accounts')).body as { id: number; email: string }[];
    const id = accounts.find((a) => a.email === 'gone@example.se')!.id;
    expect((await admin.request('PATCH', `/api/admin/accounts/${id}`, { disabled: true })).status).toBe(200);
    expect((await user.get('/api/auth/me')).body.account).toBeNull();
    expect((await new Client(app).login('gone@example.se', PASSWORD)).status).toBe(401);
  });
});

describe('the audit log', () => {
  it('records changes with who, when, before and after, and cannot be changed', async () => {
    const admin = await signedIn(store, app, { email: 'revisor@example.se', admin: true });
    await admin.post('/api/admin/accounts', { email: 'ny@example.se', name: 'Ny Person', password: 'ett tillräckligt långt lösenord' });
    const log = (await admin.get('/api/admin/audit?entity=account')).body as { action: string; actor: string; after: { email: string } }[];
    const created = log.find((e) => e.action === 'account.create' && e.after.email === 'ny@example.se');
    expect(created?.actor).toBe('revisor@example.se');
    await expect(sql`update audit_log set actor = 'någon annan'`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
  });
});
