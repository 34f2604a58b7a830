/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_EMAIL, apiSession, bodyIdOf, createAdmin, expectAccessible, SCREENSHOT_DIR, startServer, type RunningServer } from './harness.js';
import { addItem, ATTENDING, Browsing, chooseJusterare, lsgAccounts, openMeeting, PASSWORDS, writeItem } from './justering-setup.js';

// Omedelbar justering in the browser, during the meeting: the secretary proposes § "strategy" in
// the minutes editor, the justerare approves it on his own device on the justering page, the
// chair says yes aloud and the secretary records it. The item is then read only in the editor,
// the protocol page says so under it, and its extract — public although the protocol is a draft
// — says "Paragrafen förklarades omedelbart justerad …" (checked in the PDF with pdftotext).

const TITLE = 'Regional strategi för suicidprevention';
let server: RunningServer;
let browsing: Browsing;
let meetingId: number;
let itemId: number;
const pages: Record<'sara' | 'jens', Page> = {} as never;

const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).waitFor();

beforeAll(async () => {
  server = await startServer({}, (dataDir) => void createAdmin(dataDir, PASSWORDS.admin));
  const asAdmin = await apiSession(server.url, ADMIN_EMAIL, PASSWORDS.admin);
  const lsg = await bodyIdOf(server.url, 'lsg');
  await lsgAccounts(asAdmin, lsg, ['sara', 'jens', 'carin']);

  // The meeting as it stands halfway through: attendance, the justerare chosen, the strategy decided.
  const asSara = (await apiSession(server.url, 'sara@region.example', PASSWORDS.sara)).api;
  meetingId = await openMeeting(asSara, lsg, { date: '2026-03-20', startTime: '09:00', place: 'Teams' }, [ATTENDING.carin, ATTENDING.jens, ATTENDING.moa, ATTENDING.katarina]);
  itemId = await addItem(asSara, meetingId, TITLE);
  const otherId = await addItem(asSara, meetingId, 'Förhandling om kostnadsfördelning');
  await chooseJusterare(asSara, meetingId, 'Jens Wennberg');
  await writeItem(asSara, meetingId, itemId, { text: 'Strategin har beretts i samtliga huvudmäns nämnder.', decisions: [{ text: '', clauses: ['anta den länsgemensamma strategin'] }] });
  await writeItem(asSara, meetingId, otherId, { text: 'Fördelningsnyckeln diskuterades; Region Västerbotten återkommer.' });

  browsing = await Browsing.launch();
  pages.sara = await browsing.signIn(server.url, 'sara@region.example', PASSWORDS.sara);
  pages.jens = await browsing.signIn(server.url, 'jens@region.example', PASSWORDS.jens);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await browsing?.close();
  await server?.stop();
});

const strategyEditor = (page: Page) => page.getByRole('article', { name: new RegExp(`\\d+\\. ${TITLE}`) });

describe('omedelbar justering during the meeting', () => {
  it('the secretary proposes the item from the minutes editor, with the justerare and the chair present', async () => {
    const page = pages.sara;
    await page.goto(`${server.url}/moten/${meetingId}/redigera`);
    await page.getByRole('button', { name: new RegExp(`^\\d+\\. ${TITLE}`) }).click();
    const item = strategyEditor(page);
    const panel = item.getByRole('region', { name: 'Omedelbar justering' });
    await panel.getByRole('button', { name: 'Föreslå omedelbar justering …' }).click();
    await expect(panel.getByLabel('Jens Wennberg').inputValue()).resolves.toBe('justerare');
    await expect(panel.getByLabel('Carin Nilsson').inputValue()).resolves.toBe('ordförande');
    await expect(panel.getByLabel('Moa Brydsten').inputValue()).resolves.toBe('');
    await expectAccessible(page);
    await panel.getByRole('button', { name: 'Skicka för godkännande' }).click();
    await status(page, 'Paragrafen är föreslagen för omedelbar justering.');
    // Read only while it is being approved.
    await item.locator('fieldset.item-editor__fields:disabled').waitFor();
    await expect(item.getByLabel('Ärendets text (protokoll)').isDisabled()).resolves.toBe(true);
    await panel.getByText('Jens Wennberg, justerare: väntar').waitFor();
  });

  it('the justerare reads the item on the justering page and approves it with his password', async () => {
    const page = pages.jens;
    await page.goto(`${server.url}/moten/${meetingId}/justering`);
    const section = page.getByRole('region', { name: 'Omedelbart justerade paragrafer' });
    await section.getByText('Väntar på godkännande (0 av 2)').waitFor();
    await expect(section.textContent()).resolves.toContain('anta den länsgemensamma strategin');
    await expectAccessible(page);
    await section.getByLabel('Ditt lösenord').fill(PASSWORDS.jens);
    await section.getByRole('button', { name: 'Godkänn paragrafen' }).click();
    await status(page, 'Du har godkänt paragrafen.');
    await section.getByText('Väntar på godkännande (1 av 2)').waitFor();
  });

  it('the chair says yes at the meeting; the secretary records it, and the item is justified', async () => {
    const page = pages.sara;
    await page.reload();
    await page.getByRole('button', { name: new RegExp(`^\\d+\\. ${TITLE}`) }).click();
    const panel = strategyEditor(page).getByRole('region', { name: 'Omedelbar justering' });
    await panel.getByText(/Jens Wennberg, justerare: godkände \d\d:\d\d på egen enhet/).waitFor();
    await panel.getByRole('button', { name: 'Registrera att Carin Nilsson godkände vid mötet' }).click();
    await status(page, 'Alla har godkänt: paragrafen är omedelbart justerad.');
    await panel.getByText(/^Paragrafen förklarades omedelbart justerad \d{4}-\d{2}-\d{2}\. Justerad av Jens Wennberg \(justerare\) och Carin Nilsson \(ordförande\)\.$/).waitFor();
    await panel.getByText(/Carin Nilsson, ordförande: godkände vid mötet \d\d:\d\d \(registrerat av Katarina Lindahl\)/).waitFor();
    await expect(strategyEditor(page).getByLabel('Ärendets text (protokoll)').isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'immediate-justering-editor.png'), fullPage: true });
    await expectAccessible(page);
  });

  it('the protocol page says so under the item, for the body’s members', async () => {
    const page = pages.jens;
    await page.goto(`${server.url}/moten/${meetingId}`);
    const item = page.getByRole('article', { name: new RegExp(TITLE) });
    await item.getByText(/^Paragrafen förklarades omedelbart justerad \d{4}-\d{2}-\d{2}\./).waitFor();
    await expectAccessible(page);
  });

  it('an item justified at once shows so in the extract, which the public may read while the protocol is a draft', async () => {
    expect((await fetch(`${server.url}/api/meetings/${meetingId}`)).status).toBe(404);
    const res = await fetch(`${server.url}/api/meetings/${meetingId}/items/${itemId}/immediate-extract.pdf`);
    expect(res.status).toBe(200);
    const file = path.join(server.dataDir, 'utdrag.pdf');
    fs.writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toMatch(/Paragrafen förklarades omedelbart justerad \d{4}-\d{2}-\d{2}\./);
    expect(text).toContain('Jens Wennberg (justerare)');
    expect(text).toContain('anta den länsgemensamma strategin');
    expect(text).not.toContain('UTKAST');
    expect(text).not.toContain('Fördelningsnyckeln');
  });
});
