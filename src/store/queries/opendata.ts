import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db.js';

// What the open-data API (src/opendata, OParl) may show, read with no viewer at all: published
// meetings and their content, the dates of planned and cancelled ones, and the people a published
// protocol names.
// Drafts, internal notes and people who appear only in drafts are never selected here, whoever asks.

export interface TimeFilter {
  createdSince?: string | undefined; // ISO date-times
  createdUntil?: string | undefined;
  modifiedSince?: string | undefined;
  modifiedUntil?: string | undefined;
}
export interface PageRequest {
  offset: number;
  limit: number;
}
export interface IdPage<K = number> {
  total: number;
  ids: K[];
}

/** People named in a published protocol: present, absent, replaced, signing or presenting (as search's migration 0002 counts them). */
export const PUBLIC_PEOPLE = sql`
  select n.pid as id, max(m.updated_at) as last_named
  from (
    select a.meeting_id, a.person_id as pid from attendance a
    union all select a.meeting_id, a.replaces_person_id from attendance a
    union all select s.meeting_id, s.person_id from signature s
    union all select i.meeting_id, ip.person_id from item_presenter ip join agenda_item i on i.id = ip.item_id
  ) n
  join meeting m on m.id = n.meeting_id
  where m.status = 'published' and n.pid is not null
  group by n.pid`;

const sources = {
  meeting: (bodyId?: number) => sql`
    select m.id, m.created_at as created, m.updated_at as modified from meeting m
    where m.status in ('published', 'planned', 'cancelled')
      ${bodyId === undefined ? sql`` : sql`and exists (select 1 from meeting_body mb where mb.meeting_id = m.id and mb.body_id = ${bodyId})`}`,
  // A paper (ärende) is a published item with a decision that is not one of the standard procedural items.
  item: (papersOnly: boolean) => sql`
    select i.id, m.created_at as created, m.updated_at as modified
    from agenda_item i join meeting m on m.id = i.meeting_id
    where m.status = 'published'
      ${papersOnly ? sql`and i.standard is null and exists (select 1 from decision d where d.item_id = i.id)` : sql``}`,
  person: () => sql`
    select p.id, p.created_at as created, greatest(p.created_at, pub.last_named) as modified
    from person p join (${PUBLIC_PEOPLE}) pub on pub.id = p.id
    where p.pseudonymised_at is null`,
  // Memberships carry no timestamps: a time filter leaves them out rather than guess.
  membership: () => sql`
    select ms.id, null::timestamptz as created, null::timestamptz as modified
    from membership ms join (${sources.person()}) p on p.id = ms.person_id`,
};

function timeConditions(f: TimeFilter): RawBuilder<unknown> {
  const parts = [sql`true`];
  if (f.createdSince) parts.push(sql`s.created >= ${f.createdSince}::timestamptz`);
  if (f.createdUntil) parts.push(sql`s.created <= ${f.createdUntil}::timestamptz`);
  if (f.modifiedSince) parts.push(sql`s.modified >= ${f.modifiedSince}::timestamptz`);
  if (f.modifiedUntil) parts.push(sql`s.modified <= ${f.modifiedUntil}::timestamptz`);
  return sql.join(parts, sql` and `);
}

async function pageOfIds(db: Db, source: RawBuilder<unknown>, filter: TimeFilter, page: PageRequest): Promise<IdPage> {
  const where = timeConditions(filter);
  const count = await sql<{ n: number }>`select count(*)::int as n from (${source}) s where ${where}`.execute(db);
  const rows = await sql<{ id: number }>`select s.id from (${source}) s where ${where} order by s.id limit ${page.limit} offset ${page.offset}`.execute(db);
  return { total: count.rows[0]?.n ?? 0, ids: rows.rows.map((r) => r.id) };
}

export const openMeetingIds = (db: Db, f: TimeFilter, p: PageRequest, bodyId?: number) => pageOfIds(db, sources.meeting(bodyId), f, p);
export const openItemIds = (db: Db, f: TimeFilter, p: PageRequest, papersOnly = false) => pageOfIds(db, sources.item(papersOnly), f, p);
export const openPersonIds = (db: Db, f: TimeFilter, p: PageRequest) => pageOfIds(db, sources.person(), f, p);
export const openMembershipIds = (db: Db, f: TimeFilter, p: PageRequest) => pageOfIds(db, sources.membership(), f, p);

export type OpenFileKind = 'protocol' | 'notice' | 'source' | 'document';

/** Every file of the published record: each meeting's protocol and notice (rendered on request), imported originals, attached documents. */
const FILES = sql`
  select 'document' as kind, d.id, d.created_at as created, d.created_at as modified
  from document d join agenda_item i on i.id = d.item_id join meeting m on m.id = i.meeting_id where m.status = 'published'
  union all select 'protocol', m.id, m.created_at, m.updated_at from meeting m where m.status = 'published'
  union all select 'notice', m.id, m.created_at, m.updated_at from meeting m where m.status = 'published'
  union all select 'source', m.id, f.created_at, f.created_at from meeting m join source_file f on f.id = m.source_file_id where m.status = 'published'`;

export async function openFileIds(db: Db, f: TimeFilter, page: PageRequest): Promise<IdPage<{ kind: OpenFileKind; id: number }>> {
  const where = timeConditions(f);
  const count = await sql<{ n: number }>`select count(*)::int as n from (${FILES}) s where ${where}`.execute(db);
  const rows = await sql<{ kind: OpenFileKind; id: number }>`
    select s.kind, s.id from (${FILES}) s where ${where} order by s.kind, s.id limit ${page.limit} offset ${page.offset}`.execute(db);
  return { total: count.rows[0]?.n ?? 0, ids: rows.rows };
}

/** When the published record began and last changed, for the Body object. */
export async function openDataStamps(db: Db): Promise<{ created: Date | null; modified: Date | null }> {
  const row = await sql<{ created: Date | null; modified: Date | null }>`
    select (select min(created_at) from body) as created,
           greatest((select max(created_at) from body), (select max(updated_at) from meeting where status in ('published', 'planned', 'cancelled'))) as modified`.execute(db);
  return row.rows[0] ?? { created: null, modified: null };
}

export async function bodyCreatedAt(db: Db): Promise<Map<number, Date>> {
  const rows = await db.selectFrom('body').select(['id', 'created_at']).execute();
  return new Map(rows.map((r) => [r.id, new Date(r.created_at)]));
}
