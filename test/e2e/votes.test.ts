/// <reference lib="dom" />
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ADMIN_EMAIL, apiSession, bodyIdOf, createAdmin, expectAccessible, launchChromium, SCREENSHOT_DIR, signInInBrowser, startServer, type RunningServer } from './harness.js';

// The secretary records a vote with each member's ballot, a reservation and a protocol note in
// the minutes editor, and sees a bad one refused with the rule's own words.

const PASSWORD = 'administratörens lösenord';
let server: RunningServer;
let browser: Browser;
let page: Page;
let meetingId: number;

beforeAll(async () => {
  server = await startServer({}, (dataDir) => {
    createAdmin(dataDir, PASSWORD);
  });
  const { api } = await apiSession(server.url, ADMIN_EMAIL, PASSWORD);
  const lsg = await bodyIdOf(server.url, 'lsg');
  ({ meetingId } = await api<{ meetingId: number }>('POST', `/api/bodies/${lsg}/meetings`, { date: '2026-03-13' }));
  await api('POST', `/api/meetings/${meetingId}/items`, { title: 'Regional strategi för suicidprevention', kind: 'decision' });
  await api('PUT', `/api/meetings/${meetingId}/attendance`, {
    participants: [
      { list: 'present', name: 'Carin Nilsson', party: 's', role: 'ordförande' },
      { list: 'present', name: 'Jens Wennberg', party: 'l', role: 'ersättare', replaces: 'Lars Bäckström' },
      { list: 'present', name: 'Moa Brydsten', party: 's' },
      { list: 'present', name: 'Per Ersson', party: 'v', role: 'ersättare' },
      { list: 'absent', name: 'Lars Bäckström', party: 'c' },
    ],
  });
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } })).newPage();
  await signInInBrowser(page, server.url, ADMIN_EMAIL, PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('votes in the minutes editor', () => {
  it('records a vote by name, a reservation and a protocol note, and refuses the same reservation twice', async () => {
    await page.goto(`${server.url}/moten/${meetingId}/redigera`);
    await page.getByRole('button', { name: '4. Regional strategi för suicidprevention' }).click();
    const panel = page.getByRole('region', { name: 'Omröstning, reservationer och protokollsanteckningar' });
    await panel.getByText('Ingen omröstning i ärendet.').waitFor();
    // Per Ersson is a substitute who replaces no one: not on the ballot list.
    await expect(panel.getByRole('rowheader').allTextContents()).resolves.toEqual(['Carin Nilsson (s), ordförande', 'Jens Wennberg (l), ersätter Lars Bäckström', 'Moa Brydsten (s)']);

    await panel.getByLabel('Ja-röst för').fill('ordförandens förslag');
    await panel.getByLabel('Nej-röst för').fill('Moa Brydstens yrkande om återremiss');
    await panel.getByLabel('Ja, Carin Nilsson').check();
    await panel.getByLabel('Ja, Jens Wennberg').check();
    await panel.getByLabel('Nej, Moa Brydsten').check();
    await panel.getByText('Hittills: 2 ja, 1 nej, 0 avstår.').waitFor();
    await panel.getByRole('button', { name: 'Spara omröstningen' }).click();
    await panel.getByText('2 ja-röster mot 1 nej-röst, 0 avstår: vann: ordförandens förslag').waitFor();

    await panel.getByLabel('Vem').first().selectOption('Moa Brydsten');
    await panel.getByLabel(/Till förmån för/).fill('eget yrkande');
    await panel.getByLabel(/Skriftlig motivering/).fill('Strategin saknar finansiering.');
    await panel.getByRole('button', { name: 'Lägg till reservation' }).click();
    await panel.getByText('Moa Brydsten (s) reserverar sig till förmån för eget yrkande (med skriftlig motivering)').waitFor();

    await panel.getByLabel('Vem').last().selectOption('Per Ersson');
    await panel.getByLabel('Anteckningens text').fill('Vänsterpartiet vill att strategin följs upp årligen.');
    await panel.getByRole('button', { name: 'Lägg till protokollsanteckning' }).click();
    await panel.getByText('Per Ersson (v): Vänsterpartiet vill att strategin följs upp årligen.').waitFor();

    // The same reservation twice: the rule's words come back.
    await panel.getByLabel('Vem').first().selectOption('Moa Brydsten');
    await panel.getByRole('button', { name: 'Lägg till reservation' }).click();
    await expect(panel.getByRole('alert').textContent()).resolves.toMatch(/Moa Brydsten har redan reserverat sig/);

    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'votes-panel.png'), fullPage: true });
    await expectAccessible(page);
  });
});
