import type { OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { SYSTEM } from '../../src/domain/access.js';
import { hashPassword } from '../../src/auth/passwords.js';
import { SESSION_COOKIE, startSession } from '../../src/auth/sessions.js';
import { createAccount } from '../../src/store/queries/accounts.js';
import { createMembership } from '../../src/store/queries/memberships.js';
import { resolvePerson } from '../../src/store/queries/people.js';
import type { MembershipRole } from '../../src/domain/model.js';
import type { Store } from '../../src/store/db.js';
import { Client, PASSWORD } from '../helpers/client.js';

// The people of a justering: named persons with memberships and accounts, signed in through the
// API (password) or holding a session from the identity provider (OIDC-only accounts).

export interface Someone {
  name: string;
  email: string;
  personId: number;
  accountId: number;
  client: Client;
}

type App = Pick<OpenAPIHono, 'request'>;

export async function person(store: Store, name: string, memberships: { bodyId: number; role: MembershipRole }[] = []): Promise<number> {
  const personId = await resolvePerson(store.db, name);
  for (const m of memberships) {
    await createMembership(store.db, SYSTEM, { personId, bodyId: m.bodyId, role: m.role, party: null, organization: null, validFrom: null, validTo: null });
  }
  return personId;
}

/** A person with an account and a password, signed in. */
export async function withAccount(store: Store, app: App, name: string, memberships: { bodyId: number; role: MembershipRole }[] = []): Promise<Someone> {
  const personId = await person(store, name, memberships);
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@region.example`;
  const account = await createAccount(store.db, SYSTEM, { email, name, passwordHash: await hashPassword(PASSWORD), admin: false, personId });
  const client = new Client(app);
  const res = await client.login(email, PASSWORD);
  if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.body)}`);
  return { name, email, personId, accountId: account.id, client };
}

/** A person whose account has no password: they sign in only through the identity provider. */
export async function withOidcAccount(store: Store, app: App, name: string, memberships: { bodyId: number; role: MembershipRole }[] = []): Promise<Someone> {
  const personId = await person(store, name, memberships);
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@region.example`;
  const account = await createAccount(store.db, SYSTEM, { email, name, passwordHash: null, admin: false, personId });
  const session = await startSession(store.db, { idleMinutes: 120, maxHours: 12 }, account.id, 'oidc');
  const client = new Client(app);
  client.cookie = `${SESSION_COOKIE}=${session.token}`;
  client.csrf = session.csrfToken;
  return { name, email, personId, accountId: account.id, client };
}

/** Makes the account's sign-in older, as if they signed in that many minutes ago. */
export async function ageSignIn(store: Store, accountId: number, minutes: number): Promise<void> {
  await store.db.updateTable('session').set({ authenticated_at: sql`now() - make_interval(mins => ${minutes})` }).where('account_id', '=', accountId).execute();
}
