import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, signedIn, type Json } from '../helpers/client.js';
import { SmtpSink } from '../jobs/smtp-sink.js';
import { attachment, bodyId, huvudmanId, pdfText, publishedProtocol, registrationToken, schemaErrors } from './helpers.js';
import { createMailer, type Mailer } from '../../src/mail/mailer.js';
import { closePdfRenderer } from '../../src/render/pdf.js';
import { createLogger } from '../../src/log.js';
import { JobWorker } from '../../src/jobs/worker.js';
import { jobRegistry } from '../../src/jobs/registry.js';
import { sendExpedition } from '../../src/jobs/expedition-sender.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { parsedProtocol, sourceOf } from '../helpers/protocols.js';
import type { Store } from '../../src/store/db.js';
import { SYSTEM } from '../../src/domain/access.js';
import { resolveRecipient } from '../../src/domain/expedition.js';
import { expeditionFacts } from '../../src/store/queries/expedition.js';
import { createDispatches, ExpeditionRefused } from '../../src/store/queries/expedition-write.js';
import { setRegistryAddress } from '../../src/store/queries/expedition-registry.js';

// Expediering through the API and the job queue, against a real SMTP server (smtp-server) read
// with mailparser: the secretary sends § 41 to three huvudmän and the body it gives an
// assignment; each gets the extract as PDF and the decision record as XML that validates against
// the shipped schema; the mail server goes down mid-way and nothing is lost or sent twice; an
// address that bounces is recorded as such; the registrar enters the diary number through the link.

const PUBLIC_URL = 'https://samverka.example';
let store: Store;
let app: ReturnType<typeof testApp>;
let sink: SmtpSink;
let mailer: Mailer;
let worker: JobWorker;
let admin: Client;
let sara: Client; // LSG's secretary
let member: Client; // LSG member, not secretary
let otherSecretary: Client; // secretary of Samråd
let lsg: number;
let bbu: number;
const hm: Record<string, number> = {};

const REGISTRY = {
  RV: 'registrator@regionvasterbotten.example',
  Skellefteå: 'kommunstyrelsen@skelleftea.example',
  Umeå: 'registrator@umea.example',
};

const sendJobs = async () => store.db.selectFrom('job').select(['id', 'done_at', 'failed_at', 'last_error']).where('kind', '=', 'send-expedition').execute();
const dispatchCount = async () => Number((await store.db.selectFrom('expedition_dispatch').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const huvudmanChoice = (itemId: number, id: number) => ({ itemId, recipient: { kind: 'huvudman', huvudmanId: id } });

beforeAll(async () => {
  store = await openTestStore();
  sink = await new SmtpSink().start();
  mailer = createMailer({ smtpUrl: sink.url, mailFrom: 'Samverka <noreply@samverka.example>', dataDir: '' });
  app = testApp(store, { mailer, config: { publicUrl: PUBLIC_URL } });
  // Only this kind of job, and retries due at once: the test is the clock.
  worker = new JobWorker(
    { db: store.db, mailer, config: { publicUrl: PUBLIC_URL, port: 3000, reminderDays: [14, 3] }, log: createLogger('silent') },
    { registry: jobRegistry([sendExpedition]), backoff: { baseSeconds: 0, capSeconds: 0 } },
  );
  lsg = await bodyId(store, 'lsg');
  bbu = await bodyId(store, 'bbu');
  for (const short of ['RV', 'Bjurholm', 'Skellefteå', 'Umeå']) hm[short] = await huvudmanId(store, short);
  admin = await signedIn(store, app, { email: 'admin@region.example', admin: true });
  sara = await signedIn(store, app, { email: 'sara@region.example', memberships: [{ bodyId: lsg, role: 'sekreterare' }] });
  member = await signedIn(store, app, { email: 'olle@region.example', memberships: [{ bodyId: lsg, role: 'ledamot' }] });
  otherSecretary = await signedIn(store, app, { email: 'samrad@region.example', memberships: [{ bodyId: await bodyId(store, 'samrad'), role: 'sekreterare' }] });
  // The receiving body's secretary, whose address the assignment goes to.
  await signedIn(store, app, { email: 'bbu-sekreterare@region.example', memberships: [{ bodyId: bbu, role: 'sekreterare' }] });
}, 120_000);

afterAll(async () => {
  mailer?.close();
  await sink?.stop();
  await closePdfRenderer();
  await store?.close();
});

describe('registry addresses', () => {
  it('are kept by administrators only, checked as plain addresses, and audited', async () => {
    const list = await admin.get('/api/admin/registry-addresses');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(16);
    expect(list.body[0]).toMatchObject({ name: 'Region Västerbotten', kind: 'region', registryEmail: null }); // none are seeded
    expect((await sara.get('/api/admin/registry-addresses')).status).toBe(403);
    expect((await sara.request('PUT', `/api/admin/registry-addresses/${hm.RV}`, { registryEmail: REGISTRY.RV })).status).toBe(403);
    const bad = await admin.request('PUT', `/api/admin/registry-addresses/${hm.RV}`, { registryEmail: 'Registrator <r@rv.example>' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('ogiltig e-postadress');
    expect((await admin.request('PUT', '/api/admin/registry-addresses/987654', { registryEmail: REGISTRY.RV })).status).toBe(404);
    for (const [short, email] of Object.entries(REGISTRY)) {
      const res = await admin.request('PUT', `/api/admin/registry-addresses/${hm[short]}`, { registryEmail: email.toUpperCase() });
      expect(res.status).toBe(200);
      expect(res.body.registryEmail).toBe(email);
    }
    const audit = await store.db.selectFrom('audit_log').select(['action', 'after']).where('action', '=', 'huvudman.registry_email').execute();
    expect(audit).toHaveLength(3);
  });
});

describe('expediering of a published protocol', () => {
  let meeting: { meetingId: number; itemId: number };

  it('is not offered for a draft, nor to anyone but the body’s secretaries', async () => {
    meeting = await publishedProtocol(store, '2024-02-23');
    const { meetingId: draftId } = await storeImportedProtocol(store.db, parsedProtocol({ date: '2024-04-19' }), sourceOf('utkast'), { draft: true });
    const draft = await sara.get(`/api/meetings/${draftId}/expedition`);
    expect(draft.status).toBe(409);
    expect(draft.body.error.message).toBe('Expediering görs först när protokollet är justerat och publicerat.');
    const send = await sara.post(`/api/meetings/${draftId}/expedition`, { dispatches: [huvudmanChoice(meeting.itemId, hm.RV!)] });
    expect(send.status).toBe(409);
    expect((await member.get(`/api/meetings/${meeting.meetingId}/expedition`)).status).toBe(403);
    expect((await otherSecretary.get(`/api/meetings/${meeting.meetingId}/expedition`)).status).toBe(403);
    expect((await new Client(app).get(`/api/meetings/${meeting.meetingId}/expedition`)).status).toBe(401);
  });

  it('proposes the recommendation to all 16 huvudmän and the assignment to Beredning barn och unga, and says who lacks an address', async () => {
    const res = await sara.get(`/api/meetings/${meeting.meetingId}/expedition`);
    expect(res.status).toBe(200);
    expect(res.body.proposals).toHaveLength(1);
    const [p] = res.body.proposals as Json[];
    expect(p).toMatchObject({ itemId: meeting.itemId, number: 41, title: 'Regionala strategin för suicidprevention' });
    const huvudman = p.recipients.filter((r: Json) => r.kind === 'huvudman');
    expect(huvudman).toHaveLength(16);
    expect(huvudman[0]).toMatchObject({ name: 'Region Västerbotten', reasons: ['recommendation'], deadline: '2024-12-31', addresses: [REGISTRY.RV], problem: null });
    expect(huvudman.filter((r: Json) => r.problem === 'no-address')).toHaveLength(13);
    expect(p.recipients.find((r: Json) => r.kind === 'body')).toMatchObject({ bodyId: bbu, name: 'Beredning barn och unga', reasons: ['assignment'], deadline: '2024-10-31', addresses: ['bbu-sekreterare@region.example'] });
    expect(res.body.items.map((i: Json) => i.number)).toEqual([40, 41]);
    expect(res.body.dispatches).toEqual([]);
  });

  it('refuses a huvudman without a registry address, naming it, and stores and sends nothing', async () => {
    const res = await sara.post(`/api/meetings/${meeting.meetingId}/expedition`, { dispatches: [huvudmanChoice(meeting.itemId, hm.RV!), huvudmanChoice(meeting.itemId, hm.Bjurholm!)] });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('Bjurholms kommun saknar e-postadress');
    expect(await dispatchCount()).toBe(0);
    expect(await sendJobs()).toEqual([]);
  });

  it('refuses bad input with a clear 400/422 and stores nothing', async () => {
    const other = await publishedProtocol(store, '2024-03-15');
    for (const [body, status] of [
      [{ dispatches: [] }, 400],
      [{ dispatches: [{ itemId: meeting.itemId, recipient: { kind: 'named', name: 'X', email: 'inte en adress' } }] }, 400],
      [{ dispatches: [{ itemId: meeting.itemId, recipient: { kind: 'kommun', id: 1 } }] }, 400],
      [{ dispatches: [huvudmanChoice(other.itemId, hm.RV!)] }, 422], // an item of another meeting
      [{ dispatches: [{ itemId: meeting.itemId, recipient: { kind: 'body', bodyId: 987654 } }] }, 422],
      [{ dispatches: [huvudmanChoice(meeting.itemId, hm.RV!), huvudmanChoice(meeting.itemId, hm.RV!)] }, 400],
    ] as const) {
      const res = await sara.post(`/api/meetings/${meeting.meetingId}/expedition`, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.message).toBeTruthy();
    }
    expect(await dispatchCount()).toBe(0);
  });

  it('sends § 41 to three huvudmän and the receiving body: one e-mail each with the extract as PDF and an XML record that validates', async () => {
    const res = await sara.post(`/api/meetings/${meeting.meetingId}/expedition`, {
      dispatches: [huvudmanChoice(meeting.itemId, hm.RV!), huvudmanChoice(meeting.itemId, hm.Skellefteå!), huvudmanChoice(meeting.itemId, hm.Umeå!), { itemId: meeting.itemId, recipient: { kind: 'body', bodyId: bbu } }],
    });
    expect(res.status).toBe(201);
    expect(res.body.dispatches.map((d: Json) => [d.recipient.name, d.state])).toEqual([
      ['Region Västerbotten', 'queued'], ['Skellefteå kommun', 'queued'], ['Umeå kommun', 'queued'], ['Beredning barn och unga', 'queued'],
    ]);
    expect(await sendJobs()).toHaveLength(4);

    const summary = await worker.runDue();
    expect(summary).toEqual({ done: 4, retry: 0, failed: 0 });
    expect(sink.messages).toHaveLength(4);
    for (const address of [...Object.values(REGISTRY), 'bbu-sekreterare@region.example']) {
      const [mail, ...more] = sink.to(address);
      expect(more, address).toEqual([]);
      expect(mail!.subject).toMatch(/^Expediering: Länssamverkansgruppen 2024-02-23 § 41 Regionala strategin för suicidprevention \(SAMVERKA-EXP-\d+\)$/);
      const pdf = attachment(mail!, '.pdf');
      expect(pdf.contentType).toBe('application/pdf');
      const text = pdfText(pdf.content);
      expect(text).toContain('PROTOKOLLSUTDRAG');
      expect(text).toContain('Regionala strategin för suicidprevention');
      expect(text).toContain('anta strategin');
      const xml = attachment(mail!, '.xml');
      expect(schemaErrors(xml.content)).toBe('');
      const record = xml.content.toString('utf8');
      expect(record).toContain('<itemNumber>41</itemNumber>');
      expect(record).toContain('<meetingDate>2024-02-23</meetingDate>');
      expect(record).toContain('<diaryNumber>LSG 2024-1</diaryNumber>');
      expect(record).toMatch(/<reference>SAMVERKA-EXP-\d+<\/reference>/);
      expect(record).toContain('uppdra till Beredning barn och unga att följa implementeringen');
      expect(record).toContain('https://DILCIS.eu/XML/ERMS');
      expect(mail!.text).toContain(`${PUBLIC_URL}/expediering/registrera/`);
    }
    const rv = sink.to(REGISTRY.RV)[0]!;
    expect(attachment(rv, '.xml').content.toString('utf8')).toContain('<deadline>2024-12-31</deadline>');
    expect(rv.text).toContain('Huvudmännen ombeds ha beslutat senast tisdag 31 december 2024 (2024-12-31).');
    expect(attachment(sink.to('bbu-sekreterare@region.example')[0]!, '.xml').content.toString('utf8')).toContain('<reason>assignment</reason>');

    const panel = await sara.get(`/api/meetings/${meeting.meetingId}/expedition`);
    expect(panel.body.dispatches.map((d: Json) => d.state)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(panel.body.dispatches.every((d: Json) => d.sentAt !== null)).toBe(true);
    const rvProposal = panel.body.proposals[0].recipients[0];
    expect(rvProposal).toMatchObject({ name: 'Region Västerbotten', problem: 'already-sent', dispatchId: panel.body.dispatches[0].id });
    // a second run of the queue finds nothing to send
    expect(await worker.runDue()).toEqual({ done: 0, retry: 0, failed: 0 });
    expect(sink.messages).toHaveLength(4);
  }, 120_000);

  it('refuses sending the same decision to the same recipient again, and queues nothing', async () => {
    const res = await sara.post(`/api/meetings/${meeting.meetingId}/expedition`, { dispatches: [huvudmanChoice(meeting.itemId, hm.Umeå!)] });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('Umeå kommun har redan fått § 41. Inget har skickats.');
    expect(await sendJobs()).toHaveLength(4);
  });

  it('takes the diary number from the registrar through the link, once; the secretary may correct it', async () => {
    const mail = sink.to(REGISTRY.Umeå)[0]!;
    const token = registrationToken(mail);
    const anonymous = new Client(app);
    const view = await anonymous.get(`/api/expedition/registration/${token}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ recipient: 'Umeå kommun', body: 'Länssamverkansgruppen', meetingDate: '2024-02-23', itemNumber: 41, state: 'sent', diaryNumber: null, deadline: '2024-12-31' });
    expect(view.body.decisionTexts[0]).toContain('anta strategin');
    expect((await anonymous.post(`/api/expedition/registration/${token}`, { diaryNumber: '  ' })).status).toBe(400);
    const registered = await anonymous.post(`/api/expedition/registration/${token}`, { diaryNumber: 'KS-2024/00123' });
    expect(registered.status).toBe(200);
    expect(registered.body).toMatchObject({ state: 'registered', diaryNumber: 'KS-2024/00123' });
    const again = await anonymous.post(`/api/expedition/registration/${token}`, { diaryNumber: 'KS-2024/99999' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('redan registrerat med diarienummer KS-2024/00123');
    expect((await anonymous.get('/api/expedition/registration/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);

    const panel = await sara.get(`/api/meetings/${meeting.meetingId}/expedition`);
    const umea = panel.body.dispatches.find((d: Json) => d.recipient.name === 'Umeå kommun');
    expect(umea).toMatchObject({ state: 'registered', diaryNumber: 'KS-2024/00123', registeredBy: 'Umeå kommun (via länken)' });
    const rv = panel.body.dispatches.find((d: Json) => d.recipient.name === 'Region Västerbotten');
    const corrected = await sara.request('PUT', `/api/meetings/${meeting.meetingId}/expedition/${rv.id}/registration`, { diaryNumber: 'RV 2024/456' });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ state: 'registered', diaryNumber: 'RV 2024/456', registeredBy: 'sara@region.example' });
    expect((await member.request('PUT', `/api/meetings/${meeting.meetingId}/expedition/${rv.id}/registration`, { diaryNumber: 'x' })).status).toBe(403);
    // a dispatch of another meeting is not found through this one
    expect((await sara.request('PUT', `/api/meetings/${meeting.meetingId}/expedition/987654/registration`, { diaryNumber: 'x' })).status).toBe(404);
  });
});

describe('when the mail server is down, or refuses an address', () => {
  it('delays the rest while it is down and delivers each exactly once when it is back', async () => {
    const m = await publishedProtocol(store, '2024-04-19');
    sink.messages.length = 0;
    const res = await sara.post(`/api/meetings/${m.meetingId}/expedition`, {
      dispatches: [huvudmanChoice(m.itemId, hm.RV!), huvudmanChoice(m.itemId, hm.Skellefteå!), huvudmanChoice(m.itemId, hm.Umeå!)],
    });
    expect(res.status).toBe(201);
    expect((await worker.runNext())?.status).toBe('done');
    expect(sink.messages).toHaveLength(1);

    await sink.stop(); // down mid-way
    expect((await worker.runNext())?.status).toBe('retry');
    expect((await worker.runNext())?.status).toBe('retry');
    const during = (await sara.get(`/api/meetings/${m.meetingId}/expedition`)).body.dispatches as Json[];
    expect(during.map((d) => d.state)).toEqual(['sent', 'retrying', 'retrying']);
    expect(during[1].lastError).toMatch(/ECONNREFUSED/);

    await sink.start(); // back, on the same port
    expect(await worker.runDue()).toEqual({ done: 2, retry: 0, failed: 0 });
    for (const address of Object.values(REGISTRY)) expect(sink.to(address), address).toHaveLength(1);
    expect(sink.messages).toHaveLength(3);
    const after = (await sara.get(`/api/meetings/${m.meetingId}/expedition`)).body.dispatches as Json[];
    expect(after.map((d) => [d.state, d.lastError])).toEqual([['sent', null], ['sent', null], ['sent', null]]);
    expect(await worker.runDue()).toEqual({ done: 0, retry: 0, failed: 0 });
    expect(sink.messages).toHaveLength(3);
  }, 120_000);

  it('records an address the mail server refuses for good as bounced, does not retry it, and sends it again only to a corrected address', async () => {
    const m = await publishedProtocol(store, '2024-06-14');
    sink.messages.length = 0;
    sink.refuse.add('fel@kommun.example');
    const res = await sara.post(`/api/meetings/${m.meetingId}/expedition`, {
      dispatches: [{ itemId: m.itemId, recipient: { kind: 'named', name: 'Kalle Kommunal', email: 'fel@kommun.example' } }, huvudmanChoice(m.itemId, hm.RV!)],
    });
    expect(res.status).toBe(201);
    expect(res.body.dispatches[0]).toMatchObject({ recipient: { kind: 'named', name: 'Kalle Kommunal' }, reasons: ['extract'], deadline: null });
    expect(await worker.runDue()).toEqual({ done: 2, retry: 0, failed: 0 });
    expect(sink.messages).toHaveLength(1);
    let dispatches = (await sara.get(`/api/meetings/${m.meetingId}/expedition`)).body.dispatches as Json[];
    const kalle = dispatches.find((d) => d.recipient.name === 'Kalle Kommunal');
    expect(kalle).toMatchObject({ state: 'bounced', sentAt: null });
    expect(kalle.bounceReason).toMatch(/550/);
    expect(await worker.runDue()).toEqual({ done: 0, retry: 0, failed: 0 });

    // nothing but the bounced one goes again
    const rv = dispatches.find((d) => d.recipient.name === 'Region Västerbotten');
    const notAgain = await sara.post(`/api/meetings/${m.meetingId}/expedition/${rv.id}/resend`, {});
    expect(notAgain.status).toBe(409);
    expect(notAgain.body.error.message).toContain('skickas inte igen');
    const registry = await sara.post(`/api/meetings/${m.meetingId}/expedition/${rv.id}/resend`, { email: 'ny@rv.example' });
    expect(registry.status).toBe(409);
    // a bounced dispatch cannot be registered
    expect((await sara.request('PUT', `/api/meetings/${m.meetingId}/expedition/${kalle.id}/registration`, { diaryNumber: 'X 1' })).status).toBe(409);

    const resent = await sara.post(`/api/meetings/${m.meetingId}/expedition/${kalle.id}/resend`, { email: 'kalle@kommun.example' });
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ state: 'queued', addresses: ['kalle@kommun.example'], attempt: 2, bounceReason: null });
    expect((await sara.post(`/api/meetings/${m.meetingId}/expedition/${kalle.id}/resend`, {})).status).toBe(409);
    expect(await worker.runDue()).toEqual({ done: 1, retry: 0, failed: 0 });
    expect(sink.to('kalle@kommun.example')).toHaveLength(1);
    expect(sink.to('fel@kommun.example')).toHaveLength(0);
    dispatches = (await sara.get(`/api/meetings/${m.meetingId}/expedition`)).body.dispatches as Json[];
    expect(dispatches.find((d) => d.id === kalle.id)).toMatchObject({ state: 'sent', attempt: 2 });
    const audit = await store.db.selectFrom('audit_log').select('action').where('action', 'like', 'expedition.%').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['expedition.send', 'expedition.resend', 'expedition.register']));
  }, 120_000);
});

describe('nothing sent twice, whatever the order of requests', () => {
  it('the database refuses a second dispatch of the same item to the same recipient, and stores nothing of that request', async () => {
    const m = await publishedProtocol(store, '2024-09-20');
    await setRegistryAddress(store.db, SYSTEM, hm.RV!, REGISTRY.RV);
    await setRegistryAddress(store.db, SYSTEM, hm.Umeå!, REGISTRY.Umeå);
    const facts = await expeditionFacts(store.db, m.meetingId);
    const item = facts.items.find((i) => i.id === m.itemId)!;
    const rv = resolveRecipient(facts, m.itemId, { kind: 'huvudman', huvudmanId: hm.RV! })!;
    const umea = resolveRecipient(facts, m.itemId, { kind: 'huvudman', huvudmanId: hm.Umeå! })!;
    // as two requests checked against the same facts before either stored anything
    await createDispatches(store.db, SYSTEM, m.meetingId, [{ item, recipient: rv }]);
    const jobsBefore = (await sendJobs()).length;
    const second = createDispatches(store.db, SYSTEM, m.meetingId, [{ item, recipient: umea }, { item, recipient: rv }]);
    await expect(second).rejects.toBeInstanceOf(ExpeditionRefused);
    await expect(second).rejects.toMatchObject({ status: 409, code: 'already_sent' });
    const stored = await store.db.selectFrom('expedition_dispatch').select('recipient_name').where('meeting_id', '=', m.meetingId).execute();
    expect(stored.map((d) => d.recipient_name)).toEqual(['Region Västerbotten']);
    expect(await sendJobs()).toHaveLength(jobsBefore);
  });
});
