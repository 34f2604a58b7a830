import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, PASSWORD, signedIn, type Json } from '../helpers/client.js';
import { addItem, ageSignIn, chooseJusterare, editorItems, itemInput, lsgSignatories, openMeeting, present, SECRETARY_PRESENT, sendAndSign, withAccount, withOidcAccount, writeItem, type Someone } from '../helpers/justering.js';
import { closePdfRenderer } from '../../src/render/pdf.js';
import type { Store } from '../../src/store/db.js';

// Omedelbar justering through the API: the secretary proposes § "strategy" during the meeting, the
// justerare approves on his own device, the chair aloud (recorded by the secretary); the item is
// then frozen while the rest of the minutes go on, the protocol says so, and the extract of that
// item — and nothing else of the draft — is public. At the end the whole protocol is justified,
// sealed and published, and its open data carries the justering.

let store: Store;
let app: ReturnType<typeof testApp>;
let lsg: number;
let sara: Someone; // sekreterare
let jonas: Someone; // justerare
let carin: Someone; // ordförande
let olle: Someone; // a member who does not justify
let outsider: Client; // signed in, no membership
const anonymous = () => new Client(app);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-immediate-'));

beforeAll(async () => {
  store = await openTestStore();
  // A development seal certificate in DATA_DIR: the last signature seals and publishes.
  app = testApp(store, { config: { dataDir, publicUrl: 'https://samverka.example' } });
  ({ lsg, sara, jonas, carin } = await lsgSignatories(store, app));
  olle = await withAccount(store, app, 'Olle Ledamot', [{ bodyId: lsg, role: 'ledamot' }]);
  outsider = await signedIn(store, app, { email: 'utomstaende@example.se' });
});
afterAll(async () => {
  await closePdfRenderer();
  await store?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const state = async (client: Client, meetingId: number) => (await client.get(`/api/meetings/${meetingId}/immediate-justering`)).body as Json;
const base = (m: number, i: number) => `/api/meetings/${m}/items/${i}/immediate-justering`;

/** A meeting of LSG during the meeting: attendance, the justerare chosen, a decision, a case still being discussed. */
async function meetingInProgress(date: string) {
  const meetingId = await openMeeting(sara.client, lsg, { date, startTime: '09:00', place: 'Umeå' }, [present('Carin Ordförande', { role: 'ordförande' }), present('Jonas Justerare'), present('Olle Ledamot'), SECRETARY_PRESENT]);
  const strategyId = await addItem(sara.client, meetingId, 'Regional strategi för suicidprevention');
  const secretId = await addItem(sara.client, meetingId, 'Förhandling om kostnadsfördelning');
  await chooseJusterare(sara.client, meetingId, 'Jonas Justerare');
  await writeItem(sara.client, meetingId, strategyId, {
    text: 'Strategin har beretts i samtliga huvudmäns nämnder.', notes: 'Internt: ring Umeå om remissvaret.',
    decisions: [{ text: 'Länssamverkansgruppen beslutar att anta strategin', clauses: ['anta strategin'] }],
  });
  await writeItem(sara.client, meetingId, secretId, { text: 'Förslaget om fördelningsnyckel diskuterades; Region Västerbotten återkommer.' });
  const items = await editorItems(sara.client, meetingId);
  return { id: meetingId, strategy: items.find((i) => i.id === strategyId)!, secret: items.find((i) => i.id === secretId)! };
}

describe('omedelbar justering during the meeting', () => {
  let m: Awaited<ReturnType<typeof meetingInProgress>>;

  it('proposes the justerare and the ordförande present, not the secretary', async () => {
    m = await meetingInProgress('2026-04-17');
    const res = await sara.client.get(`${base(m.id, m.strategy.id)}/candidates`);
    expect(res.status).toBe(200);
    expect(res.body.proposed).toEqual([
      { personId: jonas.personId, name: 'Jonas Justerare', role: 'justerare' },
      { personId: carin.personId, name: 'Carin Ordförande', role: 'ordförande' },
    ]);
    expect(res.body.present.map((p: Json) => p.name)).toEqual(['Carin Ordförande', 'Jonas Justerare', 'Olle Ledamot']);
    expect((await olle.client.get(`${base(m.id, m.strategy.id)}/candidates`)).status).toBe(403);
  });

  it('refuses an item without a decision, or someone who was not present, and stores nothing', async () => {
    const none = await sara.client.post(base(m.id, m.secret.id), {});
    expect(none.status).toBe(422);
    expect(none.body.error).toMatchObject({ code: 'no_decision', message: expect.stringContaining('inget beslut') });
    const absent = await sara.client.post(base(m.id, m.strategy.id), { signatories: [{ personId: carin.personId, role: 'ordförande' }, { personId: sara.personId, role: 'justerare' }] });
    expect(absent.status).toBe(422);
    expect(absent.body.error.message).toContain('närvarande');
    expect((await sara.client.post(base(m.id, 987654), {})).status).toBe(404);
    expect((await state(sara.client, m.id)).items).toEqual([]);
    expect((await olle.client.post(base(m.id, m.strategy.id), {})).status).toBe(403);
  });

  it('proposes: the item is frozen as it stands, with its hash, and the signatories are listed', async () => {
    const res = await sara.client.post(base(m.id, m.strategy.id), {});
    expect(res.status).toBe(201);
    expect(res.body.signatories).toEqual([
      { personId: jonas.personId, name: 'Jonas Justerare', role: 'justerare', hasAccount: true },
      { personId: carin.personId, name: 'Carin Ordförande', role: 'ordförande', hasAccount: true },
    ]);
    const s = await state(sara.client, m.id);
    expect(s.you.canManage).toBe(true);
    expect(s.items).toHaveLength(1);
    expect(s.items[0]).toMatchObject({ itemId: m.strategy.id, itemNumber: m.strategy.number, state: 'proposed', proposedBy: 'Sara Sekreterare', justifiedAt: null, statement: null });
    expect(s.items[0].contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(s.items[0].item.decisions[0].text).toBe('Länssamverkansgruppen beslutar att anta strategin');
    expect(s.items[0].approvals.map((a: Json) => [a.name, a.role, a.approvedAt])).toEqual([['Jonas Justerare', 'justerare', null], ['Carin Ordförande', 'ordförande', null]]);
    expect((await sara.client.post(base(m.id, m.strategy.id), {})).body.error.code).toBe('already_proposed');
  });

  it('while it is out for approval the item cannot be changed; the rest of the minutes can', async () => {
    const edit = await sara.client.request('PUT', `/api/meetings/${m.id}/items/${m.strategy.id}`, itemInput(m.strategy, { text: 'Ändrad under godkännandet.' }));
    expect(edit.status).toBe(409);
    expect(edit.body.error).toMatchObject({ code: 'item_proposed', message: expect.stringContaining(`§ ${m.strategy.number} är föreslagen för omedelbar justering`) });
    const vote = await sara.client.post(`/api/meetings/${m.id}/items/${m.strategy.id}/votes`, { yesFor: 'förslaget', noFor: 'avslag', counts: { yes: 2, no: 1, abstain: 0 } });
    expect(vote.status).toBe(409);
    expect(vote.body.error.code).toBe('item_proposed');
    const other = await sara.client.request('PUT', `/api/meetings/${m.id}/items/${m.secret.id}`, itemInput(m.secret, { text: `${m.secret.text} Ärendet bordläggs.` }));
    expect(other.status).toBe(200);
  });

  it('only those who justify may approve; the justerare approves on his own device with his password', async () => {
    const approve = (who: Client, body: Json = { password: PASSWORD }) => who.post(`${base(m.id, m.strategy.id)}/approve`, body);
    expect((await anonymous().post(`${base(m.id, m.strategy.id)}/approve`, {})).status).toBe(401);
    const hidden = await approve(outsider);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual((await outsider.post(`${base(987654, m.strategy.id)}/approve`, { password: PASSWORD })).body);
    const notHis = await approve(olle.client);
    expect(notHis.status).toBe(403);
    expect(notHis.body.error.code).toBe('not_signatory');
    expect((await approve(jonas.client, {})).body.error.code).toBe('password_required');
    const wrong = await approve(jonas.client, { password: 'fel lösenord' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('wrong_password');
    const ok = await approve(jonas.client);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ justified: false, closedAssignments: [] });
    expect((await approve(jonas.client)).body.error.code).toBe('already_approved');
    const mine = (await state(jonas.client, m.id)).items[0].approvals[0];
    expect(mine).toMatchObject({ name: 'Jonas Justerare', way: 'own-device', method: 'Samverka-konto, lösenord', recordedBy: 'Jonas Justerare', approvedAt: expect.any(String) });
  });

  it('the secretary records the chair’s approval heard at the meeting, naming herself; that justifies the item', async () => {
    const notSignatory = await sara.client.post(`${base(m.id, m.strategy.id)}/record`, { personId: olle.personId });
    expect(notSignatory.status).toBe(422);
    expect((await jonas.client.post(`${base(m.id, m.strategy.id)}/record`, { personId: carin.personId })).status).toBe(403);
    const res = await sara.client.post(`${base(m.id, m.strategy.id)}/record`, { personId: carin.personId });
    expect(res.status).toBe(200);
    expect(res.body.justified).toBe(true);
    const s = (await state(carin.client, m.id)).items[0];
    expect(s.state).toBe('justified');
    expect(s.justifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(s.approvals[1]).toMatchObject({ name: 'Carin Ordförande', way: 'on-the-spot', method: 'Godkänt vid mötet, registrerat av Sara Sekreterare', recordedBy: 'Sara Sekreterare' });
    expect(s.statement).toBe(`Paragrafen förklarades omedelbart justerad ${s.justifiedOn}. Justerad av Jonas Justerare (justerare) och Carin Ordförande (ordförande).`);
    expect((await sara.client.post(`${base(m.id, m.strategy.id)}/record`, { personId: carin.personId })).body.error.code).toBe('justified');
    expect((await sara.client.request('DELETE', base(m.id, m.strategy.id))).body.error.code).toBe('justified');
    const audit = await store.db.selectFrom('audit_log').select(['action', 'actor']).where('entity', '=', 'agenda_item').where('entity_id', '=', String(m.strategy.id)).where('action', 'like', 'immediate-justering.%').orderBy('id').execute();
    expect(audit.map((a) => `${a.action} ${a.actor}`)).toEqual([
      'immediate-justering.propose Sara Sekreterare',
      'immediate-justering.approve-refused Jonas Justerare',
      'immediate-justering.approve Jonas Justerare',
      'immediate-justering.approve Sara Sekreterare',
      'immediate-justering.justified Sara Sekreterare',
    ]);
  });

  it('the justified item is frozen for good, with its § number and the meeting’s date; the rest of the minutes go on', async () => {
    const edit = await sara.client.request('PUT', `/api/meetings/${m.id}/items/${m.strategy.id}`, itemInput(m.strategy, { text: 'Ändrad efteråt.' }));
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('item_justified');
    expect((await sara.client.request('DELETE', `/api/meetings/${m.id}/items/${m.strategy.id}`)).body.error.code).toBe('item_justified');
    expect((await sara.client.post(`/api/meetings/${m.id}/items/${m.strategy.id}/reservations`, { name: 'Olle Ledamot', inFavourOf: 'avslag' })).status).toBe(409);
    // Moving an item in front of it would renumber it.
    const order = (await editorItems(sara.client, m.id)).map((i) => i.id);
    const moved = [m.secret.id, ...order.filter((id) => id !== m.secret.id)];
    const reorder = await sara.client.request('PUT', `/api/meetings/${m.id}/order`, { itemIds: moved });
    expect(reorder.status).toBe(409);
    expect(reorder.body.error.code).toBe('item_number_kept');
    // Items added later in the meeting come after it; its number stays.
    expect((await sara.client.post(`/api/meetings/${m.id}/items`, { title: 'Extra ärende om lokaler', kind: 'information' })).status).toBe(201);
    expect((await editorItems(sara.client, m.id)).find((i) => i.id === m.strategy.id)!.number).toBe(m.strategy.number);
    const header = (date: string) => ({ version: 1, title: null, date, startTime: '09:00', endTime: '11:30', place: 'Umeå', diaryNumber: null });
    const version = (await sara.client.get(`/api/meetings/${m.id}/editor`)).body.meeting.version;
    const moveDate = await sara.client.request('PATCH', `/api/meetings/${m.id}`, { ...header('2026-04-18'), version });
    expect(moveDate.status).toBe(409);
    expect(moveDate.body.error.code).toBe('date_kept');
    expect((await sara.client.request('PATCH', `/api/meetings/${m.id}`, { ...header('2026-04-17'), version })).status).toBe(200);
    await expect(sql`update immediate_justering set content = '{}' where item_id = ${m.strategy.id}`.execute(store.db)).rejects.toThrow(/frozen/);
  });

  it('an earlier meeting of the year that gains an item leaves the numbers of this one as they are', async () => {
    const before = (await editorItems(sara.client, m.id)).map((i) => [i.id, i.number]);
    const { meetingId: earlier } = (await sara.client.post(`/api/bodies/${lsg}/meetings`, { date: '2026-02-20' })).body;
    expect((await sara.client.post(`/api/meetings/${earlier}/items`, { title: 'Ett ärende i februari', kind: 'decision' })).status).toBe(201);
    expect((await editorItems(sara.client, m.id)).map((i) => [i.id, i.number])).toEqual(before);
  });

  it('the protocol says so under the item, for the body’s members', async () => {
    const protocol = (await olle.client.get(`/api/meetings/${m.id}`)).body;
    const item = protocol.agenda.find((i: Json) => i.id === m.strategy.id);
    expect(item.immediateJustering).toMatchObject({ signatories: [{ name: 'Jonas Justerare', role: 'justerare' }, { name: 'Carin Ordförande', role: 'ordförande' }], contentSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(protocol.agenda.find((i: Json) => i.id === m.secret.id).immediateJustering).toBeUndefined();
    const html = (await olle.client.get(`/api/meetings/${m.id}/protocol.html`)).body as string;
    expect(html).toContain(`Paragrafen förklarades omedelbart justerad ${item.immediateJustering.justifiedOn}.`);
  });
});

describe('what becomes public of the draft: that item’s extract, nothing else', () => {
  let m: { id: number; strategy: Json; secret: Json };
  let justifiedOn: string;

  beforeAll(async () => {
    const found = (await sara.client.get(`/api/meetings?body=${lsg}&year=2026`)).body.find((x: Json) => x.date === '2026-04-17');
    const items = await editorItems(sara.client, found.id);
    m = { id: found.id, strategy: items.find((i) => i.title === 'Regional strategi för suicidprevention'), secret: items.find((i) => i.title === 'Förhandling om kostnadsfördelning') };
    justifiedOn = (await state(sara.client, m.id)).items[0].justifiedOn;
  });

  it('the meeting is still a draft: not in any list or page for the public', async () => {
    const missing = await anonymous().get('/api/meetings/987654');
    for (const client of [anonymous(), outsider]) {
      const res = await client.get(`/api/meetings/${m.id}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(missing.body);
      expect((await client.get(`/api/meetings/${m.id}/protocol.html`)).status).toBe(404);
      expect((await client.get(`/api/meetings/${m.id}/extract.pdf?items=${m.strategy.number}`)).status).toBe(404);
      expect((await client.get(`/api/meetings?body=${lsg}`)).body.map((x: Json) => x.id)).not.toContain(m.id);
      expect((await client.get(`/api/meetings/${m.id}/immediate-justering`)).status).toBe(client === outsider ? 404 : 401);
    }
    expect((await anonymous().get(`/oparl/v1/agendaItem/${m.strategy.id}`)).status).toBe(404);
    expect((await anonymous().get(`/oparl/v1/meeting/${m.id}`)).status).toBe(404);
    const search = await anonymous().get('/api/search?q=fördelningsnyckel');
    expect(search.body.results).toEqual([]);
    expect((await anonymous().get('/api/search?q=suicidprevention')).body.results.map((r: Json) => r.meeting?.id)).not.toContain(m.id);
  });

  it('the justified item’s extract is public: the item as approved, the meeting’s head, who justified it', async () => {
    const res = await anonymous().get(`${base(m.id, m.strategy.id).replace('immediate-justering', 'immediate-extract')}`);
    expect(res.status).toBe(200);
    expect(res.body.meeting).toEqual({
      id: m.id, body: 'Länssamverkansgruppen', bodyId: lsg, date: '2026-04-17', startTime: '09:00', endTime: '11:30', place: 'Umeå', diaryNumber: null, protocolPublished: false,
    });
    expect(res.body.item).toMatchObject({ id: m.strategy.id, number: m.strategy.number, title: 'Regional strategi för suicidprevention', text: 'Strategin har beretts i samtliga huvudmäns nämnder.' });
    expect(res.body.statement).toBe(`Paragrafen förklarades omedelbart justerad ${justifiedOn}. Justerad av Jonas Justerare (justerare) och Carin Ordförande (ordförande).`);
    expect(res.body.item).not.toHaveProperty('notes');
    const list = await anonymous().get(`/api/immediate-justerings?body=${lsg}`);
    expect(list.body).toEqual([expect.objectContaining({ meetingId: m.id, itemId: m.strategy.id, itemNumber: m.strategy.number, title: 'Regional strategi för suicidprevention', protocolPublished: false })]);
  });

  it('its HTML extract shows the decision and the justering, and nothing else of the draft', async () => {
    const res = await anonymous().get(`/api/meetings/${m.id}/items/${m.strategy.id}/immediate-extract.html`);
    expect(res.status).toBe(200);
    const html = res.body as string;
    expect(html).toContain('Protokollsutdrag'.toUpperCase());
    expect(html).toContain('Regional strategi för suicidprevention');
    expect(html).toContain('anta strategin');
    expect(html).toContain(`Paragrafen förklarades omedelbart justerad ${justifiedOn}.`);
    expect(html).not.toContain('UTKAST');
    for (const secret of ['Förhandling om kostnadsfördelning', 'fördelningsnyckel', 'Internt: ring Umeå', 'Olle Ledamot', 'Extra ärende om lokaler', 'Val av justerare', 'Sara Sekreterare']) {
      expect(html, secret).not.toContain(secret);
    }
  });

  it('its PDF says so too (pdftotext)', async () => {
    const res = await app.request(`/api/meetings/${m.id}/items/${m.strategy.id}/immediate-extract.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = path.join(dataDir, 'utdrag.pdf');
    fs.writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Paragrafen förklarades omedelbart justerad');
    expect(text).toContain(justifiedOn);
    expect(text).toContain('Jonas Justerare (justerare)');
    expect(text).not.toContain('Förhandling om kostnadsfördelning');
  });

  it('any other item of the draft is a 404, exactly like an item that does not exist', async () => {
    const missing = await anonymous().get(`/api/meetings/${m.id}/items/987654/immediate-extract`);
    for (const suffix of ['', '.html', '.pdf']) {
      const res = await anonymous().get(`/api/meetings/${m.id}/items/${m.secret.id}/immediate-extract${suffix}`);
      expect(res.status, suffix).toBe(404);
      expect(res.body).toEqual(missing.body);
    }
    // The item must belong to the meeting in the path.
    expect((await anonymous().get(`/api/meetings/${m.id + 1000}/items/${m.strategy.id}/immediate-extract`)).status).toBe(404);
  });
});

describe('withdrawing a proposal', () => {
  it('ends it before everyone approved: the item is editable again and can be proposed anew', async () => {
    const m = await meetingInProgress('2026-06-12');
    expect((await sara.client.post(base(m.id, m.strategy.id), {})).status).toBe(201);
    expect((await jonas.client.post(`${base(m.id, m.strategy.id)}/approve`, { password: PASSWORD })).status).toBe(200);
    expect((await olle.client.request('DELETE', base(m.id, m.strategy.id))).status).toBe(403);
    expect((await sara.client.request('DELETE', base(m.id, m.strategy.id))).status).toBe(204);
    expect((await sara.client.request('DELETE', base(m.id, m.strategy.id))).body.error.code).toBe('not_proposed');
    expect((await jonas.client.post(`${base(m.id, m.strategy.id)}/approve`, { password: PASSWORD })).body.error.code).toBe('not_proposed');
    const edit = await sara.client.request('PUT', `/api/meetings/${m.id}/items/${m.strategy.id}`, itemInput(m.strategy, { text: 'Rättad efter påpekande.' }));
    expect(edit.status).toBe(200);
    expect((await sara.client.post(base(m.id, m.strategy.id), {})).status).toBe(201);
    const s = await state(sara.client, m.id);
    expect(s.items[0].item.text).toBe('Rättad efter påpekande.');
    expect(s.items[0].approvals.every((a: Json) => a.approvedAt === null)).toBe(true); // the earlier approval was of another text
  });
});

describe('a justerare who signs in only through the identity provider', () => {
  it('approves within minutes of signing in, not later', async () => {
    const ove = await withOidcAccount(store, app, 'Ove Justerare', [{ bodyId: lsg, role: 'ledamot' }]);
    const m = await meetingInProgress('2026-09-18');
    await sara.client.request('PUT', `/api/meetings/${m.id}/attendance`, {
      participants: [present('Carin Ordförande', { role: 'ordförande' }), present('Ove Justerare'), SECRETARY_PRESENT],
    });
    const res = await sara.client.post(base(m.id, m.strategy.id), { signatories: [{ personId: carin.personId, role: 'ordförande' }, { personId: ove.personId, role: 'justerare' }] });
    expect(res.status).toBe(201);
    expect((await state(ove.client, m.id)).you).toMatchObject({ signWith: 'oidc', freshSignInUntil: expect.any(String) });
    await ageSignIn(store, ove.accountId, 10);
    const stale = await ove.client.post(`${base(m.id, m.strategy.id)}/approve`, {});
    expect(stale.status).toBe(401);
    expect(stale.body.error.code).toBe('fresh_sign_in_required');
    await ageSignIn(store, ove.accountId, 0);
    const ok = await ove.client.post(`${base(m.id, m.strategy.id)}/approve`, {});
    expect(ok.status).toBe(200);
    expect((await state(sara.client, m.id)).items[0].approvals.find((a: Json) => a.name === 'Ove Justerare')).toMatchObject({ way: 'own-device', method: expect.stringMatching(/^Inloggning via /) });
  });
});

describe('the whole protocol afterwards', () => {
  it('is justified and sealed as usual; the published protocol and its open data say the item was justified at once', async () => {
    const found = (await sara.client.get(`/api/meetings?body=${lsg}&year=2026`)).body.find((x: Json) => x.date === '2026-04-17');
    const id = found.id;
    await sendAndSign(sara.client, id, [jonas, carin, sara]);
    const protocol = (await anonymous().get(`/api/meetings/${id}`)).body;
    expect(protocol.status).toBe('published');
    const item = protocol.agenda.find((i: Json) => i.title === 'Regional strategi för suicidprevention');
    expect(item.immediateJustering.signatories.map((s: Json) => s.name)).toEqual(['Jonas Justerare', 'Carin Ordförande']);
    const oparl = (await anonymous().get(`/oparl/v1/agendaItem/${item.id}`)).body;
    expect(oparl['samverka:immediateJustering']).toEqual({
      date: item.immediateJustering.justifiedOn, justifiedAt: item.immediateJustering.justifiedAt,
      signatories: [{ name: 'Jonas Justerare', role: 'justerare' }, { name: 'Carin Ordförande', role: 'ordförande' }], sha256Checksum: item.immediateJustering.contentSha256,
    });
    const other = (await anonymous().get(`/oparl/v1/agendaItem/${protocol.agenda.find((i: Json) => i.title === 'Förhandling om kostnadsfördelning').id}`)).body;
    expect(other).not.toHaveProperty('samverka:immediateJustering');
    // The item's extract stays where it was, now beside the published protocol.
    expect((await anonymous().get(`/api/meetings/${id}/items/${item.id}/immediate-extract`)).body.meeting.protocolPublished).toBe(true);
  });
});
