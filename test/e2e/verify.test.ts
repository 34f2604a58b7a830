/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchChromium, SCREENSHOT_DIR, startServer, type RunningServer } from './harness.js';

// Publication and verification as the public meets them: the sealed protocol's page says who
// signed and that the seal is a development one, the sealed PDF downloads, and the verification
// page says it is valid — and, after one byte is changed, that it is not and why.

const ROOT = path.resolve(import.meta.dirname, '../..');
let server: RunningServer;
let browser: Browser;
let page: Page;
let meetingId: number;

beforeAll(async () => {
  server = await startServer({}, (dataDir) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'test/signing/seal-fixture.ts', dataDir], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent' }, encoding: 'utf8' });
    meetingId = Number(out.trim());
  });
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage();
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a sealed protocol in public', () => {
  it('the server says it seals with a development certificate', () => {
    expect(server.output()).toMatch(/DEVELOPMENT seal certificate/);
  });

  it('its page shows the seal, the signers and the development warning', async () => {
    await page.goto(`${server.url}/moten/${meetingId}`);
    const seal = page.getByRole('region', { name: 'Justerat och förseglat' });
    await seal.waitFor();
    await seal.getByText('Carin Nilsson').waitFor();
    await seal.getByText(/utvecklingscertifikat – ej för skarp användning/).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'sealed-protocol.png'), fullPage: true });
    await expectAccessible(page);
  });

  it('the body page offers its Atom feed, which lists the protocol', async () => {
    await page.goto(`${server.url}/organ/lsg`);
    await page.getByRole('heading', { level: 1, name: 'Länssamverkansgruppen' }).waitFor();
    const href = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
    expect(href).toBe('/feeds/lsg.atom');
    const feed = await (await fetch(`${server.url}${href}`)).text();
    expect(feed).toContain(`/moten/${meetingId}</id>`);
  });

  it('the downloaded PDF verifies on the verification page; one changed byte does not', async () => {
    await page.goto(`${server.url}/moten/${meetingId}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Förseglat protokoll (PDF)' }).click()]);
    const file = path.join(server.dataDir, 'nedladdat.pdf');
    await download.saveAs(file);

    await page.getByRole('link', { name: 'Verifiera ett nedladdat protokoll' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verifiera ett protokoll' }).waitFor();
    await page.getByLabel('Protokollet (PDF)').setInputFiles(file);
    await page.getByRole('button', { name: 'Kontrollera' }).click();
    await page.getByRole('heading', { level: 2, name: 'Resultat: Giltigt' }).waitFor();
    await page.getByText(/Giltigt: förseglat av Samverka, oförändrat och gällande/).waitFor();
    await expectAccessible(page);

    const bytes = fs.readFileSync(file);
    const at = Math.floor(bytes.length / 3);
    bytes[at] = bytes[at]! ^ 0x01;
    const altered = path.join(server.dataDir, 'andrat.pdf');
    fs.writeFileSync(altered, bytes);
    await page.getByLabel('Protokollet (PDF)').setInputFiles(altered);
    await page.getByRole('button', { name: 'Kontrollera' }).click();
    await page.getByRole('heading', { level: 2, name: 'Resultat: Inte giltigt' }).waitFor();
    await page.getByText('Innehållet har ändrats efter förseglingen.').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'verify-altered.png'), fullPage: true });
    await expectAccessible(page);
  });

  it('an imported protocol is an archive record, not sealed here', async () => {
    const meetings = (await (await fetch(`${server.url}/api/meetings`)).json()) as { id: number; origin: string }[];
    const archive = meetings.find((m) => m.origin === 'imported')!;
    await page.goto(`${server.url}/moten/${archive.id}`);
    await page.getByText('Arkivprotokoll, inte förseglat i Samverka', { exact: false }).waitFor();
  });
});
