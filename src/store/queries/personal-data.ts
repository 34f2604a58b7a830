import { sql } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import type { Db } from '../db.js';
import { appendAudit } from './audit.js';

// Everything stored about a person (GDPR art. 15), and removal or pseudonymisation where the law
// allows it. Signed protocols are public records (allmänna handlingar) and are kept as they are.

export async function exportPersonData(db: Db, personId: number) {
  const person = await db.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirst();
  if (!person) return null;
  const [memberships, attendance, presentations, signatures, accounts, assignments, justering, ballots, reservations, protocolNotes, immediateJustering, writtenAnswers] = await Promise.all([
    db.selectFrom('membership').selectAll().where('person_id', '=', personId).execute(),
    db
      .selectFrom('attendance as a')
      .innerJoin('meeting as m', 'm.id', 'a.meeting_id')
      .select(['a.meeting_id', 'm.meeting_date', 'a.list', 'a.party', 'a.organization', 'a.role', 'a.replaces_name', 'a.note'])
      .where((eb) => eb.or([eb('a.person_id', '=', personId), eb('a.replaces_person_id', '=', personId)]))
      .execute(),
    db
      .selectFrom('item_presenter as p')
      .innerJoin('agenda_item as i', 'i.id', 'p.item_id')
      .select(['i.meeting_id', 'i.number', 'i.title', 'p.title as presenter_title'])
      .where('p.person_id', '=', personId)
      .execute(),
    db.selectFrom('signature').select(['meeting_id', 'role', 'signed_at', 'method']).where('person_id', '=', personId).execute(),
    db.selectFrom('account').select(['id', 'email', 'name', 'admin', 'disabled', 'created_at']).where('person_id', '=', personId).execute(),
    db.selectFrom('assignment').select(['id', 'item_id', 'task', 'status', 'due_date']).where('to_person_id', '=', personId).execute(),
    db
      .selectFrom('justering_signatory as s')
      .innerJoin('justering_round as r', 'r.id', 's.round_id')
      .select(['r.meeting_id', 'r.version', 's.role', 's.state', 's.approved_at', 's.signed_at', 's.method'])
      .where('s.person_id', '=', personId)
      .execute(),
    db
      .selectFrom('item_vote_ballot as b')
      .innerJoin('item_vote as v', 'v.id', 'b.vote_id')
      .innerJoin('agenda_item as i', 'i.id', 'v.item_id')
      .select(['i.meeting_id', 'i.number', 'b.choice'])
      .where('b.person_id', '=', personId)
      .execute(),
    db.selectFrom('item_reservation').select(['item_id', 'in_favour_of', 'motivation', 'created_at']).where('person_id', '=', personId).execute(),
    db.selectFrom('item_protocol_note').select(['item_id', 'text', 'created_at']).where('person_id', '=', personId).execute(),
    db
      .selectFrom('immediate_justering_approval as a')
      .innerJoin('immediate_justering as ij', 'ij.id', 'a.immediate_justering_id')
      .select(['ij.meeting_id', 'ij.item_id', 'ij.item_number', 'ij.state', 'a.role', 'a.approved_at', 'a.way', 'a.method'])
      .where('a.person_id', '=', personId)
      .execute(),
    db
      .selectFrom('written_recipient as r')
      .innerJoin('written_question as q', 'q.id', 'r.question_id')
      .select(['r.question_id', 'q.body_id', 'q.title', 'r.role', 'r.email', 'r.answer', 'r.comment', 'r.answered_at', 'r.answered_via'])
      .where('r.person_id', '=', personId)
      .execute(),
  ]);
  return { person, memberships, attendance, presentations, signatures, accounts, assignments, justering, ballots, reservations, protocolNotes, immediateJustering, writtenAnswers };
}

/**
 * Meetings that make the person part of a record that is kept as it is: signed, published or
 * imported archive protocols, and protocols sent to justering (their versions are frozen).
 */
export async function publicRecordsNaming(db: Db, personId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('meeting as m')
    .select('m.id')
    .where((eb) => eb.or([
      eb('m.status', 'in', ['signed', 'published']),
      eb('m.origin', '=', 'imported'),
      eb.exists(eb.selectFrom('protocol_version as v').select('v.version').whereRef('v.meeting_id', '=', 'm.id')),
      // an item justified at once is public (its extract) before the protocol is
      eb.exists(eb.selectFrom('immediate_justering as ij').select('ij.id').whereRef('ij.meeting_id', '=', 'm.id').where('ij.state', '=', 'justified')),
    ]))
    .where(sql<boolean>`(
      exists (select 1 from attendance a where a.meeting_id = m.id and (a.person_id = ${personId} or a.replaces_person_id = ${personId}))
      or exists (select 1 from item_presenter p join agenda_item i on i.id = p.item_id where i.meeting_id = m.id and p.person_id = ${personId})
      or exists (select 1 from signature s where s.meeting_id = m.id and s.person_id = ${personId})
      or exists (select 1 from justering_signatory js join justering_round r on r.id = js.round_id where r.meeting_id = m.id and js.person_id = ${personId}))`)
    .execute();
  return rows.map((r) => r.id);
}

export class PublicRecordError extends Error {
  readonly code = 'public_record';
  constructor(readonly meetingIds: number[]) {
    super(`the person appears in ${meetingIds.length} signed or published protocol(s), which are public records and are kept`);
  }
}

/**
 * Replaces the person's name everywhere outside public records with a pseudonym and removes their
 * contact details and memberships. Refused while any signed or published protocol names them.
 */
export async function pseudonymisePerson(db: Db, actor: Viewer, personId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirst();
    if (!person) return false;
    const records = await publicRecordsNaming(trx, personId);
    if (records.length > 0) throw new PublicRecordError(records);
    const pseudonym = `Person ${personId}`;
    await trx
      .updateTable('person')
      .set({ name: pseudonym, sort_key: pseudonym.toLowerCase(), match_key: pseudonym.toLowerCase(), email: null, title: null, party: null, organization: null, pseudonymised_at: sql`now()` })
      .where('id', '=', personId)
      .execute();
    await trx.updateTable('attendance').set({ name: pseudonym, party: null, organization: null, note: null }).where('person_id', '=', personId).execute();
    await trx.updateTable('attendance').set({ replaces_name: pseudonym }).where('replaces_person_id', '=', personId).execute();
    await trx.updateTable('item_presenter').set({ name: pseudonym, title: null }).where('person_id', '=', personId).execute();
    // Votes, reservations and notes in drafts (those in frozen or public protocols were refused above).
    await trx.updateTable('item_vote_ballot').set({ name: pseudonym, party: null }).where('person_id', '=', personId).execute();
    await trx.updateTable('item_reservation').set({ name: pseudonym, party: null }).where('person_id', '=', personId).execute();
    await trx.updateTable('item_protocol_note').set({ name: pseudonym, party: null }).where('person_id', '=', personId).execute();
    await trx.updateTable('immediate_justering_approval').set({ name: pseudonym }).where('person_id', '=', personId).execute();
    await trx.updateTable('written_recipient').set({ name: pseudonym, email: '' }).where('person_id', '=', personId).execute();
    await trx.deleteFrom('membership').where('person_id', '=', personId).execute();
    await trx.updateTable('account').set({ person_id: null }).where('person_id', '=', personId).execute();
    // The audit entry records that it happened, not who it was.
    await appendAudit(trx, actor, { action: 'person.pseudonymise', entity: 'person', entityId: personId, after: { name: pseudonym } });
    return true;
  });
}
