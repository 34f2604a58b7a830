import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, signedIn, type Json } from '../helpers/client.js';
import { person, withAccount, type Someone } from '../helpers/justering.js';
import { SmtpSink } from '../jobs/smtp-sink.js';
import { counts, linkToken, passDeadline, PDF, putQuestion, questionFields } from './written.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createMailer } from '../../src/mail/mailer.js';
import { JobWorker } from '../../src/jobs/worker.js';
import { findJobByKey } from '../../src/store/queries/jobs.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { SYSTEM } from '../../src/domain/access.js';
import type { Store } from '../../src/store/db.js';

// A decision by written procedure through the API, on both engines, with the mails going through
// the job queue to a real SMTP server: the secretary puts the question, members answer signed in
// and through their links, the rule settles it, the next agenda takes it up. And every refusal:
// after the deadline, a non-member, twice, a link for another question, no members, no deadline.

const sink = new SmtpSink();
let store: Store;
let app: ReturnType<typeof testApp>;
let worker: JobWorker;
let body: Record<string, number>;
let sara: Someone; // sekreterare
let anna: Someone; // ordförande
let bo: Someone; // ledamot
let cia: Someone; // ledamot
let eva: Someone; // ersättare: a member of the body, not asked
let outsider: Client;
let first: number; // the question all three answer
let meetingId: number; // LSG's next meeting

const lastMailTo = (email: string) => sink.to(email).at(-1);

beforeAll(async () => {
  await sink.start();
  store = await openTestStore();
  app = testApp(store);
  worker = new JobWorker({ db: store.db, mailer: createMailer({ smtpUrl: sink.url, mailFrom: undefined, dataDir: '/nonexistent' }), config: { ...loadConfig({}), publicUrl: 'https://samverka.example.se' }, log: createLogger('silent') });
  body = Object.fromEntries((await listBodies(store.db, SYSTEM)).map((b) => [b.slug, b.id]));
  sara = await withAccount(store, app, 'Sara Sekreterare', [{ bodyId: body.lsg!, role: 'sekreterare' }]);
  anna = await withAccount(store, app, 'Anna Ordförande', [{ bodyId: body.lsg!, role: 'ordförande' }]);
  bo = await withAccount(store, app, 'Bo Ledamot', [{ bodyId: body.lsg!, role: 'ledamot' }]);
  cia = await withAccount(store, app, 'Cia Ledamot', [{ bodyId: body.lsg!, role: 'ledamot' }]);
  eva = await withAccount(store, app, 'Eva Ersättare', [{ bodyId: body.lsg!, role: 'ersättare' }]);
  outsider = await signedIn(store, app, { email: 'utomstaende@example.se' });
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  meetingId = (await sara.client.post(`/api/bodies/${body.lsg}/meetings`, { date: inAMonth })).body.meetingId;
});
afterAll(async () => {
  await store?.close();
  await sink.stop();
});

describe('putting the question', () => {
  it('asks the voting members only, with the documents, and queues one mail each and the closing at the deadline', async () => {
    const res = await putQuestion(app, sara.client, body.lsg!, questionFields(), [{ name: 'Ansökan UPH.pdf', bytes: PDF }]);
    expect(res.status).toBe(201);
    expect(res.body.recipients).toBe(3);
    first = res.body.id;
    const q = (await sara.client.get(`/api/written-procedures/${first}`)).body;
    expect(q).toMatchObject({ status: 'open', rule: 'unanimous', ruleText: 'alla måste vara eniga', clauses: ['bevilja ansökan enligt beredningsgruppens förslag', 'uppdra åt beredningsgruppen att följa upp insatsen'], canManage: true });
    expect(q.recipients.map((r: Json) => [r.name, r.role, r.mailed])).toEqual([['Anna Ordförande', 'ordförande', false], ['Bo Ledamot', 'ledamot', false], ['Cia Ledamot', 'ledamot', false]]);
    expect(q.documents).toEqual([expect.objectContaining({ filename: 'Ansökan UPH.pdf', mediaType: 'application/pdf' })]);
    const close = await findJobByKey(store.db, `written-close:${first}`);
    expect(close!.runAt.toISOString()).toBe(q.deadline);
    const audit = await store.db.selectFrom('audit_log').select(['action', 'actor']).where('entity', '=', 'written_question').where('entity_id', '=', String(first)).execute();
    expect(audit).toEqual([{ action: 'written.send', actor: 'Sara Sekreterare' }]);
  });

  it('mails each member the proposal and their own link, once; the link leaves the queue when sent', async () => {
    expect(await worker.runDue()).toEqual({ done: 3, retry: 0, failed: 0 });
    for (const m of [anna, bo, cia]) {
      const mails = sink.to(m.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toMatch(/^Beslut per capsulam: beviljade UPH-medel \(svar senast \d{4}-\d{2}-\d{2} kl\. \d{2}:\d{2}\)$/);
      expect(mails[0]!.text).toContain('- att bevilja ansökan enligt beredningsgruppens förslag');
      expect(mails[0]!.text).toMatch(/https:\/\/samverka\.example\.se\/per-capsulam\/svar\/[A-Za-z0-9_-]{43}/);
    }
    expect(new Set([anna, bo, cia].map((m) => linkToken(lastMailTo(m.email)!.text))).size).toBe(3);
    const job = await findJobByKey(store.db, `written-request:${first}:${bo.personId}`);
    expect(job!.payload).toEqual({ questionId: first, personId: bo.personId });
    expect(sink.to(eva.email)).toEqual([]);
    expect(await worker.runDue()).toEqual({ done: 0, retry: 0, failed: 0 });
    expect((await sara.client.get(`/api/written-procedures/${first}`)).body.recipients.every((r: Json) => r.mailed)).toBe(true);
  });
});

describe('answering', () => {
  it('a member signed in answers, and sees their own answer but not the others’', async () => {
    const res = await bo.client.post(`/api/written-procedures/${first}/answers`, { answer: 'yes', comment: 'Angeläget.' });
    expect(res).toMatchObject({ status: 201, body: { status: 'open' } });
    const mine = (await bo.client.get(`/api/written-procedures/${first}`)).body;
    expect(mine).toMatchObject({ mine: { answer: 'yes', comment: 'Angeläget.' }, canAnswer: false, answersShown: false, tally: null, progress: { answered: 1, total: 3 } });
    const forCia = (await cia.client.get(`/api/written-procedures/${first}`)).body;
    expect(forCia.recipients.find((r: Json) => r.name === 'Bo Ledamot').answer).toBeNull();
    expect(forCia.canAnswer).toBe(true);
    const forSara = (await sara.client.get(`/api/written-procedures/${first}`)).body;
    expect(forSara.recipients.find((r: Json) => r.name === 'Bo Ledamot')).toMatchObject({ answer: 'yes', comment: 'Angeläget.', via: 'signed-in' });
  });

  it('a member answers through the e-mail link without signing in: the link shows the proposal and its documents', async () => {
    const token = linkToken(lastMailTo(anna.email)!.text);
    const anonymous = new Client(app);
    const view = await anonymous.get(`/api/written-procedures/links/${token}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ id: first, you: 'Anna Ordförande', title: 'beviljade UPH-medel', canAnswer: true, answersShown: false });
    const doc = await app.request(view.body.documents[0].href);
    expect(doc.status).toBe(200);
    expect(new Uint8Array(await doc.arrayBuffer())).toEqual(PDF);
    const res = await anonymous.post(`/api/written-procedures/${first}/answers`, { answer: 'abstain', comment: 'Jäv: Umeå är min arbetsgivare.', token });
    expect(res).toMatchObject({ status: 201, body: { status: 'open' } });
    const forSara = (await sara.client.get(`/api/written-procedures/${first}`)).body;
    expect(forSara.recipients.find((r: Json) => r.name === 'Anna Ordförande')).toMatchObject({ answer: 'abstain', via: 'link' });
  });

  it('refuses a second answer, signed in or through the link, and keeps the first', async () => {
    const again = await bo.client.post(`/api/written-procedures/${first}/answers`, { answer: 'no' });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'answered', message: 'Du har redan svarat på frågan. Ett svar kan inte ändras.' } } });
    const token = linkToken(lastMailTo(anna.email)!.text);
    expect((await new Client(app).post(`/api/written-procedures/${first}/answers`, { answer: 'yes', token })).status).toBe(409);
    const viaLinkAfterSignIn = await bo.client.post(`/api/written-procedures/${first}/answers`, { answer: 'no', token: linkToken(lastMailTo(bo.email)!.text) });
    expect(viaLinkAfterSignIn.body.error.code).toBe('answered');
    const forSara = (await sara.client.get(`/api/written-procedures/${first}`)).body;
    expect(forSara.tally).toEqual({ yes: 1, no: 0, abstain: 1, missing: 1, total: 3 });
  });

  it('refuses those who were not asked: the secretary, a substitute, an outsider, and anyone without a link', async () => {
    for (const client of [sara.client, eva.client]) {
      expect(await client.post(`/api/written-procedures/${first}/answers`, { answer: 'yes' })).toMatchObject({ status: 403, body: { error: { code: 'not_asked' } } });
    }
    expect((await outsider.post(`/api/written-procedures/${first}/answers`, { answer: 'yes' })).status).toBe(403);
    expect((await new Client(app).post(`/api/written-procedures/${first}/answers`, { answer: 'yes' })).status).toBe(401);
    expect((await new Client(app).post(`/api/written-procedures/${first}/answers`, { answer: 'yes', token: 'x'.repeat(43) })).body.error.code).toBe('invalid_link');
    expect((await new Client(app).get(`/api/written-procedures/links/${'x'.repeat(43)}`)).status).toBe(404);
    expect((await outsider.get(`/api/written-procedures/${first}`)).status).toBe(404);
    expect((await outsider.get(`/api/bodies/${body.lsg}/written-procedures`)).body).toEqual([]);
    expect((await bo.client.post(`/api/written-procedures/${first}/answers`, { answer: 'kanske' })).status).toBe(400);
  });

  it('refuses a link used for another question, and stores nothing', async () => {
    const second = (await putQuestion(app, sara.client, body.lsg!, questionFields({ title: 'remissvar om hjälpmedel', rule: 'majority' }))).body.id;
    const ciasFirstLink = linkToken(lastMailTo(cia.email)!.text);
    const res = await new Client(app).post(`/api/written-procedures/${second}/answers`, { answer: 'yes', token: ciasFirstLink });
    expect(res).toMatchObject({ status: 403, body: { error: { code: 'wrong_question', message: 'Länken gäller en annan fråga än den här och kan inte användas för att svara på den.' } } });
    const answers = await store.db.selectFrom('written_recipient').select('answer').where('question_id', '=', second).execute();
    expect(answers.every((a) => a.answer === null)).toBe(true);
  });

  it('settles the question when the last answer meets the rule, records every answer, and tells the secretary once', async () => {
    const res = await new Client(app).post(`/api/written-procedures/${first}/answers`, { answer: 'yes', token: linkToken(lastMailTo(cia.email)!.text) });
    expect(res).toMatchObject({ status: 201, body: { status: 'approved' } });
    const q = (await cia.client.get(`/api/written-procedures/${first}`)).body;
    expect(q).toMatchObject({ status: 'approved', closedBy: 'rule', outcomeReason: 'Ingen ledamot svarade nej (2 ja, 0 nej, 1 avstår).', answersShown: true });
    expect(q.recipients.map((r: Json) => r.answer)).toEqual(['abstain', 'yes', 'yes']);
    const decided = await store.db.selectFrom('audit_log').select('after').where('action', '=', 'written.decide').where('entity_id', '=', String(first)).executeTakeFirstOrThrow();
    expect(decided.after).toMatchObject({ outcome: 'approved', by: 'rule', notAnswered: [] });
    await worker.runDue();
    await worker.runDue();
    const told = sink.to(sara.email);
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toBe('Beslut per capsulam avgjort: beviljade UPH-medel – bifallet');
    expect(told[0]!.text).toContain('Anna Ordförande: avstår – ”Jäv: Umeå är min arbetsgivare.”');
  });

  it('refuses answers after the deadline, and closes the question at the deadline through the queue', async () => {
    const q = (await putQuestion(app, sara.client, body.lsg!, questionFields({ title: 'yttrande över länsplanen', rule: 'majority' }))).body.id;
    await worker.runDue();
    const bosLink = linkToken(lastMailTo(bo.email)!.text);
    expect((await bo.client.post(`/api/written-procedures/${q}/answers`, { answer: 'yes' })).status).toBe(201);
    await passDeadline(store, q);
    expect(await cia.client.post(`/api/written-procedures/${q}/answers`, { answer: 'yes' })).toMatchObject({ status: 409, body: { error: { code: 'expired', message: 'Svarstiden har gått ut.' } } });
    expect((await new Client(app).post(`/api/written-procedures/${q}/answers`, { answer: 'yes', token: linkToken(lastMailTo(anna.email)!.text) })).body.error.code).toBe('expired');
    expect((await new Client(app).get(`/api/written-procedures/links/${bosLink}`))).toMatchObject({ status: 410, body: { error: { code: 'expired' } } });

    const before = sink.to(sara.email).length;
    const summary = await worker.runDue();
    expect(summary.failed).toBe(0);
    const closed = (await sara.client.get(`/api/written-procedures/${q}`)).body;
    expect(closed).toMatchObject({ status: 'rejected', closedBy: 'deadline', outcomeReason: 'Förslaget fick inte ja från en majoritet av ledamöterna: 1 av 3 (1 ja, 0 nej, 0 avstår, 2 svarade inte).' });
    await worker.runDue();
    expect(sink.to(sara.email).length).toBe(before + 1);
  });
});

describe('bad proposals', () => {
  it('refuses a proposal without a deadline, with a past or unreadable one, without a title, or with a document that is not what it says, and stores nothing', async () => {
    const before = await counts(store);
    const cases: [Record<string, string | undefined>, string][] = [
      [{ deadline: undefined }, 'Ogiltigt värde för deadline: ange när svarstiden går ut'],
      [{ deadline: '2020-01-01T12:00' }, 'Ogiltigt värde för deadline: svarstiden måste gå ut i framtiden'],
      [{ deadline: 'nästa fredag' }, 'Ogiltigt värde för deadline: skriv datum och tid, t.ex. 2024-11-12T12:00'],
      [{ title: '  ' }, 'Ogiltigt värde för title: ange vad frågan gäller'],
      [{ rule: 'lottning' }, 'Ogiltigt värde för rule: välj beslutsregel: unanimous, majority eller chair'],
    ];
    for (const [extra, message] of cases) {
      const res = await putQuestion(app, sara.client, body.lsg!, questionFields(extra));
      expect(res, message).toMatchObject({ status: 400, body: { error: { message } } });
    }
    const fake = await putQuestion(app, sara.client, body.lsg!, questionFields(), [{ name: 'ansökan.pdf', bytes: new TextEncoder().encode('inte en pdf') }]);
    expect(fake).toMatchObject({ status: 400, body: { error: { message: 'Ogiltigt värde för documents: ansökan.pdf: bara PDF, Word (DOCX) och Excel (XLSX) kan bifogas' } } });
    expect(await counts(store)).toEqual(before);
  });

  it('refuses a body without voting members, a member without an address, and the chair rule without a chair, and stores nothing', async () => {
    const samradSecretary = await withAccount(store, app, 'Stina Samråd', [{ bodyId: body.samrad!, role: 'sekreterare' }]);
    const before = await counts(store);
    expect(await putQuestion(app, samradSecretary.client, body.samrad!, questionFields())).toMatchObject({ status: 422, body: { error: { code: 'no_members' } } });
    await person(store, 'Gun Utan Adress', [{ bodyId: body.samrad!, role: 'ledamot' }]);
    expect(await putQuestion(app, samradSecretary.client, body.samrad!, questionFields())).toMatchObject({ status: 422, body: { error: { code: 'no_address', message: expect.stringMatching(/^Gun Utan Adress saknar e-postadress/) } } });
    await withAccount(store, app, 'Lars Ledamot', [{ bodyId: body.samrad!, role: 'ledamot' }]);
    await store.db.deleteFrom('membership').where('person_id', '=', (await store.db.selectFrom('person').select('id').where('name', '=', 'Gun Utan Adress').executeTakeFirstOrThrow()).id).execute();
    expect(await putQuestion(app, samradSecretary.client, body.samrad!, questionFields({ rule: 'chair' }))).toMatchObject({ status: 422, body: { error: { code: 'no_chair' } } });
    expect(await counts(store)).toEqual(before);
    expect(await putQuestion(app, bo.client, body.lsg!, questionFields())).toMatchObject({ status: 403 });
  });
});

describe('confirmation at the next meeting', () => {
  it('offers the settled decisions on the body’s next agenda and to its members’ inbox, not to others', async () => {
    const editor = (await sara.client.get(`/api/meetings/${meetingId}/editor`)).body;
    expect(editor.offers.writtenDecisions.map((o: Json) => [o.title, o.outcome])).toEqual([['beviljade UPH-medel', 'approved'], ['yttrande över länsplanen', 'rejected']]);
    expect((await bo.client.get(`/api/bodies/${body.lsg}/inbox`)).body.writtenDecisions).toHaveLength(2);
    expect((await new Client(app).get(`/api/bodies/${body.lsg}/inbox`)).body.writtenDecisions).toEqual([]);
  });

  it('takes a decision up as "Anmälan av beslut fattade mellan sammanträdena", saying how it was decided; the question shows where', async () => {
    const res = await sara.client.post(`/api/meetings/${meetingId}/written-decisions`, { questionId: first });
    expect(res.status).toBe(201);
    const protocol = (await sara.client.get(`/api/meetings/${meetingId}`)).body;
    const item = protocol.agenda.find((i: Json) => i.id === res.body.itemId);
    expect(item).toMatchObject({ title: 'Anmälan av beslut fattade mellan sammanträdena', kind: 'decision' });
    expect(item.text).toMatch(/^- Formalia av beslut gällande beviljade UPH-medel via e-post i \p{L}+: Förslaget bifölls \(att bevilja ansökan enligt beredningsgruppens förslag; att uppdra åt beredningsgruppen att följa upp insatsen\)\./u);
    expect(item.text).toContain('Svar: Anna Ordförande avstår (”Jäv: Umeå är min arbetsgivare.”); Bo Ledamot ja (”Angeläget.”); Cia Ledamot ja.');
    expect(item.decisions).toEqual([expect.objectContaining({ text: '', clauses: ['bekräfta beslutet per capsulam gällande beviljade UPH-medel'] })]);
    const q = (await bo.client.get(`/api/written-procedures/${first}`)).body;
    expect(q.confirmation).toEqual({ meetingId, date: protocol.date, itemNumber: item.number, confirmed: false });
    const html = (await sara.client.get(`/api/meetings/${meetingId}/protocol.html`)).body as string;
    const text = html.replace(/<[^>]+>/g, ' ').replace(/\u00ad/g, '').replace(/\s+/g, ' ');
    expect(text).toMatch(/– Formalia av beslut gällande beviljade UPH-medel via e-post i \p{L}+: Förslaget bifölls/u);
    expect(text).toContain('att bekräfta beslutet per capsulam gällande beviljade UPH-medel');
  });

  it('adds the next decision under the same item, and refuses to take one up twice', async () => {
    const second = (await sara.client.get(`/api/meetings/${meetingId}/editor`)).body.offers.writtenDecisions;
    expect(second).toHaveLength(1);
    const res = await sara.client.post(`/api/meetings/${meetingId}/written-decisions`, { questionId: second[0].questionId });
    const items = (await sara.client.get(`/api/meetings/${meetingId}/editor`)).body.items as Json[];
    const confirming = items.filter((i) => i.title === 'Anmälan av beslut fattade mellan sammanträdena');
    expect(confirming).toHaveLength(1);
    expect(confirming[0].id).toBe(res.body.itemId);
    expect(confirming[0].decisions).toHaveLength(2);
    expect(confirming[0].text).toContain('- Formalia av beslut gällande yttrande över länsplanen via e-post i');
    expect(await sara.client.post(`/api/meetings/${meetingId}/written-decisions`, { questionId: first })).toMatchObject({ status: 409, body: { error: { code: 'confirmed' } } });
    expect((await sara.client.get(`/api/meetings/${meetingId}/editor`)).body.offers.writtenDecisions).toEqual([]);
  });

  it('refuses to take up a question that is still open, or of another body', async () => {
    const open = (await sara.client.get(`/api/bodies/${body.lsg}/written-procedures`)).body.find((q: Json) => q.status === 'open');
    expect(await sara.client.post(`/api/meetings/${meetingId}/written-decisions`, { questionId: open.id })).toMatchObject({ status: 409, body: { error: { code: 'not_decided' } } });
    expect((await sara.client.post(`/api/meetings/${meetingId}/written-decisions`, { questionId: 987654 })).status).toBe(404);
  });

  it('lists the body’s questions for its members with their state', async () => {
    const list = (await cia.client.get(`/api/bodies/${body.lsg}/written-procedures`)).body as Json[];
    expect(list.map((q) => [q.title, q.status])).toEqual([['yttrande över länsplanen', 'rejected'], ['remissvar om hjälpmedel', 'open'], ['beviljade UPH-medel', 'approved']]);
    expect(list[2].confirmation).toMatchObject({ meetingId, confirmed: false });
  });
});

describe('the chair decides after consulting', () => {
  it('shows the chair the members’ answers while the question is open, and no one else but the secretary', async () => {
    const q = (await putQuestion(app, sara.client, body.lsg!, questionFields({ title: 'ordförandebeslut om remisstid', rule: 'chair' }))).body.id;
    await bo.client.post(`/api/written-procedures/${q}/answers`, { answer: 'no', comment: 'För kort tid.' });
    const forAnna = (await anna.client.get(`/api/written-procedures/${q}`)).body;
    expect(forAnna.answersShown).toBe(true);
    expect(forAnna.recipients.map((r: Json) => [r.name, r.chair, r.answer])).toEqual([['Anna Ordförande', true, null], ['Bo Ledamot', false, 'no'], ['Cia Ledamot', false, null]]);
    expect((await cia.client.get(`/api/written-procedures/${q}`)).body.answersShown).toBe(false);
    await cia.client.post(`/api/written-procedures/${q}/answers`, { answer: 'no' });
    expect((await anna.client.post(`/api/written-procedures/${q}/answers`, { answer: 'yes', comment: 'Beslutar efter samråd.' })).body.status).toBe('approved');
  });
});

describe('a mail server that is down', () => {
  it('delays the questions and sends each once when it is back', async () => {
    await sink.stop();
    const q = (await putQuestion(app, sara.client, body.lsg!, questionFields({ title: 'fördelning av utvecklingsmedel' }))).body.id;
    const summary = await worker.runDue();
    expect(summary.retry).toBeGreaterThanOrEqual(3);
    await sink.start();
    await store.db.updateTable('job').set({ run_at: new Date(Date.now() - 1000) }).where('dedupe_key', 'like', `written-%:${q}:%`).execute();
    await worker.runDue();
    for (const m of [anna, bo, cia]) expect(sink.to(m.email).filter((mail) => mail.subject?.includes('fördelning av utvecklingsmedel'))).toHaveLength(1);
    expect((await sara.client.get(`/api/written-procedures/${q}`)).body.recipients.every((r: Json) => r.mailed)).toBe(true);
  });

  it('does not mail a member who answered signed in before the mail went out, and forgets their link', async () => {
    const q = (await putQuestion(app, sara.client, body.lsg!, questionFields({ title: 'lokalfrågan', rule: 'majority' }))).body.id;
    await bo.client.post(`/api/written-procedures/${q}/answers`, { answer: 'yes' });
    await worker.runDue();
    const about = (email: string) => sink.to(email).filter((mail) => mail.subject?.includes('lokalfrågan'));
    expect([about(anna.email), about(bo.email), about(cia.email)].map((m) => m.length)).toEqual([1, 0, 1]);
    expect((await findJobByKey(store.db, `written-request:${q}:${bo.personId}`))!.payload).toEqual({ questionId: q, personId: bo.personId });
  });
});
