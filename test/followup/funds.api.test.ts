import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, signedIn, type Json } from '../helpers/client.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { SYSTEM } from '../../src/domain/access.js';
import type { Store } from '../../src/store/db.js';

// "Länssamverkansgruppen beslutade att bifalla samtliga ansökningar enligt beredningsgruppens förslag."

let store: Store;
let app: ReturnType<typeof testApp>;
let secretary: Client;
let lsg: number;
let bbu: number;
let h: Record<string, number>;

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store);
  const bodies = await listBodies(store.db, SYSTEM);
  lsg = bodies.find((b) => b.slug === 'lsg')!.id;
  bbu = bodies.find((b) => b.slug === 'bbu')!.id;
  secretary = await signedIn(store, app, { email: 'lsg@example.se', memberships: [{ bodyId: lsg, role: 'sekreterare' }] });
  h = Object.fromEntries(((await new Client(app).get('/api/huvudman')).body as Json[]).map((x) => [x.shortName, x.id]));
});
afterAll(async () => {
  await store?.close();
});

describe('a fund from call to report', () => {
  let call: number;
  let apps: number[];

  it('opens a call and takes applications from one or several huvudmän', async () => {
    const res = await secretary.post(`/api/bodies/${lsg}/fund-calls`, { fund: 'Psykisk hälsa och suicidprevention', name: 'Utvecklingsmedel 2024', year: 2024, amountOre: 1_000_000_00, criteria: 'Länsgemensamma insatser', applyBy: '2024-03-31' });
    expect(res.status).toBe(201);
    call = res.body.id;
    const a1 = await secretary.post(`/api/bodies/${lsg}/fund-calls/${call}/applications`, { project: 'Suicidprevention i skolan', applicantIds: [h['Umeå']!, h['Vännäs']!], askedOre: 600_000_00 });
    const a2 = await secretary.post(`/api/bodies/${lsg}/fund-calls/${call}/applications`, { project: 'Äldres psykiska hälsa', applicantIds: [h['Åsele']!], askedOre: 300_000_00 });
    apps = a2.body.applications.map((a: Json) => a.id);
    expect(a1.status).toBe(201);
    expect(a2.body.applications.map((a: Json) => [a.project, a.applicants.map((x: Json) => x.name), a.status])).toEqual([
      ['Suicidprevention i skolan', ['Umeå kommun', 'Vännäs kommun'], 'submitted'],
      ['Äldres psykiska hälsa', ['Åsele kommun'], 'submitted'],
    ]);
    const unknown = await secretary.post(`/api/bodies/${lsg}/fund-calls/${call}/applications`, { project: 'X', applicantIds: [987654], askedOre: 1 });
    expect(unknown.body.error.message).toBe('Ogiltigt värde för applicantIds.0: okänd huvudman 987654');
  });

  it('records the beredning’s proposal, then the decision; a grant beyond the call stores nothing', async () => {
    const proposal = await secretary.request('PUT', `/api/bodies/${lsg}/fund-calls/${call}/assessment`, { stage: 'proposal', date: '2024-04-10', proposalBodyId: bbu, rows: [{ applicationId: apps[0], amountOre: 600_000_00 }, { applicationId: apps[1], amountOre: 250_000_00 }] });
    expect(proposal.status).toBe(200);
    expect(proposal.body.proposalBody.name).toBe('Beredning barn och unga');
    const tooMuch = await secretary.request('PUT', `/api/bodies/${lsg}/fund-calls/${call}/assessment`, { stage: 'decision', date: '2024-04-19', rows: [{ applicationId: apps[0], amountOre: 600_000_00 }, { applicationId: apps[1], amountOre: 300_000_00 + 1 }] });
    expect(tooMuch.body.error.message).toMatch(/^Ogiltigt värde för rows.1.amountOre: Äldres psykiska hälsa: mer än/);
    const decision = await secretary.request('PUT', `/api/bodies/${lsg}/fund-calls/${call}/assessment`, { stage: 'decision', date: '2024-04-19', rows: [{ applicationId: apps[0], amountOre: 600_000_00, conditions: 'Slutrapport senast 2025-03-31' }, { applicationId: apps[1], amountOre: 250_000_00 }] });
    expect(decision.status).toBe(200);
    expect(decision.body.decidedOn).toBe('2024-04-19');
    expect(decision.body.applications.map((a: Json) => [a.status, a.grantedOre, a.conditions])).toEqual([['granted', 600_000_00, 'Slutrapport senast 2025-03-31'], ['granted', 250_000_00, '']]);
  });

  it('keeps reporting deadlines and reports, overdue until the report comes', async () => {
    const due = await secretary.request('PUT', `/api/bodies/${lsg}/fund-calls/${call}/reports`, { applicationId: apps[0], dueDate: '2025-03-31' });
    expect(due.status).toBe(200);
    const report = due.body.applications[0].reports[0];
    expect(report).toMatchObject({ dueDate: '2025-03-31', submittedOn: null, overdue: true });
    const came = await secretary.request('PUT', `/api/bodies/${lsg}/fund-calls/${call}/reports`, { reportId: report.id, applicationId: apps[0], dueDate: '2025-03-31', submittedOn: '2025-03-28', note: 'Slutrapport inkom' });
    expect(came.body.applications[0].reports[0]).toMatchObject({ submittedOn: '2025-03-28', overdue: false });
    const badDate = await secretary.request('PUT', `/api/bodies/${lsg}/fund-calls/${call}/reports`, { applicationId: apps[0], dueDate: '2025-02-30' });
    expect(badDate.body.error.message).toBe('Ogiltigt värde för dueDate: det datumet finns inte');
  });

  it('gives totals per year, fund and huvudman; a joint grant counts in equal parts', async () => {
    const totals = (await new Client(app).get('/api/fund-totals?year=2024')).body;
    expect(totals.funds).toEqual([{ fund: 'Psykisk hälsa och suicidprevention', year: 2024, callsOre: 1_000_000_00, askedOre: 900_000_00, proposedOre: 850_000_00, grantedOre: 850_000_00 }]);
    expect(totals.huvudman.map((x: Json) => [x.name, x.grantedOre])).toEqual([['Umeå kommun', 300_000_00], ['Vännäs kommun', 300_000_00], ['Åsele kommun', 250_000_00]]);
  });

  it('only the body’s secretaries change a call; another body’s path finds nothing', async () => {
    expect((await new Client(app).post(`/api/bodies/${lsg}/fund-calls/${call}/applications`, { project: 'X', applicantIds: [h['Umeå']], askedOre: 1 })).status).toBe(401);
    const admin = await signedIn(store, app, { email: 'admin@example.se', admin: true });
    expect((await admin.post(`/api/bodies/${bbu}/fund-calls/${call}/applications`, { project: 'X', applicantIds: [h['Umeå']], askedOre: 1 })).status).toBe(404);
    expect((await admin.post('/api/bodies/987654/fund-calls', { fund: 'F', name: 'N', year: 2024, amountOre: 1 })).status).toBe(404);
  });
});
