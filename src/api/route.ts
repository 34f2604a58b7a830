import { createRoute, type OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log.js';
import type { Store } from '../store/db.js';
import type { Viewer } from '../domain/access.js';
import type { Config } from '../config.js';
import type { Oidc } from '../auth/oidc.js';
import type { Mailer } from '../mail/mailer.js';
import { requirePermission } from './auth/permissions.js';

// Every API route is declared through defineRoute with the permission it needs. The route table is
// what the permission-matrix test enumerates; a route registered any other way has no entry there
// and fails that test.

/**
 * - public: anyone, signed in or not (what they see is still filtered: drafts only for members)
 * - signed-in: any account
 * - admin: administratör
 * - edit-meeting: a secretary (sekreterare/koordinator) of one of the bodies of the meeting in path param `id`
 * - edit-body: a secretary of the body in path param `id`
 * - importer: an administrator or a secretary of some body (what they may store is checked per body)
 * - edit-assignment: a secretary of a body the assignment in path param `id` comes from or goes to
 * - edit-recommendation: a secretary of the body that made the recommendation in path param `id`
 */
export type Permission = 'public' | 'signed-in' | 'admin' | 'edit-meeting' | 'edit-body' | 'importer' | 'edit-assignment' | 'edit-recommendation';

export interface AppDeps {
  store: Store;
  log: Logger;
  config: Config;
  oidc?: Oidc | null;
  mailer?: Mailer | null;
}

export interface SessionInfo {
  id: string;
  csrfToken: string;
  authenticatedAt: Date;
}

export type AppEnv = { Variables: { deps: AppDeps; viewer: Viewer; session: SessionInfo | null } };
export type ApiApp = OpenAPIHono<AppEnv>;

export interface RouteEntry {
  method: string;
  path: string;
  permission: Permission;
}

export const routeTable: RouteEntry[] = [];

export function defineRoute<R extends RouteConfig>(app: ApiApp, config: R & { permission: Permission }, handler: RouteHandler<R, AppEnv>): void {
  const { permission, ...route } = config;
  if (!routeTable.some((r) => r.method === route.method && r.path === route.path)) {
    routeTable.push({ method: route.method, path: route.path, permission });
  }
  const guard = requirePermission(permission) as MiddlewareHandler;
  const existing = route.middleware ? (Array.isArray(route.middleware) ? route.middleware : [route.middleware]) : [];
  app.openapi(createRoute({ ...route, middleware: [guard, ...existing] } as unknown as R), handler);
}
