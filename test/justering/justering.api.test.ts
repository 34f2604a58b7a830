import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, PASSWORD, signedIn, type Json } from '../helpers/client.js';
import { ageSignIn, addItem, chooseJusterare, itemInput, lsgSignatories, openMeeting, person, present, SECRETARY_PRESENT, withAccount, withOidcAccount, writeItem, type Someone } from '../helpers/justering.js';
import { createMailer } from '../../src/mail/mailer.js';
import { closePdfRenderer } from '../../src/render/pdf.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { parsedProtocol, sourceOf } from '../helpers/protocols.js';
import type { Store } from '../../src/store/db.js';

// Justering through the API, as the secretary, the signatories and everyone else meet it: send,
// approve, comment, revise (a new frozen version), sign with fresh authentication. The seal is
// made by the signing module; here its certificate is missing, so the last signature leaves the
// protocol signed but not published, and says why.

let store: Store;
let app: ReturnType<typeof testApp>;
let lsg: number;
let sara: Someone; // sekreterare
let jonas: Someone; // justerare
let carin: Someone; // ordförande
let olle: Someone; // a member who does not sign
let outsider: Client; // signed in, no membership
let kalle: number; // a person without an account
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-justering-'));
const outbox = path.join(dataDir, 'outbox');

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store, {
    mailer: createMailer({ smtpUrl: undefined, mailFrom: undefined, dataDir }),
    // A seal certificate that is not there: sealing must fail cleanly and publish nothing.
    config: { dataDir, publicUrl: 'https://samverka.example', signing: { p12Path: path.join(dataDir, 'saknas.p12'), password: 'fel' } },
  });
  ({ lsg, sara, jonas, carin } = await lsgSignatories(store, app));
  olle = await withAccount(store, app, 'Olle Ledamot', [{ bodyId: lsg, role: 'ledamot' }]);
  kalle = await person(store, 'Kalle Kontolös', [{ bodyId: lsg, role: 'ledamot' }]);
  outsider = await signedIn(store, app, { email: 'utomstaende@example.se' });
});
afterAll(async () => {
  await closePdfRenderer();
  await store?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A meeting of LSG prepared by Sara: attendance, the justerare chosen, one decision. */
async function preparedMeeting(date: string): Promise<{ id: number; strategyItem: Json }> {
  const id = await openMeeting(sara.client, lsg, { date }, [present('Carin Ordförande', { role: 'ordförande' }), present('Jonas Justerare'), present('Olle Ledamot'), present('Kalle Kontolös'), SECRETARY_PRESENT]);
  const strategyId = await addItem(sara.client, id, 'Regional strategi för suicidprevention');
  await chooseJusterare(sara.client, id, 'Jonas Justerare');
  return { id, strategyItem: await writeItem(sara.client, id, strategyId, { text: 'Strategin har reviderats.', decisions: [{ text: '', clauses: ['anta strategin'] }] }) };
}

const justering = async (client: Client, id: number) => (await client.get(`/api/meetings/${id}/justering`)).body as Json;
const mails = async () => Promise.all((fs.existsSync(outbox) ? fs.readdirSync(outbox).sort() : []).map(async (f) => simpleParser(fs.readFileSync(path.join(outbox, f)))));

describe('justering from draft to signed', () => {
  let meeting: { id: number; strategyItem: Json };
  let version1: Json;

  it('proposes the meeting’s sekreterare, the justerare chosen at "Val av justerare" and the ordförande', async () => {
    meeting = await preparedMeeting('2024-02-23');
    const res = await sara.client.get(`/api/meetings/${meeting.id}/justering/candidates`);
    expect(res.status).toBe(200);
    expect(res.body.proposed.map((p: Json) => [p.role, p.name, p.hasAccount])).toEqual([
      ['sekreterare', 'Sara Sekreterare', true],
      ['justerare', 'Jonas Justerare', true],
      ['ordförande', 'Carin Ordförande', true],
    ]);
    expect(res.body.candidates.find((c: Json) => c.personId === kalle)).toMatchObject({ name: 'Kalle Kontolös', hasAccount: false });
  });

  it('refuses a signatory without an account, naming them, and stores nothing', async () => {
    const res = await sara.client.post(`/api/meetings/${meeting.id}/justering`, { signatories: [{ personId: sara.personId, role: 'sekreterare' }, { personId: kalle, role: 'justerare' }] });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('Kalle Kontolös saknar konto');
    const state = await justering(sara.client, meeting.id);
    expect(state.meeting.status).toBe('draft');
    expect(state.versions).toEqual([]);
    expect(state.rounds).toEqual([]);
  });

  it('sends: freezes version 1, opens the round and e-mails each signatory the link', async () => {
    const res = await sara.client.post(`/api/meetings/${meeting.id}/justering`, {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 1, notified: 3 });
    const state = await justering(sara.client, meeting.id);
    expect(state.meeting.status).toBe('justering');
    expect(state.rounds[0]).toMatchObject({ version: 1, state: 'open', startedBy: 'Sara Sekreterare' });
    expect(state.rounds[0].signatories.map((s: Json) => [s.position, s.role, s.name, s.state])).toEqual([
      [0, 'sekreterare', 'Sara Sekreterare', 'pending'],
      [1, 'justerare', 'Jonas Justerare', 'pending'],
      [2, 'ordförande', 'Carin Ordförande', 'pending'],
    ]);
    expect(state.you).toMatchObject({ canManage: true, signWith: 'password' });
    const sent = await mails();
    expect(sent.map((m) => (m.to as { text: string }).text).sort()).toEqual([carin.email, jonas.email, sara.email].sort());
    expect(sent[0]!.text).toContain(`https://samverka.example/moten/${meeting.id}/justering`);
    version1 = (await sara.client.get(`/api/meetings/${meeting.id}/versions/1`)).body;
    expect(version1.protocol.agenda.map((i: Json) => i.title)).toContain('Regional strategi för suicidprevention');
  });

  it('a frozen version cannot be edited: 409 on an item, the attendance, a new item', async () => {
    const item = await sara.client.request('PUT', `/api/meetings/${meeting.id}/items/${meeting.strategyItem.id}`, itemInput(meeting.strategyItem, { text: 'Ändrat under justeringen.' }));
    expect(item.status).toBe(409);
    expect(item.body.error.code).toBe('frozen');
    expect((await sara.client.request('PUT', `/api/meetings/${meeting.id}/attendance`, { participants: [] })).status).toBe(409);
    expect((await sara.client.post(`/api/meetings/${meeting.id}/items`, { title: 'Sent påkommet' })).status).toBe(409);
    expect((await sara.client.post(`/api/meetings/${meeting.id}/justering`, {})).status).toBe(409); // already out
  });

  it('shows the justering to the body’s members and the signatories; to others the meeting does not exist', async () => {
    expect((await olle.client.get(`/api/meetings/${meeting.id}/justering`)).status).toBe(200);
    const jonasView = await justering(jonas.client, meeting.id);
    expect(jonasView.you).toMatchObject({ canManage: false, signatoryId: jonasView.rounds[0].signatories[1].id, signWith: 'password' });
    const hidden = await outsider.get(`/api/meetings/${meeting.id}/justering`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual((await outsider.get('/api/meetings/987654/justering')).body);
    expect((await outsider.get(`/api/meetings/${meeting.id}/versions/1`)).status).toBe(404);
    expect((await new Client(app).get(`/api/meetings/${meeting.id}/justering`)).status).toBe(401);
  });

  it('a non-signatory cannot approve, comment or sign', async () => {
    for (const [action, body] of [['approve', {}], ['comments', { text: 'Jag har en synpunkt.' }], ['sign', { password: PASSWORD }]] as const) {
      const res = await olle.client.post(`/api/meetings/${meeting.id}/justering/${action}`, body);
      expect(res.status, action).toBe(403);
      expect(res.body.error.code).toBe('not_signatory');
    }
    expect((await outsider.post(`/api/meetings/${meeting.id}/justering/sign`, { password: PASSWORD })).status).toBe(404);
  });

  it('the justerare comments; the secretary and every signatory see it, the secretary is e-mailed and answers', async () => {
    const before = (await mails()).length;
    const res = await jonas.client.post(`/api/meetings/${meeting.id}/justering/comments`, { text: 'I punkt 4 ska det stå "anta strategin".' });
    expect(res.status).toBe(201);
    const mail = (await mails()).slice(before);
    expect(mail.map((m) => (m.to as { text: string }).text)).toEqual([sara.email]);
    expect(mail[0]!.text).toContain('I punkt 4 ska det stå');
    const answered = await sara.client.post(`/api/meetings/${meeting.id}/justering/comments/${res.body.id}/answer`, { answer: 'Tack, jag rättar.' });
    expect(answered.status).toBe(204);
    for (const who of [sara, carin]) {
      const round = (await justering(who.client, meeting.id)).rounds[0];
      expect(round.comments).toEqual([expect.objectContaining({ author: 'Jonas Justerare', text: 'I punkt 4 ska det stå "anta strategin".', answer: 'Tack, jag rättar.', answeredBy: 'Sara Sekreterare' })]);
      expect(round.signatories[1].state).toBe('commented');
    }
    expect((await carin.client.post(`/api/meetings/${meeting.id}/justering/comments/${res.body.id}/answer`, { answer: 'Jag svarar också.' })).status).toBe(403);
  });

  it('a wrong password is refused with a Swedish message, audited, and does not sign the user out', async () => {
    const res = await carin.client.post(`/api/meetings/${meeting.id}/justering/sign`, { password: 'inte mitt lösenord' });
    expect(res.status).toBe(401);
    expect(res.body.error).toMatchObject({ code: 'wrong_password', message: expect.stringContaining('Lösenordet stämmer inte') });
    expect((await carin.client.post(`/api/meetings/${meeting.id}/justering/sign`, {})).body.error.code).toBe('password_required');
    expect((await carin.client.get('/api/auth/me')).body.account.email).toBe(carin.email);
    const audit = await store.db.selectFrom('audit_log').select(['action', 'actor', 'entity_id']).where('action', '=', 'justering.sign-refused').execute();
    expect(audit).toContainEqual({ action: 'justering.sign-refused', actor: 'Carin Ordförande', entity_id: String(meeting.id) });
    expect((await justering(carin.client, meeting.id)).rounds[0].signatories[2].state).toBe('pending');
  });

  it('the chair signs before the revision; the revision resets every approval and signature', async () => {
    expect((await carin.client.post(`/api/meetings/${meeting.id}/justering/sign`, { password: PASSWORD })).body).toEqual({ complete: false, sealed: false, sealError: null });
    expect((await jonas.client.post(`/api/meetings/${meeting.id}/justering/revise`, {})).status).toBe(403);
    const res = await sara.client.post(`/api/meetings/${meeting.id}/justering/revise`, {});
    expect(res.status).toBe(200);
    const state = await justering(sara.client, meeting.id);
    expect(state.meeting.status).toBe('draft');
    expect(state.rounds[0].state).toBe('revising');
    expect((await carin.client.post(`/api/meetings/${meeting.id}/justering/approve`, {})).status).toBe(409); // nothing out now
  });

  it('revise → the secretary edits, sends version 2; version 1 stays readable and unchanged', async () => {
    const edited = await sara.client.request('PUT', `/api/meetings/${meeting.id}/items/${meeting.strategyItem.id}`, itemInput(meeting.strategyItem, { text: 'Strategin har reviderats efter justerarens kommentar.' }));
    expect(edited.status).toBe(200);
    const res = await sara.client.post(`/api/meetings/${meeting.id}/justering`, {});
    expect(res.body.version).toBe(2);
    const state = await justering(sara.client, meeting.id);
    expect(state.rounds.map((r: Json) => [r.version, r.state])).toEqual([[2, 'open'], [1, 'withdrawn']]);
    expect(state.rounds[0].signatories.every((s: Json) => s.state === 'pending')).toBe(true);
    expect(state.versions.map((v: Json) => v.version)).toEqual([2, 1]);
    expect((await sara.client.get(`/api/meetings/${meeting.id}/versions/1`)).body).toEqual(version1);
    const html1 = (await jonas.client.get(`/api/meetings/${meeting.id}/versions/1/protocol.html`)).body as string;
    const html2 = (await jonas.client.get(`/api/meetings/${meeting.id}/versions/2/protocol.html`)).body as string;
    expect(html1).toContain('Strategin har reviderats.');
    expect(html1).not.toContain('efter justerarens kommentar');
    expect(html2).toContain('efter justerarens kommentar');
    expect(html2).toContain('UTKAST');
    expect((await sara.client.get(`/api/meetings/${meeting.id}/versions/3`)).status).toBe(404);
    await expect(sql`update protocol_version set content = '{}' where meeting_id = ${meeting.id}`.execute(store.db)).rejects.toThrow(/frozen/);
  });

  it('a signatory signs only for themself, and only once', async () => {
    // A person id in the request is no way to sign for someone else: the signature is the signed-in person's.
    const res = await jonas.client.post(`/api/meetings/${meeting.id}/justering/sign`, { password: PASSWORD, personId: carin.personId });
    expect(res.status).toBe(200);
    const round = (await justering(sara.client, meeting.id)).rounds[0];
    expect(round.signatories.map((s: Json) => [s.name, s.state])).toEqual([['Sara Sekreterare', 'pending'], ['Jonas Justerare', 'signed'], ['Carin Ordförande', 'pending']]);
    expect(round.signatories[1]).toMatchObject({ method: 'Samverka-konto, lösenord', signedAt: expect.any(String) });
    const twice = await jonas.client.post(`/api/meetings/${meeting.id}/justering/sign`, { password: PASSWORD });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('already_signed');
    expect((await jonas.client.post(`/api/meetings/${meeting.id}/justering/comments`, { text: 'En sak till.' })).status).toBe(409);
  });

  it('the last signature: the protocol is signed; with the seal certificate missing it is not published and the secretary is told why', async () => {
    expect((await carin.client.post(`/api/meetings/${meeting.id}/justering/sign`, { password: PASSWORD })).body.complete).toBe(false);
    const last = await sara.client.post(`/api/meetings/${meeting.id}/justering/sign`, { password: PASSWORD });
    expect(last.status).toBe(200);
    expect(last.body).toMatchObject({ complete: true, sealed: false, sealError: expect.stringContaining('certifikat') });
    const state = await justering(sara.client, meeting.id);
    expect(state.meeting.status).toBe('signed');
    expect(state.rounds[0]).toMatchObject({ state: 'signed', sealError: last.body.sealError });
    // Not public, and not editable.
    expect((await new Client(app).get(`/api/meetings/${meeting.id}`)).status).toBe(404);
    expect((await sara.client.request('PUT', `/api/meetings/${meeting.id}/items/${meeting.strategyItem.id}`, itemInput(meeting.strategyItem))).status).toBe(409);
    expect((await sara.client.post(`/api/meetings/${meeting.id}/justering/revise`, {})).status).toBe(409);
    // The protocol records its signatures, in order, with how each signatory identified.
    const protocol = (await sara.client.get(`/api/meetings/${meeting.id}`)).body;
    expect(protocol.signatures.map((s: Json) => [s.name, s.role, s.method])).toEqual([
      ['Sara Sekreterare', 'sekreterare', 'Samverka-konto, lösenord'],
      ['Jonas Justerare', 'justerare', 'Samverka-konto, lösenord'],
      ['Carin Ordförande', 'ordförande', 'Samverka-konto, lösenord'],
    ]);
    const retry = await sara.client.post(`/api/meetings/${meeting.id}/justering/seal`, {});
    expect(retry.status).toBe(422);
    expect(retry.body.error.code).toBe('seal_failed');
    expect((await jonas.client.post(`/api/meetings/${meeting.id}/justering/seal`, {})).status).toBe(403);
    const audit = await store.db.selectFrom('audit_log').select('action').where('entity', '=', 'meeting').where('entity_id', '=', String(meeting.id)).orderBy('id').execute();
    expect(audit.map((a) => a.action).filter((a) => a.startsWith('justering.'))).toEqual([
      'justering.send', 'justering.comment', 'justering.answer', 'justering.sign-refused', 'justering.sign', 'justering.revise', 'justering.send',
      'justering.sign', 'justering.sign', 'justering.sign', 'justering.signed', 'justering.seal-failed', 'justering.seal-failed',
    ]);
  });

  it('once the certificate is in order the secretary seals again, and the protocol is published', async () => {
    // The same database served with the development certificate (made in DATA_DIR/signing).
    const fixed = testApp(store, { config: { dataDir, publicUrl: 'https://samverka.example' } });
    const client = new Client(fixed);
    [client.cookie, client.csrf] = [sara.client.cookie, sara.client.csrf];
    const res = await client.post(`/api/meetings/${meeting.id}/justering/seal`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ sealed: true, pdfSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const state = await justering(client, meeting.id);
    expect(state.meeting.status).toBe('published');
    expect(state.rounds[0]).toMatchObject({ state: 'sealed', sealError: null, endedAt: expect.any(String) });
    expect((await new Client(fixed).get(`/api/meetings/${meeting.id}`)).status).toBe(200);
    expect((await client.post(`/api/meetings/${meeting.id}/justering/seal`, {})).body.error.code).toBe('sealed');
    // A seal that was made but whose round was not closed (the process stopped in between) is
    // recognised when the secretary seals again: nothing is sealed twice.
    await store.db.updateTable('justering_round').set({ state: 'signed', ended_at: null }).where('meeting_id', '=', meeting.id).where('version', '=', 2).execute();
    const again = await client.post(`/api/meetings/${meeting.id}/justering/seal`, {});
    expect(again.body).toEqual({ sealed: true, pdfSha256: res.body.pdfSha256, sealError: null });
    // What was sealed is version 2, as the signatories signed it.
    const sealed = await store.db.selectFrom('sealed_protocol').select(['version']).where('meeting_id', '=', meeting.id).execute();
    expect(sealed).toEqual([{ version: 2 }]);
  }, 120_000);
});

describe('signing without a password', () => {
  let id: number;
  let olga: Someone;

  beforeAll(async () => {
    olga = await withOidcAccount(store, app, 'Olga Oidc', [{ bodyId: lsg, role: 'ordförande' }]);
    ({ id } = await preparedMeeting('2024-04-19'));
    const sent = await sara.client.post(`/api/meetings/${id}/justering`, { signatories: [{ personId: sara.personId, role: 'sekreterare' }, { personId: olga.personId, role: 'ordförande' }] });
    expect(sent.status).toBe(201);
  });

  it('an account that signs in through the identity provider must have signed in within five minutes', async () => {
    expect((await justering(olga.client, id)).you.signWith).toBe('oidc');
    await ageSignIn(store, olga.accountId, 10);
    const stale = await olga.client.post(`/api/meetings/${id}/justering/sign`, {});
    expect(stale.status).toBe(401);
    expect(stale.body.error.code).toBe('fresh_sign_in_required');
    await ageSignIn(store, olga.accountId, 1);
    const fresh = await olga.client.post(`/api/meetings/${id}/justering/sign`, {});
    expect(fresh.status).toBe(200);
    const signatory = (await justering(sara.client, id)).rounds[0].signatories[1];
    expect(signatory).toMatchObject({ name: 'Olga Oidc', state: 'signed', method: 'Inloggning via organisationens inloggning' });
  });

  it('two signatures at once by the same signatory count once', async () => {
    const results = await Promise.all([sara.client.post(`/api/meetings/${id}/justering/sign`, { password: PASSWORD }), sara.client.post(`/api/meetings/${id}/justering/sign`, { password: PASSWORD })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const signed = await store.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(id)).where('action', '=', 'justering.sign').execute();
    expect(signed).toHaveLength(2); // Olga's and one of Sara's
  });
});

describe('with nothing out on justering', () => {
  it('the signatory actions answer 409 to members, and imported archive protocols are not sent', async () => {
    const { meetingId } = (await sara.client.post(`/api/bodies/${lsg}/meetings`, { date: '2024-06-14' })).body;
    for (const action of ['approve', 'sign', 'revise', 'seal']) {
      const who = action === 'revise' || action === 'seal' ? sara : olle;
      const res = await who.client.post(`/api/meetings/${meetingId}/justering/${action}`, { password: PASSWORD });
      expect(res.status, action).toBe(409);
    }
    const imported = await storeImportedProtocol(store.db, parsedProtocol({ date: '2024-05-05' }), sourceOf('utkast LSG'), { draft: true });
    const res = await sara.client.post(`/api/meetings/${imported.meetingId}/justering`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('imported');
  });
});
