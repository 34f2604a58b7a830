/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN_EMAIL, apiSession, bodyIdOf, createAdmin, createMemberAccount, expectAccessible, launchChromium, SCREENSHOT_DIR, signInInBrowser, startServer, type RunningServer } from './harness.js';

// Omedelbar justering in the browser, during the meeting: the secretary proposes § "strategy" in
// the minutes editor, the justerare approves it on his own device on the justering page, the
// chair says yes aloud and the secretary records it. The item is then read only in the editor,
// the protocol page says so under it, and its extract — public although the protocol is a draft
// — says "Paragrafen förklarades omedelbart justerad …" (checked in the PDF with pdftotext).

const PASSWORDS = { admin: 'administratörens lösenord', sara: 'sekreterarens långa lösenord', jens: 'justerarens långa lösenord', carin: 'ordförandens långa lösenord' };
const TITLE = 'Regional strategi för suicidprevention';
let server: RunningServer;
let browser: Browser;
let meetingId: number;
let itemId: number;
const pages: Record<'sara' | 'jens', Page> = {} as never;
const contexts: BrowserContext[] = [];

async function signIn(email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  await signInInBrowser(page, server.url, email, password);
  return page;
}

type Item = { id: number; version: number; title: string; standard: string | null; kind: string | null; written: boolean; text: string; proposal: string | null; notes: string; referToBodyId: number | null; presenters: unknown[]; decisions: unknown[]; assignments: unknown[] };
const itemInput = (i: Item, change: Partial<Item>) => ({
  version: i.version, title: i.title, kind: i.kind, written: i.written, text: i.text, proposal: i.proposal, notes: i.notes,
  referToBodyId: i.referToBodyId, presenters: i.presenters, decisions: i.decisions, assignments: i.assignments, ...change,
});
const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).waitFor();

beforeAll(async () => {
  server = await startServer({}, (dataDir) => void createAdmin(dataDir, PASSWORDS.admin));
  const asAdmin = await apiSession(server.url, ADMIN_EMAIL, PASSWORDS.admin);
  const lsg = await bodyIdOf(server.url, 'lsg');
  await createMemberAccount(asAdmin, { email: 'sara@region.example', name: 'Katarina Lindahl', password: PASSWORDS.sara, person: 'Katarina Lindahl', bodyId: lsg, role: 'sekreterare' });
  await createMemberAccount(asAdmin, { email: 'jens@region.example', name: 'Jens Wennberg', password: PASSWORDS.jens, person: 'Jens Wennberg', bodyId: lsg, role: 'ledamot' });
  await createMemberAccount(asAdmin, { email: 'carin@kommun.example', name: 'Carin Nilsson', password: PASSWORDS.carin, person: 'Carin Nilsson', bodyId: lsg, role: 'ordförande' });

  // The meeting as it stands halfway through: attendance, the justerare chosen, the strategy decided.
  const asSara = (await apiSession(server.url, 'sara@region.example', PASSWORDS.sara)).api;
  ({ meetingId } = await asSara<{ meetingId: number }>('POST', `/api/bodies/${lsg}/meetings`, { date: '2026-03-20', startTime: '09:00', place: 'Teams' }));
  await asSara('PUT', `/api/meetings/${meetingId}/attendance`, {
    participants: [
      { list: 'present', name: 'Carin Nilsson', role: 'ordförande', organization: 'Umeå kommun' },
      { list: 'present', name: 'Jens Wennberg', organization: 'Region Västerbotten' },
      { list: 'present', name: 'Moa Brydsten', organization: 'Umeå kommun' },
      { list: 'official', name: 'Katarina Lindahl', note: 'sekreterare' },
    ],
  });
  ({ id: itemId } = await asSara<{ id: number }>('POST', `/api/meetings/${meetingId}/items`, { title: TITLE, kind: 'decision' }));
  const { id: otherId } = await asSara<{ id: number }>('POST', `/api/meetings/${meetingId}/items`, { title: 'Förhandling om kostnadsfördelning', kind: 'decision' });
  const items = (await asSara<{ items: Item[] }>('GET', `/api/meetings/${meetingId}/editor`)).items;
  const justerare = items.find((i) => i.standard === 'justerare')!;
  await asSara('PUT', `/api/meetings/${meetingId}/items/${justerare.id}`, itemInput(justerare, { decisions: [{ text: 'Till att jämte ordföranden justera dagens protokoll utsågs Jens Wennberg.', clauses: [] }] }));
  await asSara('PUT', `/api/meetings/${meetingId}/items/${itemId}`, itemInput(items.find((i) => i.id === itemId)!, { text: 'Strategin har beretts i samtliga huvudmäns nämnder.', decisions: [{ text: '', clauses: ['anta den länsgemensamma strategin'] }] }));
  await asSara('PUT', `/api/meetings/${meetingId}/items/${otherId}`, itemInput(items.find((i) => i.id === otherId)!, { text: 'Fördelningsnyckeln diskuterades; Region Västerbotten återkommer.' }));

  browser = await launchChromium();
  pages.sara = await signIn('sara@region.example', PASSWORDS.sara);
  pages.jens = await signIn('jens@region.example', PASSWORDS.jens);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
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
