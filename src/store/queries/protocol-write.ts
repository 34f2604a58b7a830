import { sql, type Transaction } from 'kysely';
import type { ProtocolDraft } from '../../domain/protocol-draft.js';
import { presentForItems } from '../../domain/protocol-draft.js';
import type { MeetingStatus } from '../../domain/model.js';
import type { Database } from '../schema.js';
import { bodyNameKeys, findBodiesByNames } from './bodies.js';
import { resolvePeople } from './people.js';
import { huvudmanResolver } from './huvudman-match.js';

type Trx = Transaction<Database>;

export interface MeetingHeader {
  status: MeetingStatus;
  origin: 'native' | 'imported';
  sourceFileId: number | null;
  contentHash: string | null;
  warnings: string[];
  bodyIds: number[]; // the first is the primary body, which owns the numbering
}

/** Creates the meeting, or replaces the content of an existing one in place (same id). */
export async function writeProtocol(trx: Trx, meetingId: number | null, header: MeetingHeader, draft: ProtocolDraft): Promise<number> {
  const values = {
    title: draft.title,
    meeting_date: draft.date,
    date_unknown: draft.date === null,
    start_time: draft.startTime,
    end_time: draft.endTime,
    place: draft.place,
    diary_number: draft.diaryNumber,
    status: header.status,
    origin: header.origin,
    source_file_id: header.sourceFileId,
    content_hash: header.contentHash,
    import_warnings: JSON.stringify(header.warnings),
  };
  let id: number;
  if (meetingId === null) {
    id = (await trx.insertInto('meeting').values(values).returning('id').executeTakeFirstOrThrow()).id;
  } else {
    id = meetingId;
    await trx
      .updateTable('meeting')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .execute();
    // Children are rewritten whole: a re-import replaces what the protocol says, not what was added beside it.
    await trx.deleteFrom('agenda_item').where('meeting_id', '=', id).execute();
    await trx.deleteFrom('attendance').where('meeting_id', '=', id).execute();
    await trx.deleteFrom('signature').where('meeting_id', '=', id).execute();
    await trx.deleteFrom('next_meeting').where('meeting_id', '=', id).execute();
    await trx.deleteFrom('import_repair').where('meeting_id', '=', id).execute();
    await trx.deleteFrom('meeting_body').where('meeting_id', '=', id).execute();
  }

  await trx
    .insertInto('meeting_body')
    .values(header.bodyIds.map((bodyId, i) => ({ meeting_id: id, body_id: bodyId, is_primary: i === 0 })))
    .execute();

  const primaryBodyId = header.bodyIds[0] ?? null;
  // Everyone the protocol names, resolved in two queries rather than one per mention.
  const people = await resolvePeople(trx, [
    ...draft.participants.map((p) => ({ name: p.name, facts: { party: p.party, organization: p.organization, title: p.list === 'official' ? p.note : null } })),
    ...draft.participants.filter((p) => p.replaces).map((p) => ({ name: p.replaces! })),
    ...draft.items.flatMap((i) => i.presenters.map((p) => ({ name: p.name, facts: { title: p.title } }))),
    ...draft.signatures.map((s) => ({ name: s.name })),
  ]);
  const person = (name: string | null) => (name ? (people.get(name) ?? null) : null);
  // The bodies assignments go to and next meetings are of, looked up together.
  const bodies = await findBodiesByNames(trx, [
    ...draft.items.flatMap((i) => i.assignments.map((a) => a.to)),
    ...draft.nextMeetings.flatMap((n) => (n.body ? [n.body] : [])),
  ]);
  const body = (name: string) => bodies.get(name) ?? null;
  const huvudman = await huvudmanResolver(trx); // the receiver of an assignment, when it is one huvudman

  if (draft.participants.length > 0) {
    await trx
      .insertInto('attendance')
      .values(draft.participants.map((p, position) => {
        const range = p.itemsFrom !== null ? { from: p.itemsFrom, to: p.itemsTo ?? p.itemsFrom } : presentForItems(p.note);
        return {
          meeting_id: id, position, list: p.list, person_id: person(p.name), name: p.name, party: p.party, organization: p.organization, role: p.role,
          replaces_person_id: person(p.replaces), replaces_name: p.replaces, note: p.note, items_from: range?.from ?? null, items_to: range?.to ?? null,
        };
      }))
      .execute();
  }

  if (draft.items.length > 0) {
    const itemIds = (
      await trx
        .insertInto('agenda_item')
        .values(draft.items.map((item, position) => ({
          meeting_id: id, position, number: item.number, title: item.title, kind: item.kind, written: item.written,
          text: item.text, proposal: item.proposal, sub_points: JSON.stringify(item.subPoints),
        })))
        .returning(['id', 'position'])
        .execute()
    ).sort((a, b) => a.position - b.position).map((r) => r.id);

    const presenters = draft.items.flatMap((item, i) => item.presenters.map((p, position) => ({ item_id: itemIds[i]!, position, person_id: person(p.name), name: p.name, title: p.title })));
    if (presenters.length > 0) await trx.insertInto('item_presenter').values(presenters).execute();

    const decisionRows = draft.items.flatMap((item, i) => item.decisions.map((d, position) => ({ item_id: itemIds[i]!, position, text: d.text, clauses: d.clauses, body_id: primaryBodyId })));
    const decisionIds = new Map<string, number>();
    if (decisionRows.length > 0) {
      for (const d of await trx.insertInto('decision').values(decisionRows).returning(['id', 'item_id', 'position']).execute()) decisionIds.set(`${d.item_id}:${d.position}`, d.id);
    }

    const assignments = [];
    for (const [i, item] of draft.items.entries()) {
      for (const [position, a] of item.assignments.entries()) {
        assignments.push({
          item_id: itemIds[i]!,
          decision_id: a.decisionIndex !== null ? (decisionIds.get(`${itemIds[i]}:${a.decisionIndex}`) ?? null) : null,
          position,
          from_body_id: primaryBodyId,
          to_text: a.to,
          to_body_id: body(a.to),
          to_huvudman_id: huvudman(a.to),
          task: a.task,
          due_date: a.dueDate,
          due_text: a.dueText,
          // Found by the importer: a person confirms before it is followed up.
          status: header.origin === 'imported' ? ('unconfirmed' as const) : ('open' as const),
        });
      }
    }
    if (assignments.length > 0) await trx.insertInto('assignment').values(assignments).execute();
  }

  if (draft.signatures.length > 0) {
    await trx
      .insertInto('signature')
      .values(draft.signatures.map((s, position) => ({ meeting_id: id, position, person_id: person(s.name), name: s.name, role: s.role, signed_at: s.signedAt, method: s.method })))
      .execute();
  }
  const nextMeetings = [];
  for (const [position, n] of draft.nextMeetings.entries()) {
    nextMeetings.push({ meeting_id: id, position, body_text: n.body, body_id: n.body ? body(n.body) : primaryBodyId, date_text: n.dateText, meeting_date: n.date });
  }
  if (nextMeetings.length > 0) await trx.insertInto('next_meeting').values(nextMeetings).execute();
  return id;
}

export async function recordRepairs(trx: Trx, meetingId: number, repairs: { original: string; repaired: string; line: number; certain: boolean }[]): Promise<void> {
  if (repairs.length === 0) return;
  await trx.insertInto('import_repair').values(repairs.map((r) => ({ meeting_id: meetingId, ...r }))).execute();
}

export interface ImportMatch {
  bodyId: number | null; // the body the protocol names (as findBodyByName), if known
  meetingId: number | null; // the stored meeting it is the same as: same source text, or same body, date and items
  sourceFileId: number | null; // the same file, stored before
}

/** What a protocol being imported matches in the store, in one query rather than one per question. */
export async function findImportMatch(
  trx: Trx,
  q: { bodyName: string; contentHash: string; date: string | null; firstItem: number | null; lastItem: number | null; sourceSha256: string },
): Promise<ImportMatch> {
  const { rows } = await sql<{ body_id: number | null; meeting_id: number | null; source_file_id: number | null }>`
    with b as (select body_id from body_name where match_key = any(${bodyNameKeys(q.bodyName)}::text[]) order by alias, id limit 1)
    select (select body_id from b) as body_id,
           coalesce(
             (select id from meeting where content_hash = ${q.contentHash}),
             (select m.id from meeting m join meeting_body mb on mb.meeting_id = m.id and mb.is_primary
              where mb.body_id = (select body_id from b) and m.meeting_date = ${q.date}::date
                and (select min(number) from agenda_item where meeting_id = m.id) is not distinct from ${q.firstItem}::int
                and (select max(number) from agenda_item where meeting_id = m.id) is not distinct from ${q.lastItem}::int
              limit 1)
           ) as meeting_id,
           (select id from source_file where sha256 = ${q.sourceSha256}) as source_file_id`.execute(trx);
  const row = rows[0]!;
  return { bodyId: row.body_id, meetingId: row.meeting_id, sourceFileId: row.source_file_id };
}

export async function insertSourceFile(
  trx: Trx,
  file: { filename: string; sha256: string; mediaType: string; content: Uint8Array; text: string | null },
): Promise<number> {
  // The bytes go as hex text: PGlite's own bytea serialiser formats them byte by byte in JavaScript,
  // a millisecond for a protocol-sized file.
  const hex = Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength).toString('hex');
  const { id } = await trx
    .insertInto('source_file')
    .values({ filename: file.filename, sha256: file.sha256, media_type: file.mediaType, size_bytes: file.content.byteLength, content: sql<Uint8Array>`decode(${hex}, 'hex')`, text_content: file.text })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
