import type { OpenAPIHono } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { SYSTEM } from '../../src/domain/access.js';
import { hashPassword } from '../../src/auth/passwords.js';
import { SESSION_COOKIE, startSession } from '../../src/auth/sessions.js';
import { createAccount } from '../../src/store/queries/accounts.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { createMembership } from '../../src/store/queries/memberships.js';
import { resolvePerson } from '../../src/store/queries/people.js';
import type { MembershipRole } from '../../src/domain/model.js';
import type { Store } from '../../src/store/db.js';
import { Client, PASSWORD, type Json } from './client.js';

// The people of a justering and the meeting they justify, through the API as the secretary writes
// it: named persons with memberships and accounts, signed in with a password or holding a session
// from the identity provider (OIDC-only accounts); LSG's usual three signatories; a meeting with
// its attendance, "Val av justerare" and its items; the protocol sent on justering and signed.

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

/**
 * Länssamverkansgruppen and the three who sign its protocols, each with an account and signed in:
 * Sara Sekreterare, its secretary; Jonas Justerare, a member (chosen as justerare); Carin
 * Ordförande, its chair.
 */
export async function lsgSignatories(store: Store, app: App): Promise<{ lsg: number; sara: Someone; jonas: Someone; carin: Someone }> {
  const lsg = (await listBodies(store.db, SYSTEM)).find((b) => b.slug === 'lsg')!.id;
  const sara = await withAccount(store, app, 'Sara Sekreterare', [{ bodyId: lsg, role: 'sekreterare' }]);
  const jonas = await withAccount(store, app, 'Jonas Justerare', [{ bodyId: lsg, role: 'ledamot' }]);
  const carin = await withAccount(store, app, 'Carin Ordförande', [{ bodyId: lsg, role: 'ordförande' }]);
  return { lsg, sara, jonas, carin };
}

/** Sara in the attendance: she keeps the minutes. */
export const SECRETARY_PRESENT = { list: 'official', name: 'Sara Sekreterare', note: 'sekreterare' };
export const present = (name: string, extra: Json = {}) => ({ list: 'present', name, ...extra });

/** What the minutes editor sends back for an item: the item as it stands, with `change`. */
export const itemInput = (item: Json, change: Json = {}) => ({
  version: item.version, title: item.title, kind: item.kind, written: item.written, text: item.text, proposal: item.proposal, notes: item.notes,
  referToBodyId: item.referToBodyId, presenters: item.presenters, decisions: item.decisions, assignments: item.assignments, ...change,
});

export const editorItems = async (client: Client, meetingId: number) => (await client.get(`/api/meetings/${meetingId}/editor`)).body.items as Json[];

/** The secretary creates a meeting of the body and writes who was there; its id. */
export async function openMeeting(secretary: Client, bodyId: number, meeting: { date: string; startTime?: string; place?: string }, participants: Json[]): Promise<number> {
  const { meetingId } = (await secretary.post(`/api/bodies/${bodyId}/meetings`, meeting)).body;
  await secretary.request('PUT', `/api/meetings/${meetingId}/attendance`, { participants });
  return meetingId;
}

/** A new item on the meeting's agenda; its id. */
export async function addItem(secretary: Client, meetingId: number, title: string, kind = 'decision'): Promise<number> {
  return (await secretary.post(`/api/meetings/${meetingId}/items`, { title, kind })).body.id;
}

/** Writes the item's current version with `change`; the item as the editor then has it. */
export async function writeItem(secretary: Client, meetingId: number, itemId: number, change: Json): Promise<Json> {
  const current = (await editorItems(secretary, meetingId)).find((i) => i.id === itemId)!;
  const res = await secretary.request('PUT', `/api/meetings/${meetingId}/items/${itemId}`, itemInput(current, change));
  expect(res.status).toBe(200);
  return (await editorItems(secretary, meetingId)).find((i) => i.id === itemId)!;
}

/** Writes the decision of the standard item "Val av justerare": `name` justifies the protocol with the chair. */
export async function chooseJusterare(secretary: Client, meetingId: number, name: string): Promise<void> {
  const justerare = (await editorItems(secretary, meetingId)).find((i) => i.standard === 'justerare')!;
  await writeItem(secretary, meetingId, justerare.id, { decisions: [{ text: `Till att jämte ordföranden justera protokollet utsågs ${name}.`, clauses: [] }] });
}

/** The secretary sends the whole protocol on justering to the proposed signatories, and each of `signers` signs with the password. */
export async function sendAndSign(secretary: Client, meetingId: number, signers: Someone[]): Promise<void> {
  expect((await secretary.post(`/api/meetings/${meetingId}/justering`, {})).status).toBe(201);
  for (const who of signers) expect((await who.client.post(`/api/meetings/${meetingId}/justering/sign`, { password: PASSWORD })).status).toBe(200);
}
