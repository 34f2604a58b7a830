import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, signedIn, type Json } from '../helpers/client.js';
import { editorItems, openMeeting, present } from '../helpers/justering.js';
import { oparlProblems } from '../opendata/validate.js';
import { SYSTEM } from '../../src/domain/access.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import type { Store } from '../../src/store/db.js';

// A cancelled meeting is a date struck from the year plan: everyone sees it there, in the meeting
// lists, the calendar and the open data, as cancelled. Nothing it held before it was cancelled
// reaches anyone outside its body: a draft whose items were all removed may still have had its
// attendance and diary number written.

let store: Store;
let app: ReturnType<typeof testApp>;
let secretary: Client;
let outsider: Client; // secretary of another body
const anonymous = () => new Client(app);
let lsg: number;
let plannedId: number; // planned, then cancelled
let draftId: number; // a draft with attendance and a diary number, its items removed, then cancelled
let openDraftId: number; // a draft that stays one

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store);
  const bodies = await listBodies(store.db, SYSTEM);
  lsg = bodies.find((b) => b.slug === 'lsg')!.id;
  const other = bodies.find((b) => b.slug !== 'lsg')!.id;
  secretary = await signedIn(store, app, { email: 'sekr@example.se', memberships: [{ bodyId: lsg, role: 'sekreterare' }] });
  outsider = await signedIn(store, app, { email: 'annan@example.se', memberships: [{ bodyId: other, role: 'sekreterare' }] });

  const plan = await secretary.post(`/api/bodies/${lsg}/year-plan`, { year: 2031, meetings: [{ date: '2031-03-14', place: 'Regionens hus', startTime: '09:00' }, { date: '2031-06-13' }] });
  expect(plan.status).toBe(201);
  [plannedId] = plan.body.created;

  draftId = await openMeeting(secretary, lsg, { date: '2031-09-12' }, [present('Carin Nilsson', { role: 'ordförande' }), present('Hemlig Närvarande')]);
  for (const item of await editorItems(secretary, draftId)) expect((await secretary.request('DELETE', `/api/meetings/${draftId}/items/${item.id}`)).status).toBe(204);
  const version = (await secretary.get(`/api/meetings/${draftId}/editor`)).body.meeting.version;
  expect((await secretary.request('PATCH', `/api/meetings/${draftId}`, { version, date: '2031-09-12', diaryNumber: 'LSG 2031/99' })).status).toBe(200);
  openDraftId = (await secretary.post(`/api/bodies/${lsg}/meetings`, { date: '2031-11-14' })).body.meetingId;

  for (const id of [plannedId, draftId]) expect((await secretary.post(`/api/meetings/${id}/cancel`)).body).toEqual({ status: 'cancelled' });
});
afterAll(async () => {
  await store?.close();
});

const statuses = (list: Json[]) => list.map((m) => `${m.date} ${m.status}`);

describe('an anonymous reader', () => {
  it('sees the cancelled meetings in the year plan and the meeting list, as cancelled, and not the draft', async () => {
    const plan = await anonymous().get(`/api/bodies/${lsg}/year-plan?year=2031`);
    expect(statuses(plan.body)).toEqual(['2031-03-14 cancelled', '2031-06-13 planned', '2031-09-12 cancelled']);
    const list = await anonymous().get(`/api/meetings?body=${lsg}&year=2031`);
    expect(statuses(list.body)).toEqual(['2031-09-12 cancelled', '2031-06-13 planned', '2031-03-14 cancelled']);
    const march = list.body.find((m: Json) => m.id === plannedId);
    expect(march).toMatchObject({ place: 'Regionens hus', startTime: '09:00', items: { first: null, last: null, count: 0 } });
    // The body's members see their draft as before.
    expect(statuses((await secretary.get(`/api/bodies/${lsg}/year-plan?year=2031`)).body)).toEqual(['2031-03-14 cancelled', '2031-06-13 planned', '2031-09-12 cancelled', '2031-11-14 draft']);
    expect((await anonymous().get(`/api/meetings/${openDraftId}`)).status).toBe(404);
  });

  it('reads a cancelled meeting as its date and place, with nothing it held before it was cancelled', async () => {
    for (const reader of [anonymous(), outsider]) {
      const m = (await reader.get(`/api/meetings/${draftId}`)).body;
      expect(m).toMatchObject({
        status: 'cancelled', date: '2031-09-12', diaryNumber: null, agenda: [], signatures: [], nextMeetings: [],
        attendance: { present: [], absent: [], officials: [] }, ownStatements: null,
      });
      const html = await (await app.request(`/api/meetings/${draftId}/protocol.html`, { headers: reader.cookie ? { cookie: reader.cookie } : {} })).text();
      expect(html).not.toContain('Hemlig Närvarande');
      expect(html).not.toContain('LSG 2031/99');
    }
    // The body keeps what it wrote.
    const own = (await secretary.get(`/api/meetings/${draftId}`)).body;
    expect(own).toMatchObject({ status: 'cancelled', diaryNumber: 'LSG 2031/99' });
    expect(own.attendance.present.map((p: Json) => p.name)).toEqual(['Carin Nilsson', 'Hemlig Närvarande']);
  });

  it('finds the cancelled meetings in the body’s calendar as cancelled events', async () => {
    const ics = await (await app.request(`/api/bodies/${lsg}/calendar.ics?year=2031`)).text();
    const events = ics.split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(3);
    expect(events.filter((e) => e.includes('STATUS:CANCELLED'))).toHaveLength(2);
    expect(ics).not.toContain('Hemlig Närvarande');
  });

  it('finds them in the open data as cancelled OParl meetings without participants or items', async () => {
    const res = await app.request(`https://data.example.se/oparl/v1/meeting/${draftId}`);
    expect(res.status).toBe(200);
    const m = await res.json();
    expect(oparlProblems(m)).toEqual([]);
    expect(m).toMatchObject({ cancelled: true, meetingState: 'terminiert', 'samverka:status': 'cancelled' });
    expect(m).not.toHaveProperty('participant');
    expect(m).not.toHaveProperty('agendaItem');
    expect((await app.request(`https://data.example.se/oparl/v1/meeting/${openDraftId}`)).status).toBe(404);
    const june = await (await app.request(`https://data.example.se/oparl/v1/meeting/${plannedId + 1}`)).json();
    expect(june).toMatchObject({ cancelled: false, 'samverka:status': 'planned' });
  });
});
