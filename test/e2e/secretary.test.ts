/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_EMAIL, apiSession, bodyIdOf, createAdmin, createMemberAccount, expectAccessible, launchChromium, SCREENSHOT_DIR, signInInBrowser, startServer, type RunningServer } from './harness.js';

// The secretary's day: plan the year, prepare a meeting of Länssamverkansgruppen, build the
// agenda, record attendance with a substitute, a decision with two att-clauses and an assignment
// to Beredning barn och unga.

const ADMIN_PASSWORD = 'administratörens lösenord';
const PASSWORD = 'sekreterarens långa lösenord';
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer({}, (dataDir) => {
    createAdmin(dataDir, ADMIN_PASSWORD);
  });
  // The administrator gives Sara an account and makes her LSG's secretary, through the API.
  const admin = await apiSession(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await createMemberAccount(admin, { email: 'sara@region.example', name: 'Sara Sekreterare', password: PASSWORD, person: 'Katarina Lindahl', bodyId: await bodyIdOf(server.url, 'lsg'), role: 'sekreterare' });
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } })).newPage();
  await signInInBrowser(page, server.url, 'sara@region.example', PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a secretary runs a meeting', () => {
  it('plans the year with a joint meeting', async () => {
    await page.goto(`${server.url}/organ/lsg/arsplan/2026`);
    await page.getByRole('heading', { level: 1, name: 'Mötesplanering 2026 – Länssamverkansgruppen' }).waitFor();
    for (const [date, joint] of [['2026-02-20', ''], ['2026-04-17', 'Samråd hälsa, vård och omsorg']] as const) {
      await page.getByLabel('Datum', { exact: true }).fill(date);
      await page.getByLabel('Starttid', { exact: true }).fill('09:00');
      await page.getByLabel('Sluttid', { exact: true }).fill('12:00');
      await page.getByLabel('Plats (rum eller Teams)').fill('Teams');
      if (joint) await page.getByLabel('Gemensamt möte med').selectOption({ label: joint });
      await page.getByRole('button', { name: 'Spara i årsplanen' }).click();
      await page.getByRole('status').filter({ hasText: '1 möte planerat.' }).waitFor();
    }
    await page.getByRole('link', { name: 'Fredag 20 februari 2026' }).waitFor();
    await page.getByRole('link', { name: /^2026-04-17/ }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'year-plan.png'), fullPage: true });
    await expectAccessible(page);
  });

  it('prepares the February meeting and builds its agenda', async () => {
    await page.getByRole('button', { name: /Förbered möte.*2026-02-20/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Föredragningslista' }).waitFor();
    await page.getByLabel('Nytt ärende').fill('Regional strategi för suicidprevention');
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await page.getByRole('button', { name: '4. Regional strategi för suicidprevention' }).waitFor();
    await page.getByLabel('Nytt ärende').fill('Hjälpmedelsrådet informerar');
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    // Keyboard reordering: the new item moves up above the strategy.
    await page.getByRole('button', { name: '5. Hjälpmedelsrådet informerar' }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.getByRole('button', { name: '4. Hjälpmedelsrådet informerar' }).waitFor();
  });

  it('records attendance with a substitute', async () => {
    const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Ersätter' }) });
    for (const person of [['Lars Bäckström', 'absent'], ['Jens Wennberg', 'present'], ['Carin Nilsson', 'present']] as const) {
      await page.getByRole('button', { name: 'Lägg till person' }).click();
      const row = table.getByRole('row').last();
      await row.getByRole('textbox').first().fill(person[0]);
      await row.getByRole('combobox').first().selectOption(person[1]);
    }
    await table.getByLabel('Ersätter, Jens Wennberg').selectOption('Lars Bäckström');
    await page.getByRole('button', { name: 'Spara närvaro' }).click();
    await page.getByRole('region', { name: 'Närvaro' }).getByRole('status').filter({ hasText: 'Sparat' }).waitFor();
  });

  it('records a decision with two att-clauses and an assignment to Beredning barn och unga', async () => {
    await page.getByRole('button', { name: '5. Regional strategi för suicidprevention' }).click();
    const editor = page.getByRole('article', { name: '5. Regional strategi för suicidprevention' });
    await editor.getByLabel('Typ').first().selectOption('decision');
    await editor.getByRole('button', { name: 'Lägg till beslut' }).click();
    await editor.getByLabel('Att-satser (en per rad)').fill('anta den länsgemensamma strategin\nrekommendera fullmäktige i respektive huvudman att anta strategin');
    await editor.getByRole('button', { name: 'Lägg till uppdrag' }).click();
    await editor.getByLabel('Till (organ, grupp eller person)').fill('Beredning barn och unga');
    await editor.getByLabel('Uppdrag', { exact: true }).fill('Följa implementeringen och återrapportera');
    await editor.getByLabel(/Eller återrapporteras vid/).fill('Länssamverkansgruppens nästa möte');
    await editor.getByRole('status').filter({ hasText: /^Sparat$/ }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'meeting-editor.png'), fullPage: true });
    await expectAccessible(page);

    // The draft protocol, as the members read it.
    await page.getByRole('link', { name: '← Protokoll' }).click();
    const item = page.getByRole('article', { name: /5\.\s*Regional strategi/ });
    await expect(item.getByRole('region', { name: /Beslut/ }).textContent()).resolves.toContain('att rekommendera fullmäktige i respektive huvudman att anta strategin');
    await expect(item.getByRole('region', { name: /Uppdrag/ }).textContent()).resolves.toContain('Beredning barn och unga');
    await expect(page.getByRole('region', { name: 'Närvarande' }).textContent()).resolves.toContain('ersätter Lars Bäckström');

    // The protocol as PDF, read back with pdftotext.
    const pdfUrl = await page.getByRole('link', { name: 'Protokollet som PDF' }).getAttribute('href');
    const res = await page.request.get(`${server.url}${pdfUrl}`);
    expect(res.status()).toBe(200);
    const file = path.join(SCREENSHOT_DIR, 'protocol-made-here.pdf');
    fs.writeFileSync(file, await res.body());
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of ['Länssamverkansgruppen', 'Regional strategi för suicidprevention', 'anta den länsgemensamma strategin', 'rekommendera fullmäktige i respektive huvudman', 'ersätter Lars Bäckström', 'Beredning barn och unga', 'UTKAST']) {
      expect(text).toContain(expected);
    }
  });

  it('sees the assignment offered on the next meeting’s agenda', async () => {
    await page.goto(`${server.url}/organ/lsg/arsplan/2026`);
    await page.getByRole('button', { name: /Förbered möte.*2026-04-17/ }).click();
    const offers = page.getByRole('region', { name: 'Förslag till dagordningen' });
    await offers.getByText('Följa implementeringen och återrapportera').waitFor();
    await offers.getByRole('button', { name: /Lägg till på dagordningen/ }).click();
    await page.getByRole('button', { name: /^\d+\. Återrapportering: Följa implementeringen/ }).waitFor();
    await expect(page.getByRole('button', { name: /^\d+\. Godkännande av föredragningslista/ }).textContent()).resolves.toMatch(/^10\./); // February had 1–9
  });

  it('follows the assignment on the assignments page and the decision trace', async () => {
    await page.getByRole('link', { name: 'Uppdrag', exact: true }).click();
    await page.getByLabel('Organ').selectOption({ label: 'Länssamverkansgruppen' });
    const row = page.getByRole('row').filter({ hasText: 'Följa implementeringen och återrapportera' });
    await expect(row.textContent()).resolves.toContain('Pågår');
    await expectAccessible(page);
    await row.getByRole('link').click();
    await page.getByRole('link', { name: /^Följ ärendet/ }).click();
    await page.getByRole('heading', { level: 1, name: /Ärendets väg: Regional strategi för suicidprevention/ }).waitFor();
    await expect(page.getByRole('listitem').filter({ hasText: 'Återrapporterades här' }).count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'trace.png'), fullPage: true });
  });
});
