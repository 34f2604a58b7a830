import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ANONYMOUS } from '../../domain/access.js';
import { SESSION_COOKIE, sessionId } from '../../auth/sessions.js';
import { useSession } from '../../store/queries/sessions.js';
import { viewerForAccount } from '../../store/queries/accounts.js';
import { ApiError } from '../errors.js';
import type { AppEnv } from '../route.js';

/** Whether the browser reached us over TLS (directly, or through a proxy we trust). */
export function overTls(c: Context<AppEnv>): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return c.var.deps.config.trustProxy && c.req.header('x-forwarded-proto') === 'https';
}

export function requestOrigin(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  if (overTls(c)) url.protocol = 'https:';
  return url.origin;
}

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: overTls(c), path: '/', expires: expiresAt });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: overTls(c) });
}

/** Who is asking: the account of a live session cookie, or the anonymous reader. */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('viewer', ANONYMOUS);
  c.set('session', null);
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const { store, config } = c.var.deps;
    const id = sessionId(token);
    const session = await useSession(store.db, id, config.session.idleMinutes);
    const viewer = session ? await viewerForAccount(store.db, session.accountId) : null;
    if (session && viewer) {
      c.set('viewer', viewer);
      c.set('session', { id, csrfToken: session.csrfToken, authenticatedAt: session.authenticatedAt });
    } else {
      clearSessionCookie(c);
    }
  }
  await next();
};

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery: a state-changing request must come from our own pages (Origin and
 * Sec-Fetch-Site, when the browser sends them) and, when it rides on a session, carry that
 * session's token in X-CSRF-Token, which another site cannot read.
 */
export const csrfMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!SAFE.has(c.req.method)) {
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const crossSite = (origin !== undefined && origin !== requestOrigin(c)) || site === 'cross-site' || site === 'same-site';
    const session = c.var.session;
    if (crossSite || (session && c.req.header('x-csrf-token') !== session.csrfToken)) {
      throw new ApiError(403, 'csrf', 'Begäran kom inte från Samverkas egna sidor och avvisades.');
    }
  }
  await next();
};
