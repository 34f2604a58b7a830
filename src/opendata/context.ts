import type { Body, Huvudman } from '../domain/model.js';
import { ANONYMOUS } from '../domain/access.js';
import type { Db } from '../store/db.js';
import { listBodies } from '../store/queries/bodies.js';
import { listHuvudman } from '../store/queries/huvudman.js';
import { bodyCreatedAt } from '../store/queries/opendata.js';
import { oparlUrls, type OParlUrls } from './urls.js';

/** What the mappings need besides the record itself: URLs, the organs (for names on a date) and the huvudmän. */
export interface MapContext {
  u: OParlUrls;
  organs: Map<number, Body & { created: Date | null }>;
  huvudman: Huvudman[];
}

/** Loaded once per request: the reference data is small (tens of rows). */
export async function loadContext(db: Db, origin: string): Promise<MapContext> {
  // ANONYMOUS: the organ list itself is public; the viewer only matters for the per-year counts, unused here.
  const [organs, created, huvudman] = await Promise.all([listBodies(db, ANONYMOUS), bodyCreatedAt(db), listHuvudman(db)]);
  return {
    u: oparlUrls(origin),
    organs: new Map(organs.map((b) => [b.id, { ...b, created: created.get(b.id) ?? null }])),
    huvudman,
  };
}
