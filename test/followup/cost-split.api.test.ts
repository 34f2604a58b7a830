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

// The cost model for Vårdhygien: the region pays half, the municipalities half by population.

let store: Store;
let app: ReturnType<typeof testApp>;
let secretary: Client;
let lsg: number;
let decisionId: number;

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store);
  lsg = (await listBodies(store.db, SYSTEM)).find((b) => b.slug === 'lsg')!.id;
  const { meetingId } = await storeImportedProtocol(store.db, parsedProtocol(), sourceOf('LSG 2024-02-23'));
  decisionId = (await store.db.selectFrom('decision as d').innerJoin('agenda_item as i', 'i.id', 'd.item_id').select('d.id').where('i.meeting_id', '=', meetingId).where('i.number', '=', 41).executeTakeFirstOrThrow()).id;
  secretary = await signedIn(store, app, { email: 'lsg@example.se', memberships: [{ bodyId: lsg, role: 'sekreterare' }] });
});
afterAll(async () => {
  await store?.close();
});

const VARDHYGIEN = {
  title: 'Vårdhygien 2025',
  costYear: 2025,
  totalOre: 2_345_678_91, // 2 345 678,91 kr
  regionShareBp: 5000,
  municipalShareBp: 5000,
  measure: { kind: 'population', year: 2023 },
};
const count = async () => Number((await store.db.selectFrom('cost_split').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('a cost split', () => {
  let splitId: number;

  it('divides the cost exactly: half to the region, half to the municipalities by population', async () => {
    const res = await secretary.post(`/api/bodies/${lsg}/cost-splits`, { ...VARDHYGIEN, decisionId });
    expect(res.status).toBe(201);
    splitId = res.body.id;
    const parts = res.body.parts as Json[];
    expect(parts).toHaveLength(16);
    expect(parts.reduce((s, p) => s + p.amountOre, 0)).toBe(VARDHYGIEN.totalOre);
    expect(parts[0]).toMatchObject({ name: 'Region Västerbotten', kind: 'region', measure: null });
    expect(parts[0].amountOre).toBe(Math.round(VARDHYGIEN.totalOre / 2)); // 117 283 945,5 öre rounded by the largest remainder
    const umea = parts.find((p) => p.name === 'Umeå kommun');
    const bjurholm = parts.find((p) => p.name === 'Bjurholms kommun');
    expect(umea.measure).toBe(131000);
    expect(umea.amountOre).toBeGreaterThan(bjurholm.amountOre);
    expect(res.body).toMatchObject({ measureName: 'Folkmängd 2023', decidedOn: '2024-02-23', source: { decisionId, itemNumber: 41 } });
    const publicView = await new Client(app).get(`/api/cost-splits/${splitId}`);
    expect(publicView.body.parts).toEqual(parts);
  });

  it('refuses shares that do not sum to 100 %, naming the field, and stores nothing', async () => {
    const before = await count();
    const res = await secretary.post(`/api/bodies/${lsg}/cost-splits`, { ...VARDHYGIEN, decidedOn: '2024-03-01', municipalShareBp: 4000 });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Ogiltigt värde för municipalShareBp: andelarna blir 90\u00a0% tillsammans, inte 100 %');
    expect(await count()).toBe(before);
  });

  it('names the municipality whose population is missing for the year, and stores nothing', async () => {
    // Every huvudman has 2023; give all but Bjurholm a figure for 2024.
    const h = await store.db.selectFrom('huvudman').select(['id', 'name']).execute();
    await store.db.insertInto('huvudman_population').values(h.filter((x) => x.name !== 'Bjurholms kommun').map((x) => ({ huvudman_id: x.id, year: 2024, population: 1000 }))).execute();
    const before = await count();
    const res = await secretary.post(`/api/bodies/${lsg}/cost-splits`, { ...VARDHYGIEN, decidedOn: '2024-03-01', measure: { kind: 'population', year: 2024 } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Ogiltigt värde för measure.year: Bjurholms kommun saknar värde för folkmängd 2024');
    expect(await count()).toBe(before);
    const preview = await secretary.post('/api/cost-splits/preview', { ...VARDHYGIEN, measure: { kind: 'population', year: 1999 } });
    expect(preview.body.error.message).toMatch(/^Ogiltigt värde för measure.year: .* saknar värde för folkmängd 1999$/);
  });

  it('splits by another measure given per municipality; a missing one is named', async () => {
    const h = (await new Client(app).get('/api/huvudman')).body as Json[];
    const kommuner = h.filter((x) => x.kind === 'kommun');
    const values = kommuner.map((k, n) => ({ huvudmanId: k.id, value: n + 1 }));
    const ok = await secretary.post('/api/cost-splits/preview', { totalOre: 1_000_000, regionShareBp: 2500, municipalShareBp: 7500, measure: { kind: 'custom', name: 'Antal brukare', values } });
    expect(ok.status).toBe(200);
    expect(ok.body.parts.reduce((s: number, p: Json) => s + p.amountOre, 0)).toBe(1_000_000);
    expect(ok.body.parts[0].amountOre).toBe(250_000);
    const missing = await secretary.post('/api/cost-splits/preview', { totalOre: 1000, regionShareBp: 2500, municipalShareBp: 7500, measure: { kind: 'custom', name: 'Antal brukare', values: values.slice(1) } });
    expect(missing.body.error.message).toBe(`Ogiltigt värde för measure.values: ${kommuner[0].name} saknar värde för fördelningsgrunden`);
    const unknown = await secretary.post('/api/cost-splits/preview', { totalOre: 1000, regionShareBp: 2500, municipalShareBp: 7500, measure: { kind: 'custom', name: 'x', values: [{ huvudmanId: 987654, value: 1 }] } });
    expect(unknown.body.error.message).toBe('Ogiltigt värde för measure.values.0.huvudmanId: okänd huvudman 987654');
    expect((await new Client(app).post('/api/cost-splits/preview', { totalOre: 1 })).status).toBe(401);
  });

  it('exports the parts as CSV and XLSX that agree with the API', async () => {
    const split = (await new Client(app).get(`/api/cost-splits/${splitId}`)).body;
    const csvRes = await app.request(`/api/cost-splits/${splitId}/export.csv`);
    const lines = new TextDecoder().decode(new Uint8Array(await csvRes.arrayBuffer())).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Huvudman;Typ;Folkmängd 2023;Andel;Belopp (kr)');
    expect(lines.at(-1)).toBe('Summa;;276300;100,00 %;2345678,91');
    const umea = split.parts.find((p: Json) => p.name === 'Umeå kommun');
    expect(lines).toContain(`Umeå kommun;Kommun;131000;${((umea.amountOre / split.totalOre) * 100).toFixed(2).replace('.', ',')} %;${(umea.amountOre / 100).toFixed(2).replace('.', ',')}`);

    const res = await app.request(`/api/cost-splits/${splitId}/export.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('Fördelning')!;
    const fromSheet: [string, number][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) fromSheet.push([String(row.getCell(1).value), Math.round(Number(row.getCell(5).value) * 100)]);
    });
    expect(fromSheet).toEqual([...split.parts.map((p: Json) => [p.name, p.amountOre]), ['Summa', VARDHYGIEN.totalOre]]);
    expect(sheet.getCell('E2').numFmt).toBe('#,##0.00 "kr"');
    expect(wb.getWorksheet('Nyckel')!.getCell('B6').value).toBe('2\u00a0345\u00a0678,91\u00a0kr');
  });

  it('lists splits by year, and a secretary removes one stored in error', async () => {
    expect((await new Client(app).get('/api/cost-splits?year=2025')).body.map((s: Json) => s.id)).toEqual([splitId]);
    expect((await new Client(app).get('/api/cost-splits?year=2024')).body).toEqual([]);
    expect((await new Client(app).request('DELETE', `/api/bodies/${lsg}/cost-splits/${splitId}`)).status).toBe(401);
    expect((await secretary.request('DELETE', `/api/bodies/${lsg}/cost-splits/${splitId}`)).status).toBe(204);
    expect((await new Client(app).get(`/api/cost-splits/${splitId}`)).status).toBe(404);
    const audit = await store.db.selectFrom('audit_log').select('action').where('entity', '=', 'cost_split').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['cost-split.create', 'cost-split.delete']);
  });
});
