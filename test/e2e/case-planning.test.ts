/// <reference lib="dom" />
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { cli, launchChromium, SCREENSHOT_DIR, startServer, type RunningServer } from './harness.js';

// The beredning's secretary plans a case from the year plans: Beredning vuxna och äldre →
// Länssamverkansgruppen → Samråd hälsa, vård och omsorg → each huvudman's decision; sees the
// deadlines and the year wheel; is stopped from planning a loop; and, when Länssamverkansgruppen
// moves its meeting, sees the warning on the case's page and in the wheel.

const PASSWORD = 'sekreterarens långa lösenord';
const TITLE = 'Regional handlingsplan för äldres psykiska hälsa';
let server: RunningServer;
let browser: Browser;
let page: Page;
let api: (method: string, url: string, body?: unknown) => Promise<Response>;
const meetings: Record<string, number> = {};

async function accessible(p: Page) {
  const results = await new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).toEqual([]);
}

beforeAll(async () => {
  server = await startServer({}, (dataDir) => {
    cli(dataDir, ['admin', 'create', '--email', 'admin@region.example', '--name', 'Ada Admin', '--password-stdin'], 'administratörens lösenord\n');
  });
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@region.example', password: 'administratörens lösenord' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  api = (method, url, body) => fetch(`${server.url}${url}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const bodies = (await (await fetch(`${server.url}/api/bodies`)).json()) as { id: number; slug: string }[];
  const id = (slug: string) => bodies.find((b) => b.slug === slug)!.id;
  // The year plans for 2027, as the three bodies decided them.
  for (const [slug, dates] of [['bvao', ['2027-02-09', '2027-05-11']], ['lsg', ['2027-03-12', '2027-06-11']], ['samrad', ['2027-04-16', '2027-09-17']]] as const) {
    const res = (await (await api('POST', `/api/bodies/${id(slug)}/year-plan`, { year: 2027, meetings: dates.map((date) => ({ date, startTime: '09:00', endTime: '12:00', place: 'Teams' })) })).json()) as { created: number[] };
    res.created.forEach((m, i) => (meetings[dates[i]!] = m));
  }
  // Sara is the secretary of Beredning vuxna och äldre.
  const people = (await (await api('GET', '/api/admin/people?q=Katarina')).json()) as { id: number }[];
  await api('POST', '/api/admin/accounts', { email: 'sara@region.example', name: 'Sara Sekreterare', password: PASSWORD, personId: people[0]!.id });
  await api('POST', '/api/admin/memberships', { personId: people[0]!.id, bodyId: id('bvao'), role: 'sekreterare' });
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 1000 } })).newPage();
  await page.goto(`${server.url}/logga-in`);
  await page.getByLabel('E-postadress').fill('sara@region.example');
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.getByRole('link', { name: 'Mitt konto' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('planning a case along the chain', () => {
  it('plans the path from the year plans, refusing a loop, and shows the deadlines and the year wheel', async () => {
    await page.getByRole('link', { name: 'Årshjul' }).click();
    await page.getByRole('heading', { level: 1, name: 'Årshjul 2026' }).waitFor();
    await page.getByRole('link', { name: 'Nästa år →' }).click();
    await page.getByRole('heading', { level: 1, name: 'Årshjul 2027' }).waitFor();
    await page.getByRole('link', { name: 'Planera ett ärende' }).click();
    await page.getByRole('heading', { level: 1, name: 'Planera ett ärende' }).waitFor();

    await page.getByLabel('Ärendets rubrik').fill(TITLE);
    // The first step is the secretary's own body, at its first meeting from today.
    await expect(page.getByLabel('Organ (Steg 1)').inputValue()).resolves.not.toBe('');
    await page.getByLabel('Möte (Steg 1)').selectOption({ label: '2027-02-09, tisdag 9 februari' });
    await page.getByText('Handlingar senast 2027-01-26 (14 dagar före)').waitFor();
    await page.getByRole('button', { name: 'Lägg till steg' }).click();
    await page.getByLabel('Organ (Steg 2)').selectOption({ label: 'Länssamverkansgruppen' });
    // The planner suggests the first meeting whose documents are due after the step before it has met.
    await expect(page.getByLabel('Möte (Steg 2)').inputValue()).resolves.toBe(String(meetings['2027-03-12']));
    await page.getByRole('button', { name: 'Lägg till steg' }).click();

    // A loop back to the beredning: named while planning, and refused by the server.
    await page.getByLabel('Organ (Steg 3)').selectOption({ label: 'Beredning vuxna och äldre' });
    const loop = 'Steg 3: vägen går tillbaka till Beredning vuxna och äldre (steg 1) och bildar en slinga. Varje organ kan bara finnas en gång i vägen.';
    await page.getByRole('status').filter({ hasText: loop }).waitFor();
    await page.getByRole('button', { name: 'Spara planen' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(loop);

    await page.getByLabel('Organ (Steg 3)').selectOption({ label: 'Samråd hälsa, vård och omsorg' });
    await page.getByLabel('Möte (Steg 3)').selectOption({ label: '2027-04-16, fredag 16 april' });
    await page.getByRole('button', { name: 'Lägg till huvudmännens beslut' }).click();
    await page.getByLabel('Senast den').fill('2027-12-31');
    await page.getByRole('status').filter({ hasText: 'Vägen håller.' }).waitFor();
    await page.getByLabel('Alla (planerade mötesdatum är offentliga)').check();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'case-plan-form.png'), fullPage: true });
    await accessible(page);
    await page.getByRole('button', { name: 'Spara planen' }).click();

    await page.getByRole('heading', { level: 1, name: `Planering: ${TITLE}` }).waitFor();
    await page.getByText('Vägen håller: varje steg kommer efter det steg det bygger på.').waitFor();
    const steps = page.locator('.plan-step');
    await expect(steps.locator('h3').allTextContents()).resolves.toEqual([
      'Steg 1: Beredning vuxna och äldre', 'Steg 2: Länssamverkansgruppen', 'Steg 3: Samråd hälsa, vård och omsorg', 'Steg 4: Varje huvudmans beslut',
    ]);
    await expect(steps.nth(1).textContent()).resolves.toContain('Handlingar senastFredag 26 februari 2027 (14 dagar före mötet)');
    await expect(steps.nth(2).textContent()).resolves.toContain('Handlingar senastFredag 2 april 2027');
    // The wheel: every marker a link with its words, in date order.
    const lsgMarker = page.getByRole('link', { name: /^Länssamverkansgruppen, fredag 12 mars 2027\. Ärendet behandlas \(steg 2 av 4\)/ });
    await lsgMarker.waitFor();
    await page.getByRole('link', { name: /^Länssamverkansgruppen, fredag 26 februari 2027\. Handlingar senast: / }).focus();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toMatch(/^Länssamverkansgruppen, fredag 12 mars 2027/);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'case-plan.png'), fullPage: true });
    await accessible(page);
  });

  it('sets the beredning’s lead time and shows the year wheel with its table and list', async () => {
    await page.goto(`${server.url}/arshjul?ar=2027&organ=bvao`);
    await page.getByRole('heading', { level: 1, name: 'Årshjul 2027 – Beredning vuxna och äldre' }).waitFor();
    await page.getByLabel('Antal kalenderdagar före mötet').fill('21');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Handlingar ska nu vara inne 21 dagar före mötet.' }).waitFor();

    await page.goto(`${server.url}/arshjul?ar=2027`);
    await page.getByRole('heading', { level: 1, name: 'Årshjul 2027' }).waitFor();
    const table = page.getByRole('table', { name: 'Alla datum' });
    const row = (date: string, body: string) => table.getByRole('row').filter({ has: page.getByRole('cell', { name: date, exact: true }) }).filter({ hasText: body });
    await expect(row('2027-01-19', 'Beredning vuxna och äldre').textContent()).resolves.toContain(`Handlingar senast${TITLE}`);
    await expect(row('2027-03-12', 'Länssamverkansgruppen').allTextContents()).resolves.toEqual(['2027-03-12LänssamverkansgruppenMöte (planerat)––', `2027-03-12LänssamverkansgruppenÄrendet behandlas (steg 2 av 4)${TITLE}–`]);
    await expect(row('2027-12-31', 'Huvudmännens beslut').count()).resolves.toBe(1);
    await page.getByRole('heading', { level: 3, name: 'December' }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'year-wheel.png'), fullPage: true });
    await accessible(page);

    const ics = await (await fetch(`${server.url}/api/case-planning/calendar.ics?year=2027`)).text();
    expect(ics.replace(/\r\n[ \t]/g, '')).toContain(`SUMMARY:Handlingar senast: ${TITLE} till Länssamverkansgruppen`);
    expect(ics).toContain('DTSTART;VALUE=DATE:20270226');
  });

  it('warns on the case’s page and in the wheel when Länssamverkansgruppen moves its meeting', async () => {
    const moved = await api('PATCH', `/api/meetings/${meetings['2027-03-12']}`, { version: 1, date: '2027-03-19', startTime: '09:00', endTime: '12:00', place: 'Teams' });
    expect(moved.status).toBe(200);
    const warning = 'Länssamverkansgruppens möte har flyttats från 2027-03-12 till 2027-03-19 sedan planen gjordes.';

    await page.getByRole('link', { name: TITLE }).first().click();
    await page.getByRole('heading', { level: 1, name: `Planering: ${TITLE}` }).waitFor();
    await page.getByRole('region', { name: 'Varningar' }).getByText(`Steg 2: ${warning}`).waitFor();
    await expect(page.locator('.plan-step').nth(1).textContent()).resolves.toContain(`Varning: ${warning}`);
    // Moved, still planned and public: the step links to the meeting on its new date.
    await page.locator('.plan-step').nth(1).getByRole('link', { name: 'Fredag 19 mars 2027' }).waitFor();
    await page.getByRole('link', { name: new RegExp(`^Länssamverkansgruppen, fredag 19 mars 2027\\..*Varning: ${warning}`) }).waitFor();
    await accessible(page);

    await page.getByRole('link', { name: '← Till årshjulet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Årshjul 2027' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Ärenden att se över' }).getByText('1 varning').waitFor();
    const cell = page.getByRole('table', { name: 'Alla datum' }).getByRole('row').filter({ hasText: 'Ärendet behandlas (steg 2 av 4)' });
    await expect(cell.textContent()).resolves.toContain(`Varning: ${warning}`);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'year-wheel-warning.png'), fullPage: true });
    await accessible(page);
  });

  it('plans the road ahead from a case’s trace, and shows it beside the trace', async () => {
    // A case from the sample protocols loaded at the first start.
    const list = (await (await fetch(`${server.url}/api/meetings`)).json()) as { id: number; items: { count: number } }[];
    const protocol = (await (await fetch(`${server.url}/api/meetings/${list.find((m) => m.items.count > 0)!.id}`)).json()) as { agenda: { id: number; title: string }[] };
    const item = protocol.agenda.at(-1)!;
    await page.goto(`${server.url}/arenden/${item.id}`);
    await page.getByRole('heading', { level: 2, name: 'Planerad väg framåt' }).waitFor();
    await page.getByRole('link', { name: 'Planera vägen framåt' }).click();
    await page.getByText(`Planen hör till ärendet ”${item.title}”.`).waitFor();
    await expect(page.getByLabel('Ärendets rubrik').inputValue()).resolves.toBe(item.title);
    await page.getByLabel('Möte (Steg 1)').selectOption({ label: '2027-05-11, tisdag 11 maj' });
    await page.getByRole('button', { name: 'Spara planen' }).click();
    await page.getByRole('heading', { level: 1, name: `Planering: ${item.title}` }).waitFor();
    await page.getByRole('link', { name: item.title, exact: true }).click(); // what the plan belongs to: its trace
    const planned = page.getByRole('region', { name: 'Planerad väg framåt' });
    await planned.getByRole('link', { name: item.title }).waitFor();
    await expect(planned.getByRole('listitem').first().textContent()).resolves.toBe('Beredning vuxna och äldre – Tisdag 11 maj 2027');
    await accessible(page);
  });
});
