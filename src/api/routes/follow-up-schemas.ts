import { z } from '@hono/zod-openapi';
import { ApiError, notFound } from '../errors.js';
import type { Db } from '../../store/db.js';
import { bodyExists } from '../../store/queries/memberships.js';
import { DbId } from '../schemas.js';
import { FieldError } from '../../domain/recommendations.js';
import { isIsoDate } from '../../domain/dates.js';

// What the follow-up routes (follow-up.ts, follow-up-funds.ts) share at the API boundary.

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'datum skrivs ÅÅÅÅ-MM-DD').refine(isIsoDate, 'det datumet finns inte');
export const Text = (max: number) => z.string().trim().max(max, `högst ${max} tecken`);
/**
 * body: the deciding body; year: of the decision (of the cost, for splits); item: the agenda item
 * whose decision made it; meeting: made by a decision in this meeting (the protocol page).
 */
export const Filter = z.object({ body: DbId.optional(), year: z.coerce.number().int().min(1900).max(2200).optional(), item: DbId.optional(), meeting: DbId.optional() });
/** A record (recommendation, split, call) of the body in `id`: edit-body checks the body, the store that the record is its. */
export const BodyRecordParams = z.object({
  id: DbId.openapi({ param: { name: 'id', in: 'path' } }),
  recordId: DbId.openapi({ param: { name: 'recordId', in: 'path' } }),
});

export const json = (description: string) => ({ description, content: { 'application/json': { schema: z.any() } } });
export const file = (description: string, type: string) => ({ description, content: { [type]: { schema: z.any() } } });

/** The store's refusals become 400 with the field named, as zod's do. */
export async function fields<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof FieldError) throw new ApiError(400, 'invalid_request', `Ogiltigt värde för ${e.field}: ${e.message}`);
    throw e;
  }
}

/** An administrator passes edit-body for any id: a body that does not exist is 404, not a broken row. */
export async function requireBody(db: Db, id: number): Promise<void> {
  if (!(await bodyExists(db, id))) throw notFound('Organet');
}
