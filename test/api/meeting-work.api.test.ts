import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, signedIn, type Json } from '../helpers/client.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { SYSTEM } from '../../src/domain/access.js';
import type { Store } from '../../src/store/db.js';

let store: Store;
let app: ReturnType<typeof testApp>;
let secretary: Client;
let lsg: number;
let bbu: number;
let samrad: number;

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store);
  const bodies = await listBodies(store.db, SYSTEM);
  const id = (slug: string) => bodies.find((b) => b.slug === slug)!.id;
  [lsg, bbu, samrad] = [id('lsg'), id('bbu'), id('samrad')];
  secretary = await signedIn(store, app, { email: 'sekr@example.se', memberships: [{ bodyId: lsg, role: 'sekreterare' }] });
});
afterAll(async () => {
  await store?.close();
});

const editor = async (meetingId: number) => (await secretary.get(`/api/meetings/${meetingId}/editor`)).body as Json;
const itemInput = (item: Json, change: Json = {}) => ({
  version: item.version, title: item.title, kind: item.kind, written: item.written, text: item.text, proposal: item.proposal, notes: item.notes,
  referToBodyId: item.referToBodyId, presenters: item.presenters, decisions: item.decisions, assignments: item.assignments, ...change,
});

describe('running a meeting', () => {
  let first: number;
  let second: number;

  it('plans the year, with a joint meeting and a seminar; planned dates are public, nothing is duplicated', async () => {
    const res = await secretary.post(`/api/bodies/${lsg}/year-plan`, {
      year: 2024,
      meetings: [
        { date: '2024-02-23', startTime: '09:00', endTime: '12:00', place: 'Teams' },
        { date: '2024-04-19', startTime: '09:00', endTime: '15:00', place: 'Umeå', jointBodyIds: [samrad], title: 'Systemledning tillsammans med Samråd' },
        { date: '2024-05-31', kind: 'seminar', title: 'Ledningsseminarium', place: 'Lycksele' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.created).toHaveLength(3);
    const again = await secretary.post(`/api/bodies/${lsg}/year-plan`, { year: 2024, meetings: [{ date: '2024-02-23' }] });
    expect(again.body).toEqual({ created: [], existing: [res.body.created[0]] });
    const plan = await new Client(app).get(`/api/bodies/${lsg}/year-plan?year=2024`);
    expect(plan.body.map((m: Json) => [m.date, m.status])).toEqual([['2024-02-23', 'planned'], ['2024-04-19', 'planned'], ['2024-05-31', 'planned']]);
    const samradPlan = await new Client(app).get(`/api/bodies/${samrad}/year-plan?year=2024`);
    expect(samradPlan.body.map((m: Json) => m.date)).toEqual(['2024-04-19']);
  });

  it('refuses a year plan with a date outside the year or twice', async () => {
    const res = await secretary.post(`/api/bodies/${lsg}/year-plan`, { year: 2024, meetings: [{ date: '2025-01-10' }, { date: '2024-03-01' }, { date: '2024-03-01' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/2025-01-10 is not in 2024.*2024-03-01 appears twice/);
  });

  it('prepares the planned meeting with the standard agenda; a date outside the plan is flagged', async () => {
    const res = await secretary.post(`/api/bodies/${lsg}/meetings`, { date: '2024-02-23' });
    expect(res.body.inYearPlan).toBe(true);
    first = res.body.meetingId;
    const state = await editor(first);
    expect(state.meeting.status).toBe('draft');
    expect(state.items.map((i: Json) => `${i.number}. ${i.title}`)).toEqual([
      '1. Godkännande av föredragningslista',
      '2. Val av justerare',
      '3. Föregående protokoll',
      '4. Ärenden till Samråd hälsa, vård och omsorg',
      '5. Övriga frågor',
      '6. Genomgång och sammanfattning av beslut',
      '7. Nästa möte',
    ]);
    const outside = await secretary.post(`/api/bodies/${lsg}/meetings`, { date: '2024-03-15' });
    expect(outside.body.inYearPlan).toBe(false);
  });

  it('adds the body’s items before the closing ones, and the draft is for members only', async () => {
    const add = await secretary.post(`/api/meetings/${first}/items`, {
      title: 'Regional strategi för suicidprevention', kind: 'decision', presenters: [{ name: 'Emma Wasara', title: 'strateg' }], proposal: 'att anta strategin',
    });
    expect(add.status).toBe(201);
    const state = await editor(first);
    expect(state.items.map((i: Json) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(state.items[3]).toMatchObject({ number: 4, title: 'Regional strategi för suicidprevention', presenters: [{ name: 'Emma Wasara', title: 'strateg' }] });
    expect((await new Client(app).get(`/api/meetings/${first}`)).status).toBe(404);
  });

  it('records attendance with a substitute and someone present for one item only', async () => {
    const res = await secretary.request('PUT', `/api/meetings/${first}/attendance`, {
      participants: [
        { list: 'present', name: 'Carin Nilsson', party: 's', organization: 'Umeå kommun', role: 'ordförande' },
        { list: 'present', name: 'Jens Wennberg', party: 'l', organization: 'Region Västerbotten', replaces: 'Lars Bäckström' },
        { list: 'present', name: 'Moa Brydsten', party: 's', organization: 'Umeå kommun', itemsFrom: 4, itemsTo: 4 },
        { list: 'absent', name: 'Lars Bäckström', party: 'c', organization: 'Region Västerbotten' },
        { list: 'official', name: 'Katarina Lindahl', note: 'regional samverkanskoordinator' },
      ],
    });
    expect(res.status).toBe(204);
    const p = (await secretary.get(`/api/meetings/${first}`)).body;
    expect(p.attendance.present[1]).toMatchObject({ name: 'Jens Wennberg', replaces: 'Lars Bäckström' });
    expect(p.attendance.present[2]).toMatchObject({ itemsFrom: 4, itemsTo: 4 });
    const badSubstitute = await secretary.request('PUT', `/api/meetings/${first}/attendance`, { participants: [{ list: 'present', name: 'A', replaces: 'Ingen Alls' }] });
    expect(badSubstitute.status).toBe(400);
  });

  it('records a decision with two att-clauses and an assignment to Beredning barn och unga', async () => {
    const item = (await editor(first)).items[3];
    const res = await secretary.request('PUT', `/api/meetings/${first}/items/${item.id}`, itemInput(item, {
      notes: 'Diskussion om implementeringen.',
      decisions: [{ text: 'Länssamverkansgruppen beslutade att anta strategin att uppdra till Beredning barn och unga att följa implementeringen', clauses: ['anta strategin', 'uppdra till Beredning barn och unga att följa implementeringen'], outcome: null }],
      assignments: [{ to: 'Beredning barn och unga', task: 'Följa implementeringen av strategin och återrapportera', dueText: 'Länssamverkansgruppens nästa möte', decisionIndex: 0 }],
    }));
    expect(res.status).toBe(200);
    const p = (await secretary.get(`/api/meetings/${first}`)).body;
    const saved = p.agenda[3];
    expect(saved.decisions[0].clauses).toHaveLength(2);
    expect(saved.assignments[0]).toMatchObject({ to: 'Beredning barn och unga', toBodyId: bbu, status: 'open' });
    expect(JSON.stringify(p)).not.toContain('Diskussion om implementeringen'); // notes are internal
  });

  it('never lets two people silently overwrite each other', async () => {
    const item = (await editor(first)).items[4];
    const [a, b] = await Promise.all([
      secretary.request('PUT', `/api/meetings/${first}/items/${item.id}`, itemInput(item, { text: 'Version A' })),
      secretary.request('PUT', `/api/meetings/${first}/items/${item.id}`, itemInput(item, { notes: 'Version B' })),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.code).toBe('conflict');
    // The loser merges onto what is stored now and saves again: nothing is lost.
    const merged = itemInput(loser.body.current, a.status === 409 ? { text: 'Version A' } : { notes: 'Version B' });
    expect((await secretary.request('PUT', `/api/meetings/${first}/items/${item.id}`, merged)).status).toBe(200);
    const after = (await editor(first)).items[4];
    expect([after.text, after.notes]).toEqual(['Version A', 'Version B']);
  });

  it('reorders by the given order and renumbers', async () => {
    const ids = (await editor(first)).items.map((i: Json) => i.id);
    const swapped = [ids[0], ids[2], ids[1], ...ids.slice(3)];
    expect((await secretary.request('PUT', `/api/meetings/${first}/order`, { itemIds: swapped })).status).toBe(204);
    const state = await editor(first);
    expect(state.items.map((i: Json) => i.id)).toEqual(swapped);
    expect(state.items.map((i: Json) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await secretary.request('PUT', `/api/meetings/${first}/order`, { itemIds: ids.slice(1) })).status).toBe(400);
  });

  it('continues the numbering at the next meeting and offers the assignment due back', async () => {
    second = (await secretary.post(`/api/bodies/${lsg}/meetings`, { date: '2024-04-19' })).body.meetingId;
    const state = await editor(second);
    // 1–8 on 23 February, 9–15 on the unplanned 15 March (renumbered when February gained an item), then 16.
    const march = (await secretary.get(`/api/bodies/${lsg}/year-plan?year=2024`)).body.find((m: Json) => m.date === '2024-03-15');
    expect(march.items).toEqual({ first: 9, last: 15, count: 7 });
    expect(state.items[0].number).toBe(16);
    expect(state.offers.assignments).toEqual([expect.objectContaining({ to: 'Beredning barn och unga', givenAt: expect.objectContaining({ meetingId: first, itemNumber: 4 }) })]);
    const take = await secretary.post(`/api/meetings/${second}/items`, { offer: { assignmentId: state.offers.assignments[0].assignmentId } });
    expect(take.status).toBe(201);
    const after = await editor(second);
    expect(after.offers.assignments).toEqual([]);
    expect(after.items.find((i: Json) => i.id === take.body.id)).toMatchObject({ title: expect.stringMatching(/^Återrapportering: Följa implementeringen/), reportsAssignmentId: state.offers.assignments[0].assignmentId });
  });

  it('sends a case on to Samråd: it waits in Samråd’s inbox with its lineage', async () => {
    const item = (await editor(first)).items[3];
    expect((await secretary.request('PUT', `/api/meetings/${first}/items/${item.id}`, itemInput(item, { referToBodyId: samrad }))).status).toBe(200);
    const inbox = (await secretary.get(`/api/bodies/${samrad}/inbox`)).body;
    expect(inbox.referrals).toEqual([expect.objectContaining({ itemId: item.id, title: 'Regional strategi för suicidprevention', fromBody: 'Länssamverkansgruppen', fromMeetingId: first })]);
    // Not public while the sending meeting's protocol is a draft.
    expect((await new Client(app).get(`/api/bodies/${samrad}/inbox`)).body.referrals).toEqual([]);
  });

  it('follows the case across meetings on the decision trace', async () => {
    const firstItem = (await editor(first)).items[3];
    const trace = (await secretary.get(`/api/items/${firstItem.id}/trace`)).body as Json[];
    expect(trace.map((e) => [e.date, e.link])).toEqual([['2024-02-23', 'start'], ['2024-04-19', 'reported-at']]);
    expect(trace[0].assignments[0]).toMatchObject({ to: 'Beredning barn och unga', reportedAtItemId: trace[1].itemId });
    // The public sees nothing of drafts, not even that the case exists.
    expect((await new Client(app).get(`/api/items/${firstItem.id}/trace`)).status).toBe(404);
  });

  it('refuses edits by a member of another body, and edits of an imported archive record', async () => {
    const other = await signedIn(store, app, { email: 'annan@example.se', memberships: [{ bodyId: samrad, role: 'sekreterare' }] });
    expect((await other.post(`/api/meetings/${first}/items`, { title: 'X' })).status).toBe(403);
    expect((await other.post(`/api/bodies/${lsg}/meetings`, { date: '2024-06-01' })).status).toBe(403);
  });

  it('rejects an assignment without a receiver or due before its decision, and stores nothing of it', async () => {
    const item = (await editor(first)).items[3];
    const noReceiver = await secretary.request('PUT', `/api/meetings/${first}/items/${item.id}`, itemInput(item, { assignments: [{ to: ' ', task: 'Något' }] }));
    expect(noReceiver.status).toBe(400);
    expect(noReceiver.body.error.message).toContain('assignments');
    const early = await secretary.request('PUT', `/api/meetings/${first}/items/${item.id}`, itemInput(item, { assignments: [{ to: 'BBU', task: 'Något', dueDate: '2024-01-01' }] }));
    expect(early.status).toBe(400);
    expect((await editor(first)).items[3].assignments).toHaveLength(1);
  });
});

describe('attachments', () => {
  it('accepts a PDF and refuses a file that is not what its extension claims', async () => {
    const state = (await secretary.get(`/api/bodies/${lsg}/year-plan?year=2024`)).body as Json[];
    const meetingId = state[0].id;
    const item = (await editor(meetingId)).items[3];
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const ok = await secretary.upload(`/api/meetings/${meetingId}/items/${item.id}/documents`, 'underlag.pdf', pdf);
    expect(ok.status).toBe(201);
    const fake = await secretary.upload(`/api/meetings/${meetingId}/items/${item.id}/documents`, 'underlag.docx', pdf);
    expect(fake.status).toBe(400);
    expect(fake.body.error.code).toBe('attachment_mismatch');
    const exe = await secretary.upload(`/api/meetings/${meetingId}/items/${item.id}/documents`, 'program.exe', pdf);
    expect(exe.body.error.code).toBe('attachment_unsupported');
    const download = await app.request(`/api/documents/${ok.body.id}`, { headers: { cookie: secretary.cookie! } });
    expect(download.headers.get('content-disposition')).toContain('underlag.pdf');
    expect((await app.request(`/api/documents/${ok.body.id}`)).status).toBe(404); // the public: not until published
    const doc = (await editor(meetingId)).items[3].documents[0];
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('a planned meeting that gets content', () => {
  it('becomes a draft: the public no longer reads it, so an item written early does not leak', async () => {
    const plan = await secretary.post(`/api/bodies/${lsg}/year-plan`, { year: 2027, meetings: [{ date: '2027-09-03', place: 'Skellefteå' }] });
    const meetingId = plan.body.created[0] as number;
    expect((await new Client(app).get(`/api/meetings/${meetingId}`)).status).toBe(200);
    const added = await secretary.post(`/api/meetings/${meetingId}/items`, { title: 'Förslag om nedläggning', kind: 'decision', written: false, proposal: null, presenters: [] });
    expect(added.status).toBe(201);
    expect((await secretary.get(`/api/meetings/${meetingId}`)).body.status).toBe('draft');
    expect((await new Client(app).get(`/api/meetings/${meetingId}`)).status).toBe(404);
  });
});

describe('a planned meeting that is moved', () => {
  it('stays planned and public: its date, time and place are what the year plan shows anyway', async () => {
    const plan = await secretary.post(`/api/bodies/${lsg}/year-plan`, { year: 2027, meetings: [{ date: '2027-10-08', place: 'Umeå' }] });
    const meetingId = plan.body.created[0] as number;
    const moved = await secretary.request('PATCH', `/api/meetings/${meetingId}`, { version: 1, date: '2027-10-15', place: 'Lycksele' });
    expect(moved.status).toBe(200);
    const seen = await new Client(app).get(`/api/meetings/${meetingId}`);
    expect([seen.status, seen.body.status, seen.body.date]).toEqual([200, 'planned', '2027-10-15']);
  });
});
