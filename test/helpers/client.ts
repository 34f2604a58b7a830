import type { OpenAPIHono } from '@hono/zod-openapi';
import { SYSTEM } from '../../src/domain/access.js';
import { hashPassword } from '../../src/auth/passwords.js';
import { createAccount } from '../../src/store/queries/accounts.js';
import { createMembership } from '../../src/store/queries/memberships.js';
import { resolvePerson } from '../../src/store/queries/people.js';
import type { MembershipRole } from '../../src/domain/model.js';
import type { Store } from '../../src/store/db.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by value
export type Json = any;

/** A browser-like client of the in-process app: keeps the session cookie and sends the CSRF token. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(private readonly app: Pick<OpenAPIHono, 'request'>) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] ??= this.csrf;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await this.app.request(path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const set = res.headers.get('set-cookie');
    if (set) {
      const [pair] = set.split(';');
      this.cookie = pair && !/=;?$/.test(pair) && !/Max-Age=0/i.test(set) ? pair : null;
    }
    const type = res.headers.get('content-type') ?? '';
    const data: Json = type.includes('json') ? await res.json() : await res.text();
    return { status: res.status, body: data, headers: res.headers };
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', path, body ?? {}, headers);
  }

  /** A multipart upload of one file in the field "file". */
  async upload(path: string, filename: string, bytes: Uint8Array) {
    const form = new FormData();
    form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), filename);
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf) headers['x-csrf-token'] = this.csrf;
    const res = await this.app.request(path, { method: 'POST', headers, body: form });
    const data: Json = (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : await res.text();
    return { status: res.status, body: data };
  }

  async login(email: string, password: string) {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.status === 200) this.csrf = res.body.csrfToken;
    return res;
  }
}

export const PASSWORD = 'ett långt lösenord 123';

/** An account, optionally linked to a person with memberships, signed in through the API. */
export async function signedIn(
  store: Store,
  app: Pick<OpenAPIHono, 'request'>,
  who: { email: string; admin?: boolean; memberships?: { bodyId: number; role: MembershipRole }[] },
): Promise<Client> {
  const personId = who.memberships?.length ? await resolvePerson(store.db, `Person ${who.email}`) : null;
  for (const m of who.memberships ?? []) {
    await createMembership(store.db, SYSTEM, { personId: personId!, bodyId: m.bodyId, role: m.role, party: null, organization: null, validFrom: null, validTo: null });
  }
  await createAccount(store.db, SYSTEM, { email: who.email, name: who.email, passwordHash: await hashPassword(PASSWORD), admin: who.admin ?? false, personId });
  const client = new Client(app);
  const res = await client.login(who.email, PASSWORD);
  if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.body)}`);
  return client;
}
