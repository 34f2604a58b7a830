import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { parsedProtocol, sourceOf } from '../helpers/protocols.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { createRecommendation, getRecommendation, setAdoptions } from '../../src/store/queries/recommendations.js';
import { createCostSplit, getCostSplit } from '../../src/store/queries/cost-splits.js';
import { ANONYMOUS, SYSTEM } from '../../src/domain/access.js';
import { FieldError } from '../../src/domain/recommendations.js';
import type { Store } from '../../src/store/db.js';

// The follow-up store on both engines: whole changes or none, amounts beyond 2^31 öre, links that
// survive the minutes being edited.

let store: Store;
let lsg: number;
let huvudman: { id: number; name: string }[];

beforeAll(async () => {
  store = await openTestStore();
  lsg = (await listBodies(store.db, SYSTEM)).find((b) => b.slug === 'lsg')!.id;
  huvudman = await store.db.selectFrom('huvudman').select(['id', 'name']).orderBy('id').execute();
});
afterAll(async () => {
  await store?.close();
});

const base = { decisionId: null, decidedOn: '2023-03-10', title: 'Färdplan Nära vård i Västerbotten 2030', kind: 'färdplan' as const, localBody: 'fullmäktige', deadline: '2023-08-31', description: '' };
const empty = { decidedOn: null, decidingBody: null, diaryNumber: null, url: null };

describe('recommendations in the store', () => {
  it('creates a row for every huvudman, and a bad row anywhere leaves every row as it was', async () => {
    const id = await createRecommendation(store.db, SYSTEM, lsg, base);
    expect((await getRecommendation(store.db, ANONYMOUS, id))!.adoptions).toHaveLength(huvudman.length);
    const attempt = setAdoptions(store.db, SYSTEM, id, [
      { huvudmanId: huvudman[0]!.id, status: 'adopted', ...empty, decidedOn: '2023-06-01' },
      { huvudmanId: huvudman[1]!.id, status: 'not-started', ...empty, decidedOn: '2023-06-01' },
    ]);
    await expect(attempt).rejects.toThrow(FieldError);
    await expect(attempt).rejects.toMatchObject({ field: 'rows.1.decidedOn' });
    const rec = await getRecommendation(store.db, ANONYMOUS, id);
    expect(rec!.adoptions.every((a) => a.status === 'not-started' && a.overdue)).toBe(true);
  });

  it('concurrent changes to different huvudmän both land', async () => {
    const id = await createRecommendation(store.db, SYSTEM, lsg, { ...base, title: 'Riktlinje' });
    await Promise.all(huvudman.slice(0, 6).map((h) => setAdoptions(store.db, SYSTEM, id, [{ huvudmanId: h.id, status: 'adopted', ...empty }])));
    expect((await getRecommendation(store.db, ANONYMOUS, id))!.progress.counts.adopted).toBe(6);
  });

  it('keeps its link to the item, and stays private, when the decision row is replaced by an edit of the minutes', async () => {
    const { meetingId } = await storeImportedProtocol(store.db, parsedProtocol({ date: '2024-05-05' }), sourceOf('utkast'), { draft: true });
    const d = await store.db.selectFrom('decision as d').innerJoin('agenda_item as i', 'i.id', 'd.item_id').select(['d.id', 'i.id as item_id']).where('i.meeting_id', '=', meetingId).where('i.number', '=', 41).executeTakeFirstOrThrow();
    const id = await createRecommendation(store.db, SYSTEM, lsg, { ...base, decisionId: d.id, decidedOn: null, deadline: null });
    await store.db.deleteFrom('decision').where('id', '=', d.id).execute();
    const rec = await getRecommendation(store.db, SYSTEM, id);
    expect(rec!.source).toMatchObject({ decisionId: null, itemId: d.item_id, meetingId });
    expect(await getRecommendation(store.db, ANONYMOUS, id)).toBeNull();
  });
});

describe('cost splits in the store', () => {
  it('keeps amounts far beyond 2^31 öre exactly, and the parts sum to the total', async () => {
    const total = Number.MAX_SAFE_INTEGER; // about 90 000 miljarder kronor
    const id = await createCostSplit(store.db, SYSTEM, lsg, { decisionId: null, decidedOn: '2024-01-01', title: 'Stor kostnad', costYear: 2024, totalOre: total, regionShareBp: 3333, municipalShareBp: 6667, measure: { kind: 'population', year: 2023 } });
    const split = (await getCostSplit(store.db, ANONYMOUS, id))!;
    expect(split.totalOre).toBe(total);
    expect(split.parts.reduce((s, p) => s + BigInt(p.amountOre), 0n)).toBe(BigInt(total));
  });
});
