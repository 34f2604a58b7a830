/// <reference lib="dom" />
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, apiSession, bodyIdOf, createAdmin, expectAccessible, SCREENSHOT_DIR, startServer, type ApiSession, type RunningServer } from './harness.js';
import { addItem, ATTENDING, Browsing, lsgAccounts, openMeeting, PASSWORDS, writeItem } from './justering-setup.js';

// Two things done in the browser that had only an API: a member of Länssamverkansgruppen enters
// their own reservation and protocol note on the draft protocol, and the secretary cancels a
// planned meeting from the year plan (and is told why one with an agenda cannot be). The item
// shows its vote, reservations and notes as the protocol words them, the member's own once; the
// cancelled meeting is "Inställt" to anyone reading the year plan.

const TITLE = 'Regional strategi för suicidprevention';
let server: RunningServer;
let browsing: Browsing;
let sara: ApiSession;
let lsg: number;
let meetingId: number;
let itemId: number;

beforeAll(async () => {
  server = await startServer({}, (dataDir) => {
    createAdmin(dataDir, PASSWORDS.admin);
  });
  const admin = await apiSession(server.url, ADMIN_EMAIL, PASSWORDS.admin);
  lsg = await bodyIdOf(server.url, 'lsg');
  await lsgAccounts(admin, lsg, ['sara', 'jens']);
  sara = await apiSession(server.url, 'sara@region.example', PASSWORDS.sara);
  meetingId = await openMeeting(sara.api, lsg, { date: '2026-03-13' }, [ATTENDING.carin, ATTENDING.jens, ATTENDING.moa, ATTENDING.katarina]);
  itemId = await addItem(sara.api, meetingId, TITLE);
  await writeItem(sara.api, meetingId, itemId, { decisions: [{ text: 'Länssamverkansgruppen antar strategin.', clauses: [] }] });
  // A vote by name (namnupprop) that Jens lost: he may reserve himself against the decision.
  await sara.api('POST', `/api/meetings/${meetingId}/items/${itemId}/votes`, {
    yesFor: 'ordförandens förslag att anta strategin',
    noFor: 'Jens Wennbergs yrkande om återremiss',
    ballots: [{ name: 'Carin Nilsson', vote: 'yes' }, { name: 'Moa Brydsten', vote: 'yes' }, { name: 'Jens Wennberg', vote: 'no' }],
  });
  await sara.api('POST', `/api/bodies/${lsg}/year-plan`, { year: 2027, meetings: [{ date: '2027-03-12' }, { date: '2027-06-11' }] });
  browsing = await Browsing.launch();
});
afterAll(async () => {
  await browsing?.close();
  await server?.stop();
});

describe('a member’s own reservation and protocol note', () => {
  it('enters a reservation with a motivation and a note on the draft, removes the note, and the secretary sees the reservation', async () => {
    const page = await browsing.signIn(server.url, 'jens@region.example', PASSWORDS.jens);
    await page.goto(`${server.url}/moten/${meetingId}`);
    const item = page.getByRole('article', { name: new RegExp(TITLE) });
    const own = item.getByRole('region', { name: /Din reservation och protokollsanteckning/ });

    // The vote leads into the decision: the proposals, who voted how, and the result.
    await item.getByText('Omröstning begärs och verkställs.').waitFor();
    await item.getByText('Nej-röst för Jens Wennbergs yrkande om återremiss.').waitFor();
    const rollCall = item.getByRole('table', { name: /^Röstlista \(namnupprop\), punkt \d+$/ });
    await expect(rollCall.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => `${c.tagName} ${c.textContent}`))))
      .resolves.toEqual([['TH Carin Nilsson', 'TD Ja'], ['TH Moa Brydsten', 'TD Ja'], ['TH Jens Wennberg', 'TD Nej']]);
    await item.getByText(/^Med 2 ja-röster mot 1 nej-röst beslutar Länssamverkansgruppen enligt ordförandens förslag att anta strategin\.$/).waitFor();

    await own.getByRole('button', { name: /^Reservera dig/ }).click();
    // The form takes the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('inFavourOf');
    await own.getByLabel(/Till förmån för/).fill('eget yrkande om återremiss');
    await own.getByLabel(/Skriftlig motivering/).fill('Strategin saknar finansiering.');
    await expectAccessible(page);
    await own.getByRole('button', { name: 'Spara reservationen' }).click();
    // Shown once, with everyone's and in the protocol's words; here only its "Ta bort".
    await item.getByText('Reservation: Jens Wennberg reserverar sig mot beslutet till förmån för eget yrkande om återremiss.').waitFor();
    await item.getByText('Skriftlig motivering: Strategin saknar finansiering.').waitFor();
    await expect(page.getByText('Strategin saknar finansiering.').count()).resolves.toBe(1);
    await own.getByRole('button', { name: /^Ta bort din reservation/ }).waitFor();
    await expect(own.getByRole('button', { name: /^Reservera dig/ }).count()).resolves.toBe(0);

    await own.getByRole('button', { name: /^Lämna protokollsanteckning/ }).click();
    await own.getByLabel('Anteckningens text').fill('Jag vill se en plan för finansieringen.');
    await own.getByRole('button', { name: 'Spara protokollsanteckningen' }).click();
    await item.getByText('Protokollsanteckning: Jens Wennberg antecknar till protokollet: Jag vill se en plan för finansieringen.').waitFor();
    await own.getByRole('button', { name: /^Ta bort din protokollsanteckning/ }).click();
    await item.getByText('Jag vill se en plan för finansieringen.').waitFor({ state: 'detached' });
    await own.getByRole('status').getByText('Borttaget.').waitFor();

    // Meanwhile the secretary writes a note for him: his is refused in words, and what he wrote stays.
    await own.getByRole('button', { name: /^Lämna protokollsanteckning/ }).click();
    await own.getByLabel('Anteckningens text').fill('Uppföljning varje år.');
    await sara.api('POST', `/api/meetings/${meetingId}/items/${itemId}/protocol-notes`, { name: 'Jens Wennberg', text: 'Anteckning enligt sekreteraren.' });
    await own.getByRole('button', { name: 'Spara protokollsanteckningen' }).click();
    await expect(own.getByRole('alert').textContent()).resolves.toMatch(/Jens Wennberg har redan en protokollsanteckning i ärendet/);
    await expect(own.getByLabel('Anteckningens text').inputValue()).resolves.toBe('Uppföljning varje år.');
    await item.getByText('Protokollsanteckning: Jens Wennberg antecknar till protokollet: Anteckning enligt sekreteraren.').waitFor();
    await own.getByRole('button', { name: 'Avbryt' }).click();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'own-statements.png'), fullPage: true });
    await expectAccessible(page);

    const stored = (await sara.api<{ agenda: { id: number; reservations: unknown[] }[] }>('GET', `/api/meetings/${meetingId}`)).agenda.find((i) => i.id === itemId)!;
    expect(stored.reservations).toEqual([expect.objectContaining({ name: 'Jens Wennberg', inFavourOf: 'eget yrkande om återremiss', motivation: 'Strategin saknar finansiering.' })]);
    const html = await (await fetch(`${server.url}/api/meetings/${meetingId}/protocol.html`, { headers: { cookie: sara.cookie } })).text();
    const words = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(words).toContain('Jens Wennberg reserverar sig mot beslutet till förmån för eget yrkande om återremiss.');
    expect(words).toContain('Strategin saknar finansiering.');
  });
});

describe('cancelling a planned meeting', () => {
  it('cancels one from the year plan after a confirmation, and refuses one that has an agenda by now', async () => {
    const page = await browsing.signIn(server.url, 'sara@region.example', PASSWORDS.sara);
    await page.goto(`${server.url}/organ/lsg/arsplan/2027`);
    const cancelMarch = page.getByRole('button', { name: 'Ställ in sammanträdet 2027-03-12' });
    const focused = () => page.evaluate(() => document.activeElement?.textContent);

    // The confirmation takes the focus; Escape goes back to the button.
    await cancelMarch.click();
    await expect.poll(focused).toBe('Ja, ställ in');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'cancel-meeting.png'), fullPage: true });
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await expect.poll(focused).toBe('Ställ in sammanträdet 2027-03-12');
    await cancelMarch.press('Enter');
    await page.keyboard.press('Enter');
    const march = page.getByRole('listitem').filter({ has: page.getByText('Sammanträdet 2027-03-12 är inställt.') });
    await march.locator('.meeting-row__meta', { hasText: 'Inställt' }).waitFor();
    const plan = await sara.api<{ date: string; status: string }[]>('GET', `/api/bodies/${lsg}/year-plan?year=2027`);
    expect(plan.map((m) => [m.date, m.status])).toEqual([['2027-03-12', 'cancelled'], ['2027-06-11', 'planned']]);

    // The June meeting gets its agenda after the page was read: the server's refusal is shown.
    await sara.api('POST', `/api/bodies/${lsg}/meetings`, { date: '2027-06-11' });
    await page.getByRole('button', { name: 'Ställ in sammanträdet 2027-06-11' }).click();
    await page.getByRole('button', { name: 'Ja, ställ in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'Sammanträdet kunde inte ställas in: Bara ett planerat möte som ännu inte har någon föredragningslista kan ställas in.',
    );
    await page.getByRole('button', { name: 'Ställ in sammanträdet 2027-06-11' }).waitFor({ state: 'detached' });

    // Anyone reading the year plan sees the March date as cancelled, in the list and in the
    // calendar (struck through, "Inställt" in its name, a legend in words); the June draft not at all.
    const visitor = await browsing.newPage();
    await visitor.goto(`${server.url}/organ/lsg/arsplan/2027`);
    const rows = visitor.getByRole('region', { name: 'Möten' }).getByRole('listitem');
    await rows.filter({ hasText: '12 mars 2027' }).locator('.meeting-row__meta', { hasText: 'Inställt' }).waitFor();
    await expect(rows.count()).resolves.toBe(1);
    await visitor.getByRole('link', { name: /^2027-03-12: Inställt/ }).locator('s').waitFor();
    await visitor.getByText('Inställt sammanträde (överstruket datum)').waitFor();
    await expectAccessible(visitor);
    await visitor.screenshot({ path: path.join(SCREENSHOT_DIR, 'cancelled-meeting-public.png'), fullPage: true });
  });
});
