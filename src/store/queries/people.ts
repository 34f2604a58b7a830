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

/**
 * resolvePerson for many names at once (one protocol's attendance, presenters and signatures):
 * one query to find, one to create what is missing. Returns name → person id.
 */
export async function resolvePeople(db: Executor, entries: { name: string; facts?: PersonFacts }[]): Promise<Map<string, number>> {
  const byKey = new Map<string, { name: string; facts: PersonFacts }>();
  for (const e of entries) {
    const key = matchKey(e.name);
    if (!key) continue;
    const known = byKey.get(key);
    // The first mention names the person; later ones may add facts it lacked.
    byKey.set(key, known ? { name: known.name, facts: { party: known.facts.party ?? e.facts?.party, organization: known.facts.organization ?? e.facts?.organization, title: known.facts.title ?? e.facts?.title } } : { name: e.name, facts: e.facts ?? {} });
  }
  const keys = [...byKey.keys()];
  const result = new Map<string, number>();
  if (keys.length === 0) return result;
  const existing = await db.selectFrom('person').select(['id', 'match_key', 'party', 'organization', 'title']).where('match_key', 'in', keys).orderBy('id').execute();
  const idByKey = new Map<string, number>();
  for (const p of existing) {
    if (idByKey.has(p.match_key)) continue;
    idByKey.set(p.match_key, p.id);
    const facts = byKey.get(p.match_key)!.facts;
    const fill = {
      ...(p.party === null && facts.party ? { party: facts.party } : {}),
      ...(p.organization === null && facts.organization ? { organization: facts.organization } : {}),
      ...(p.title === null && facts.title ? { title: facts.title } : {}),
    };
    if (Object.keys(fill).length > 0) await db.updateTable('person').set(fill).where('id', '=', p.id).execute();
  }
  const missing = keys.filter((k) => !idByKey.has(k));
  if (missing.length > 0) {
    const created = await db
      .insertInto('person')
      .values(missing.map((k) => {
        const { name, facts } = byKey.get(k)!;
        return { name, sort_key: swedishSortKey(name), match_key: k, email: null, title: facts.title ?? null, party: facts.party ?? null, organization: facts.organization ?? null, huvudman_id: null };
      }))
      .returning(['id', 'match_key'])
      .execute();
    for (const c of created) idByKey.set(c.match_key, c.id);
  }
  for (const e of entries) {
    const id = idByKey.get(matchKey(e.name));
    if (id !== undefined) result.set(e.name, id);
  }
  return result;
}
