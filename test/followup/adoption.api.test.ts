import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, signedIn, type Json } from '../helpers/client.js';
import { parsedProtocol, sourceOf } from '../helpers/protocols.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { SYSTEM } from '../../src/domain/access.js';
import type { Store } from '../../src/store/db.js';

// A secretary of Länssamverkansgruppen records the recommendation its decision made, marks three
// huvudmän as adopted, and the matrix, its CSV and its XLSX say the same.

let store: Store;
let app: ReturnType<typeof testApp>;
let secretary: Client;
let otherSecretary: Client;
let lsg: number;
let decisionId: number;
let draftDecisionId: number;
let huvudman: Json[];

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store);
  const bodies = await listBodies(store.db, SYSTEM);
  lsg = bodies.find((b) => b.slug === 'lsg')!.id;
  const samrad = bodies.find((b) => b.slug === 'samrad')!.id;
  const published = await storeImportedProtocol(store.db, parsedProtocol(), sourceOf('LSG 2024-02-23'));
  const draft = await storeImportedProtocol(store.db, parsedProtocol({ date: '2024-05-05', diaryNumber: 'LSG 2024-2' }), sourceOf('utkast LSG'), { draft: true });
  const decisionOf = async (meetingId: number) =>
    (await store.db.selectFrom('decision as d').innerJoin('agenda_item as i', 'i.id', 'd.item_id').select('d.id').where('i.meeting_id', '=', meetingId).where('i.number', '=', 41).executeTakeFirstOrThrow()).id;
  decisionId = await decisionOf(published.meetingId);
  draftDecisionId = await decisionOf(draft.meetingId);
  secretary = await signedIn(store, app, { email: 'lsg@example.se', memberships: [{ bodyId: lsg, role: 'sekreterare' }] });
  otherSecretary = await signedIn(store, app, { email: 'samrad@example.se', memberships: [{ bodyId: samrad, role: 'sekreterare' }] });
  huvudman = (await new Client(app).get('/api/huvudman')).body;
});
afterAll(async () => {
  await store?.close();
});

const STRATEGY = {
  title: 'Länsgemensam strategi för suicidprevention i Västerbotten 2025–2030',
  kind: 'strategi',
  localBody: 'fullmäktige',
  deadline: '2024-12-31',
};
const id = (short: string) => huvudman.find((h) => h.shortName === short)!.id as number;

describe('recommendations and their adoption', () => {
  let rec: number;

  it('a secretary records the recommendation a decision made; all 16 huvudmän get a row, not started', async () => {
    const res = await secretary.post(`/api/bodies/${lsg}/recommendations`, { ...STRATEGY, decisionId });
    expect(res.status).toBe(201);
    rec = res.body.id;
    const got = (await new Client(app).get(`/api/recommendations/${rec}`)).body;
    expect(got).toMatchObject({ title: STRATEGY.title, decidedOn: '2024-02-23', body: { id: lsg, name: 'Länssamverkansgruppen' }, source: { decisionId, itemNumber: 41 } });
    expect(got.adoptions).toHaveLength(16);
    expect(got.adoptions[0].huvudman).toBe('Region Västerbotten');
    expect(got.adoptions.every((a: Json) => a.status === 'not-started')).toBe(true);
    const byItem = (await new Client(app).get(`/api/recommendations?item=${got.source.itemId}`)).body;
    expect(byItem.map((r: Json) => r.id)).toEqual([rec]);
    const audit = await store.db.selectFrom('audit_log').select('action').where('entity', '=', 'recommendation').execute();
    expect(audit.map((a) => a.action)).toEqual(['recommendation.create']);
  });

  it('refuses bad input with the field named, and stores nothing', async () => {
    const count = async () => (await store.db.selectFrom('recommendation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = Number(await count());
    const noDate = await secretary.post(`/api/bodies/${lsg}/recommendations`, { ...STRATEGY });
    expect(noDate.status).toBe(400);
    expect(noDate.body.error.message).toMatch(/^Ogiltigt värde för decidedOn/);
    const early = await secretary.post(`/api/bodies/${lsg}/recommendations`, { ...STRATEGY, decisionId, deadline: '2023-01-01' });
    expect(early.body.error.message).toBe('Ogiltigt värde för deadline: sista dag 2023-01-01 är före beslutet 2024-02-23');
    const kind = await secretary.post(`/api/bodies/${lsg}/recommendations`, { ...STRATEGY, decidedOn: '2024-01-01', kind: 'önskan' });
    expect(kind.body.error.message).toMatch(/^Ogiltigt värde för kind/);
    const samradBody = (await listBodies(store.db, SYSTEM)).find((b) => b.slug === 'samrad')!.id;
    const wrongBody = await otherSecretary.post(`/api/bodies/${samradBody}/recommendations`, { ...STRATEGY, decisionId });
    expect(wrongBody.body.error.message).toBe('Ogiltigt värde för decisionId: beslutet är inte fattat av organet');
    expect(Number(await count())).toBe(before);
  });

  it('only the recommending body’s secretaries (and administrators) record adoption', async () => {
    const row = { huvudmanId: id('Umeå'), status: 'adopted', decidedOn: '2024-04-15' };
    expect((await new Client(app).request('PUT', `/api/recommendations/${rec}/adoptions`, { rows: [row] })).status).toBe(401);
    expect((await otherSecretary.request('PUT', `/api/recommendations/${rec}/adoptions`, { rows: [row] })).status).toBe(403);
  });

  it('an adoption for an unknown huvudman refuses the whole change', async () => {
    const res = await secretary.request('PUT', `/api/recommendations/${rec}/adoptions`, {
      rows: [{ huvudmanId: id('Umeå'), status: 'adopted', decidedOn: '2024-04-15' }, { huvudmanId: 987654, status: 'adopted' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Ogiltigt värde för rows.1.huvudmanId: okänd huvudman 987654');
    const got = (await new Client(app).get(`/api/recommendations/${rec}`)).body;
    expect(got.adoptions.find((a: Json) => a.huvudmanId === id('Umeå')).status).toBe('not-started');
    const badUrl = await secretary.request('PUT', `/api/recommendations/${rec}/adoptions`, { rows: [{ huvudmanId: id('Umeå'), status: 'adopted', url: 'javascript:alert(1)' }] });
    expect(badUrl.body.error.message).toMatch(/^Ogiltigt värde för rows.0.url/);
  });

  it('three huvudmän adopt it: the matrix API and the XLSX export agree', async () => {
    const rows = [
      { huvudmanId: id('Umeå'), status: 'adopted', decidedOn: '2024-04-15', decidingBody: 'Kommunfullmäktige', diaryNumber: 'KS-2024/88', url: 'https://www.umea.se/kf/2024-04-15' },
      { huvudmanId: id('Åsele'), status: 'adopted', decidedOn: '2024-05-20', decidingBody: 'Kommunfullmäktige', diaryNumber: 'Dnr 2024/17' },
      { huvudmanId: id('RV'), status: 'adopted', decidedOn: '2024-06-18', decidingBody: 'Regionfullmäktige' },
      { huvudmanId: id('Vännäs'), status: 'in-preparation', diaryNumber: 'KS 2024/301' },
    ];
    const res = await secretary.request('PUT', `/api/recommendations/${rec}/adoptions`, { rows });
    expect(res.status).toBe(200);
    expect(res.body.progress.counts).toEqual({ 'not-started': 12, 'in-preparation': 1, adopted: 3, declined: 0 });

    const matrix = (await new Client(app).get('/api/adoption')).body;
    expect(matrix.huvudman).toHaveLength(16);
    const [shown] = matrix.recommendations;
    const adopted = shown.adoptions.filter((a: Json) => a.status === 'adopted').map((a: Json) => a.huvudman);
    expect(adopted.sort()).toEqual(['Region Västerbotten', 'Umeå kommun', 'Åsele kommun'].sort());

    const xlsx = await fetchXlsx('/api/adoption.xlsx');
    const sheet = xlsx.getWorksheet('Matris')!;
    expect(sheet.getRow(1).getCell(2).value).toBe(`${STRATEGY.title} (senast 2024-12-31)`);
    const cells = new Map<string, string>();
    sheet.eachRow((row, n) => {
      if (n > 1) cells.set(String(row.getCell(1).value), String(row.getCell(2).value));
    });
    expect(cells.size).toBe(16);
    for (const a of shown.adoptions) {
      const expected = { 'not-started': '○ Ej påbörjad', 'in-preparation': '◐ Under beredning', adopted: '✓ Antagen', declined: '✕ Avslagen' }[a.status as string];
      expect(cells.get(a.huvudman), a.huvudman).toBe(a.overdue ? `${expected} ⚠ Försenad` : expected);
    }
    const decisions = xlsx.getWorksheet('Beslut')!;
    const header = decisions.getRow(1).values as string[];
    expect(header.slice(1, 4)).toEqual(['Rekommendation', 'Typ', 'Rekommenderat av']);
    const asele = findRow(decisions, 7, 'Åsele kommun');
    expect(asele.getCell(8).value).toBe('Antagen');
    expect(asele.getCell(10).value).toEqual(new Date('2024-05-20T00:00:00Z')); // a date, not text
    expect(asele.getCell(12).value).toBe('Dnr 2024/17');
    expect(findRow(decisions, 7, 'Umeå kommun').getCell(4).value).toEqual(new Date('2024-02-23T00:00:00Z'));
  });

  it('the CSV is UTF-8 with a byte-order mark and semicolons, å ä ö intact', async () => {
    const res = await app.request('/api/adoption.csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toBe('Rekommendation;Typ;Rekommenderat av;Beslutsdatum;Sista dag;Beslutas i;Huvudman;Status;Försenad;Lokalt beslutsdatum;Beslutande organ;Diarienummer;Länk till beslutet');
    expect(lines).toContain(`${STRATEGY.title};strategi;Länssamverkansgruppen;2024-02-23;2024-12-31;fullmäktige;Åsele kommun;Antagen;Nej;2024-05-20;Kommunfullmäktige;Dnr 2024/17;`);
    expect(lines.filter((l) => l !== '')).toHaveLength(17);
  });

  it('a huvudman’s own page lists what it still has to decide, with deadlines', async () => {
    const hand = await secretary.post(`/api/bodies/${lsg}/recommendations`, { title: 'Färdplan Nära vård i Västerbotten 2030', kind: 'färdplan', localBody: 'fullmäktige', decidedOn: '2023-03-10', deadline: '2023-08-31' });
    expect(hand.status).toBe(201);
    const vannas = (await new Client(app).get(`/api/huvudman/${id('Vännäs')}/adoption`)).body;
    expect(vannas.huvudman.name).toBe('Vännäs kommun');
    expect(vannas.pending.map((p: Json) => [p.recommendation.title, p.status, p.overdue])).toEqual([
      ['Färdplan Nära vård i Västerbotten 2030', 'not-started', true],
      [STRATEGY.title, 'in-preparation', expect.any(Boolean)],
    ]);
    expect(vannas.decided).toEqual([]);
    const umea = (await new Client(app).get(`/api/huvudman/${id('Umeå')}/adoption`)).body;
    expect(umea.decided.map((d: Json) => [d.recommendation.title, d.decidedOn, d.url])).toEqual([[STRATEGY.title, '2024-04-15', 'https://www.umea.se/kf/2024-04-15']]);
    expect((await new Client(app).get('/api/huvudman/987654/adoption')).status).toBe(404);
  });

  it('filters the matrix by body and year', async () => {
    const y2023 = (await new Client(app).get('/api/adoption?year=2023')).body;
    expect(y2023.recommendations.map((r: Json) => r.title)).toEqual(['Färdplan Nära vård i Västerbotten 2030']);
    const samrad = (await listBodies(store.db, SYSTEM)).find((b) => b.slug === 'samrad')!.id;
    expect((await new Client(app).get(`/api/adoption?body=${samrad}`)).body.recommendations).toEqual([]);
    expect((await new Client(app).get('/api/adoption?year=abc')).status).toBe(400);
  });

  it('a recommendation from a draft decision is for the body until the protocol is published', async () => {
    const res = await secretary.post(`/api/bodies/${lsg}/recommendations`, { ...STRATEGY, title: 'Överenskommelse om hemsjukvård', kind: 'överenskommelse', decisionId: draftDecisionId, deadline: null });
    expect(res.status).toBe(201);
    expect((await new Client(app).get(`/api/recommendations/${res.body.id}`)).status).toBe(404);
    expect((await secretary.get(`/api/recommendations/${res.body.id}`)).status).toBe(200);
    const titles = (await new Client(app).get('/api/adoption')).body.recommendations.map((r: Json) => r.title);
    expect(titles).not.toContain('Överenskommelse om hemsjukvård');
  });

  it('edits and removes a recommendation', async () => {
    const update = await secretary.request('PUT', `/api/recommendations/${rec}`, { ...STRATEGY, deadline: '2025-03-31', description: 'Förlängd tid.' });
    expect(update.status).toBe(200);
    expect(update.body).toMatchObject({ deadline: '2025-03-31', decidedOn: '2024-02-23', description: 'Förlängd tid.' });
    expect((await otherSecretary.request('DELETE', `/api/bodies/${lsg}/recommendations/${rec}`)).status).toBe(403);
    expect((await secretary.request('DELETE', `/api/bodies/${lsg}/recommendations/${rec}`)).status).toBe(204);
    expect((await new Client(app).get(`/api/recommendations/${rec}`)).status).toBe(404);
    const adoptions = await store.db.selectFrom('adoption').select('huvudman_id').where('recommendation_id', '=', rec).execute();
    expect(adoptions).toEqual([]);
  });
});

async function fetchXlsx(path: string): Promise<ExcelJS.Workbook> {
  const res = await app.request(path);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}

function findRow(sheet: ExcelJS.Worksheet, column: number, value: string): ExcelJS.Row {
  let found: ExcelJS.Row | null = null;
  sheet.eachRow((row) => {
    if (row.getCell(column).value === value) found = row;
  });
  if (!found) throw new Error(`no row with ${value}`);
  return found;
}
