import { z } from '@hono/zod-openapi';
import { defineRoute, type ApiApp } from '../route.js';
import { ErrorSchema, errorResponses } from '../schemas.js';
import { ApiError } from '../errors.js';
import { clearSessionCookie, setSessionCookie } from '../auth/session.js';
import { limit } from '../auth/rate-limits.js';
import { MIN_PASSWORD_LENGTH, checkPassword, hashPassword, passwordProblem } from '../../auth/passwords.js';
import { startSession } from '../../auth/sessions.js';
import { countAdmins, findAccountByIdentity, findCredentials, getAccount, linkIdentity, updateAccount, viewerForAccount } from '../../store/queries/accounts.js';
import { deleteSession, deleteSessionsOf, saveOidcLogin, takeOidcLogin } from '../../store/queries/sessions.js';
import { appendAudit } from '../../store/queries/audit.js';

const MeSchema = z
  .object({
    account: z.object({ id: z.number().int(), name: z.string(), email: z.string(), admin: z.boolean(), bodies: z.record(z.string(), z.enum(['secretary', 'member'])) }).nullable(),
    csrfToken: z.string().nullable(),
    setupNeeded: z.boolean().openapi({ description: 'No administrator exists yet: run `samverka admin create`' }),
    oidc: z.object({ name: z.string() }).nullable(),
  })
  .openapi('Me');

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

export function registerAuthRoutes(app: ApiApp): void {
  defineRoute(
    app,
    { method: 'get', path: '/api/auth/me', permission: 'public', summary: 'Who is signed in, and the CSRF token for their requests', responses: { 200: { description: 'The session', ...json(MeSchema) } } },
    async (c) => {
      const { viewer, session, deps } = c.var;
      const account = viewer.kind === 'account' ? await getAccount(deps.store.db, viewer.accountId) : null;
      return c.json(
        {
          account: account && viewer.kind === 'account' ? { id: account.id, name: account.name, email: account.email, admin: account.admin, bodies: viewer.bodies } : null,
          csrfToken: session?.csrfToken ?? null,
          setupNeeded: (await countAdmins(deps.store.db)) === 0,
          oidc: deps.oidc ? { name: deps.oidc.settings.name } : null,
        },
        200,
      );
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/auth/login',
      permission: 'public',
      summary: 'Sign in with e-mail and password',
      middleware: [limit('sign-in', 10)],
      request: { body: { required: true, content: { 'application/json': { schema: z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(1024) }) } } } },
      responses: { 200: { description: 'Signed in; the session cookie is set', ...json(z.object({ csrfToken: z.string() })) }, 401: { description: 'Wrong e-mail or password', ...json(ErrorSchema) }, ...errorResponses },
    },
    async (c) => {
      const { email, password } = c.req.valid('json');
      const { store, config } = c.var.deps;
      const credentials = await findCredentials(store.db, email);
      if (!(await checkPassword(credentials?.passwordHash ?? null, password)) || !credentials) {
        throw new ApiError(401, 'bad_credentials', 'Fel e-postadress eller lösenord.');
      }
      const session = await startSession(store.db, config.session, credentials.id, 'password');
      setSessionCookie(c, session.token, session.expiresAt);
      return c.json({ csrfToken: session.csrfToken }, 200);
    },
  );

  defineRoute(
    app,
    { method: 'post', path: '/api/auth/logout', permission: 'signed-in', summary: 'Sign out of this browser', responses: { 204: { description: 'Signed out' }, ...errorResponses } },
    async (c) => {
      if (c.var.session) await deleteSession(c.var.deps.store.db, c.var.session.id);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );

  defineRoute(
    app,
    { method: 'post', path: '/api/auth/logout-everywhere', permission: 'signed-in', summary: 'Sign out of every browser and device', responses: { 200: { description: 'Sessions ended', ...json(z.object({ ended: z.number().int() })) }, ...errorResponses } },
    async (c) => {
      const viewer = c.var.viewer;
      const ended = viewer.kind === 'account' ? await deleteSessionsOf(c.var.deps.store.db, viewer.accountId) : 0;
      clearSessionCookie(c);
      return c.json({ ended }, 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/auth/password',
      permission: 'signed-in',
      summary: 'Change your own password (ends your other sessions)',
      middleware: [limit('sign-in', 10)],
      request: { body: { required: true, content: { 'application/json': { schema: z.object({ current: z.string().max(1024), password: z.string().max(1024) }) } } } },
      responses: { 200: { description: 'Changed; a new session is started', ...json(z.object({ csrfToken: z.string() })) }, ...errorResponses },
    },
    async (c) => {
      const viewer = c.var.viewer;
      if (viewer.kind !== 'account') throw new ApiError(401, 'unauthenticated', 'Du behöver logga in.');
      const { current, password } = c.req.valid('json');
      const { store, config } = c.var.deps;
      const account = await getAccount(store.db, viewer.accountId);
      const credentials = account ? await findCredentials(store.db, account.email) : null;
      if (credentials?.passwordHash && !(await checkPassword(credentials.passwordHash, current))) {
        throw new ApiError(400, 'bad_credentials', 'Det nuvarande lösenordet stämmer inte.');
      }
      const problem = passwordProblem(password);
      if (problem) throw new ApiError(400, 'weak_password', `Lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken.`);
      await updateAccount(store.db, viewer, viewer.accountId, { passwordHash: await hashPassword(password) });
      const session = await startSession(store.db, config.session, viewer.accountId, 'password');
      setSessionCookie(c, session.token, session.expiresAt);
      return c.json({ csrfToken: session.csrfToken }, 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/auth/oidc/start',
      permission: 'public',
      summary: "Sign in through the organisation's identity provider (or, with link=1, link it to the signed-in account)",
      middleware: [limit('sign-in', 10)],
      request: { query: z.object({ link: z.enum(['1']).optional(), returnTo: z.string().max(500).regex(/^\/(?!\/)/).optional() }) },
      responses: { 302: { description: 'To the identity provider' }, ...errorResponses },
    },
    async (c) => {
      const { oidc, store } = c.var.deps;
      if (!oidc) throw new ApiError(404, 'not_configured', 'Inloggning via organisationens identitetstjänst är inte konfigurerad.');
      const { link, returnTo } = c.req.valid('query');
      const viewer = c.var.viewer;
      if (link && viewer.kind !== 'account') throw new ApiError(401, 'unauthenticated', 'Logga in först för att koppla ihop kontona.');
      const start = await oidc.authorizationUrl();
      await saveOidcLogin(store.db, {
        state: start.state,
        nonce: start.nonce,
        codeVerifier: start.codeVerifier,
        linkAccountId: link && viewer.kind === 'account' ? viewer.accountId : null,
        returnTo: returnTo ?? '/',
      });
      return c.redirect(start.url, 302);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/auth/oidc/callback',
      permission: 'public',
      summary: 'Where the identity provider returns the user',
      middleware: [limit('sign-in', 10)],
      request: { query: z.object({ state: z.string().max(200), code: z.string().max(2000).optional(), error: z.string().max(200).optional() }).loose() },
      responses: { 302: { description: 'Back into the app' }, ...errorResponses },
    },
    async (c) => {
      const { oidc, store, config, log } = c.var.deps;
      if (!oidc) throw new ApiError(404, 'not_configured', 'Inloggning via organisationens identitetstjänst är inte konfigurerad.');
      const { state } = c.req.valid('query');
      const pending = await takeOidcLogin(store.db, state);
      if (!pending) return c.redirect('/logga-in?fel=oidc', 302);
      let who;
      try {
        who = await oidc.complete(new URL(c.req.url.replace(/^[^?]*/, oidc.settings.redirectUri)), { ...pending, state });
      } catch (e) {
        log.warn({ err: e }, 'OIDC sign-in failed');
        return c.redirect('/logga-in?fel=oidc', 302);
      }
      let accountId: number | null;
      if (pending.linkAccountId !== null) {
        accountId = pending.linkAccountId;
        const linker = await viewerForAccount(store.db, accountId);
        if (!linker) return c.redirect('/logga-in?fel=oidc', 302);
        await linkIdentity(store.db, linker, accountId, who);
      } else {
        accountId = await findAccountByIdentity(store.db, who.issuer, who.subject);
        if (accountId === null) return c.redirect('/logga-in?fel=oidc-okant', 302);
      }
      const session = await startSession(store.db, config.session, accountId, 'oidc');
      await appendAudit(store.db, { kind: 'system' }, { action: 'account.sign-in-oidc', entity: 'account', entityId: accountId });
      setSessionCookie(c, session.token, session.expiresAt);
      return c.redirect(pending.returnTo, 302);
    },
  );
}

