import { sql } from 'kysely';
import type { Body, BodyKind, BodySummary } from '../../domain/model.js';
import { bodyKindFromName } from '../../domain/body-kind.js';
import { matchKey, slugify } from '../../domain/names.js';
import type { Db } from '../db.js';
import type { Viewer } from '../../domain/access.js';
import { visibleMeeting } from './visibility.js';

type Executor = Pick<Db, 'selectFrom' | 'insertInto'>;

async function loadNames(db: Executor, bodyIds: number[]) {
  if (bodyIds.length === 0) return [];
  return db
    .selectFrom('body_name')
    .select(['body_id', 'name', 'valid_from', 'valid_to', 'alias'])
    .where('body_id', 'in', bodyIds)
    .orderBy('body_id')
    .orderBy(sql`valid_from nulls first`)
    .orderBy('id')
    .execute();
}

function toBody(row: { id: number; slug: string; short_name: string | null; kind: string; parent_id: number | null }, names: Awaited<ReturnType<typeof loadNames>>): Body {
  const own = names.filter((n) => n.body_id === row.id && !n.alias);
  const current = own.find((n) => n.valid_to === null) ?? own[own.length - 1];
  return {
    id: row.id,
    slug: row.slug,
    name: current?.name ?? row.slug,
    shortName: row.short_name,
    kind: row.kind as BodyKind,
    parentId: row.parent_id,
    names: own.map((n) => ({ name: n.name, validFrom: n.valid_from, validTo: n.valid_to })),
  };
}

export async function listBodies(db: Db, viewer: Viewer, only?: { id?: number; slug?: string }): Promise<BodySummary[]> {
  let q = db.selectFrom('body').selectAll().orderBy('id');
  if (only?.id !== undefined) q = q.where('id', '=', only.id);
  if (only?.slug !== undefined) q = q.where('slug', '=', only.slug);
  const rows = await q.execute();
  const names = await loadNames(db, rows.map((r) => r.id));
  const years = await db
    .selectFrom('meeting_body as mb')
    .innerJoin('meeting as m', 'm.id', 'mb.meeting_id')
    .select(['mb.body_id', sql<number | null>`extract(year from m.meeting_date)::int`.as('year'), sql<number>`count(*)::int`.as('meetings')])
    .where(visibleMeeting(viewer, 'm.id', 'm.status'))
    .groupBy(['mb.body_id', sql`extract(year from m.meeting_date)`])
    .execute();
  return rows.map((row) => ({
    ...toBody(row, names),
    years: years
      .filter((y) => y.body_id === row.id)
      .map((y) => ({ year: y.year, meetings: y.meetings }))
      .sort((a, b) => (b.year ?? -1) - (a.year ?? -1)),
  }));
}

export async function getBody(db: Db, idOrSlug: number | string): Promise<Body | null> {
  const row = await db
    .selectFrom('body')
    .selectAll()
    .where(typeof idOrSlug === 'number' ? 'id' : 'slug', '=', idOrSlug)
    .executeTakeFirst();
  if (!row) return null;
  return toBody(row, await loadNames(db, [row.id]));
}

/**
 * The body a name in a protocol refers to: any of its names or aliases, past or present,
 * written with or without accents. "Länssamverkansgruppens" (genitive) resolves too.
 */
export async function findBodyByName(db: Executor, name: string): Promise<number | null> {
  const row = await db.selectFrom('body_name').select('body_id').where('match_key', 'in', bodyNameKeys(name)).orderBy('alias').executeTakeFirst();
  return row?.body_id ?? null;
}

/** The match keys findBodyByName looks a name up by: as written, and without a genitive s. */
export function bodyNameKeys(name: string): string[] {
  const key = matchKey(name);
  return [key, key.endsWith('s') ? key.slice(0, -1) : null].filter((k): k is string => !!k);
}

/** findBodyByName for several names in one query (an imported protocol's receivers and next meetings). */
export async function findBodiesByNames(db: Executor, names: string[]): Promise<Map<string, number | null>> {
  const unique = [...new Set(names)];
  const keys = [...new Set(unique.flatMap(bodyNameKeys))];
  const rows = keys.length === 0 ? [] : await db.selectFrom('body_name').select(['body_id', 'match_key']).where('match_key', 'in', keys).orderBy('alias').orderBy('id').execute();
  return new Map(unique.map((name) => {
    const own = bodyNameKeys(name);
    return [name, rows.find((r) => own.includes(r.match_key))?.body_id ?? null];
  }));
}

/** A body named in an imported protocol that is not known yet. */
export async function createBodyFromName(db: Executor, name: string): Promise<number> {
  const base = slugify(name);
  let slug = base;
  for (let i = 2; await db.selectFrom('body').select('id').where('slug', '=', slug).executeTakeFirst(); i++) slug = `${base}-${i}`;
  const { id } = await db
    .insertInto('body')
    .values({ slug, short_name: null, kind: bodyKindFromName(name), parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('body_name').values({ body_id: id, name, match_key: matchKey(name), valid_from: null, valid_to: null }).execute();
  return id;
}

/** What the body was called on a date (a protocol from 2022 shows the name it had then). */
export function nameOnDate(body: Body, date: string | null): string {
  if (!date) return body.name;
  const match = body.names.find((n) => (!n.validFrom || n.validFrom <= date) && (!n.validTo || date <= n.validTo));
  return match?.name ?? body.name;
}
