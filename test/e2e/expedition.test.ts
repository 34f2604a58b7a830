/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, apiSession, bodyIdOf, expectAccessible, SCREENSHOT_DIR, startServer, type RunningServer } from './harness.js';
import { addItem, ATTENDING, Browsing, lsgAccounts, openMeeting, ownDatabase, PASSWORDS, samverkaOn, writeItem } from './justering-setup.js';
import { SmtpSink } from '../jobs/smtp-sink.js';
import { attachment, pdfText, registrationToken, schemaErrors } from '../expedition/helpers.js';

// Expediering as a secretary: a protocol is justerat and published (through the justering API,
// as the justering test does it in the browser); an administrator enters three municipalities'
// registry addresses; the secretary opens Expediering from the protocol page and sends the strategy decision to the
// three, as proposed from its recommendation. The mail server (smtp-server, read with mailparser)
// stops after the first message: the rest wait and go when it is back, each exactly once, with the
// extract as PDF and an XML record that validates against the shipped schema. A registrar enters
// the diary number through the link; an extract to an address that bounces is shown as bounced
// and sent again to a corrected one; `samverka expedition --json` says the same.
//
// The server runs on a PostgreSQL database of its own and works the job queue itself
// (JOBS=in-process), so that the command line and the test can read the same database meanwhile.

const database = ownDatabase('expedition');
const REGISTRY = { Skellefteå: 'registrator@skelleftea.example', Umeå: 'registrator@umea.example', Vännäs: 'kommun@vannas.example' };

const sink = new SmtpSink();
let server: RunningServer;
let browsing: Browsing;
let meetingId: number;
let sara: Page;

const samverka = (args: string[], input?: string) => samverkaOn(server, database.url, args, input);
const signIn = (email: string, password: string) => browsing.signIn(server.url, email, password);
/** The API as someone signed in (for what other tests do in the browser). */
const apiAs = async (email: string, password: string) => (await apiSession(server.url, email, password)).api;

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: database.url });
  await c.connect();
  try {
    return (await c.query(query, params)).rows as T[];
  } finally {
    await c.end();
  }
}

const expeditionMails = () => sink.messages.filter((m) => m.subject?.startsWith('Expediering:'));
const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).waitFor();

beforeAll(async () => {
  await database.create();
  await sink.start();
  server = await startServer({ DATABASE_URL: database.url, JOBS: 'in-process', SMTP_URL: sink.url });
  const created = samverka(['admin', 'create', '--email', ADMIN_EMAIL, '--name', 'Ada Admin', '--password-stdin'], `${PASSWORDS.admin}\n`);
  expect(created.status, created.out).toBe(0);
  browsing = await Browsing.launch();
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browsing?.close();
  await server?.stop();
  await sink.stop();
  await database.drop();
});

describe('expediering: from a published protocol to each huvudman’s registry', () => {
  it('a protocol is justerat and published, its decision recommended to every huvudman', async () => {
    const lsg = await bodyIdOf(server.url, 'lsg');
    const { sara: katarina, carin } = await lsgAccounts(await apiSession(server.url, ADMIN_EMAIL, PASSWORDS.admin), lsg, ['sara', 'carin']);

    const asSara = await apiAs('sara@region.example', PASSWORDS.sara);
    meetingId = await openMeeting(asSara, lsg, { date: '2026-03-20', startTime: '09:00', endTime: '12:00', place: 'Teams' }, [ATTENDING.carin, ATTENDING.katarina]);
    const strategyId = await addItem(asSara, meetingId, 'Regional strategi för suicidprevention');
    await writeItem(asSara, meetingId, strategyId, {
      text: 'Strategin har reviderats och gäller 2026–2030.',
      decisions: [{ text: '', clauses: ['rekommendera huvudmännen att anta den länsgemensamma strategin', 'uppdra till Beredning barn och unga att följa implementeringen'] }],
      assignments: [{ id: null, to: 'Beredning barn och unga', task: 'följa implementeringen', dueDate: '2026-10-31', dueText: null, dueMeetingId: null, decisionIndex: 0 }],
    });
    await asSara('POST', `/api/meetings/${meetingId}/justering`, { signatories: [{ personId: katarina, role: 'sekreterare' }, { personId: carin, role: 'ordförande' }] });
    await asSara('POST', `/api/meetings/${meetingId}/justering/sign`, { password: PASSWORDS.sara });
    const asCarin = await apiAs('carin@kommun.example', PASSWORDS.carin);
    const signed = await asCarin<{ sealed: boolean; sealError: string | null }>('POST', `/api/meetings/${meetingId}/justering/sign`, { password: PASSWORDS.carin });
    expect(signed).toMatchObject({ sealed: true, sealError: null });

    const protocol = (await (await fetch(`${server.url}/api/meetings/${meetingId}`)).json()) as { status: string; agenda: { id: number; decisions: { id: number }[] }[] };
    expect(protocol.status).toBe('published');
    const decisionId = protocol.agenda.find((i) => i.id === strategyId)!.decisions[0]!.id;
    await asSara('POST', `/api/bodies/${lsg}/recommendations`, { decisionId, title: 'Länsgemensam strategi för suicidprevention', kind: 'strategi', localBody: 'fullmäktige', deadline: '2026-12-31' });
    // the justering e-mails went through the same mail server
    sink.messages.length = 0;
  }, 120_000);

  it('an administrator enters three registry addresses in Administration → Registratorer', async () => {
    const page = await signIn(ADMIN_EMAIL, PASSWORDS.admin);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('tab', { name: 'Registratorer' }).click();
    for (const [name, email] of [['Skellefteå kommun', REGISTRY.Skellefteå], ['Umeå kommun', REGISTRY.Umeå], ['Vännäs kommun', REGISTRY.Vännäs]] as const) {
      await page.getByLabel(`Registratorns e-postadress för ${name}`).fill(email);
      await page.getByRole('button', { name: `Spara adressen för ${name}` }).click();
      await status(page, `Adressen för ${name} är sparad.`);
    }
    await expect(page.getByLabel('Registratorns e-postadress för Umeå kommun').inputValue()).resolves.toBe(REGISTRY.Umeå);
    await expectAccessible(page);
  });

  it('the secretary sends the strategy decision to the three as proposed; the mail server stops mid-way, and the rest arrive, each once, when it is back', async () => {
    sara = await signIn('sara@region.example', PASSWORDS.sara);
    await sara.goto(`${server.url}/moten/${meetingId}`);
    await sara.getByRole('link', { name: 'Expediering av besluten' }).click();
    const item = sara.getByRole('group', { name: /^§ \d+ Regional strategi för suicidprevention$/ });
    await item.waitFor();
    const checked = item.getByRole('checkbox', { checked: true });
    await expect(checked.count()).resolves.toBe(3);
    for (const name of ['Skellefteå kommun', 'Umeå kommun', 'Vännäs kommun']) {
      await expect(item.getByRole('checkbox', { name: new RegExp(`^${name} – Rekommendation, senast 2026-12-31`) }).isChecked()).resolves.toBe(true);
    }
    // the other thirteen, and the body without a secretary with e-mail, cannot be chosen yet
    await expect(item.getByRole('checkbox', { name: /^Region Västerbotten .*saknar adress$/ }).isDisabled()).resolves.toBe(true);
    await expect(item.getByRole('checkbox', { name: /^Beredning barn och unga – Uppdrag, senast 2026-10-31.*saknar adress$/ }).isDisabled()).resolves.toBe(true);
    await expectAccessible(sara);
    await sara.screenshot({ path: path.join(SCREENSHOT_DIR, 'expediering-valj.png'), fullPage: true });

    await sara.getByRole('button', { name: 'Skicka expediering till 3 mottagare' }).click();
    await status(sara, '3 utskick ligger i kö och skickas strax.');
    // the web process works the queue: stop the mail server as soon as the first message is in
    for (let n = 0; n < 3000 && expeditionMails().length === 0; n++) await new Promise((r) => setTimeout(r, 10));
    await sink.stop();
    const beforeStop = expeditionMails().length;
    expect(beforeStop).toBeGreaterThanOrEqual(1);
    expect(beforeStop).toBeLessThan(3);

    const table = sara.getByRole('table', { name: 'Utskick per mottagare' });
    await table.getByRole('row').filter({ hasText: 'E-postservern svarade inte – nytt försök väntar' }).first().waitFor({ timeout: 30_000 });
    await expect(table.getByRole('row').filter({ hasText: /ECONNREFUSED/ }).count()).resolves.toBeGreaterThanOrEqual(1);
    await expectAccessible(sara);
    await sara.screenshot({ path: path.join(SCREENSHOT_DIR, 'expediering-vantar.png'), fullPage: true });

    await sink.start(); // back, on the same port
    // as if the first retry's wait (30 s) had passed: the worker takes them at its next look
    await sql(`update job set run_at = now() where kind = 'send-expedition' and done_at is null and failed_at is null`);
    for (const name of ['Skellefteå kommun', 'Umeå kommun', 'Vännäs kommun']) {
      await table.getByRole('row').filter({ hasText: name }).filter({ hasText: /Skickat \d{4}-\d{2}-\d{2}/ }).waitFor({ timeout: 30_000 });
    }
    await new Promise((r) => setTimeout(r, 6000)); // a poll of the worker later: nothing more
    expect(expeditionMails()).toHaveLength(3);
    for (const address of Object.values(REGISTRY)) {
      const mails = sink.to(address);
      expect(mails, address).toHaveLength(1);
      const mail = mails[0]!;
      expect(mail.subject).toMatch(/^Expediering: Länssamverkansgruppen 2026-03-20 § \d+ Regional strategi för suicidprevention \(SAMVERKA-EXP-\d+\)$/);
      expect(pdfText(attachment(mail, '.pdf').content)).toContain('rekommendera huvudmännen att anta den länsgemensamma strategin');
      const xml = attachment(mail, '.xml').content;
      expect(schemaErrors(xml)).toBe('');
      expect(xml.toString('utf8')).toContain('<deadline>2026-12-31</deadline>');
    }
  }, 90_000);

  it('the registrar enters the diary number through the link, without signing in', async () => {
    const token = registrationToken(sink.to(REGISTRY.Umeå)[0]!);
    const page = await browsing.newPage();
    await page.goto(`${server.url}/expediering/registrera/${token}`);
    await page.getByRole('heading', { name: 'Registrera beslutet' }).waitFor();
    await page.getByText('Det här beslutet har skickats till Umeå kommun.').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Ert diarienummer').fill('KS-2026/00123');
    await page.getByRole('button', { name: 'Registrera' }).click();
    await status(page, 'Tack! Beslutet är registrerat med diarienummer KS-2026/00123.');

    await sara.reload();
    const row = sara.getByRole('table', { name: 'Utskick per mottagare' }).getByRole('row').filter({ hasText: 'Umeå kommun' });
    await row.getByText('Registrerat', { exact: true }).waitFor();
    await expect(row.getByLabel('Diarienummer hos Umeå kommun').inputValue()).resolves.toBe('KS-2026/00123');
    await row.getByText('angivet av Umeå kommun (via länken)').waitFor();
  });

  it('an extract to an address that bounces is shown as bounced, and goes again to a corrected address only', async () => {
    sink.refuse.add('fel@vindeln.example');
    await sara.getByLabel('Slag av mottagare').selectOption('named');
    await sara.getByLabel('Namn', { exact: true }).fill('Vera Vindeln');
    await sara.getByLabel('E-postadress', { exact: true }).fill('fel@vindeln.example');
    await sara.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await sara.getByText(/^Vera Vindeln \(fel@vindeln\.example\), § \d+ Regional strategi/).waitFor();
    await sara.getByRole('button', { name: 'Skicka expediering till 1 mottagare' }).click();
    await status(sara, '1 utskick ligger i kö och skickas strax.');
    const table = sara.getByRole('table', { name: 'Utskick per mottagare' });
    const row = table.getByRole('row').filter({ hasText: 'Vera Vindeln' });
    await row.getByText('Studsade', { exact: true }).waitFor({ timeout: 30_000 });
    await row.getByText(/550/).waitFor();
    await expectAccessible(sara);

    await row.getByLabel('Rättad e-postadress för Vera Vindeln').fill('vera@vindeln.example');
    await row.getByRole('button', { name: 'Skicka igen till Vera Vindeln' }).click();
    await status(sara, 'Utskicket till Vera Vindeln ligger i kö igen.');
    await table.getByRole('row').filter({ hasText: 'Vera Vindeln' }).filter({ hasText: /Skickat \d{4}-/ }).waitFor({ timeout: 30_000 });
    expect(sink.to('vera@vindeln.example')).toHaveLength(1);
    expect(sink.to('fel@vindeln.example')).toHaveLength(0);
    expect(expeditionMails()).toHaveLength(4);
    await sara.screenshot({ path: path.join(SCREENSHOT_DIR, 'expediering-skickat.png'), fullPage: true });
  }, 60_000);

  it('`samverka expedition --json` lists what was sent to whom with its state', () => {
    const res = samverka(['expedition', '--json', '--meeting', String(meetingId)]);
    expect(res.status, res.out).toBe(0);
    const out = JSON.parse(res.out) as { recipient: string; state: string; diaryNumber: string | null; reasons: string[]; addresses: string[] }[];
    expect(out.map((d) => [d.recipient, d.state, d.diaryNumber])).toEqual([
      ['Skellefteå kommun', 'sent', null],
      ['Umeå kommun', 'registered', 'KS-2026/00123'],
      ['Vännäs kommun', 'sent', null],
      ['Vera Vindeln', 'sent', null],
    ]);
    expect(out[3]).toMatchObject({ reasons: ['extract'], addresses: ['vera@vindeln.example'] });
  });
});
