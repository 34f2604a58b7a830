import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, PASSWORD, type Json } from '../helpers/client.js';
import { item, parsedProtocol, sourceOf } from '../helpers/protocols.js';
import { addItem, lsgSignatories, openMeeting, present, SECRETARY_PRESENT, sendAndSign, writeItem, type Someone } from '../helpers/justering.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { closePdfRenderer } from '../../src/render/pdf.js';
import type { Store } from '../../src/store/db.js';

// Follow-up gaps: closing an assignment is a decision — "uppdraget anses slutfört" in the minutes
// of its report-back item closes it once that decision applies (the protocol justified and
// published, or the item justified at once), linked from the assignment and on the trace; and the
// receiver of an assignment is linked to its huvudman when the minutes or an import write it.

let store: Store;
let app: ReturnType<typeof testApp>;
let lsg: number;
let sara: Someone;
let jonas: Someone;
let carin: Someone;
const anonymous = () => new Client(app);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-closing-'));

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store, { config: { dataDir, publicUrl: 'https://samverka.example' } });
  ({ lsg, sara, jonas, carin } = await lsgSignatories(store, app));
});
afterAll(async () => {
  await closePdfRenderer();
  await store?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const huvudmanId = async (name: string) => (await store.db.selectFrom('huvudman').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

const meeting = (date: string) => openMeeting(sara.client, lsg, { date }, [present('Carin Ordförande', { role: 'ordförande' }), present('Jonas Justerare', { note: 'justerare' }), SECRETARY_PRESENT]);

/** Justering of the whole protocol by its three signatories; with the development certificate it is sealed and published. */
async function justifyAndPublish(meetingId: number): Promise<void> {
  await sendAndSign(sara.client, meetingId, [jonas, carin, sara]);
  expect((await anonymous().get(`/api/meetings/${meetingId}`)).body.status).toBe('published');
}

/** Takes up the offered assignment on the meeting's agenda: the report-back item. */
async function reportBack(meetingId: number, assignmentId: number): Promise<number> {
  const res = await sara.client.post(`/api/meetings/${meetingId}/items`, { offer: { assignmentId } });
  expect(res.status).toBe(201);
  return res.body.id;
}

const assignment = async (client: Client, id: number) => ((await client.get(`/api/assignments?body=${lsg}`)).body as Json[]).find((a) => a.id === id);

describe('the receiver of an assignment is linked to its huvudman', () => {
  it('in the minutes: "Umeå kommun" and "Bjurholm kommun" are huvudmän, "kommunerna" and a body are not', async () => {
    const id = await meeting('2026-01-16');
    const itemId = await addItem(sara.client, id, 'Hemsjukvård');
    await writeItem(sara.client, id, itemId, {
      decisions: [{ text: 'Länssamverkansgruppen beslutar att ge uppdrag.', clauses: [] }],
      assignments: ['Umeå kommun', 'Bjurholm kommun', 'kommunerna', 'Beredning barn och unga'].map((to) => ({ to, task: 'redovisa läget' })),
    });
    const rows = await store.db.selectFrom('assignment').select(['to_text', 'to_huvudman_id', 'to_body_id']).where('item_id', '=', itemId).orderBy('position').execute();
    expect(rows.map((r) => [r.to_text, r.to_huvudman_id])).toEqual([
      ['Umeå kommun', await huvudmanId('Umeå kommun')],
      ['Bjurholm kommun', await huvudmanId('Bjurholms kommun')],
      ['kommunerna', null],
      ['Beredning barn och unga', null],
    ]);
    expect(rows[3]!.to_body_id).not.toBeNull();
    const forUmea = (await sara.client.get(`/api/assignments?huvudman=${await huvudmanId('Umeå kommun')}`)).body as Json[];
    expect(forUmea.map((a) => a.to)).toEqual(['Umeå kommun']);
  });

  it('by the importer: an imported protocol’s assignment to "Region Västerbotten" is linked', async () => {
    const { meetingId } = await storeImportedProtocol(store.db, parsedProtocol({
      date: '2023-05-12',
      items: [item(12, 'Vårdhygien', { decisions: [{ text: 'Region Västerbotten får i uppdrag att ta fram en kostnadsmodell.', clauses: [] }], assignments: [{ to: 'Region Västerbotten', text: 'ta fram en kostnadsmodell' }, { to: 'kommunerna', text: 'lämna synpunkter' }] })],
    }), sourceOf('import 2023-05-12'));
    const rows = await store.db
      .selectFrom('assignment as a').innerJoin('agenda_item as i', 'i.id', 'a.item_id')
      .select(['a.to_text', 'a.to_huvudman_id']).where('i.meeting_id', '=', meetingId).orderBy('a.position').execute();
    expect(rows).toEqual([{ to_text: 'Region Västerbotten', to_huvudman_id: await huvudmanId('Region Västerbotten') }, { to_text: 'kommunerna', to_huvudman_id: null }]);
  });
});

describe('closing an assignment is a decision', () => {
  let february: { id: number; itemId: number };
  let toBarn: number; // reported back in April, closed when April is published
  let toVuxna: number; // reported back in June, closed when that item is justified at once
  let toRad: number; // reported back in April, the report only filed: stays open

  it('February gives three assignments, and is published', async () => {
    const id = await meeting('2026-02-20');
    const itemId = await addItem(sara.client, id, 'Regional strategi för suicidprevention');
    const saved = await writeItem(sara.client, id, itemId, {
      decisions: [{ text: 'Länssamverkansgruppen beslutar att anta strategin', clauses: ['anta strategin'] }],
      assignments: [
        { to: 'Beredning barn och unga', task: 'följa implementeringen', dueText: 'Länssamverkansgruppens nästa möte', decisionIndex: 0 },
        { to: 'Beredning vuxna och äldre', task: 'ta fram en handlingsplan', decisionIndex: 0 },
        { to: 'Beredning barn och unga', task: 'kartlägga elevhälsan', decisionIndex: 0 },
      ],
    });
    [toBarn, toVuxna, toRad] = saved.assignments.map((a: Json) => a.id);
    await justifyAndPublish(id);
    february = { id, itemId };
    expect((await assignment(anonymous(), toBarn)).status).toBe('open');
  });

  it('a report-back decided in a draft does not close the assignment yet — nor tell the public it will', async () => {
    const april = await meeting('2026-04-17');
    const reportItem = await reportBack(april, toBarn);
    await writeItem(sara.client, april, reportItem, {
      decisions: [{ text: 'Länssamverkansgruppen beslutar att lägga återrapporteringen till handlingarna att anse uppdraget slutfört', clauses: ['lägga återrapporteringen till handlingarna', 'anse uppdraget slutfört'] }],
    });
    const filedItem = await reportBack(april, toRad);
    await writeItem(sara.client, april, filedItem, { decisions: [{ text: 'Återrapporteringen läggs till handlingarna.', clauses: [], outcome: 'filed' }] });
    for (const client of [anonymous(), sara.client]) {
      expect(await assignment(client, toBarn)).toMatchObject({ status: 'open', closedBy: null });
    }
  });

  it('when the April protocol is published the decision applies: the assignment is done, linked to it, audited', async () => {
    const april = ((await sara.client.get(`/api/meetings?body=${lsg}&year=2026`)).body as Json[]).find((m) => m.date === '2026-04-17')!.id;
    await justifyAndPublish(april);
    const reportItem = (await anonymous().get(`/api/meetings/${april}`)).body.agenda.find((i: Json) => i.title === 'Återrapportering: följa implementeringen');
    const closed = await assignment(anonymous(), toBarn);
    expect(closed.status).toBe('done');
    expect(closed.closedBy).toMatchObject({
      itemId: reportItem.id, meetingId: april, date: '2026-04-17', itemNumber: reportItem.number, reason: 'published',
      decision: 'Länssamverkansgruppen beslutar att lägga återrapporteringen till handlingarna att anse uppdraget slutfört',
    });
    expect(await assignment(anonymous(), toRad)).toMatchObject({ status: 'open', closedBy: null });
    const audit = await store.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'assignment.closed-by-decision').execute();
    expect(audit).toEqual([{ action: 'assignment.closed-by-decision', entity_id: String(toBarn) }]);
  });

  it('the trace shows the decision that closed it', async () => {
    const trace = (await anonymous().get(`/api/items/${february.itemId}/trace`)).body as Json[];
    const given = trace.find((e) => e.itemId === february.itemId);
    expect(given.assignments.find((a: Json) => a.id === toBarn)).toMatchObject({ status: 'done', closedBy: { reason: 'published', date: '2026-04-17' } });
    expect(given.assignments.find((a: Json) => a.id === toRad).closedBy).toBeNull();
  });

  it('a report-back item justified at once closes its assignment then, before its protocol is justified', async () => {
    const june = await meeting('2026-06-12');
    const reportItem = await reportBack(june, toVuxna);
    await writeItem(sara.client, june, reportItem, { decisions: [{ text: 'Återredovisningen godkänns och uppdraget förklaras avslutat.', clauses: [] }] });
    const base = `/api/meetings/${june}/items/${reportItem}/immediate-justering`;
    expect((await sara.client.post(base, {})).status).toBe(201);
    expect((await jonas.client.post(`${base}/approve`, { password: PASSWORD })).body).toEqual({ justified: false, closedAssignments: [] });
    expect((await assignment(sara.client, toVuxna)).status).toBe('open');
    expect((await sara.client.post(`${base}/record`, { personId: carin.personId })).body).toEqual({ justified: true, closedAssignments: [toVuxna] });
    // The June protocol is still a draft, but this decision applies and its extract is public.
    expect((await anonymous().get(`/api/meetings/${june}`)).status).toBe(404);
    const closed = await assignment(anonymous(), toVuxna);
    expect(closed).toMatchObject({ status: 'done', closedBy: { itemId: reportItem, meetingId: june, date: '2026-06-12', reason: 'immediate-justering', decision: 'Återredovisningen godkänns och uppdraget förklaras avslutat.' } });
    // The trace (for the public) shows the closing decision, not the draft's item.
    const trace = (await anonymous().get(`/api/items/${february.itemId}/trace`)).body as Json[];
    expect(trace.map((e) => e.itemId)).not.toContain(reportItem);
    expect(trace.find((e) => e.itemId === february.itemId).assignments.find((a: Json) => a.id === toVuxna).closedBy).toMatchObject({ reason: 'immediate-justering', itemNumber: expect.any(Number) });
  });

  it('publishing June later does not close it twice', async () => {
    const june = ((await sara.client.get(`/api/meetings?body=${lsg}&year=2026`)).body as Json[]).find((m) => m.date === '2026-06-12')!.id;
    await justifyAndPublish(june);
    const audit = await store.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'assignment.closed-by-decision').orderBy('id').execute();
    expect(audit.map((a) => a.entity_id)).toEqual([String(toBarn), String(toVuxna)]);
    expect((await assignment(anonymous(), toVuxna)).closedBy.reason).toBe('immediate-justering');
  });
});
