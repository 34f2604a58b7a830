/// <reference lib="dom" />
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ADMIN_EMAIL, apiSession, bodyIdOf, createAdmin, createMemberAccount, expectAccessible, launchChromium, SCREENSHOT_DIR, signInInBrowser, startServer, type RunningServer } from './harness.js';

// The follow-up issue's chain, as Länssamverkansgruppen's secretary: an assignment to Beredning
// barn och unga due at the next meeting comes back on that meeting's agenda, is reported back and
// closed, and the decision trace shows the whole way; the same decision recommends a strategy to
// the huvudmän, three adopt it, and the matrix and its XLSX say the same; the dashboard's numbers
// are the lengths of the lists they link to.
//
// Writing the assignment in the minutes and taking the offer onto the next agenda are driven
// through the editor's UI in secretary.test.ts; here they are the same API calls the editor makes,
// so that this file walks the rest of the chain in the browser without repeating that.

const ADMIN_PASSWORD = 'administratörens lösenord';
const PASSWORD = 'sekreterarens långa lösenord';
const TASK = 'Följa implementeringen och återrapportera';
const STRATEGY = 'Länsgemensam strategi för suicidprevention';
const ADOPTERS = ['Umeå kommun', 'Skellefteå kommun', 'Lycksele kommun'];
let server: RunningServer;
let browser: Browser;
let page: Page;
let lsg: number;
let february: { meetingId: number; itemId: number };
let april: number;
const consoleErrors: string[] = [];

/** The API as the signed-in browser's pages call it: its session cookie and CSRF token. */
async function api<T = unknown>(method: string, url: string, body?: unknown): Promise<T> {
  const { csrfToken } = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
  const res = await page.request.fetch(`${server.url}${url}`, { method, headers: { 'x-csrf-token': csrfToken, origin: server.url }, data: body });
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
  return (res.status() === 204 ? undefined : await res.json()) as T;
}

/** Rows of a table body (the header row left out). */
const bodyRows = (table: Locator) => table.locator('tbody tr');

beforeAll(async () => {
  server = await startServer({}, (dataDir) => {
    createAdmin(dataDir, ADMIN_PASSWORD);
  });
  lsg = await bodyIdOf(server.url, 'lsg');
  const admin = await apiSession(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await createMemberAccount(admin, { email: 'sara@region.example', name: 'Sara Sekreterare', password: PASSWORD, person: 'Katarina Lindahl', bodyId: lsg, role: 'sekreterare' });
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await signInInBrowser(page, server.url, 'sara@region.example', PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('follow-up, from the decision to the last huvudman', () => {
  it('records in the February minutes an assignment to Beredning barn och unga, due at the next meeting', async () => {
    const meeting = { startTime: '09:00', endTime: '12:00', place: 'Teams' };
    await api('POST', `/api/bodies/${lsg}/year-plan`, { year: 2026, meetings: [{ date: '2026-02-20', ...meeting }, { date: '2026-04-17', ...meeting }] });
    const { meetingId } = await api<{ meetingId: number }>('POST', `/api/bodies/${lsg}/meetings`, { date: '2026-02-20', ...meeting });
    const { id: itemId } = await api<{ id: number }>('POST', `/api/meetings/${meetingId}/items`, { title: 'Regional strategi för suicidprevention', kind: 'decision' });
    await api('PUT', `/api/meetings/${meetingId}/items/${itemId}`, {
      version: 1, title: 'Regional strategi för suicidprevention', kind: 'decision',
      decisions: [{ text: 'Länssamverkansgruppen beslutar att anta den länsgemensamma strategin att rekommendera fullmäktige i respektive huvudman att anta strategin att uppdra åt Beredning barn och unga att följa implementeringen', clauses: ['anta den länsgemensamma strategin', 'rekommendera fullmäktige i respektive huvudman att anta strategin', 'uppdra åt Beredning barn och unga att följa implementeringen'] }],
      assignments: [{ to: 'Beredning barn och unga', task: TASK, dueText: 'Länssamverkansgruppens nästa möte', decisionIndex: 0 }],
    });
    february = { meetingId, itemId };
  });

  it('sees it offered on the April meeting’s draft agenda, and takes it up', async () => {
    april = (await api<{ meetingId: number }>('POST', `/api/bodies/${lsg}/meetings`, { date: '2026-04-17', startTime: '09:00', endTime: '12:00', place: 'Teams' })).meetingId;
    const editor = await api<{ offers: { assignments: { assignmentId: number; task: string }[] } }>('GET', `/api/meetings/${april}/editor`);
    const offer = editor.offers.assignments.find((a) => a.task === TASK);
    expect(offer).toBeDefined();
    await api('POST', `/api/meetings/${april}/items`, { offer: { assignmentId: offer!.assignmentId } });
  });

  it('records the report-back in the April minutes, and closes the assignment', async () => {
    await page.goto(`${server.url}/moten/${april}/redigera`);
    await page.getByRole('button', { name: new RegExp(`^\\d+\\. Återrapportering: ${TASK}`) }).click();
    const item = page.getByRole('article', { name: new RegExp(`Återrapportering: ${TASK}`) });
    await item.getByRole('button', { name: 'Lägg till beslut' }).click();
    await item.getByLabel('Att-satser (en per rad)').fill('lägga återrapporteringen till handlingarna\nanse uppdraget slutfört');
    await item.getByRole('status').filter({ hasText: /^Sparat$/ }).waitFor({ timeout: 10_000 });

    await page.getByRole('link', { name: 'Uppdrag', exact: true }).click();
    await page.getByLabel('Organ').selectOption({ label: 'Länssamverkansgruppen' });
    const row = page.getByRole('row').filter({ hasText: TASK });
    await expect(row.textContent()).resolves.toMatch(/återrapporterat 2026-04-17, § \d+/);
    await row.getByRole('button', { name: /^Klart/ }).click();
    await row.getByRole('cell', { name: 'Klart', exact: true }).waitFor();
    await expectAccessible(page);
  });

  it('follows the whole chain on the decision trace page', async () => {
    await page.goto(`${server.url}/moten/${february.meetingId}`);
    await page.getByRole('article', { name: /Regional strategi för suicidprevention/ }).getByRole('link', { name: /^Följ ärendet/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Ärendets väg: Regional strategi för suicidprevention' }).waitFor();
    const entries = page.locator('.timeline__entry');
    await expect(entries.count()).resolves.toBe(2);
    const given = entries.nth(0);
    await expect(given.textContent()).resolves.toContain('Fredag 20 februari 2026');
    await expect(given.textContent()).resolves.toContain(`Beredning barn och unga: ${TASK} (Klart)`);
    await given.getByRole('link', { name: 'Återrapporterades här' }).click();
    const reported = entries.nth(1);
    await expect(reported.textContent()).resolves.toContain('Fredag 17 april 2026');
    await expect(reported.textContent()).resolves.toContain('anse uppdraget slutfört');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'followup-trace.png'), fullPage: true });
    await expectAccessible(page);
  });

  it('records the recommendation the February decision made, and sees it under that item in the protocol', async () => {
    await page.getByRole('link', { name: 'Rekommendationer', exact: true }).click();
    await page.getByRole('link', { name: 'Ny rekommendation' }).click();
    await page.getByLabel('Möte').selectOption({ label: '2026-02-20' });
    await page.getByLabel('Beslut', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel(/^Vad ska antas/).fill(STRATEGY);
    await page.getByLabel('Sista dag').fill('2027-06-30');
    await page.getByRole('button', { name: 'Registrera' }).click();
    await page.getByRole('heading', { level: 1, name: STRATEGY }).waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: /^Protokoll 2026-02-20, § \d+/ }).click();
    const followUp = page.getByRole('region', { name: /^Rekommendationer till huvudmännen, punkt \d+/ });
    await expect(followUp.getByRole('link').textContent()).resolves.toBe(`${STRATEGY}: 0 av 16 har antagit`);
    await expectAccessible(page);
    await followUp.getByRole('link').click();
  });

  it('marks three huvudmän as adopted', async () => {
    await page.getByRole('button', { name: 'Ändra status' }).click();
    for (const [i, name] of ADOPTERS.entries()) {
      await page.getByLabel(`Status: ${name}`).selectOption('adopted');
      await page.getByLabel(`Lokalt beslutsdatum: ${name}`).fill(`2026-0${5 + i}-15`);
    }
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.getByText('3 av 16 har antagit').waitFor();
  });

  it('sees the adoption matrix and its XLSX export agree', async () => {
    await page.getByRole('link', { name: 'Alla rekommendationer' }).click();
    const matrix = page.getByRole('table', { name: 'Huvudmännens beslut per rekommendation' });
    await matrix.waitFor();
    const onPage: string[][] = [];
    for (const row of await bodyRows(matrix).all()) {
      const cells = [(await row.getByRole('rowheader').textContent())!.trim()];
      for (const cell of await row.getByRole('cell').all()) {
        const status = (await cell.locator('.adoption').textContent())?.trim() ?? '';
        const overdue = (await cell.locator('.badge--warn').count()) > 0 ? ` ${(await cell.locator('.badge--warn').textContent())!.trim()}` : '';
        cells.push(`${status}${overdue}`.replace(/\s+/g, ' '));
      }
      onPage.push(cells);
    }
    expect(onPage.filter((r) => r[1] === '✓ Antagen').map((r) => r[0]).sort()).toEqual([...ADOPTERS].sort());
    expect(onPage).toHaveLength(16);
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ned som Excel (XLSX)' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.getWorksheet('Matris')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['Huvudman', `${STRATEGY} (senast 2027-06-30)`]);
    const inFile: string[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) inFile.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
    });
    expect(inFile).toEqual(onPage);
  });

  it('visits the dashboard and sees the numbers agree with the lists', async () => {
    await page.getByRole('link', { name: 'Uppföljning', exact: true }).click();
    await page.getByLabel('Visa uppföljning för').selectOption({ label: 'Länssamverkansgruppen' });
    await page.getByRole('heading', { level: 1, name: 'Uppföljning: Länssamverkansgruppen' }).waitFor();
    await page.waitForURL(/organ=\d+/);
    await page.locator('.dashboard-chart svg').first().waitFor(); // the chart drew (and the table says the same)
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'followup-dashboard.png'), fullPage: true });
    await expectAccessible(page);
    const dashboard = page.url();
    const phone = await page.context().newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(dashboard);
    await phone.locator('.dashboard-chart svg').first().waitFor();
    await expect(phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1)).resolves.toBe(false);
    await phone.close();

    // Assignments: each status's number is the length of the filtered assignments list.
    const byStatus = page.getByRole('table', { name: 'Uppdrag per status' });
    for (const status of ['Klara', 'Pågående', 'Ej bekräftade (hittade vid import)']) {
      const link = byStatus.getByRole('row', { name: new RegExp(`^${status.replace(/[()]/g, '\\$&')}`) }).getByRole('link');
      const n = Number((await link.textContent())!.replace(/\D+$/, '').match(/^\d+/)![0]);
      await link.click();
      await page.getByRole('heading', { level: 1, name: 'Uppdrag och uppföljning' }).waitFor();
      if (n === 0) await page.getByText('Inga uppdrag matchar.').waitFor();
      else {
        await bodyRows(page.getByRole('table')).first().waitFor();
        await expect(bodyRows(page.getByRole('table')).count()).resolves.toBe(n);
      }
      if (status === 'Klara') await page.getByRole('row').filter({ hasText: TASK }).waitFor();
      await page.goto(dashboard);
    }

    // Adoption: the recommendation's row and the totals lead to the page and the matrix that show them.
    const adoption = page.getByRole('table', { name: 'Huvudmännens beslut per rekommendation' });
    const row = adoption.getByRole('row', { name: new RegExp(STRATEGY) });
    await expect(row.getByRole('link', { name: /Antagen/ }).textContent()).resolves.toMatch(/^3/);
    await adoption.locator('tfoot').getByRole('link', { name: /^3 Antagen/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Rekommendationer till huvudmännen' }).waitFor();
    expect(page.url()).toContain(`organ=${lsg}`);
    const matrix = page.getByRole('table', { name: 'Huvudmännens beslut per rekommendation' });
    await matrix.waitFor();
    await expect(bodyRows(matrix).locator('.adoption--adopted').count()).resolves.toBe(3);

    // One huvudman: its own numbers, and the page listing what it has decided.
    await page.goto(dashboard);
    await page.getByLabel('Visa uppföljning för').selectOption({ label: 'Umeå kommun' });
    await page.getByRole('heading', { level: 1, name: 'Uppföljning: Umeå kommun' }).waitFor();
    await expectAccessible(page);
    const own = page.getByRole('table', { name: 'Umeå kommuns beslut om rekommendationerna' });
    await own.getByRole('link', { name: /^1 Antagen/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Umeå kommun: rekommendationer att besluta om' }).waitFor();
    const decided = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Lokalt beslutsdatum' }) });
    await expect(bodyRows(decided).count()).resolves.toBe(1);
    await expectAccessible(page);
  });
});
