import { sql } from 'kysely';
import { SYSTEM } from '../../src/domain/access.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { createMembership } from '../../src/store/queries/memberships.js';
import { resolvePerson } from '../../src/store/queries/people.js';
import { createYearPlan } from '../../src/store/queries/year-plan.js';
import type { Store } from '../../src/store/db.js';
import { item, parsedProtocol, participant, sourceOf } from '../helpers/protocols.js';

// The record the open-data tests read: two published meetings (LSG, and Samråd taking up a case
// LSG referred to it), a draft that names a person no published protocol names, a planned meeting,
// a document, memberships of a public and of a non-public person.

export interface OpenDataFixture {
  lsgId: number;
  samradId: number;
  bbuId: number;
  published: number;
  referred: number;
  draft: number;
  planned: number;
  documentId: number;
  caseItemId: number; // LSG § 41, with a decision and a document
  referredItemId: number; // Samråd's item that takes the case up
  draftItemId: number;
  draftOnlyPersonId: number;
  publicPersonId: number; // Carin Nilsson, member of LSG for Umeå kommun
  pseudonymisedPersonId: number;
}

export const SECRET = 'Hemlig';

export async function buildFixture(store: Store): Promise<OpenDataFixture> {
  const db = store.db;
  const bodies = await listBodies(db, SYSTEM);
  const id = (slug: string) => bodies.find((b) => b.slug === slug)!.id;
  const [lsgId, samradId, bbuId] = [id('lsg'), id('samrad'), id('bbu')];

  const published = (await storeImportedProtocol(db, parsedProtocol(), sourceOf('LSG 2024-02-23, publicerat'))).meetingId;
  const referred = (await storeImportedProtocol(db, parsedProtocol({
    body: 'Samråd hälsa, vård och omsorg',
    date: '2024-03-15',
    diaryNumber: null,
    startTime: '13:00',
    endTime: '15:30',
    place: 'Regionens hus, Umeå',
    attendance: { present: [participant('Carin Nilsson', { organization: 'Umeå kommun' }), participant('Per Pseudonym')], absent: [], officials: [] },
    items: [item(7, 'Regional strategi för suicidprevention', { kind: 'decision', decisions: [{ text: 'Samrådet ställde sig bakom strategin.', clauses: [] }] })],
    signatures: [],
  }), sourceOf('Samråd 2024-03-15, publicerat'))).meetingId;
  const draft = (await storeImportedProtocol(db, parsedProtocol({
    date: '2024-05-05',
    attendance: { present: [participant(`${SECRET} Utkastsson`)], absent: [], officials: [] },
    items: [item(50, `${SECRET}t ärende`, { decisions: [{ text: `${SECRET} beslutstext.`, clauses: [] }] })],
    signatures: [],
  }), sourceOf('LSG utkast'), { draft: true })).meetingId;
  const planned = (await createYearPlan(db, SYSTEM, lsgId, 2024, [
    { date: '2024-09-20', startTime: '09:00', endTime: '12:00', place: 'Teams', kind: 'meeting', title: null, jointBodyIds: [] },
  ])).created[0]!;

  const itemOf = async (meetingId: number, number: number) =>
    (await db.selectFrom('agenda_item').select('id').where('meeting_id', '=', meetingId).where('number', '=', number).executeTakeFirstOrThrow()).id;
  const caseItemId = await itemOf(published, 41);
  const referredItemId = await itemOf(referred, 7);
  const draftItemId = await itemOf(draft, 50);
  await db.updateTable('agenda_item').set({ referred_from_item_id: caseItemId }).where('id', '=', referredItemId).execute();
  const bytes = new TextEncoder().encode('%PDF-1.4 strategi');
  const { id: documentId } = await db
    .insertInto('document')
    .values({ item_id: caseItemId, filename: 'Strategi suicidprevention.pdf', media_type: 'application/pdf', size_bytes: bytes.byteLength, sha256: 'a'.repeat(64), content: bytes, uploaded_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();

  const person = async (name: string) => (await db.selectFrom('person').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const publicPersonId = await person('Carin Nilsson');
  const draftOnlyPersonId = await person(`${SECRET} Utkastsson`);
  const pseudonymisedPersonId = await person('Per Pseudonym');
  await sql`update person set pseudonymised_at = now() where id = ${pseudonymisedPersonId}`.execute(db);
  const membership = (personId: number, organization: string | null) =>
    createMembership(db, SYSTEM, { personId, bodyId: lsgId, role: 'ordförande', party: 's', organization, validFrom: '2023-01-01', validTo: null });
  await membership(publicPersonId, 'Umeå kommun');
  await membership(draftOnlyPersonId, null);
  await membership(await resolvePerson(db, `${SECRET} Inget Protokoll`), null);

  return {
    lsgId, samradId, bbuId, published, referred, draft, planned, documentId, caseItemId, referredItemId, draftItemId,
    draftOnlyPersonId, publicPersonId, pseudonymisedPersonId,
  };
}
