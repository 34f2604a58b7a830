/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchChromium, SCREENSHOT_DIR, startServer, type RunningServer } from './harness.js';

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  const context = await browser.newContext({ locale: 'sv-SE' });
  page = await context.newPage();
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a reader on a fresh start', () => {
  it('finds the sample protocols under their bodies', async () => {
    await page.goto(server.url);
    await expect(page.title()).resolves.toBe('Samverka');
    await page.getByRole('heading', { level: 1, name: 'Organ och protokoll' }).waitFor();
    await page.getByRole('link', { name: 'Samråd hälsa, vård och omsorg' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'home.png'), fullPage: true });
    const samrad = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Samråd hälsa, vård och omsorg' }) });
    await expect(samrad.getByText('Tidigare: Samråd vård och omsorg').count()).resolves.toBe(1);
    await expect(samrad.getByRole('link', { name: /2022/ }).count()).resolves.toBe(1);
    await expectAccessible(page);
  });

  it('opens a meeting and reads it as a protocol', async () => {
    await page.getByRole('link', { name: 'Samråd hälsa, vård och omsorg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Samråd hälsa, vård och omsorg' }).waitFor();
    await page.getByRole('link', { name: '2022', exact: true }).click();
    await page.getByRole('link', { name: 'Onsdag 16 mars 2022' }).click();

    await page.getByRole('heading', { level: 1, name: /Protokoll\s+Samråd vård och omsorg/ }).waitFor();
    const facts = page.locator('.protocol__facts');
    await expect(facts.textContent()).resolves.toContain('HSN 21-1 2022');
    await expect(facts.textContent()).resolves.toContain('kl. 08:30–12:00');
    await expect(facts.textContent()).resolves.toContain('Teams');

    const present = page.getByRole('region', { name: 'Närvarande' });
    await expect(present.getByText('Jens Wennberg').count()).resolves.toBe(1);
    await expect(present.textContent()).resolves.toContain('ersätter Lars Bäckström');
    await expect(present.textContent()).resolves.toContain('närvarande under punkt 4');

    const item5 = page.getByRole('article', { name: /5\.\s*Krisen i Ukraina/ });
    await expect(item5.textContent()).resolves.toContain('Informationsärende');
    await expect(item5.textContent()).resolves.toContain('Andrea Kickinger');
    await expect(item5.getByRole('region', { name: /Beslut/ }).textContent()).resolves.toContain('godkände informationen');

    const signatures = page.getByRole('region', { name: 'Underskrifter' });
    await expect(signatures.textContent()).resolves.toContain('Carin Nilsson');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'protocol.png'), fullPage: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'protocol-top.png'), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1500 } });
    await item5.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'protocol-item.png') });
    await expectAccessible(page);
  });

  it('works with the keyboard alone: the skip link leads to the content', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Hoppa till innehållet');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('innehall');
  });

  it('reads well on a phone', async () => {
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'sv-SE' })).newPage();
    await phone.goto(page.url());
    await phone.getByRole('heading', { level: 1 }).waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(overflow).toBe(false);
    await phone.screenshot({ path: path.join(SCREENSHOT_DIR, 'protocol-phone.png') });
    await phone.close();
  });

  it('shows a clear page for a meeting that does not exist', async () => {
    await page.goto(`${server.url}/moten/999999`);
    await page.getByRole('heading', { name: 'Sidan finns inte.' }).waitFor();
    await expect(page.getByText('Mötet finns inte.').count()).resolves.toBe(1);
  });
});
