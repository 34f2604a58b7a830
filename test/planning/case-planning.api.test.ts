import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, signedIn, type Json } from '../helpers/client.js';
import { parsedProtocol, sourceOf } from '../helpers/protocols.js';
import { SYSTEM } from '../../src/domain/access.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { createYearPlan } from '../../src/store/queries/year-plan.js';
import type { Store } from '../../src/store/db.js';

// Planning a case along the chain through the API: Beredning vuxna och äldre → Länssamverkansgruppen
// → Samråd hälsa, vård och omsorg → each huvudman's decision, against the year plans. The
// deadlines and warnings follow the meetings as they are on every read; a path that cannot be
// planned is refused with the reason and leaves nothing behind.

let store: Store;
let app: ReturnType<typeof testApp>;
let anonymous: Client;
let bvaoSecretary: Client; // plans the case
let lsgSecretary: Client;
let lsgMember: Client;
let outsider: Client; // secretary of Systemledning, not on the path
let admin: Client;
const body: Record<string, number> = {};
const meeting: Record<string, number> = {}; // by date
let anchorItemId: number;

const entry = (date: string) => ({ date, startTime: '09:00', endTime: '12:00', place: 'Teams', kind: 'meeting' as const, title: null, jointBodyIds: [] });

async function plannedMeetings(slug: string, dates: string[]) {
  const { created } = await createYearPlan(store.db, SYSTEM, body[slug]!, 2026, dates.map(entry));
  created.forEach((id, i) => (meeting[dates[i]!] = id));
}

function chain(extra: Json = {}) {
  return {
    title: 'Regional handlingsplan för äldres psykiska hälsa',
    description: 'Utkast från beredningen, förankras i LSG och samrådet.',
    steps: [
      { kind: 'body', bodyId: body.bvao, meetingId: meeting['2026-02-10'] },
      { kind: 'body', bodyId: body.lsg, meetingId: meeting['2026-03-13'] },
      { kind: 'body', bodyId: body.samrad, meetingId: meeting['2026-04-17'] },
      { kind: 'huvudman', date: '2026-12-31' },
    ],
    ...extra,
  };
}

const planCount = async () => Number((await store.db.selectFrom('case_plan').select(store.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const warnings = (plan: Json) => plan.warnings.map((w: Json) => `${w.step + 1} ${w.code}`);

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store);
  for (const b of await listBodies(store.db, SYSTEM)) body[b.slug] = b.id;
  await plannedMeetings('bvao', ['2026-02-10', '2026-05-12']);
  await plannedMeetings('lsg', ['2026-03-13', '2026-06-12', '2026-09-11']);
  await plannedMeetings('samrad', ['2026-04-17', '2026-09-18']);
  anchorItemId = (await store.db.selectFrom('agenda_item').select('id').where('meeting_id', '=', (await storeImportedProtocol(store.db, parsedProtocol({ date: '2026-01-16' }), sourceOf('LSG januari'))).meetingId).where('number', '=', 41).executeTakeFirstOrThrow()).id;
  anonymous = new Client(app);
  bvaoSecretary = await signedIn(store, app, { email: 'bvao-sekr@example.se', memberships: [{ bodyId: body.bvao!, role: 'sekreterare' }] });
  lsgSecretary = await signedIn(store, app, { email: 'lsg-sekr@example.se', memberships: [{ bodyId: body.lsg!, role: 'sekreterare' }] });
  lsgMember = await signedIn(store, app, { email: 'lsg-ledamot@example.se', memberships: [{ bodyId: body.lsg!, role: 'ledamot' }] });
  outsider = await signedIn(store, app, { email: 'sl-sekr@example.se', memberships: [{ bodyId: body.systemledning!, role: 'sekreterare' }] });
  admin = await signedIn(store, app, { email: 'admin@example.se', admin: true });
});
afterAll(async () => {
  await store?.close();
});

describe('planning a case along the chain', () => {
  let planId: number;
  let version: number;

  it('derives each step’s documents deadline from its target meeting and the body’s lead time', async () => {
    const res = await bvaoSecretary.post(`/api/bodies/${body.bvao}/case-plans`, chain({ anchor: { itemId: anchorItemId } }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    planId = res.body.id;
    const plan = (await bvaoSecretary.get(`/api/case-plans/${planId}`)).body;
    version = plan.version;
    expect(plan.steps.map((s: Json) => [s.kind, s.body?.name ?? null, s.date, s.documentsDue ?? null])).toEqual([
      ['body', 'Beredning vuxna och äldre', '2026-02-10', '2026-01-27'],
      ['body', 'Länssamverkansgruppen', '2026-03-13', '2026-02-27'],
      ['body', 'Samråd hälsa, vård och omsorg', '2026-04-17', '2026-04-02'], // 14 days back is Good Friday
      ['huvudman', null, '2026-12-31', null],
    ]);
    expect(plan.warnings).toEqual([]);
    expect(plan.anchor).toMatchObject({ kind: 'item', itemId: anchorItemId, title: 'Regionala strategin för suicidprevention' });
    expect(plan.canEdit).toBe(true);
  });

  it('follows a body’s own lead time on the next read', async () => {
    const set = await lsgSecretary.request('PUT', `/api/bodies/${body.lsg}/lead-time`, { leadDays: 21 });
    expect(set.body).toEqual({ leadDays: 21, own: true });
    const plan = (await anonymous.get(`/api/case-plans/${planId}`));
    expect(plan.status).toBe(404); // still the members' draft
    const step = (await lsgMember.get(`/api/case-plans/${planId}`)).body.steps[1];
    expect([step.leadDays, step.documentsDue]).toEqual([21, '2026-02-20']);
    expect((await lsgMember.get(`/api/case-plans/${planId}`)).body.canEdit).toBe(false);
  });

  it('keeps a plan to the members of the bodies on its path until it is shared', async () => {
    expect((await outsider.get(`/api/case-plans/${planId}`)).status).toBe(404);
    expect((await anonymous.get('/api/case-plans?year=2026')).body).toEqual([]);
    const res = await lsgSecretary.request('PUT', `/api/case-plans/${planId}`, { ...chain({ anchor: { itemId: anchorItemId } }), visibility: 'public', version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    version = res.body.version;
    const shared = await anonymous.get(`/api/case-plans/${planId}`);
    expect(shared.status).toBe(200);
    expect(shared.body.canEdit).toBe(false);
    expect((await anonymous.get(`/api/case-plans?items=${anchorItemId}`)).body.map((p: Json) => p.id)).toEqual([planId]);
  });

  it('shows the steps and deadlines in the year wheel and the calendar feeds', async () => {
    const wheel = (await anonymous.get('/api/case-planning/wheel?year=2026')).body;
    expect(wheel.rings.map((r: Json) => r.body?.slug ?? 'huvudmän')).toEqual(['lsg', 'samrad', 'bvao', 'huvudmän']);
    const lsg = wheel.rings.find((r: Json) => r.body?.slug === 'lsg');
    expect(lsg.events.map((e: Json) => `${e.date} ${e.kind}`)).toEqual(['2026-01-16 meeting', '2026-02-20 deadline', '2026-03-13 meeting', '2026-03-13 step', '2026-06-12 meeting', '2026-09-11 meeting']);
    const one = (await anonymous.get(`/api/case-planning/wheel?year=2026&body=${body.bvao}`)).body;
    expect(one.rings.map((r: Json) => r.body.slug)).toEqual(['bvao']);

    const all = await anonymous.get('/api/case-planning/calendar.ics?year=2026');
    expect(all.headers.get('content-type')).toMatch(/^text\/calendar/);
    const uids = [...String(all.body).matchAll(/^UID:(.*)$/gm)].map((m) => m[1]!.trim());
    expect(uids).toContain(`case-plan-${planId}-body-${body.lsg}-documents@samverka`);
    expect(uids).toContain(`case-plan-${planId}-huvudman@samverka`);
    expect(uids).toHaveLength(7);
    expect(String(all.body).replace(/\r\n[ \t]/g, '')).toContain('SUMMARY:Handlingar senast: Regional handlingsplan för äldres psykiska hälsa till Länssamverkansgruppen');
    expect(String(all.body)).toContain('DTSTART;VALUE=DATE:20260220');
    const one_ = await anonymous.get(`/api/bodies/${body.lsg}/case-planning.ics`);
    expect([...String(one_.body).matchAll(/^UID:(.*)$/gm)].map((m) => m[1]!.trim()).sort()).toEqual([
      `case-plan-${planId}-body-${body.lsg}-documents@samverka`, `case-plan-${planId}-body-${body.lsg}@samverka`,
    ]);
  });

  it('warns on the case’s page and in the wheel when a meeting is moved after planning', async () => {
    const lsgMeeting = meeting['2026-03-13']!;
    const moved = await lsgSecretary.request('PATCH', `/api/meetings/${lsgMeeting}`, { version: 1, date: '2026-03-20', startTime: '09:00', endTime: '12:00', place: 'Teams' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const plan = (await bvaoSecretary.get(`/api/case-plans/${planId}`)).body;
    expect(warnings(plan)).toEqual(['2 moved']);
    expect(plan.warnings[0].message).toBe('Länssamverkansgruppens möte har flyttats från 2026-03-13 till 2026-03-20 sedan planen gjordes.');
    expect(plan.steps[1].date).toBe('2026-03-20');
    const wheel = (await bvaoSecretary.get('/api/case-planning/wheel?year=2026')).body;
    const step = wheel.rings.find((r: Json) => r.body?.slug === 'lsg').events.find((e: Json) => e.kind === 'step');
    expect([step.date, step.warnings.map((w: Json) => w.code)]).toEqual(['2026-03-20', ['moved']]);
    // Moving a planned meeting keeps it planned, and public: the public sees the move and the warning too.
    const shown = (await anonymous.get(`/api/case-plans/${planId}`)).body;
    expect([shown.steps[1].date, shown.steps[1].meeting, warnings(shown)]).toEqual(['2026-03-20', { id: lsgMeeting, date: '2026-03-20', startTime: '09:00', status: 'planned' }, ['2 moved']]);
    expect((await lsgMember.get(`/api/case-plans/${planId}`)).body.steps[1].meeting).toMatchObject({ id: lsgMeeting, date: '2026-03-20', status: 'planned' });
  });

  it('warns when a move puts a step before the step that feeds it, and refuses to re-plan it that way', async () => {
    const bvaoMeeting = meeting['2026-02-10']!;
    await bvaoSecretary.request('PATCH', `/api/meetings/${bvaoMeeting}`, { version: 1, date: '2026-03-24', startTime: '09:00', endTime: '12:00', place: 'Teams' });
    const plan = (await lsgSecretary.get(`/api/case-plans/${planId}`)).body;
    expect(warnings(plan)).toEqual(['1 moved', '2 moved', '2 order']);
    const before = await planCount();
    const again = await lsgSecretary.request('PUT', `/api/case-plans/${planId}`, { ...chain({ anchor: { itemId: anchorItemId } }), visibility: 'public', version });
    expect(again.status).toBe(422);
    expect(again.body.error.message).toBe('Steg 2: Länssamverkansgruppens möte 2026-03-20 ligger inte efter Beredning vuxna och äldres möte 2026-03-24, som steget bygger på.');
    expect(await planCount()).toBe(before);
    expect((await lsgSecretary.get(`/api/case-plans/${planId}`)).body.version).toBe(version);
  });

  it('accepts the new dates when it is planned again along a path that holds', async () => {
    const later: Record<number, string> = { 1: '2026-06-12', 2: '2026-09-18' };
    const steps = chain().steps.map((s: Json, i: number) => (later[i] ? { ...s, meetingId: meeting[later[i]!] } : s));
    const res = await lsgSecretary.request('PUT', `/api/case-plans/${planId}`, { ...chain({ anchor: { itemId: anchorItemId } }), steps, visibility: 'public', version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    version = res.body.version;
    const plan = (await bvaoSecretary.get(`/api/case-plans/${planId}`)).body;
    expect(plan.steps.map((s: Json) => s.date)).toEqual(['2026-03-24', '2026-06-12', '2026-09-18', '2026-12-31']);
    expect(warnings(plan)).toEqual([]);
  });
});

describe('paths that cannot be planned', () => {
  const path = (...steps: Json[]) => chain({ steps });
  const at = (slug: string, date: string | null) => ({ kind: 'body', bodyId: body[slug], meetingId: date ? meeting[date] : null });

  async function refused(input: Json, status = 422, as: Client = bvaoSecretary, from = body.bvao) {
    const before = await planCount();
    const res = await as.post(`/api/bodies/${from}/case-plans`, input);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(await planCount()).toBe(before);
    return res.body.error.message as string;
  }

  it('refuses a path that loops, with the step and the body named', async () => {
    expect(await refused(path(at('bvao', '2026-05-12'), at('lsg', '2026-06-12'), at('bvao', null)))).toBe(
      'Steg 3: vägen går tillbaka till Beredning vuxna och äldre (steg 1) och bildar en slinga. Varje organ kan bara finnas en gång i vägen.',
    );
    expect(await refused(path(at('bvao', '2026-05-12'), at('bvao', null)))).toBe('Steg 2: Beredning vuxna och äldre kommer två gånger i rad. Vägen får inte gå i en slinga.');
  });

  it('refuses a step whose meeting is not after the step it feeds', async () => {
    // LSG's March meeting was moved to 20 March (its secretary sees the draft it has become).
    expect(await refused(path(at('bvao', '2026-05-12'), at('lsg', '2026-03-13')), 422, lsgSecretary, body.lsg)).toBe(
      'Steg 2: Länssamverkansgruppens möte 2026-03-20 ligger inte efter Beredning vuxna och äldres möte 2026-05-12, som steget bygger på.',
    );
    expect(await refused(path(at('bvao', '2026-05-12'), { kind: 'huvudman', date: '2026-05-01' }))).toMatch(/^Steg 2: Huvudmännens beslut 2026-05-01 ligger inte efter/);
  });

  it('refuses a meeting of another body, a meeting that does not exist, and the huvudmän before the end', async () => {
    expect(await refused(path(at('bvao', '2026-05-12'), { kind: 'body', bodyId: body.lsg, meetingId: meeting['2026-09-18'] }))).toBe('Steg 2: mötet 2026-09-18 hör inte till Länssamverkansgruppen.');
    expect(await refused(path({ kind: 'body', bodyId: body.bvao, meetingId: 987654 }))).toBe('Steg 1: mötet finns inte.');
    expect(await refused(path({ kind: 'huvudman', date: null }, at('bvao', null)))).toBe('Steg 1: huvudmännens beslut kan bara vara det sista steget.');
    expect(await refused(path(at('bvao', null)), 422, lsgSecretary, body.lsg)).toBe('Vägen måste gå genom organet som planerar ärendet.');
    expect(await refused(chain({ anchor: { itemId: 987654 }, steps: [at('bvao', null)] }))).toBe('Ärendet som planen hör till finns inte.');
  });

  it('answers malformed input with the field named', async () => {
    expect(await refused(path(), 400)).toMatch(/steps/);
    expect(await refused(path({ kind: 'huvudman', date: '2026-02-30' }), 400)).toMatch(/ogiltigt datum/);
    expect(await refused(chain({ title: '  ' }), 400)).toMatch(/title/);
    expect(await refused(chain({ anchor: { itemId: 1, assignmentId: 2 } }), 400)).toMatch(/anchor/);
    expect((await lsgSecretary.request('PUT', `/api/bodies/${body.lsg}/lead-time`, { leadDays: 91 })).status).toBe(400);
  });

  it('refuses a cancelled meeting, and warns the plans that target one when it is cancelled later', async () => {
    const res = await bvaoSecretary.post(`/api/bodies/${body.bvao}/case-plans`, path(at('bvao', '2026-05-12'), at('lsg', '2026-09-11')));
    expect(res.status).toBe(201);
    const cancel = await lsgSecretary.post(`/api/meetings/${meeting['2026-09-11']}/cancel`);
    expect(cancel.body).toEqual({ status: 'cancelled' });
    const plan = (await bvaoSecretary.get(`/api/case-plans/${res.body.id}`)).body;
    expect(warnings(plan)).toEqual(['2 cancelled']);
    expect(plan.warnings[0].message).toBe('Länssamverkansgruppens möte 2026-09-11 är inställt. Välj ett annat möte.');
    expect((await lsgSecretary.post(`/api/meetings/${meeting['2026-09-11']}/cancel`)).status).toBe(409);
    expect(await refused(path(at('bvao', '2026-05-12'), at('lsg', '2026-09-11')), 422, lsgSecretary, body.lsg)).toBe('Steg 2: Länssamverkansgruppens möte 2026-09-11 är inställt. Välj ett annat möte.');
    // Cancelled meetings are not public: to the beredning's secretary it is not there at all.
    expect(await refused(path(at('bvao', '2026-05-12'), at('lsg', '2026-09-11')))).toBe('Steg 2: mötet finns inte.');
    // A meeting with an agenda is a protocol in the making: it is not cancelled from here.
    const withAgenda = (await store.db.selectFrom('agenda_item').select('meeting_id').executeTakeFirstOrThrow()).meeting_id;
    const refusedCancel = await admin.post(`/api/meetings/${withAgenda}/cancel`);
    expect([refusedCancel.status, refusedCancel.body.error.message]).toEqual([409, 'Bara ett planerat möte som ännu inte har någon föredragningslista kan ställas in.']);
  });
});

describe('who may change a plan', () => {
  let planId: number;
  beforeAll(async () => {
    planId = (await bvaoSecretary.post(`/api/bodies/${body.bvao}/case-plans`, chain({ steps: [{ kind: 'body', bodyId: body.bvao, meetingId: meeting['2026-05-12'] }, { kind: 'body', bodyId: body.lsg, meetingId: null }] }))).body.id;
  });
  const put = (c: Client, extra: Json = {}) => c.request('PUT', `/api/case-plans/${planId}`, { ...chain({ steps: [{ kind: 'body', bodyId: body.bvao, meetingId: meeting['2026-05-12'] }, { kind: 'body', bodyId: body.lsg, meetingId: meeting['2026-06-12'] }] }), version: 1, ...extra });

  it('a member who is not a secretary reads it but may not change it; others do not find it', async () => {
    expect((await lsgMember.get(`/api/case-plans/${planId}`)).body.warnings.map((w: Json) => w.code)).toEqual(['no-meeting']);
    expect((await put(lsgMember)).status).toBe(403);
    expect((await lsgMember.request('DELETE', `/api/case-plans/${planId}`)).status).toBe(403);
    expect((await put(outsider)).status).toBe(404);
    expect((await put(anonymous)).status).toBe(401);
  });

  it('a secretary on the path may not plan the case out of their own hands', async () => {
    const res = await put(lsgSecretary, { steps: [{ kind: 'body', bodyId: body.bvao, meetingId: null }] });
    expect([res.status, res.body.error.message]).toEqual([403, 'Vägen måste gå genom ett organ där du är sekreterare.']);
  });

  it('the second of two secretaries saving the same version is told so', async () => {
    expect((await put(lsgSecretary)).status).toBe(200);
    const late = await put(bvaoSecretary);
    expect([late.status, late.body.current]).toEqual([409, 2]);
  });

  it('removes a plan, in the audit log', async () => {
    expect((await bvaoSecretary.request('DELETE', `/api/case-plans/${planId}`)).status).toBe(204);
    expect((await bvaoSecretary.get(`/api/case-plans/${planId}`)).status).toBe(404);
    const actions = await store.db.selectFrom('audit_log').select('action').where('entity', '=', 'case_plan').where('entity_id', '=', String(planId)).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['case-plan.create', 'case-plan.update', 'case-plan.delete']);
  });
});

describe('the planner’s choices', () => {
  it('lists each body with its lead time and the meetings of its year plans, as the reader may see them', async () => {
    const options = (await anonymous.get('/api/case-planning/options?from=2026')).body;
    const lsg = options.find((o: Json) => o.slug === 'lsg');
    expect(lsg.leadDays).toBe(21);
    // The moved meeting is still planned and offered to everyone; the cancelled one only to members.
    expect(lsg.meetings.map((m: Json) => m.date)).toEqual(['2026-01-16', '2026-03-20', '2026-06-12']);
    const forMember = (await lsgMember.get('/api/case-planning/options?from=2026')).body.find((o: Json) => o.slug === 'lsg');
    expect(forMember.meetings.map((m: Json) => `${m.date} ${m.status}`)).toEqual(['2026-01-16 published', '2026-03-20 planned', '2026-06-12 planned', '2026-09-11 cancelled']);
    expect((await anonymous.get('/api/case-planning/options?from=2026&to=2031')).status).toBe(400);
  });
});
