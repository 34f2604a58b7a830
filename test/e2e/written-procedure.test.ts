/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { cli, launchChromium, SCREENSHOT_DIR, startServer, type RunningServer } from './harness.js';
import { SmtpSink } from '../jobs/smtp-sink.js';
import { linkToken, PDF } from '../written/written.js';

// A decision by written procedure, as the secretary and three members of Länssamverkansgruppen
// meet it: Sara puts the question with a document, the web process's job queue mails each member
// their link (caught by an SMTP server started here), Anna answers through her link without
// signing in, Bo and Cia signed in; the last answer settles it, Sara is told, and takes the
// decision up on the next meeting's agenda for confirmation.

const ROOT = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'ett riktigt långt lösenord';
const MEMBERS = [['Anna Ordförande', 'anna@region.example', 'ordförande'], ['Bo Ledamot', 'bo@region.example', 'ledamot'], ['Cia Ledamot', 'cia@region.example', 'ledamot']] as const;
const sink = new SmtpSink();
let server: RunningServer;
let browser: Browser;
let sara: Page;
let meeting: { id: number; date: string };
let questionUrl: string;

/** Sara (secretary), three voting members with accounts, and LSG's next meeting, before the server holds the database. */
function seed(dataDir: string): { id: number; date: string } {
  const script = `
    import { openStore } from './src/store/db.ts';
    import { seedReferenceData } from './src/store/queries/reference-data.ts';
    import { resolvePerson } from './src/store/queries/people.ts';
    import { createMembership } from './src/store/queries/memberships.ts';
    import { createAccount } from './src/store/queries/accounts.ts';
    import { createMeeting } from './src/store/queries/meeting-create.ts';
    import { hashPassword } from './src/auth/passwords.ts';
    import { SYSTEM } from './src/domain/access.ts';
    const s = await openStore({ dataDir: process.env.DATA_DIR });
    await seedReferenceData(s.db, 'samples/reference');
    const lsg = (await s.db.selectFrom('body').select('id').where('slug', '=', 'lsg').executeTakeFirstOrThrow()).id;
    const people = ${JSON.stringify([['Sara Sekreterare', 'sara@region.example', 'sekreterare'], ...MEMBERS])};
    for (const [name, email, role] of people) {
      const personId = await resolvePerson(s.db, name);
      await createMembership(s.db, SYSTEM, { personId, bodyId: lsg, role, party: null, organization: null, validFrom: null, validTo: null });
      await createAccount(s.db, SYSTEM, { email, name, passwordHash: await hashPassword(${JSON.stringify(PASSWORD)}), admin: false, personId });
    }
    const date = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
    const { meetingId } = await createMeeting(s.db, SYSTEM, lsg, { date, startTime: '09:00', endTime: '12:00', place: 'Teams', kind: 'meeting', title: null, jointBodyIds: [] });
    await s.close();
    process.stdout.write(JSON.stringify({ id: meetingId, date }));`;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, encoding: 'utf8' }));
}

async function accessible(p: Page) {
  const results = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
}

async function signIn(email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${server.url}/logga-in`);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('link', { name: 'Mitt konto' }).waitFor();
  return page;
}

async function until(what: string, ok: () => boolean, ms = 30_000) {
  for (const end = Date.now() + ms; !ok(); await new Promise((r) => setTimeout(r, 250))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
  }
}

/** "2026-03-14T12:00", a week from now, as a date-time field takes it. */
function aWeekFromNow(): string {
  const d = new Date(Date.now() + 7 * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T12:00`;
}

beforeAll(async () => {
  await sink.start();
  server = await startServer({ SMTP_URL: sink.url }, (dataDir) => {
    cli(dataDir, ['admin', 'create', '--email', 'admin@region.example', '--name', 'Ada Admin', '--password-stdin'], `${PASSWORD}\n`);
    meeting = seed(dataDir);
  });
  browser = await launchChromium();
  sara = await signIn('sara@region.example');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await sink.stop();
});

describe('a decision by written procedure', () => {
  it('the secretary puts the question with a document to the body’s voting members', async () => {
    await sara.goto(`${server.url}/organ/lsg`);
    await sara.getByRole('link', { name: 'Beslut per capsulam' }).click();
    await sara.getByRole('heading', { level: 1, name: 'Beslut per capsulam – Länssamverkansgruppen' }).waitFor();
    await sara.getByText('Inga beslut per capsulam ännu.').waitFor();
    await sara.getByRole('link', { name: 'Ställ en ny fråga till ledamöterna' }).click();
    await sara.getByLabel(/^Ärende/).fill('beviljade UPH-medel');
    await sara.getByLabel('Förslag till beslut').fill('Beredningsgruppen föreslår att ansökan från Umeå kommun om UPH-medel beviljas.');
    await sara.getByLabel(/^Att-satser/).fill('bevilja ansökan enligt beredningsgruppens förslag');
    await sara.getByLabel(/^Handlingar/).setInputFiles({ name: 'Ansökan UPH.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) });
    await sara.getByLabel(/^Svar senast/).fill(aWeekFromNow());
    await sara.getByRole('radio', { name: /^Alla måste vara eniga/ }).check();
    await accessible(sara);
    await sara.getByRole('button', { name: 'Skicka till ledamöterna' }).click();

    await sara.getByRole('heading', { level: 1, name: 'beviljade UPH-medel' }).waitFor();
    await sara.getByText(/^Pågår – ledamöterna svarar senast \d{4}-\d{2}-\d{2} kl\. 12:00\.$/).waitFor();
    await sara.getByRole('link', { name: 'Ansökan UPH.pdf' }).waitFor();
    await sara.getByText('0 av 3 ledamöter har svarat.').waitFor();
    questionUrl = sara.url();
    await accessible(sara);
  });

  it('each member gets one e-mail with their own link; Anna answers through hers without signing in', async () => {
    await until('three questions mailed', () => MEMBERS.every(([, email]) => sink.to(email).length === 1));
    expect(sink.to('sara@region.example')).toHaveLength(0);
    const mail = sink.to('anna@region.example')[0]!;
    expect(mail.subject).toMatch(/^Beslut per capsulam: beviljade UPH-medel/);
    const anna = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
    await anna.goto(`${server.url}/per-capsulam/svar/${linkToken(mail.text)}`);
    await anna.getByRole('heading', { level: 1, name: 'beviljade UPH-medel' }).waitFor();
    await anna.getByText(/Till Anna Ordförande/).waitFor();
    await anna.getByText('att bevilja ansökan enligt beredningsgruppens förslag').waitFor();
    const download = await anna.request.get(`${server.url}${await anna.getByRole('link', { name: 'Ansökan UPH.pdf' }).getAttribute('href')}`);
    expect(new Uint8Array(await download.body())).toEqual(PDF);
    await accessible(anna);
    await anna.getByRole('radio', { name: 'Ja' }).check();
    await anna.getByLabel('Kommentar (frivillig)').fill('Angeläget för länet.');
    await anna.getByRole('button', { name: 'Skicka svaret' }).click();
    await anna.getByRole('status').filter({ hasText: 'Tack, ditt svar är registrerat.' }).waitFor();
    await anna.getByText('Ditt svar: Ja').waitFor();
    expect(await anna.getByRole('button', { name: 'Skicka svaret' }).count()).toBe(0);

    // A link that is not one: a clear message, no form.
    await anna.goto(`${server.url}/per-capsulam/svar/${'x'.repeat(43)}`);
    await anna.getByRole('heading', { level: 1, name: 'Länken fungerar inte' }).waitFor();
    await anna.getByText(/^Länken är ogiltig\./).waitFor();
    await anna.context().close();
  });

  it('Bo and Cia answer signed in; the last answer settles the question under the rule', async () => {
    const bo = await signIn('bo@region.example');
    await bo.goto(`${server.url}/organ/lsg/per-capsulam`);
    const row = bo.getByRole('row').filter({ hasText: 'beviljade UPH-medel' });
    await row.getByText('Du har inte svarat').waitFor();
    await row.getByRole('link', { name: 'beviljade UPH-medel' }).click();
    await bo.getByRole('radio', { name: 'Ja' }).check();
    await bo.getByRole('button', { name: 'Skicka svaret' }).click();
    await bo.getByRole('status').filter({ hasText: 'Tack, ditt svar är registrerat.' }).waitFor();
    await bo.getByText('Ditt svar: Ja').waitFor();
    await bo.getByText('2 av 3 ledamöter har svarat.').waitFor();
    expect(await bo.getByRole('table', { name: 'Ledamöternas svar' }).count()).toBe(0); // others' answers stay with the secretary
    await bo.context().close();

    const cia = await signIn('cia@region.example');
    await cia.goto(questionUrl);
    await cia.getByRole('radio', { name: 'Avstår' }).check();
    await cia.getByLabel('Kommentar (frivillig)').fill('Jäv.');
    await cia.getByRole('button', { name: 'Skicka svaret' }).click();
    await cia.getByRole('status').filter({ hasText: 'Tack, ditt svar är registrerat. Frågan är nu avgjord: bifallet.' }).waitFor();
    await cia.context().close();
  });

  it('the secretary sees the decision recorded with every answer, and is told by e-mail', async () => {
    await sara.goto(questionUrl);
    await sara.getByText('Bifallet.', { exact: false }).first().waitFor();
    await sara.getByText(/Ingen ledamot svarade nej \(2 ja, 0 nej, 1 avstår\)\./).waitFor();
    const answers = sara.getByRole('table', { name: 'Ledamöternas svar' });
    await answers.getByRole('row', { name: /Anna Ordförande.*Ja.*Angeläget för länet\..*länk i e-post/ }).waitFor();
    await answers.getByRole('row', { name: /Cia Ledamot.*Avstår.*Jäv\..*inloggad/ }).waitFor();
    await sara.getByText('Beslutet erbjuds på organets nästa föredragningslista för bekräftelse.').waitFor();
    await sara.screenshot({ path: path.join(SCREENSHOT_DIR, 'written-procedure.png'), fullPage: true });
    await accessible(sara);
    await until('the outcome mailed to Sara', () => sink.to('sara@region.example').length === 1);
    expect(sink.to('sara@region.example')[0]!.subject).toBe('Beslut per capsulam avgjort: beviljade UPH-medel – bifallet');
  });

  it('the decision is offered on the next agenda, and once taken up the protocol and the question say so', async () => {
    await sara.goto(`${server.url}/moten/${meeting.id}/redigera`);
    const offers = sara.getByRole('region', { name: 'Förslag till dagordningen' });
    await offers.getByText(/Beslut per capsulam.*bifallet.*beviljade UPH-medel/).waitFor();
    await accessible(sara);
    await offers.getByRole('button', { name: /^Lägg till på dagordningen\s*: beviljade UPH-medel$/ }).click();
    const item = sara.getByRole('button', { name: /^(\d+)\. Anmälan av beslut fattade mellan sammanträdena$/ });
    await item.waitFor();
    const number = Number(/^(\d+)\./.exec((await item.textContent()) ?? '')![1]);
    await offers.getByText('Inga uppdrag eller ärenden från andra organ väntar.').waitFor();

    await sara.goto(`${server.url}/moten/${meeting.id}`);
    const article = sara.getByRole('article', { name: new RegExp(`${number}\\.\\s*Anmälan av beslut fattade mellan sammanträdena`) });
    await expect(article.textContent()).resolves.toMatch(/Formalia av beslut gällande beviljade UPH-medel via e-post i \p{L}+: Förslaget bifölls \(att bevilja ansökan enligt beredningsgruppens förslag\)\./u);

    await sara.goto(questionUrl);
    await sara.getByRole('link', { name: `Anmäls för bekräftelse vid mötet ${meeting.date} § ${number}` }).waitFor();

    await new Promise((r) => setTimeout(r, 6000)); // a poll of the worker later: nothing sent twice
    expect(MEMBERS.map(([, email]) => sink.to(email).length)).toEqual([1, 1, 1]);
    expect(sink.to('sara@region.example')).toHaveLength(1);
  });
});
