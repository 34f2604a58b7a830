import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, signedIn, type Json } from '../helpers/client.js';
import { addItem, editorItems, itemInput, openMeeting, present, withAccount, type Someone } from '../helpers/justering.js';
import { parsedProtocol, sourceOf } from '../helpers/protocols.js';
import { SYSTEM } from '../../src/domain/access.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import type { Store } from '../../src/store/db.js';

// GET /api/meetings/{id} tells the meeting page whether the viewer may enter their own reservation
// or protocol note (ownStatements), and which of the item's statements are theirs: the same people
// the vote routes take, and no one else.

let store: Store;
let app: ReturnType<typeof testApp>;
let secretary: Client;
let moa: Someone; // ledamot of LSG, present
let lars: Someone; // ledamot of LSG, not at this meeting
let meetingId: number;
let itemId: number;

const ownStatements = async (client: Client, id = meetingId) => {
  const res = await client.get(`/api/meetings/${id}`);
  expect(res.status).toBe(200);
  return res.body.ownStatements as Json;
};
const statements = (kind: 'reservations' | 'protocol-notes') => `/api/meetings/${meetingId}/items/${itemId}/${kind}`;

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store);
  const lsg = (await listBodies(store.db, SYSTEM)).find((b) => b.slug === 'lsg')!.id;
  secretary = await signedIn(store, app, { email: 'sekr@example.se', memberships: [{ bodyId: lsg, role: 'sekreterare' }] });
  moa = await withAccount(store, app, 'Moa Brydsten', [{ bodyId: lsg, role: 'ledamot' }]);
  lars = await withAccount(store, app, 'Lars Bäckström', [{ bodyId: lsg, role: 'ledamot' }]);
  meetingId = await openMeeting(secretary, lsg, { date: '2024-02-23' }, [present('Carin Nilsson', { role: 'ordförande' }), present('Moa Brydsten', { party: 's' }), present('Per Ersson')]);
  itemId = await addItem(secretary, meetingId, 'Regional strategi för suicidprevention');
  const item = (await editorItems(secretary, meetingId)).find((i) => i.id === itemId);
  expect((await secretary.request('PUT', `/api/meetings/${meetingId}/items/${itemId}`, itemInput(item, { decisions: [{ text: 'Strategin antas.', clauses: [] }] }))).status).toBe(200);
});
afterAll(async () => {
  await store?.close();
});

describe('the meeting tells a member whether they may enter their own statements', () => {
  it('names a member in the attendance of the draft, and lists the reservations and notes that are theirs', async () => {
    expect(await ownStatements(moa.client)).toEqual({ personId: moa.personId, name: 'Moa Brydsten', reservationIds: [], protocolNoteIds: [] });

    const reservation = await moa.client.post(statements('reservations'), { inFavourOf: 'eget yrkande', motivation: 'Strategin saknar finansiering.' });
    expect(reservation.status).toBe(201);
    const note = await moa.client.post(statements('protocol-notes'), { text: 'Jag vill se en plan för finansieringen.' });
    expect(note.status).toBe(201);
    // One the secretary enters for someone else is not hers.
    expect((await secretary.post(statements('protocol-notes'), { name: 'Per Ersson', text: 'Följ upp årligen.' })).status).toBe(201);

    expect(await ownStatements(moa.client)).toEqual({ personId: moa.personId, name: 'Moa Brydsten', reservationIds: [reservation.body.id], protocolNoteIds: [note.body.id] });
    const item = ((await moa.client.get(`/api/meetings/${meetingId}`)).body.agenda as Json[]).find((i) => i.id === itemId);
    expect(item.reservations.map((r: Json) => r.id)).toEqual([reservation.body.id]);

    expect((await moa.client.request('DELETE', `${statements('protocol-notes')}/${note.body.id}`)).status).toBe(204);
    expect((await ownStatements(moa.client)).protocolNoteIds).toEqual([]);
  });

  it('is null for a member not at the meeting and for a secretary not in the attendance, as the routes would refuse them', async () => {
    expect(await ownStatements(lars.client)).toBeNull();
    expect((await lars.client.post(statements('protocol-notes'), { text: 'x' })).status).toBe(422);
    expect(await ownStatements(secretary)).toBeNull();
  });

  it('is null on a published protocol, for everyone and every time it is read', async () => {
    const published = (await storeImportedProtocol(store.db, parsedProtocol(), sourceOf('publicerat', 'lsg-2024-02-23.txt'))).meetingId;
    expect(await ownStatements(moa.client, published)).toBeNull();
    expect(await ownStatements(new Client(app), published)).toBeNull();
    expect(await ownStatements(moa.client, published)).toBeNull();
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await new Client(app).get('/api/openapi.json')).body;
    expect(JSON.stringify(doc.paths['/api/meetings/{id}'].get.responses[200])).toContain('ownStatements');
    expect(doc.components.schemas.OwnStatements.properties).toHaveProperty('reservationIds');
  });
});
