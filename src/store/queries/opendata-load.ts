import { sql, type RawBuilder } from 'kysely';
import type { DecisionOutcome } from '../../domain/model.js';
import { noVoting, type ItemVoting } from '../../domain/votes.js';
import type { Db } from '../db.js';
import { PUBLIC_PEOPLE } from './opendata.js';
import { itemVoting } from './votes.js';
import { immediateNotes } from './immediate-justering.js';
import type { ImmediateJusteringNote } from '../../domain/immediate-justering.js';

// The published records behind the open-data objects, loaded by id in a few queries per page.
// Every query repeats the publication condition itself: an id that reaches a loader from anywhere
// still yields nothing that is not published.

export interface OpenFileMeta {
  id: number;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  created: Date;
}

export interface OpenItem {
  id: number;
  meetingId: number;
  position: number;
  number: number | null;
  title: string;
  kind: 'decision' | 'information' | null;
  standard: string | null;
  text: string;
  meetingDate: string | null;
  diaryNumber: string | null;
  created: Date;
  modified: Date;
  bodyIds: number[]; // the meeting's bodies, the primary (the one that decides) first
  decisions: { text: string; clauses: string[]; outcome: DecisionOutcome | null }[];
  assignments: { to: string; task: string; dueDate: string | null; dueText: string | null; status: string }[];
  documents: OpenFileMeta[];
  voting: ItemVoting; // votes, reservations, protocol notes
  immediateJustering: ImmediateJusteringNote | null; // omedelbart justerad
  relatedItemIds: number[]; // published papers linked by referral, either way
  isPaper: boolean;
}

export interface OpenMeeting {
  id: number;
  title: string | null;
  date: string | null;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  status: 'published' | 'planned' | 'cancelled';
  created: Date;
  modified: Date;
  bodyIds: number[];
  participantIds: number[]; // present members and officials with a person record
  sourceFile: OpenFileMeta | null;
  items: OpenItem[]; // none for a planned or cancelled meeting
}

export interface OpenMembership {
  id: number;
  personId: number;
  bodyId: number;
  role: string;
  party: string | null;
  organization: string | null;
  huvudmanId: number | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface OpenPerson {
  id: number;
  name: string;
  created: Date;
  modified: Date;
  party: string | null; // as the latest published protocol gives them
  organization: string | null;
  memberships: OpenMembership[];
}

async function bodiesOf(db: Db, meetingIds: number[]): Promise<Map<number, number[]>> {
  const links = meetingIds.length === 0 ? [] : await db
    .selectFrom('meeting_body').select(['meeting_id', 'body_id'])
    .where('meeting_id', 'in', meetingIds)
    .orderBy('meeting_id').orderBy('is_primary', 'desc').orderBy('body_id')
    .execute();
  const map = new Map<number, number[]>();
  for (const l of links) map.set(l.meeting_id, [...(map.get(l.meeting_id) ?? []), l.body_id]);
  return map;
}

const fileMeta = (r: { id: number; filename: string; media_type: string; size_bytes: number; sha256: string; created_at: Date }): OpenFileMeta => ({
  id: r.id, filename: r.filename, mediaType: r.media_type, size: r.size_bytes, sha256: r.sha256, created: new Date(r.created_at),
});

/** Published items, by their ids or by their meetings'. */
export async function loadOpenItems(db: Db, by: { itemIds: number[] } | { meetingIds: number[] }): Promise<OpenItem[]> {
  const ids = 'itemIds' in by ? by.itemIds : by.meetingIds;
  if (ids.length === 0) return [];
  const items = await db
    .selectFrom('agenda_item as i')
    .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
    .select([
      'i.id', 'i.meeting_id', 'i.position', 'i.number', 'i.title', 'i.kind', 'i.standard', 'i.text',
      'm.meeting_date', 'm.diary_number', 'm.created_at', 'm.updated_at',
      sql<boolean>`i.standard is null and exists (select 1 from decision d where d.item_id = i.id)`.as('is_paper'),
    ])
    .where('m.status', '=', 'published')
    .where('itemIds' in by ? 'i.id' : 'i.meeting_id', 'in', ids)
    .orderBy('i.meeting_id').orderBy('i.position')
    .execute();
  if (items.length === 0) return [];
  const itemIds = items.map((i) => i.id);
  const [decisions, assignments, documents, related, bodies, voting] = await Promise.all([
    db.selectFrom('decision').select(['item_id', 'text', 'clauses', 'outcome']).where('item_id', 'in', itemIds).orderBy('item_id').orderBy('position').execute(),
    db.selectFrom('assignment').select(['item_id', 'to_text', 'task', 'due_date', 'due_text', 'status']).where('item_id', 'in', itemIds).orderBy('item_id').orderBy('position').execute(),
    db.selectFrom('document').select(['id', 'item_id', 'filename', 'media_type', 'size_bytes', 'sha256', 'created_at']).where('item_id', 'in', itemIds).orderBy('id').execute(),
    sql<{ item_id: number; related_id: number }>`
      select i.id as item_id, r.id as related_id
      from agenda_item i
      join agenda_item r on r.id = i.referred_from_item_id or r.referred_from_item_id = i.id
      join meeting rm on rm.id = r.meeting_id
      where i.id in (${sql.join(itemIds)}) and rm.status = 'published'
        and r.standard is null and exists (select 1 from decision d where d.item_id = r.id)
      order by r.id`.execute(db),
    bodiesOf(db, [...new Set(items.map((i) => i.meeting_id))]),
    itemVoting(db, itemIds),
  ]);
  const immediate = await immediateNotes(db, itemIds);
  return items.map((i) => ({
    id: i.id,
    meetingId: i.meeting_id,
    position: i.position,
    number: i.number,
    title: i.title,
    kind: i.kind,
    standard: i.standard,
    text: i.text,
    meetingDate: i.meeting_date,
    diaryNumber: i.diary_number,
    created: new Date(i.created_at),
    modified: new Date(i.updated_at),
    bodyIds: bodies.get(i.meeting_id) ?? [],
    decisions: decisions.filter((d) => d.item_id === i.id).map((d) => ({ text: d.text, clauses: d.clauses, outcome: d.outcome })),
    assignments: assignments.filter((a) => a.item_id === i.id).map((a) => ({ to: a.to_text, task: a.task, dueDate: a.due_date, dueText: a.due_text, status: a.status })),
    documents: documents.filter((d) => d.item_id === i.id).map(fileMeta),
    voting: voting.get(i.id) ?? noVoting(),
    immediateJustering: immediate.get(i.id) ?? null,
    relatedItemIds: related.rows.filter((r) => r.item_id === i.id).map((r) => r.related_id),
    isPaper: i.is_paper,
  }));
}

/** Published, planned and cancelled meetings; only the published ones bring their items, participants and files. `items: false`: without items. */
export async function loadOpenMeetings(db: Db, ids: number[], opts: { items?: boolean } = {}): Promise<OpenMeeting[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('meeting as m')
    .leftJoin('source_file as f', (j) => j.onRef('f.id', '=', 'm.source_file_id').on('m.status', '=', 'published'))
    .select([
      'm.id', 'm.title', 'm.meeting_date', 'm.start_time', 'm.end_time', 'm.place', 'm.status', 'm.created_at', 'm.updated_at',
      'f.id as file_id', 'f.filename', 'f.media_type', 'f.size_bytes', 'f.sha256', 'f.created_at as file_created',
    ])
    .where('m.id', 'in', ids)
    .where('m.status', 'in', ['published', 'planned', 'cancelled'])
    .orderBy('m.id')
    .execute();
  const published = rows.filter((r) => r.status === 'published').map((r) => r.id);
  const [bodies, items, participants] = await Promise.all([
    bodiesOf(db, rows.map((r) => r.id)),
    opts.items === false ? [] : loadOpenItems(db, { meetingIds: published }),
    published.length === 0 ? [] : db
      .selectFrom('attendance as a')
      .innerJoin('person as p', 'p.id', 'a.person_id')
      .select(['a.meeting_id', 'a.person_id'])
      .where('a.meeting_id', 'in', published)
      .where('a.list', 'in', ['present', 'official'])
      .where('p.pseudonymised_at', 'is', null)
      .orderBy('a.meeting_id').orderBy('a.position')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    date: r.meeting_date,
    startTime: r.start_time,
    endTime: r.end_time,
    place: r.place,
    status: r.status as OpenMeeting['status'],
    created: new Date(r.created_at),
    modified: new Date(r.updated_at),
    bodyIds: bodies.get(r.id) ?? [],
    participantIds: [...new Set(participants.filter((p) => p.meeting_id === r.id).map((p) => p.person_id!))],
    sourceFile: r.file_id === null ? null : fileMeta({ id: r.file_id, filename: r.filename!, media_type: r.media_type!, size_bytes: r.size_bytes!, sha256: r.sha256!, created_at: r.file_created! }),
    items: items.filter((i) => i.meetingId === r.id),
  }));
}

export type OpenDocument = OpenFileMeta & { itemId: number; meetingId: number; isPaper: boolean };

/** Documents attached to items of published meetings. */
export async function loadOpenDocuments(db: Db, ids: number[]): Promise<OpenDocument[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('document as d')
    .innerJoin('agenda_item as i', 'i.id', 'd.item_id')
    .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
    .select(['d.id', 'd.filename', 'd.media_type', 'd.size_bytes', 'd.sha256', 'd.created_at', 'i.id as item_id', 'm.id as meeting_id',
      sql<boolean>`i.standard is null and exists (select 1 from decision x where x.item_id = i.id)`.as('is_paper')])
    .where('d.id', 'in', ids)
    .where('m.status', '=', 'published')
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({ ...fileMeta(r), itemId: r.item_id, meetingId: r.meeting_id, isPaper: r.is_paper }));
}

/** Memberships (the administrators' register of who sits where) of people a published protocol names. */
export async function loadOpenMemberships(db: Db, by: { ids: number[] } | { personIds: number[] } | { bodyId: number } | { all: true }): Promise<OpenMembership[]> {
  let q = db
    .selectFrom('membership as ms')
    .innerJoin('person as p', 'p.id', 'ms.person_id')
    .select(['ms.id', 'ms.person_id', 'ms.body_id', 'ms.role', 'ms.party', 'ms.organization', 'ms.huvudman_id', 'ms.valid_from', 'ms.valid_to'])
    .where('p.pseudonymised_at', 'is', null)
    .where(sql<boolean>`ms.person_id in (select id from (${PUBLIC_PEOPLE}) pp)`)
    .orderBy('ms.id');
  if ('ids' in by) q = by.ids.length ? q.where('ms.id', 'in', by.ids) : q.where(sql<boolean>`false`);
  else if ('personIds' in by) q = by.personIds.length ? q.where('ms.person_id', 'in', by.personIds) : q.where(sql<boolean>`false`);
  else if ('bodyId' in by) q = q.where('ms.body_id', '=', by.bodyId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id, personId: r.person_id, bodyId: r.body_id, role: r.role, party: r.party, organization: r.organization,
    huvudmanId: r.huvudman_id, validFrom: r.valid_from, validTo: r.valid_to,
  }));
}

/** A fact about person p as the latest published protocol that gives it writes it (party, organisation). */
const latestPublished = (column: RawBuilder<unknown>) => sql`
  select a.${column} from attendance a join meeting m on m.id = a.meeting_id
  where a.person_id = p.id and m.status = 'published' and a.${column} is not null
  order by m.meeting_date desc nulls last, m.id desc, a.position limit 1`;

/** People named in published protocols, with what the latest of those protocols says about them. */
export async function loadOpenPeople(db: Db, ids: number[]): Promise<OpenPerson[]> {
  if (ids.length === 0) return [];
  const rows = await sql<{ id: number; name: string; created: Date; modified: Date; party: string | null; organization: string | null }>`
    select p.id, p.name, p.created_at as created, greatest(p.created_at, pub.last_named) as modified,
           (${latestPublished(sql`party`)}) as party, (${latestPublished(sql`organization`)}) as organization
    from person p
    join (${PUBLIC_PEOPLE}) pub on pub.id = p.id
    where p.id in (${sql.join(ids)}) and p.pseudonymised_at is null
    order by p.id`.execute(db);
  const memberships = await loadOpenMemberships(db, { personIds: rows.rows.map((r) => r.id) });
  return rows.rows.map((r) => ({
    id: r.id, name: r.name, created: new Date(r.created), modified: new Date(r.modified), party: r.party, organization: r.organization,
    memberships: memberships.filter((m) => m.personId === r.id),
  }));
}
