import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, signedIn, type Json } from '../helpers/client.js';
import { parsedProtocol, sourceOf } from '../helpers/protocols.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { SYSTEM } from '../../src/domain/access.js';
import { todayIso } from '../../src/domain/assignments.js';
import { addDays } from '../../src/domain/dashboard.js';
import type { Store } from '../../src/store/db.js';

// The uppföljning dashboard answers with counts; each count must be what the list it links to
// shows, for every scope (all, a body, a huvudman) and year, and for every kind of reader.

let store: Store;
let app: ReturnType<typeof testApp>;
let anonymous: Client;
let lsgSecretary: Client;
let lsg: number;
let bbu: number;
let umea: number;
let lycksele: number;
let published: number;
let draft: number;
const today = todayIso();

async function itemOf(meetingId: number, number: number): Promise<number> {
  return (await store.db.selectFrom('agenda_item').select('id').where('meeting_id', '=', meetingId).where('number', '=', number).executeTakeFirstOrThrow()).id;
}

/** An assignment in a meeting's item, as the minutes or the importer would have written it. */
async function assignment(meetingId: number, to: string, status: 'unconfirmed' | 'open' | 'reported' | 'done' | 'withdrawn', dueDate: string | null, toBodyId: number | null = null) {
  await store.db.insertInto('assignment').values({ item_id: await itemOf(meetingId, 41), from_body_id: lsg, to_text: to, to_body_id: toBodyId, task: `Uppdrag till ${to}`, due_date: dueDate, status }).execute();
}

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store);
  const bodies = await listBodies(store.db, SYSTEM);
  lsg = bodies.find((b) => b.slug === 'lsg')!.id;
  bbu = bodies.find((b) => b.name === 'Beredning barn och unga')!.id;
  anonymous = new Client(app);
  lsgSecretary = await signedIn(store, app, { email: 'lsg@example.se', memberships: [{ bodyId: lsg, role: 'sekreterare' }] });
  const huvudman: Json[] = (await anonymous.get('/api/huvudman')).body;
  umea = huvudman.find((h) => h.shortName === 'Umeå').id;
  lycksele = huvudman.find((h) => h.shortName === 'Lycksele').id;

  // 2024: a published protocol (its item 41 gives Beredning barn och unga an assignment) and a draft.
  published = (await storeImportedProtocol(store.db, parsedProtocol(), sourceOf('LSG 2024-02-23'))).meetingId;
  draft = (await storeImportedProtocol(store.db, parsedProtocol({ date: '2024-05-05', diaryNumber: 'LSG 2024-2' }), sourceOf('utkast LSG'), { draft: true })).meetingId;
  await assignment(published, 'Beredning barn och unga', 'open', addDays(today, -1), bbu); // overdue
  await assignment(published, 'Beredning barn och unga', 'open', addDays(today, 30), bbu);
  await assignment(published, 'Umeå kommun', 'open', addDays(today, -10)); // a huvudman, by name: overdue
  await assignment(published, 'umeå', 'reported', null); // by its short name
  await assignment(published, 'Lycksele kommun', 'done', null);
  await assignment(published, 'Beredning barn och unga', 'withdrawn', null, bbu);
  await assignment(draft, 'Beredning barn och unga', 'open', addDays(today, -5), bbu); // only LSG's members see it
  await assignment(draft, 'Umeå kommun', 'open', null);

  // Recommendations: one from the published decision (2024), one by hand (2023), one from the draft.
  const decisionOf = async (meetingId: number) => (await store.db.selectFrom('decision').select('id').where('item_id', '=', await itemOf(meetingId, 41)).executeTakeFirstOrThrow()).id;
  const recommend = async (body: Json) => (await lsgSecretary.post(`/api/bodies/${lsg}/recommendations`, { kind: 'strategi', localBody: 'fullmäktige', ...body })).body.id as number;
  const strategy = await recommend({ title: 'Strategi för suicidprevention', decisionId: await decisionOf(published), deadline: addDays(today, -1) });
  const roadmap = await recommend({ title: 'Färdplan Nära vård', decidedOn: '2023-06-01', deadline: addDays(today, 100) });
  await recommend({ title: 'Utkastets överenskommelse', decisionId: await decisionOf(draft) });
  const adopt = (rec: number, rows: Json[]) => lsgSecretary.request('PUT', `/api/recommendations/${rec}/adoptions`, { rows });
  expect((await adopt(strategy, [{ huvudmanId: umea, status: 'adopted', decidedOn: '2024-05-01' }, { huvudmanId: lycksele, status: 'in-preparation' }])).status).toBe(200);
  expect((await adopt(roadmap, [{ huvudmanId: umea, status: 'declined', decidedOn: '2023-09-01' }])).status).toBe(200);

  // A grant to Umeå and Lycksele with four reporting dates: overdue, soon, submitted, far off.
  const call = (await lsgSecretary.post(`/api/bodies/${lsg}/fund-calls`, { fund: 'Psykisk hälsa', name: 'Utlysning 2024', year: 2024, amountOre: 100_000_00 })).body;
  const withApp = (await lsgSecretary.post(`/api/bodies/${lsg}/fund-calls/${call.id}/applications`, { project: 'Suicidprevention i skolan', applicantIds: [umea, lycksele], askedOre: 50_000_00 })).body;
  const applicationId = withApp.applications[0].id;
  expect((await lsgSecretary.request('PUT', `/api/bodies/${lsg}/fund-calls/${call.id}/assessment`, { stage: 'decision', date: '2024-03-01', rows: [{ applicationId, amountOre: 40_000_00 }] })).status).toBe(200);
  for (const [dueDate, submittedOn] of [[addDays(today, -3), null], [addDays(today, 20), null], [addDays(today, -30), addDays(today, -31)], [addDays(today, 200), null]] as const) {
    expect((await lsgSecretary.request('PUT', `/api/bodies/${lsg}/fund-calls/${call.id}/reports`, { applicationId, dueDate, submittedOn })).status).toBe(200);
  }

  // Governing documents: review overdue, soon, far off, none; one kept by another body.
  const samrad = bodies.find((b) => b.slug === 'samrad')!.id;
  const admin = await signedIn(store, app, { email: 'admin@example.se', admin: true });
  for (const [body, title, nextReview] of [[lsg, 'Överenskommelse om samverkan', addDays(today, -2)], [lsg, 'Rutin för uppdrag', addDays(today, 60)], [lsg, 'Strategi 2030', addDays(today, 400)], [lsg, 'Riktlinje utan revision', null], [samrad, 'Samrådets rutin', addDays(today, 10)]] as const) {
    expect((await admin.post(`/api/bodies/${body}/governing-documents`, { title, kind: 'rutin', nextReview })).status).toBe(201);
  }
});
afterAll(async () => {
  await store?.close();
});

const dashboard = async (client: Client, query: string) => {
  const res = await client.get(`/api/follow-up/dashboard${query ? `?${query}` : ''}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('the uppföljning dashboard', () => {
  it('counts a body’s assignments given or received, by status and overdue, as the public reads them', async () => {
    const d = await dashboard(anonymous, `body=${bbu}`);
    expect(d.scope).toEqual({ kind: 'body', id: bbu, name: 'Beredning barn och unga', slug: expect.any(String) });
    // The imported item 41 also gives Beredning barn och unga one unconfirmed assignment.
    expect(d.assignments).toEqual({ unconfirmed: 1, open: 2, reported: 0, done: 0, withdrawn: 1, overdue: 1 });
    const members = await dashboard(lsgSecretary, `body=${bbu}`);
    expect(members.assignments).toMatchObject({ open: 3, overdue: 2 }); // and the draft's, for LSG's secretary
  });

  it('counts a huvudman’s assignments whether written as its name or its short name', async () => {
    const d = await dashboard(anonymous, `huvudman=${umea}`);
    expect(d.scope).toEqual({ kind: 'huvudman', id: umea, name: 'Umeå kommun' });
    expect(d.assignments).toEqual({ unconfirmed: 0, open: 1, reported: 1, done: 0, withdrawn: 0, overdue: 1 });
  });

  it('shows adoption progress per recommendation for a body, and a huvudman’s own statuses', async () => {
    const d = await dashboard(anonymous, `body=${lsg}`);
    expect(d.adoption.recommendations.map((r: Json) => r.title)).toEqual(['Strategi för suicidprevention', 'Färdplan Nära vård']); // not the draft's
    expect(d.adoption.recommendations[0]).toMatchObject({ counts: { adopted: 1, 'in-preparation': 1, 'not-started': 14, declined: 0 }, overdue: 15, total: 16 });
    expect(d.adoption).toMatchObject({ counts: { adopted: 1, declined: 1, 'in-preparation': 1, 'not-started': 29 }, overdue: 15, total: 32, more: 0 });
    const y2023 = await dashboard(anonymous, `body=${lsg}&year=2023`);
    expect(y2023.adoption).toMatchObject({ total: 16, counts: { declined: 1 }, overdue: 0 });
    const h = await dashboard(anonymous, `huvudman=${umea}`);
    expect(h.adoption).toMatchObject({ counts: { adopted: 1, declined: 1, 'in-preparation': 0, 'not-started': 0 }, total: 2, recommendations: [] });
    expect((await dashboard(lsgSecretary, `huvudman=${umea}`)).adoption.counts['not-started']).toBe(1); // the draft's, for its members
  });

  it('lists the fund reports due within the window or overdue, not those submitted or far off', async () => {
    const d = await dashboard(anonymous, `huvudman=${lycksele}`);
    expect(d.funds).toMatchObject({ due: 2, overdue: 1 });
    expect(d.funds.reports.map((r: Json) => [r.dueDate, r.overdue, r.project])).toEqual([[addDays(today, -3), true, 'Suicidprevention i skolan'], [addDays(today, 20), false, 'Suicidprevention i skolan']]);
    expect((await dashboard(anonymous, `huvudman=${umea}&year=2023`)).funds.due).toBe(0);
    expect((await dashboard(anonymous, `body=${bbu}`)).funds.due).toBe(0);
  });

  it('lists the documents due for review: a body’s own, or the whole register', async () => {
    const d = await dashboard(anonymous, `body=${lsg}`);
    expect(d.documents).toMatchObject({ due: 2, overdue: 1 });
    expect(d.documents.list.map((x: Json) => [x.title, x.review])).toEqual([['Överenskommelse om samverkan', 'overdue'], ['Rutin för uppdrag', 'soon']]);
    expect((await dashboard(anonymous, `huvudman=${umea}`)).documents).toMatchObject({ due: 3, overdue: 1 });
  });

  it('agrees with the lists it links to, for every scope, year and reader', async () => {
    const fundReports = (calls: Json[], huvudmanId: number | null) =>
      calls.flatMap((c: Json) => c.applications)
        .filter((a: Json) => huvudmanId === null || a.applicants.some((x: Json) => x.huvudmanId === huvudmanId))
        .flatMap((a: Json) => a.reports)
        .filter((r: Json) => r.submittedOn === null && r.dueDate <= addDays(today, 90));
    for (const client of [anonymous, lsgSecretary]) {
      for (const scope of ['', `body=${lsg}`, `body=${bbu}`, `huvudman=${umea}`, `huvudman=${lycksele}`]) {
        for (const year of [null, 2023, 2024]) {
          const query = [scope, year ? `year=${year}` : ''].filter(Boolean).join('&');
          const d = await dashboard(client, query);
          const list = async (path: string, extra: string) => (await client.get(`${path}?${[query, extra].filter(Boolean).join('&')}`)).body;
          for (const status of ['unconfirmed', 'open', 'reported', 'done', 'withdrawn', 'overdue']) {
            expect((await list('/api/assignments', `status=${status}`)).length, `${status} ${query}`).toBe(d.assignments[status]);
          }
          if (scope.startsWith('huvudman')) {
            const page = (await client.get(`/api/huvudman/${scope.split('=')[1]}/adoption${year ? `?year=${year}` : ''}`)).body;
            expect(page.pending.length + page.decided.length, query).toBe(d.adoption.total);
            expect(page.decided.filter((a: Json) => a.status === 'adopted').length).toBe(d.adoption.counts.adopted);
            expect(page.pending.filter((a: Json) => a.overdue).length).toBe(d.adoption.overdue);
          } else {
            const matrix = await list('/api/adoption', '');
            expect(matrix.recommendations.map((r: Json) => r.id), query).toEqual(d.adoption.recommendations.map((r: Json) => r.id));
            expect(matrix.recommendations.map((r: Json) => r.progress.counts)).toEqual(d.adoption.recommendations.map((r: Json) => r.counts));
          }
          const huvudmanId = scope.startsWith('huvudman') ? Number(scope.split('=')[1]) : null;
          const calls = await list('/api/fund-calls', '');
          expect(fundReports(calls, huvudmanId).length, query).toBe(d.funds.due);
          const docs = (await client.get(`/api/governing-documents?review=soon${scope.startsWith('body') ? `&${scope}` : ''}`)).body;
          expect(docs.length).toBe(d.documents.due);
          const late = (await client.get(`/api/governing-documents?review=overdue${scope.startsWith('body') ? `&${scope}` : ''}`)).body;
          expect(late.length).toBe(d.documents.overdue);
        }
      }
    }
  });

  it('is described in the OpenAPI document, with its answer’s shape', async () => {
    const doc = (await anonymous.get('/api/openapi.json')).body;
    const route = doc.paths['/api/follow-up/dashboard'].get;
    expect(route.parameters.map((p: Json) => p.name).sort()).toEqual(['body', 'huvudman', 'year']);
    expect(route.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/FollowUpDashboard' });
    expect(Object.keys(doc.components.schemas.FollowUpDashboard.properties)).toEqual(['scope', 'year', 'today', 'dueSoonDays', 'assignments', 'adoption', 'funds', 'documents']);
  });

  it('refuses a body and a huvudman at once, an unknown one, and a year out of range', async () => {
    const both = await anonymous.get(`/api/follow-up/dashboard?body=${lsg}&huvudman=${umea}`);
    expect(both.status).toBe(400);
    expect(both.body.error.message).toBe('Ogiltigt värde för huvudman: välj ett organ eller en huvudman, inte båda');
    const unknown = await anonymous.get('/api/follow-up/dashboard?huvudman=987654');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('Huvudmannen finns inte.');
    expect((await anonymous.get('/api/follow-up/dashboard?body=987654')).status).toBe(404);
    expect((await anonymous.get('/api/follow-up/dashboard?year=12')).status).toBe(400);
    expect((await anonymous.get('/api/follow-up/dashboard?body=lsg')).status).toBe(400);
  });
});

describe('follow-up records on the protocol page', () => {
  it('lists the recommendations and cost splits a meeting’s decisions made', async () => {
    const recs = (await anonymous.get(`/api/recommendations?meeting=${published}`)).body;
    expect(recs.map((r: Json) => r.title)).toEqual(['Strategi för suicidprevention']);
    const decisionId = (await store.db.selectFrom('decision').select('id').where('item_id', '=', await itemOf(published, 41)).executeTakeFirstOrThrow()).id;
    const split = await lsgSecretary.post(`/api/bodies/${lsg}/cost-splits`, { decisionId, title: 'Vårdhygien 2024', costYear: 2024, totalOre: 1_000_000_00, regionShareBp: 5000, municipalShareBp: 5000, measure: { kind: 'population', year: 2023 } });
    expect(split.status).toBe(201);
    const splits = (await anonymous.get(`/api/cost-splits?meeting=${published}`)).body;
    expect(splits.map((s: Json) => [s.title, s.source.itemNumber])).toEqual([['Vårdhygien 2024', 41]]);
    expect((await anonymous.get(`/api/cost-splits?meeting=${draft}`)).body).toEqual([]);
  });

  it('shows the public nothing a draft or a merely planned meeting decided; its body’s members see it', async () => {
    expect((await anonymous.get(`/api/recommendations?meeting=${draft}`)).body).toEqual([]);
    expect((await lsgSecretary.get(`/api/recommendations?meeting=${draft}`)).body.map((r: Json) => r.title)).toEqual(['Utkastets överenskommelse']);
    // A planned meeting is public (a date in the year plan), but a decision written into it early is not.
    const plan = await lsgSecretary.post(`/api/bodies/${lsg}/year-plan`, { year: 2026, meetings: [{ date: '2026-03-13', startTime: '09:00', endTime: '12:00', place: 'Teams' }] });
    expect(plan.status).toBe(201);
    const planned = plan.body.created[0] as number;
    const item = await lsgSecretary.post(`/api/meetings/${planned}/items`, { title: 'Tidig överenskommelse', kind: 'decision' });
    expect(item.status).toBe(201);
    const saved = await lsgSecretary.request('PUT', `/api/meetings/${planned}/items/${item.body.id}`, { version: 1, title: 'Tidig överenskommelse', kind: 'decision', decisions: [{ text: 'Länssamverkansgruppen rekommenderar huvudmännen att anta överenskommelsen.' }] });
    expect(saved.status).toBe(200);
    const decisionId = (await store.db.selectFrom('decision').select('id').where('item_id', '=', item.body.id).executeTakeFirstOrThrow()).id;
    expect((await lsgSecretary.post(`/api/bodies/${lsg}/recommendations`, { title: 'Tidig överenskommelse', kind: 'överenskommelse', localBody: 'fullmäktige', decisionId })).status).toBe(201);
    expect((await anonymous.get(`/api/recommendations?meeting=${planned}`)).body).toEqual([]);
    expect((await anonymous.get('/api/adoption')).body.recommendations.map((r: Json) => r.title)).not.toContain('Tidig överenskommelse');
    expect((await dashboard(anonymous, `body=${lsg}&year=2026`)).adoption.total).toBe(0);
    expect((await lsgSecretary.get(`/api/recommendations?meeting=${planned}`)).body).toHaveLength(1);
  });
});
