/// <reference lib="dom" />
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createAdmin, expectAccessible, launchChromium, SCREENSHOT_DIR, startServer, type RunningServer } from './harness.js';

const PASSWORD = 'ett riktigt långt lösenord';
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/protocols');
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer({}, (dataDir) => {
    const out = createAdmin(dataDir, PASSWORD);
    expect(out).toContain('administrator admin@region.example created');
  });
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('an administrator', () => {
  it('signs in, creates an account for a secretary and gives her a membership', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Logga in' }).click();
    await page.getByLabel('E-postadress').fill('admin@region.example');
    await page.getByLabel('Lösenord').fill('fel lösenord!!');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Fel e-postadress eller lösenord.' }).waitFor();

    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('tab', { name: 'Konton' }).waitFor();

    await page.getByLabel('Namn').fill('Sara Sekreterare');
    await page.getByLabel('E-post', { exact: true }).fill('sara@region.example');
    await page.getByLabel(/^Lösenord/).fill('saras långa lösenord');
    await page.getByLabel(/^Sök person/).fill('Katarina');
    await page.getByLabel('Kopplad person').selectOption({ label: 'Katarina Lindahl' });
    await page.getByRole('button', { name: 'Skapa konto' }).click();
    await page.getByRole('status').filter({ hasText: 'Kontot är skapat.' }).waitFor();
    await page.getByRole('cell', { name: 'sara@region.example' }).waitFor();
    await expectAccessible(page);

    // Tabs work from the keyboard.
    await page.getByRole('tab', { name: 'Konton' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Granskningslogg' }).getAttribute('aria-selected')).resolves.toBe('true');
    await page.getByRole('cell', { name: 'account.create' }).first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-audit.png'), fullPage: true });

    await page.getByRole('tab', { name: 'Medlemskap' }).click();
    await page.getByLabel('Organ').selectOption({ label: 'Länssamverkansgruppen' });
    await page.getByLabel('Sök person').fill('Katarina');
    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Katarina Lindahl' });
    await page.getByLabel('Roll').selectOption('sekreterare');
    await page.getByRole('button', { name: 'Lägg till medlemskap' }).click();
    await page.getByRole('status').filter({ hasText: 'Medlemskapet är tillagt.' }).waitFor();
    await page.getByRole('cell', { name: 'Katarina Lindahl', exact: true }).waitFor();
  });

  it('signs out, and the admin pages are closed again', async () => {
    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('link', { name: 'Logga in' }).waitFor();
    const res = await page.request.get(`${server.url}/api/admin/accounts`);
    expect(res.status()).toBe(401);
  });
});

describe('the secretary', () => {
  it('signs in and sees the body she serves', async () => {
    await page.getByRole('link', { name: 'Logga in' }).click();
    await page.getByLabel('E-postadress').fill('sara@region.example');
    await page.getByLabel('Lösenord').fill('saras långa lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('link', { name: 'Mitt konto' }).click();
    await page.getByText('Länssamverkansgruppen: Sekreterare/koordinator').waitFor();
    await expect(page.getByRole('link', { name: 'Administration' }).count()).resolves.toBe(0);
  });

  it('imports an OCR-damaged protocol of her body: checks the preview, gives the missing date, stores it', async () => {
    await page.getByRole('link', { name: 'Importera' }).click();
    await page.getByLabel('Välj filer (.txt, .md, .pdf)').setInputFiles([
      path.join(FIXTURES, '000_d52ea5183769047d.ocr.txt'),
      path.join(FIXTURES, '002_31134faffb5b5d71.pdf'),
    ]);
    await page.getByRole('button', { name: 'Läs in filerna' }).click();
    await page.getByRole('status').filter({ hasText: '2 filer inlästa.' }).waitFor({ timeout: 60_000 });
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    const card = page.getByRole('region', { name: '000_d52ea5183769047d.ocr.txt' });
    await expect(card.getByLabel('Organ').inputValue()).resolves.toBe('Länssamverkansgruppen');
    await expect(card.getByText('Datum saknas i protokollet').count()).resolves.toBe(1);
    await expect(card.getByText(/OCR-rättningar/).count()).resolves.toBe(1);
    await card.getByLabel('Datum').fill('2022-02-11');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'import-review.png'), fullPage: true });
    await expectAccessible(page);
    await card.getByRole('button', { name: 'Spara som publicerat arkivprotokoll' }).click();
    await page.getByRole('status').getByText('Sparat. 000_d52ea5183769047d.ocr.txt').waitFor();
    await page.getByRole('link', { name: 'Öppna protokollet' }).click();
    await page.getByRole('heading', { level: 1, name: /Länssamverkansgruppen/ }).waitFor();
    await expect(page.getByText('Fredag 11 februari 2022').count()).resolves.toBe(1);
    await expect(page.getByRole('article', { name: /6\.\s*Hjälpmedelsrådet/ }).textContent()).resolves.toContain('tyngdtäcken');

    // Samråd's protocol is not hers to store.
    await page.getByRole('link', { name: 'Importera' }).click();
    const other = page.getByRole('region', { name: '002_31134faffb5b5d71.pdf' });
    await other.getByRole('button', { name: 'Spara som publicerat arkivprotokoll' }).click();
    await other.getByRole('alert').filter({ hasText: 'Du får bara importera protokoll för organ där du är sekreterare' }).waitFor();
  });
});
