import { sql } from 'kysely';
import type { Db } from '../db.js';

export interface SessionRecord {
  accountId: number;
  csrfToken: string;
  authenticatedAt: Date;
}

export async function insertSession(
  db: Db,
  s: { id: string; accountId: number; csrfToken: string; method: 'password' | 'oidc'; expiresAt: Date },
): Promise<void> {
  await db.insertInto('session').values({ id: s.id, account_id: s.accountId, csrf_token: s.csrfToken, method: s.method, expires_at: s.expiresAt }).execute();
}

/** A session that has neither expired nor been idle too long; using it keeps it alive. */
export async function useSession(db: Db, id: string, idleMinutes: number): Promise<SessionRecord | null> {
  const row = await db
    .updateTable('session')
    .set({ last_seen_at: sql`now()` })
    .where('id', '=', id)
    .where(sql<boolean>`expires_at > now()`)
    .where(sql<boolean>`last_seen_at > now() - make_interval(mins => ${idleMinutes})`)
    .returning(['account_id', 'csrf_token', 'authenticated_at'])
    .executeTakeFirst();
  return row ? { accountId: row.account_id, csrfToken: row.csrf_token, authenticatedAt: new Date(row.authenticated_at) } : null;
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
}

export async function deleteSessionsOf(db: Db, accountId: number): Promise<number> {
  const result = await db.deleteFrom('session').where('account_id', '=', accountId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db): Promise<void> {
  await db.deleteFrom('session').where(sql<boolean>`expires_at < now()`).execute();
  await db.deleteFrom('oidc_login').where(sql<boolean>`created_at < now() - interval '15 minutes'`).execute();
}

export async function saveOidcLogin(db: Db, l: { state: string; nonce: string; codeVerifier: string; linkAccountId: number | null; returnTo: string }): Promise<void> {
  await db.insertInto('oidc_login').values({ state: l.state, nonce: l.nonce, code_verifier: l.codeVerifier, link_account_id: l.linkAccountId, return_to: l.returnTo }).execute();
}

/** Takes (and removes) a pending OIDC sign-in: a state can be used once, within 15 minutes. */
export async function takeOidcLogin(db: Db, state: string) {
  const row = await db
    .deleteFrom('oidc_login')
    .where('state', '=', state)
    .where(sql<boolean>`created_at > now() - interval '15 minutes'`)
    .returning(['nonce', 'code_verifier', 'link_account_id', 'return_to'])
    .executeTakeFirst();
  return row ? { nonce: row.nonce, codeVerifier: row.code_verifier, linkAccountId: row.link_account_id, returnTo: row.return_to } : null;
}
