import type { Context, MiddlewareHandler } from 'hono';
import { canEditBody, isAdmin } from '../../domain/access.js';
import { meetingBodyIds } from '../../store/queries/meetings.js';
import { assignmentBodyIds } from '../../store/queries/assignments.js';
import { recommendationBodyIds } from '../../store/queries/recommendations.js';
import { ApiError } from '../errors.js';
import { MAX_ID } from '../schemas.js';
import type { AppEnv, Permission } from '../route.js';

export const unauthenticated = () => new ApiError(401, 'unauthenticated', 'Du behöver logga in.');
export const forbidden = () => new ApiError(403, 'forbidden', 'Du har inte behörighet till detta.');

/** The one place that decides whether a request may reach its route. */
export function requirePermission(permission: Permission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!(await allowed(c, permission))) throw c.var.viewer.kind === 'anonymous' ? unauthenticated() : forbidden();
    await next();
  };
}

async function allowed(c: Context<AppEnv>, permission: Permission): Promise<boolean> {
  const viewer = c.var.viewer;
  switch (permission) {
    case 'public':
      return true;
    case 'signed-in':
      return viewer.kind === 'account';
    case 'admin':
      return viewer.kind === 'account' && isAdmin(viewer);
    case 'importer':
      return viewer.kind === 'account' && (isAdmin(viewer) || Object.values(viewer.bodies).includes('secretary'));
    case 'edit-body':
    case 'edit-assignment':
    case 'edit-recommendation':
    case 'edit-meeting': {
      if (viewer.kind !== 'account') return false;
      const id = Number(c.req.param('id'));
      if (!Number.isInteger(id) || id <= 0 || id > MAX_ID) return isAdmin(viewer); // the route's own validation answers 400
      const db = c.var.deps.store.db;
      const bodyIds =
        permission === 'edit-body' ? [id]
        : permission === 'edit-assignment' ? await assignmentBodyIds(db, id)
        : permission === 'edit-recommendation' ? await recommendationBodyIds(db, id)
        : await meetingBodyIds(db, id);
      // An unknown meeting: only those who could edit anything learn that it does not exist.
      if (bodyIds.length === 0) return isAdmin(viewer);
      return bodyIds.some((b) => canEditBody(viewer, b));
    }
  }
}
