/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, apiSession, bodyIdOf, expectAccessible, SCREENSHOT_DIR, startServer, type RunningServer } from './harness.js';
import { addItem, ATTENDING, Browsing, chooseJusterare, lsgAccounts, openMeeting, ownDatabase, PASSWORDS, samverkaOn, writeItem } from './justering-setup.js';

// From draft to public record: the secretary sends a protocol on justering, the justerare
// comments, the secretary revises and sends version 2, the justerare and the secretary sign, the
// chair signs last; the protocol is sealed and published, appears in the body's Atom feed and the
// OParl API, and the downloaded PDF verifies with `samverka verify` — until one byte is changed.
//
// The server runs on a PostgreSQL database of its own, so that the command line can read the
// same database while the server is running (the embedded database allows one process).

const database = ownDatabase('justering');

let server: RunningServer;
let browsing: Browsing;
let meetingId: number;
const pages: Record<'sara' | 'jens' | 'carin', Page> = {} as never;

const samverka = (args: string[], input?: string) => samverkaOn(server, database.url, args, input);

const outbox = () => {
  const dir = path.join(server.dataDir, 'outbox');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8')) : [];
};

beforeAll(async () => {
  await database.create();
  server = await startServer({ DATABASE_URL: database.url, JOBS: 'off' });
  // Created in the server's PostgreSQL database while it runs (createAdmin writes an embedded data directory before the start).
  const created = samverka(['admin', 'create', '--email', ADMIN_EMAIL, '--name', 'Ada Admin', '--password-stdin'], `${PASSWORDS.admin}\n`);
  expect(created.status, created.out).toBe(0);
  const asAdmin = await apiSession(server.url, ADMIN_EMAIL, PASSWORDS.admin);
  const lsg = await bodyIdOf(server.url, 'lsg');
  // Sara, LSG's secretary (Katarina Lindahl in the sample protocols), prepares the meeting.
  await lsgAccounts(asAdmin, lsg, ['sara']);
  const asSara = (await apiSession(server.url, 'sara@region.example', PASSWORDS.sara)).api;
  meetingId = await openMeeting(asSara, lsg, { date: '2026-03-20', startTime: '09:00', endTime: '12:00', place: 'Teams' }, [ATTENDING.carin, ATTENDING.jens, ATTENDING.moa, ATTENDING.katarina]);
  const strategyId = await addItem(asSara, meetingId, 'Regional strategi för suicidprevention');
  await chooseJusterare(asSara, meetingId, 'Jens Wennberg');
  await writeItem(asSara, meetingId, strategyId, { text: 'Strategin har reviderats.', decisions: [{ text: '', clauses: ['anta den länsgemensamma strategin'] }] });
  // The justerare and the chair get accounts.
  await lsgAccounts(asAdmin, lsg, ['jens', 'carin']);

  browsing = await Browsing.launch();
  pages.sara = await browsing.signIn(server.url, 'sara@region.example', PASSWORDS.sara);
  pages.jens = await browsing.signIn(server.url, 'jens@region.example', PASSWORDS.jens);
  pages.carin = await browsing.signIn(server.url, 'carin@kommun.example', PASSWORDS.carin);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await browsing?.close();
  await server?.stop();
  await database.drop();
});

const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).waitFor();

describe('justering: from draft to sealed and published protocol', () => {
  it('the secretary sends the protocol on justering to the proposed signatories', async () => {
    const page = pages.sara;
    await page.goto(`${server.url}/moten/${meetingId}`);
    await page.getByRole('link', { name: 'Justering och underskrifter' }).click();
    const table = page.getByRole('table', { name: 'Undertecknare i ordning' });
    await table.waitFor();
    const rows = await table.getByRole('row').allTextContents();
    expect(rows.slice(1).map((r) => r.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(/^1Katarina Lindahl.*Har konto/),
      expect.stringMatching(/^2Jens Wennberg, Region Västerbotten.*Har konto/),
      expect.stringMatching(/^3Carin Nilsson, Umeå kommun.*Har konto/),
    ]);
    await expect(table.getByLabel('Roll för Jens Wennberg').inputValue()).resolves.toBe('justerare');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Skicka på justering' }).click();
    await status(page, 'Version 1 är skickad på justering; 3 undertecknare har fått e-post.');
    await page.getByRole('heading', { name: 'Version 1: Ute på justering' }).waitFor();
    const mails = outbox();
    expect(mails).toHaveLength(3);
    expect(mails.join('\n')).toContain(`/moten/${meetingId}/justering`);
  });

  it('the justerare reads version 1 and comments; the draft cannot be edited meanwhile', async () => {
    const page = pages.jens;
    await page.goto(`${server.url}/moten/${meetingId}/justering`);
    await page.getByText('kan skriva under i vilken ordning som helst').waitFor();
    const version = await page.request.get(`${server.url}/api/meetings/${meetingId}/versions/1/protocol.html`);
    expect((await version.text()).replace(/<[^>]+>/g, '')).toContain('Strategin har reviderats.');
    await page.getByLabel('Kommentar till sekreteraren').fill('I punkt 4 bör det framgå att strategin gäller 2026–2030.');
    await page.getByRole('button', { name: 'Skicka kommentar' }).click();
    await status(page, 'Kommentaren är skickad till sekreteraren.');
    await page.getByRole('listitem').filter({ hasText: 'gäller 2026–2030' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'justering-justerare.png'), fullPage: true });
    await expectAccessible(page);

    await pages.sara.goto(`${server.url}/moten/${meetingId}/redigera`);
    await pages.sara.getByText('Protokollet kan inte längre redigeras.').waitFor();
    await expect(pages.sara.getByLabel('Nytt ärende').count()).resolves.toBe(0);
  });

  it('the secretary answers, revises, edits and sends version 2', async () => {
    const page = pages.sara;
    await page.goto(`${server.url}/moten/${meetingId}/justering`);
    await page.getByLabel('Svar till Jens Wennberg').fill('Tack, jag lägger till det.');
    await page.getByRole('button', { name: 'Svara' }).click();
    await page.getByText('Tack, jag lägger till det.').waitFor();
    await page.getByRole('button', { name: 'Revidera protokollet' }).click();
    await status(page, 'Protokollet är ett utkast igen.');

    await page.getByRole('link', { name: 'Redigera protokollet' }).click();
    await page.getByRole('button', { name: /^\d+\. Regional strategi för suicidprevention/ }).click();
    const editor = page.getByRole('article', { name: /Regional strategi för suicidprevention/ });
    await editor.getByLabel('Ärendets text (protokoll)').fill('Strategin har reviderats. Den gäller 2026–2030.');
    await editor.getByRole('status').filter({ hasText: /^Sparat$/ }).waitFor({ timeout: 10_000 });
    await page.getByRole('link', { name: 'Justering och underskrifter' }).click();
    await page.getByRole('button', { name: 'Skicka version 2 på justering' }).click();
    await status(page, /Version 2 är skickad på justering/);
    await page.getByRole('heading', { name: 'Version 2: Ute på justering' }).waitFor();
    await page.getByRole('heading', { name: 'Version 1: Ersatt av en senare version' }).waitFor();
    // Version 1 stays readable as it was.
    const read = async (v: number) => (await (await page.request.get(`${server.url}/api/meetings/${meetingId}/versions/${v}/protocol.html`)).text()).replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    const [v1, v2] = [await read(1), await read(2)];
    expect(v1).not.toContain('2026–2030');
    expect(v2).toContain('Den gäller 2026–2030.');
    await expectAccessible(page);
  });

  it('the justerare signs after a wrong password, and stays signed in', async () => {
    const page = pages.jens;
    await page.goto(`${server.url}/moten/${meetingId}/justering`);
    await page.getByRole('heading', { name: 'Version 2: Ute på justering' }).waitFor();
    await page.getByLabel('Ditt lösenord').fill('inte mitt lösenord');
    await page.getByRole('button', { name: 'Underteckna protokollet' }).click();
    await page.getByRole('alert').filter({ hasText: 'Lösenordet stämmer inte' }).waitFor();
    await page.getByLabel('Ditt lösenord').fill(PASSWORDS.jens);
    await page.getByRole('button', { name: 'Underteckna protokollet' }).click();
    await status(page, 'Du har undertecknat protokollet.');
    await page.getByText('Du har undertecknat den här versionen.').waitFor();
    await page.getByRole('link', { name: 'Mitt konto' }).waitFor();
  });

  it('the secretary signs', async () => {
    const page = pages.sara;
    await page.goto(`${server.url}/moten/${meetingId}/justering`);
    await page.getByLabel('Ditt lösenord').fill(PASSWORDS.sara);
    await page.getByRole('button', { name: 'Underteckna protokollet' }).click();
    await status(page, 'Du har undertecknat protokollet.');
  });

  it('the chair signs last: the protocol is sealed and published', async () => {
    const page = pages.carin;
    await page.goto(`${server.url}/moten/${meetingId}/justering`);
    const order = await page.getByRole('list', { name: 'Undertecknare' }).first().textContent();
    expect(order).toMatch(/1\. Katarina Lindahl.*Undertecknat.*2\. Jens Wennberg.*Undertecknat.*3\. Carin Nilsson.*Har inte svarat/s);
    await page.getByLabel('Ditt lösenord').fill(PASSWORDS.carin);
    await page.getByRole('button', { name: 'Underteckna protokollet' }).click();
    await status(page, 'Alla har nu undertecknat. Protokollet är förseglat och publicerat.');
    await page.getByRole('heading', { name: 'Version 2: Förseglat och publicerat' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'justering-sealed.png'), fullPage: true });
    await expectAccessible(page);

    // Public now, with its signatures.
    const protocol = await (await fetch(`${server.url}/api/meetings/${meetingId}`)).json() as { status: string; signatures: { name: string; role: string; method: string }[] };
    expect(protocol.status).toBe('published');
    expect(protocol.signatures.map((s) => `${s.role}: ${s.name}`)).toEqual(['sekreterare: Katarina Lindahl', 'justerare: Jens Wennberg', 'ordförande: Carin Nilsson']);
  });

  it('appears in the OParl API', async () => {
    const oparl = await fetch(`${server.url}/oparl/v1/meeting/${meetingId}`);
    expect(oparl.status).toBe(200);
    const meeting = (await oparl.json()) as { id: string; start?: string };
    expect(meeting.id).toContain(`/oparl/v1/meeting/${meetingId}`);
    expect(meeting.start).toContain('2026-03-20');
  });

  it('appears in the body’s Atom feed', async () => {
    const feed = await fetch(`${server.url}/feeds/lsg.atom`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('atom');
    expect(await feed.text()).toContain(`/moten/${meetingId}`);
  });

  it('the downloaded sealed PDF verifies; with one byte changed it does not, and says so', async () => {
    const res = await fetch(`${server.url}/api/meetings/${meetingId}/sealed.pdf`);
    expect(res.status).toBe(200);
    const pdf = Buffer.from(await res.arrayBuffer());
    const file = path.join(SCREENSHOT_DIR, 'justering-sealed.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of ['Den gäller 2026–2030.', 'Katarina Lindahl', 'Jens Wennberg', 'Carin Nilsson', 'Samverka-konto, lösenord']) expect(text).toContain(expected);

    const valid = samverka(['verify', file]);
    expect(valid.status, valid.out).toBe(0);
    expect(valid.out).toMatch(/^VALID/);
    expect(valid.out).toContain(`möte ${meetingId}, version 2`);
    for (const name of ['Katarina Lindahl', 'Jens Wennberg', 'Carin Nilsson']) expect(valid.out).toContain(name);

    // One byte inside the signed content (a stream of the first page), not in the signature itself.
    const altered = Buffer.from(pdf);
    const at = altered.indexOf('stream\n') + 40;
    altered[at] = altered[at]! ^ 0x01;
    const alteredFile = path.join(SCREENSHOT_DIR, 'justering-altered.pdf');
    fs.writeFileSync(alteredFile, altered);
    const invalid = samverka(['verify', alteredFile]);
    expect(invalid.status, invalid.out).toBe(1);
    expect(invalid.out).toMatch(/^INVALID/);
    expect(invalid.out).toContain('Innehållet har ändrats efter förseglingen.');
  });
});
