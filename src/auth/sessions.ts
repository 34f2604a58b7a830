import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../store/db.js';
import { insertSession } from '../store/queries/sessions.js';

export const SESSION_COOKIE = 'samverka_session';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are stored under the hash of their token. */
export function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function startSession(db: Db, policy: SessionPolicy, accountId: number, method: 'password' | 'oidc'): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + policy.maxHours * 3600_000);
  await insertSession(db, { id: sessionId(token), accountId, csrfToken, method, expiresAt });
  return { token, csrfToken, expiresAt };
}
