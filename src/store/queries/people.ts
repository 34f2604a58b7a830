import { matchKey, swedishSortKey } from '../../domain/names.js';
import type { Db } from '../db.js';

type Executor = Pick<Db, 'selectFrom' | 'insertInto' | 'updateTable'>;

export interface PersonFacts {
  party?: string | null;
  organization?: string | null;
  title?: string | null;
}

/**
 * The person a name in a protocol refers to, created when no one has that name yet. Only an exact
 * match (case and accents aside) is taken; near matches ("Ewa"/"Eva") are for a person to confirm.
 */
export async function resolvePerson(db: Executor, name: string, facts: PersonFacts = {}): Promise<number> {
  const key = matchKey(name);
  const existing = await db.selectFrom('person').select(['id', 'party', 'organization', 'title']).where('match_key', '=', key).orderBy('id').executeTakeFirst();
  if (existing) {
    const fill = {
      ...(existing.party === null && facts.party ? { party: facts.party } : {}),
      ...(existing.organization === null && facts.organization ? { organization: facts.organization } : {}),
      ...(existing.title === null && facts.title ? { title: facts.title } : {}),
    };
    if (Object.keys(fill).length > 0) await db.updateTable('person').set(fill).where('id', '=', existing.id).execute();
    return existing.id;
  }
  const { id } = await db
    .insertInto('person')
    .values({
      name,
      sort_key: swedishSortKey(name),
      match_key: key,
      email: null,
      title: facts.title ?? null,
      party: facts.party ?? null,
      organization: facts.organization ?? null,
      huvudman_id: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function listPeople(db: Pick<Db, 'selectFrom'>, query?: string) {
  let q = db.selectFrom('person').select(['id', 'name', 'organization', 'party']).orderBy('sort_key').limit(200);
  if (query?.trim()) q = q.where('match_key', 'like', `%${matchKey(query).replace(/[%_\\]/g, '\\$&')}%`);
  return q.execute();
}
