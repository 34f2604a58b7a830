import net, { type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Provider from 'oidc-provider';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, signedIn } from '../helpers/client.js';
import { Oidc } from '../../src/auth/oidc.js';
import type { Store } from '../../src/store/db.js';

// Sign-in through a real OpenID Connect provider (oidc-provider with its development login pages),
// started by the test on loopback.

const REDIRECT = 'http://localhost:3999/api/auth/oidc/callback';
let server: Server;
let issuer: string;
let store: Store;
let app: ReturnType<typeof testApp>;

beforeAll(async () => {
  // The issuer names its port, so a free port is found first.
  const probe = net.createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((r) => probe.close(() => r()));
  issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: 'samverka', client_secret: 'hemligt', redirect_uris: [REDIRECT], grant_types: ['authorization_code'], response_types: ['code'] }],
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, email: `${sub}@region.example`, email_verified: true, name: sub }) }),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['test-cookie-key'] },
    features: { devInteractions: { enabled: true } },
  });
  server = await new Promise<Server>((resolve) => {
    const s = provider.listen(port, '127.0.0.1', () => resolve(s));
  });
  store = await openTestStore();
  const oidc = new Oidc({ issuer, clientId: 'samverka', clientSecret: 'hemligt', redirectUri: REDIRECT, name: 'Region Test', allowInsecure: true });
  app = testApp(store, { oidc });
});
afterAll(async () => {
  server?.close();
  await store?.close();
});

/** Plays the user at the identity provider: signs in as `login` and consents; returns the callback URL. */
async function atProvider(authorizeUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizeUrl;
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(REDIRECT)) return new URL(url);
    const res = await fetch(url, {
      method,
      redirect: 'manual',
      body,
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      jar.set(k!, v.join('='));
    }
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get('location')!, url).href;
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form at ${url}: ${html.slice(0, 300)}`);
    url = new URL(action, url).href;
    method = 'POST';
    body = html.includes('name="login"') ? new URLSearchParams({ prompt: 'login', login, password: 'x' }).toString() : 'prompt=consent';
  }
  throw new Error('too many redirects at the provider');
}

async function oidcSignIn(client: Client, login: string, query = '') {
  const start = await client.get(`/api/auth/oidc/start${query}`);
  expect(start.status).toBe(302);
  const callback = await atProvider(start.headers.get('location')!, login);
  return client.get(`/api/auth/oidc/callback${callback.search}`);
}

describe('signing in through the organisation’s identity provider', () => {
  it('offers it when configured', async () => {
    expect((await new Client(app).get('/api/auth/me')).body.oidc).toEqual({ name: 'Region Test' });
  });

  it('does not let an identity no account is linked to in', async () => {
    const anon = new Client(app);
    const res = await oidcSignIn(anon, 'okand');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/logga-in?fel=oidc-okant');
    expect((await anon.get('/api/auth/me')).body.account).toBeNull();
  });

  it('links an identity to a signed-in local account, which can then sign in through it', async () => {
    const local = await signedIn(store, app, { email: 'karin@example.se' });
    const linked = await oidcSignIn(local, 'karin', '?link=1&returnTo=/konto');
    expect(linked.headers.get('location')).toBe('/konto');

    const browser = new Client(app);
    const res = await oidcSignIn(browser, 'karin');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    expect((await browser.get('/api/auth/me')).body.account.email).toBe('karin@example.se');
  });

  it('refuses a callback whose state it did not issue', async () => {
    const res = await new Client(app).get('/api/auth/oidc/callback?state=forged&code=abc');
    expect(res.headers.get('location')).toBe('/logga-in?fel=oidc');
  });
});
