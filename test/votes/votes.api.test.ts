import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, PASSWORD, signedIn, type Json } from '../helpers/client.js';
import { pdfText, squeeze } from '../render/helpers.js';
import { oparlProblems } from '../opendata/validate.js';
import { SYSTEM } from '../../src/domain/access.js';
import { hashPassword } from '../../src/auth/passwords.js';
import { createAccount } from '../../src/store/queries/accounts.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { createMembership } from '../../src/store/queries/memberships.js';
import { resolvePerson } from '../../src/store/queries/people.js';
import { closePdfRenderer } from '../../src/render/pdf.js';
import type { Store } from '../../src/store/db.js';

// Votes, reservations and protocol notes through the API, as the secretary records them during and
// after the meeting and a member enters their own: what is stored shows in the protocol (JSON, PDF,
// extract) and in the open data; what breaks the rules is refused with a clear message and leaves
// nothing behind.

let store: Store;
let app: ReturnType<typeof testApp>;
let secretary: Client;
let admin: Client;
let moa: Client; // ledamot of LSG, present for item 4, voted nej
let carin: Client; // ordförande of LSG
let lsg: number;
let meetingId: number;
let otherMeetingId: number;
let itemId: number; // § 4, the strategy
let otherItemId: number; // an item of the other meeting
let tieItemId: number; // § 5

/** An account linked to the person of that name, with a membership in LSG, signed in. */
async function memberNamed(name: string, email: string, role: 'ledamot' | 'ordförande' = 'ledamot'): Promise<Client> {
  const personId = await resolvePerson(store.db, name);
  await createMembership(store.db, SYSTEM, { personId, bodyId: lsg, role, party: null, organization: null, validFrom: null, validTo: null });
  await createAccount(store.db, SYSTEM, { email, name, passwordHash: await hashPassword(PASSWORD), admin: false, personId });
  const client = new Client(app);
  expect((await client.login(email, PASSWORD)).status).toBe(200);
  return client;
}

const votesPath = (item = itemId, meeting = meetingId) => `/api/meetings/${meeting}/items/${item}/votes`;
const statementsPath = (kind: 'reservations' | 'protocol-notes', item = itemId, meeting = meetingId) => `/api/meetings/${meeting}/items/${item}/${kind}`;

/** Rows in the four tables and the audit log: what a refused request must leave as it was. */
async function stored(): Promise<{ votes: number; ballots: number; reservations: number; notes: number; audit: number }> {
  const count = async (table: 'item_vote' | 'item_vote_ballot' | 'item_reservation' | 'item_protocol_note' | 'audit_log') =>
    Number((await store.db.selectFrom(table).select(store.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return {
    votes: await count('item_vote'), ballots: await count('item_vote_ballot'), reservations: await count('item_reservation'),
    notes: await count('item_protocol_note'), audit: await count('audit_log'),
  };
}

/** A document as bytes, as the signed-in client downloads it. */
async function download(client: Client, path: string): Promise<{ status: number; bytes: Uint8Array }> {
  const res = await app.request(path, { headers: client.cookie ? { cookie: client.cookie } : {} });
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
}

const agendaItem = async (client: Client, number: number) => ((await client.get(`/api/meetings/${meetingId}`)).body.agenda as Json[]).find((i) => i.number === number);

const strategyVote = {
  yesFor: 'ordförandens förslag att anta strategin',
  noFor: 'Moa Brydstens yrkande om återremiss',
  ballots: [
    { name: 'Carin Nilsson', vote: 'yes' },
    { name: 'Jens Wennberg', vote: 'yes' },
    { name: 'Anna Lund', vote: 'yes' },
    { name: 'Moa Brydsten', vote: 'no' },
    { name: 'Tor Tidig', vote: 'abstain' },
  ],
  counts: { yes: 3, no: 1, abstain: 1 },
};

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store);
  lsg = (await listBodies(store.db, SYSTEM)).find((b) => b.slug === 'lsg')!.id;
  secretary = await signedIn(store, app, { email: 'sekr@example.se', memberships: [{ bodyId: lsg, role: 'sekreterare' }] });
  admin = await signedIn(store, app, { email: 'admin@example.se', admin: true });
  moa = await memberNamed('Moa Brydsten', 'moa@example.se');
  carin = await memberNamed('Carin Nilsson', 'carin@example.se', 'ordförande');

  meetingId = (await secretary.post(`/api/bodies/${lsg}/meetings`, { date: '2024-02-23' })).body.meetingId;
  expect((await secretary.post(`/api/meetings/${meetingId}/items`, { title: 'Regional strategi för suicidprevention', kind: 'decision' })).status).toBe(201);
  expect((await secretary.post(`/api/meetings/${meetingId}/items`, { title: 'Fördelning av utvecklingsmedel', kind: 'decision' })).status).toBe(201);
  const items = (await secretary.get(`/api/meetings/${meetingId}/editor`)).body.items as Json[];
  itemId = items.find((i) => i.title.startsWith('Regional strategi')).id;
  tieItemId = items.find((i) => i.title.startsWith('Fördelning')).id;
  expect(items.filter((i) => i.id === itemId || i.id === tieItemId).map((i) => i.number)).toEqual([4, 5]);
  const attendance = await secretary.request('PUT', `/api/meetings/${meetingId}/attendance`, {
    participants: [
      { list: 'present', name: 'Carin Nilsson', party: 's', organization: 'Umeå kommun', role: 'ordförande' },
      { list: 'present', name: 'Jens Wennberg', party: 'l', organization: 'Region Västerbotten', role: 'ersättare', replaces: 'Lars Bäckström' },
      { list: 'present', name: 'Anna Lund', party: 'm', organization: 'Skellefteå kommun', role: 'vice ordförande' },
      { list: 'present', name: 'Moa Brydsten', party: 's', organization: 'Umeå kommun', itemsFrom: 4, itemsTo: 4 },
      { list: 'present', name: 'Tor Tidig', party: 'sd', organization: 'Lycksele kommun' },
      { list: 'present', name: 'Per Ersson', party: 'v', organization: 'Vilhelmina kommun', role: 'ersättare' },
      { list: 'absent', name: 'Lars Bäckström', party: 'c', organization: 'Region Västerbotten' },
      { list: 'official', name: 'Katarina Lindahl', note: 'sekreterare' },
    ],
  });
  expect(attendance.status).toBe(204);

  otherMeetingId = (await secretary.post(`/api/bodies/${lsg}/meetings`, { date: '2024-04-19' })).body.meetingId;
  otherItemId = ((await secretary.get(`/api/meetings/${otherMeetingId}/editor`)).body.items as Json[])[0].id;
});
afterAll(async () => {
  await closePdfRenderer();
  await store?.close();
});

describe('recording a vote', () => {
  it('offers the secretary who may vote on the item, and the chair', async () => {
    const panel = (await secretary.get(votesPath())).body;
    expect(panel.voters.map((v: Json) => v.name)).toEqual(['Carin Nilsson', 'Jens Wennberg', 'Anna Lund', 'Moa Brydsten', 'Tor Tidig']);
    expect(panel).toMatchObject({ itemNumber: 4, chair: 'Carin Nilsson', rule: { chairCastingVote: true }, votes: [], warnings: [] });
    expect(panel.present.map((v: Json) => v.name)).toContain('Per Ersson');
  });

  it("stores the proposals, each member's vote, the counts and the result, and shows them with the item", async () => {
    const before = await stored();
    const res = await secretary.post(votesPath(), strategyVote);
    expect(res.status).toBe(201);
    const item = await agendaItem(secretary, 4);
    expect(item.votes).toEqual([{
      id: res.body.id, question: null, yesFor: strategyVote.yesFor, noFor: strategyVote.noFor,
      counts: { yes: 3, no: 1, abstain: 1 }, result: 'yes', castingVote: false,
      ballots: [
        { name: 'Carin Nilsson', party: 's', vote: 'yes' }, { name: 'Jens Wennberg', party: 'l', vote: 'yes' }, { name: 'Anna Lund', party: 'm', vote: 'yes' },
        { name: 'Moa Brydsten', party: 's', vote: 'no' }, { name: 'Tor Tidig', party: 'sd', vote: 'abstain' },
      ],
    }]);
    expect(await stored()).toMatchObject({ votes: before.votes + 1, ballots: before.ballots + 5, audit: before.audit + 1 });
    // A member of the body reads the draft with its votes too; the public does not see the draft.
    expect((await agendaItem(moa, 4)).votes).toHaveLength(1);
    expect((await new Client(app).get(`/api/meetings/${meetingId}`)).status).toBe(404);
  });

  it("a tie goes the chair's way, unless the body has no casting vote", async () => {
    const tie = {
      yesFor: 'beredningsgruppens förslag', noFor: 'Tor Tidigs förslag',
      ballots: [{ name: 'Carin Nilsson', vote: 'no' }, { name: 'Jens Wennberg', vote: 'yes' }, { name: 'Anna Lund', vote: 'yes' }, { name: 'Tor Tidig', vote: 'no' }],
    };
    const first = await secretary.post(votesPath(tieItemId), tie);
    expect((await agendaItem(secretary, 5)).votes[0]).toMatchObject({ counts: { yes: 2, no: 2, abstain: 0 }, result: 'no', castingVote: true });

    expect((await secretary.request('PUT', `/api/bodies/${lsg}/vote-rule`, { chairCastingVote: false })).status).toBe(403);
    expect((await admin.request('PUT', `/api/bodies/${lsg}/vote-rule`, { chairCastingVote: false })).status).toBe(204);
    expect((await secretary.request('PUT', `${votesPath(tieItemId)}/${first.body.id}`, tie)).status).toBe(204);
    expect((await agendaItem(secretary, 5)).votes).toMatchObject([{ id: first.body.id, result: 'tie', castingVote: false }]);
    expect((await admin.request('PUT', `/api/bodies/${lsg}/vote-rule`, { chairCastingVote: true })).status).toBe(204);
    expect((await secretary.request('DELETE', `${votesPath(tieItemId)}/${first.body.id}`)).status).toBe(204);
    expect((await agendaItem(secretary, 5)).votes).toEqual([]);
  });
});

describe('reservations and protocol notes', () => {
  it('the secretary enters a reservation with a written motivation, and a note by a non-voting substitute', async () => {
    const r = await secretary.post(statementsPath('reservations'), {
      name: 'Moa Brydsten', inFavourOf: 'eget yrkande om återremiss', motivation: 'Strategin saknar finansiering.\n\nKommunerna har inte hörts.',
    });
    expect(r.status).toBe(201);
    const n = await secretary.post(statementsPath('protocol-notes'), { name: 'Per Ersson', text: 'Vänsterpartiet vill att strategin följs upp årligen.' });
    expect(n.status).toBe(201);
    const item = await agendaItem(secretary, 4);
    expect(item.reservations).toEqual([{ id: r.body.id, name: 'Moa Brydsten', party: 's', inFavourOf: 'eget yrkande om återremiss', motivation: 'Strategin saknar finansiering.\n\nKommunerna har inte hörts.' }]);
    expect(item.protocolNotes).toEqual([{ id: n.body.id, name: 'Per Ersson', party: 'v', text: 'Vänsterpartiet vill att strategin följs upp årligen.' }]);
  });

  it('a member enters their own note on the draft, and no one else’s', async () => {
    const own = await moa.post(statementsPath('protocol-notes'), { text: 'Jag vill se en plan för finansieringen.' });
    expect(own.status).toBe(201);
    expect((await agendaItem(moa, 4)).protocolNotes.map((x: Json) => x.name)).toEqual(['Per Ersson', 'Moa Brydsten']);

    const before = await stored();
    const forSomeoneElse = await moa.post(statementsPath('protocol-notes'), { name: 'Tor Tidig', text: 'Något' });
    expect(forSomeoneElse.status).toBe(403);
    expect(forSomeoneElse.body.error.message).toBe('Du kan bara lämna en reservation eller protokollsanteckning för dig själv.');
    const notesNow = (await agendaItem(secretary, 4)).protocolNotes as Json[];
    const perNote = notesNow.find((x) => x.name === 'Per Ersson').id;
    expect((await moa.request('DELETE', `${statementsPath('protocol-notes')}/${perNote}`)).status).toBe(403);
    // The chair voted for the winning proposal: no reservation.
    const chair = await carin.post(statementsPath('reservations'), { inFavourOf: null, motivation: null });
    expect(chair.status).toBe(422);
    expect(chair.body.error.message).toBe('Carin Nilsson röstade för det förslag som vann och kan inte reservera sig mot beslutet.');
    expect(await stored()).toEqual(before);

    // Neither someone signed in without a place in the body, nor a member of another body, nor the public.
    const reader = await signedIn(store, app, { email: 'lasare@example.se' });
    expect((await reader.post(statementsPath('protocol-notes'), { text: 'x' })).status).toBe(404);
    const otherBody = (await listBodies(store.db, SYSTEM)).find((b) => b.slug === 'samrad')!.id;
    const other = await signedIn(store, app, { email: 'samrad@example.se', memberships: [{ bodyId: otherBody, role: 'sekreterare' }] });
    expect((await other.post(statementsPath('reservations'), { name: 'Moa Brydsten' })).status).toBe(404);
    expect((await new Client(app).post(statementsPath('protocol-notes'), { text: 'x' })).status).toBe(401);
    expect(await stored()).toMatchObject({ notes: before.notes, reservations: before.reservations });

    expect((await moa.request('DELETE', `${statementsPath('protocol-notes')}/${own.body.id}`)).status).toBe(204);
    expect((await moa.post(statementsPath('protocol-notes'), { text: 'Jag vill se en plan för finansieringen.' })).status).toBe(201);
  });
});

describe('bad input: a clear message, nothing stored', () => {
  const refused = async (path: string, body: unknown, status: number, message: RegExp) => {
    const before = await stored();
    const res = await secretary.post(path, body);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error.message).toMatch(message);
    expect(await stored()).toEqual(before);
  };

  it('a vote from a member who was absent', async () => {
    await refused(votesPath(), { ...strategyVote, counts: null, ballots: [...strategyVote.ballots, { name: 'Lars Bäckström', vote: 'no' }] }, 422, /^Lars Bäckström var frånvarande och kan inte rösta\.$/);
  });

  it('a vote from someone present for another item only, or without a vote', async () => {
    await refused(votesPath(tieItemId), { ...strategyVote, counts: null, ballots: [{ name: 'Moa Brydsten', vote: 'no' }] }, 422, /Moa Brydsten var inte närvarande under punkt 5/);
    await refused(votesPath(), { ...strategyVote, counts: null, ballots: [{ name: 'Per Ersson', vote: 'no' }] }, 422, /Per Ersson deltar som ersättare utan rösträtt/);
    await refused(votesPath(), { ...strategyVote, counts: null, ballots: [{ name: 'Katarina Lindahl', vote: 'no' }] }, 422, /tjänsteperson/);
  });

  it('a vote on an item of another meeting', async () => {
    await refused(votesPath(otherItemId, meetingId), strategyVote, 404, /Ärendet finns inte på det här mötet/);
    await refused(statementsPath('reservations', otherItemId, meetingId), { name: 'Moa Brydsten' }, 404, /Ärendet finns inte på det här mötet/);
  });

  it('a person voting twice', async () => {
    await refused(votesPath(), { ...strategyVote, counts: null, ballots: [...strategyVote.ballots, { name: 'Anna Lund', vote: 'no' }] }, 422, /^Anna Lund har röstat två gånger/);
  });

  it('counts that do not match the votes, or more votes than voters', async () => {
    await refused(votesPath(), { ...strategyVote, counts: { yes: 4, no: 1, abstain: 0 } }, 422, /^Rösterna stämmer inte: röstlistan ger 3 ja, 1 nej och 1 avstår, men 4 ja, 1 nej och 0 avstår angavs\.$/);
    await refused(votesPath(), { ...strategyVote, ballots: [], counts: { yes: 5, no: 1, abstain: 0 } }, 422, /Fler röster \(6\) än röstberättigade \(5\)/);
    await refused(votesPath(), { ...strategyVote, ballots: [], counts: null }, 422, /Ange hur var och en röstade/);
    await refused(votesPath(), { ...strategyVote, yesFor: ' ' }, 400, /yesFor/);
    await refused(votesPath(), { ...strategyVote, ballots: [{ name: 'Anna Lund', vote: 'kanske' }] }, 400, /ballots/);
  });

  it('a reservation or note by someone not present, and a second reservation by the same member', async () => {
    await refused(statementsPath('reservations'), { name: 'Lars Bäckström', inFavourOf: 'eget yrkande' }, 422, /^Lars Bäckström var frånvarande och kan inte reservera sig\.$/);
    await refused(statementsPath('reservations'), { name: 'Okänd Person' }, 422, /finns inte i mötets närvarolista/);
    await refused(statementsPath('protocol-notes'), { name: 'Lars Bäckström', text: 'Anteckning' }, 422, /Lars Bäckström var frånvarande och kan inte lämna en protokollsanteckning/);
    await refused(statementsPath('reservations'), { name: 'Moa Brydsten' }, 409, /har redan reserverat sig/);
  });

  it('edits after justering has started: the meeting is frozen', async () => {
    await store.db.updateTable('meeting').set({ status: 'justering' }).where('id', '=', meetingId).execute();
    try {
      await refused(votesPath(), strategyVote, 409, /kan inte längre ändras/);
      await refused(statementsPath('protocol-notes'), { name: 'Tor Tidig', text: 'Sent påkommen' }, 409, /kan inte längre ändras/);
      const before = await stored();
      const vote = (await agendaItem(secretary, 4)).votes[0];
      expect((await secretary.request('DELETE', `${votesPath()}/${vote.id}`)).status).toBe(409);
      expect((await secretary.request('PUT', `${votesPath()}/${vote.id}`, strategyVote)).status).toBe(409);
      const late = await moa.post(statementsPath('reservations'), {});
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe('frozen');
      expect(await stored()).toEqual(before);
    } finally {
      await store.db.updateTable('meeting').set({ status: 'draft' }).where('id', '=', meetingId).execute();
    }
  });
});

describe('in the protocol, the extract and the open data', () => {
  it('a vote with counts and a reservation appear in the protocol PDF and in the extract', async () => {
    const pdf = await download(secretary, `/api/meetings/${meetingId}/protocol.pdf`);
    expect(pdf.status).toBe(200);
    const flat = squeeze(pdfText(pdf.bytes)).replace(/\s+/g, ' ');
    expect(flat).toContain('Omröstning begärs och verkställs.');
    expect(flat).toContain('Ja-röst för ordförandens förslag att anta strategin. Nej-röst för Moa Brydstens yrkande om återremiss.');
    expect(flat).toContain('Röstade ja: Carin Nilsson (s), Jens Wennberg (l), Anna Lund (m). Röstade nej: Moa Brydsten (s). Avstod: Tor Tidig (sd).');
    expect(flat).toContain('Med 3 ja-röster mot 1 nej-röst, 1 avstår, beslutar Länssamverkansgruppen enligt ordförandens förslag att anta strategin.');
    expect(flat).toContain('Reservation: Moa Brydsten (s) reserverar sig mot beslutet till förmån för eget yrkande om återremiss.');
    expect(flat).toContain('Skriftlig motivering: Strategin saknar finansiering.');
    expect(flat).toContain('Protokollsanteckning: Per Ersson (v) antecknar till protokollet: Vänsterpartiet vill att strategin följs upp årligen.');

    const extract = await download(secretary, `/api/meetings/${meetingId}/extract.pdf?items=4`);
    expect(extract.status).toBe(200);
    const extractText = pdfText(extract.bytes).replace(/\s+/g, ' ');
    expect(extractText).toContain('Med 3 ja-röster mot 1 nej-röst, 1 avstår, beslutar Länssamverkansgruppen');
    expect(extractText).toContain('Reservation: Moa Brydsten (s) reserverar sig mot beslutet');
  });

  it('once published, the OParl AgendaItem carries them as samverka: extensions and stays valid OParl', async () => {
    await store.db.updateTable('meeting').set({ status: 'published' }).where('id', '=', meetingId).execute();
    const res = await app.request(`https://data.example.se/oparl/v1/agendaItem/${itemId}`);
    expect(res.status).toBe(200);
    const item = (await res.json()) as Json;
    expect(oparlProblems(item)).toEqual([]);
    expect(item['samverka:votes']).toEqual([{
      question: null, yesFor: strategyVote.yesFor, noFor: strategyVote.noFor, yes: 3, no: 1, abstain: 1, result: 'yes', castingVote: false,
      ballots: [
        { name: 'Carin Nilsson', party: 's', vote: 'yes' }, { name: 'Jens Wennberg', party: 'l', vote: 'yes' }, { name: 'Anna Lund', party: 'm', vote: 'yes' },
        { name: 'Moa Brydsten', party: 's', vote: 'no' }, { name: 'Tor Tidig', party: 'sd', vote: 'abstain' },
      ],
    }]);
    expect(item['samverka:reservations']).toEqual([{ name: 'Moa Brydsten', party: 's', inFavourOf: 'eget yrkande om återremiss', motivation: 'Strategin saknar finansiering.\n\nKommunerna har inte hörts.' }]);
    expect(item['samverka:protocolNotes'].map((n: Json) => n.name)).toEqual(['Per Ersson', 'Moa Brydsten']);
    const meeting = (await (await app.request(`https://data.example.se/oparl/v1/meeting/${meetingId}`)).json()) as Json;
    expect(oparlProblems(meeting)).toEqual([]);
    const other = meeting.agendaItem.find((i: Json) => i.id.endsWith(`/agendaItem/${tieItemId}`));
    expect(other).not.toHaveProperty('samverka:votes');
    // And the public reads them in the published protocol.
    expect((await agendaItem(new Client(app), 4)).reservations).toHaveLength(1);
  });
});
