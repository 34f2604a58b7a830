import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestStore } from '../helpers/db.js';
import { item, parsedProtocol, sourceOf } from '../helpers/protocols.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { ANONYMOUS, SYSTEM, type Viewer } from '../../src/domain/access.js';
import { searchArchive, EmptySearchError, type SearchParams } from '../../src/store/queries/search.js';
import type { Store } from '../../src/store/db.js';
import { loadCorpus, type Corpus } from './corpus.js';

let store: Store;
let corpus: Corpus;

beforeAll(async () => {
  store = await openTestStore();
  corpus = await loadCorpus(store);
});
afterAll(async () => {
  await store?.close();
});

const search = (q: string, extra: Partial<SearchParams> = {}, viewer: Viewer = ANONYMOUS) => searchArchive(store.db, viewer, { q, ...extra });
/** "type:title" of each result, in order. */
const hits = async (q: string, extra: Partial<SearchParams> = {}, viewer: Viewer = ANONYMOUS) =>
  (await search(q, extra, viewer)).results.map((r) => `${r.type}:${r.title}`);

describe('Swedish words', () => {
  it('stems: "beslutade" finds "beslut", and "beslut" finds "beslutade"', async () => {
    expect(await hits('beslutade', { types: ['item'] })).toContain('item:Uppföljning av tidigare ärenden'); // "Inget beslut fattades"
    expect(await hits('beslut ', { types: ['decision'] })).toContain('decision:Tyngdtäcken'); // "… beslutade att anta …"
  });

  it('folds diacritics both ways: "halsa" finds "hälsa", "hälsa" finds the OCR-damaged "halsa"', async () => {
    expect(await hits('halsa', { types: ['item'] })).toContain('item:Psykisk hälsa hos barn och unga');
    expect(await hits('hälsa', { types: ['item'] })).toContain('item:Uppföljning av tidigare ärenden'); // "Arbetet med halsa"
    expect(await hits('tyngdtacken', { types: ['item'] })).toContain('item:Tyngdtäcken');
  });

  it('finds a phrase in quotes only as a phrase', async () => {
    expect(await hits('"nära vård"', { types: ['item'] })).toEqual(['item:Psykisk hälsa hos barn och unga']);
    expect(await hits('nära vård', { types: ['item'] })).toEqual(expect.arrayContaining(['item:Psykisk hälsa hos barn och unga', 'item:Uppföljning av tidigare ärenden']));
  });

  it('matches the last word as a prefix while it is being typed', async () => {
    expect(await hits('tyngdtä', { types: ['item'] })).toContain('item:Tyngdtäcken');
    expect(await hits('suicidprev', { types: ['item'] })).toContain('item:Regional strategi');
    // a finished word (followed by a space) is not a prefix: found only as a correction, and said so
    const finished = await search('tyngdtä ');
    expect(finished.query.corrections).toEqual([{ from: 'tyngdtä', to: ['tyngdtack'] }]);
  });

  it('finds a compound in another form: "suicidprevention" finds "suicidpreventiva strategin"', async () => {
    const r = await search('suicidprevention ', { types: ['item'] });
    expect(r.results.map((h) => h.title)).toEqual(['Regional strategi']);
    expect(r.results[0]!.snippet).toContain('<mark>suicidpreventiva</mark>');
  });

  it('corrects misspelt and OCR-damaged words through the word list: "Wahlstrom", "Linssamverkan"', async () => {
    const w = await search('Wahlstrom');
    expect(w.results.map((h) => `${h.type}:${h.title}`)).toEqual(expect.arrayContaining(['person:Monica Wahlstrém', 'item:Psykisk hälsa hos barn och unga']));
    expect(w.query.corrections).toEqual([{ from: 'wahlstrom', to: ['wahlstrem'] }]);
    const l = await search('Linssamverkan', { types: ['item'] });
    expect(l.results.map((h) => h.title)).toEqual(['Länssamverkan i Västerbotten']);
  });
});

describe('ranking, snippets and paging', () => {
  it('ranks an exact title match above a passing mention, though the mention is newer', async () => {
    const r = await hits('tyngdtäcken', { types: ['item'] });
    expect(r).toEqual(['item:Tyngdtäcken', 'item:Uppföljning av tidigare ärenden']);
  });

  it('sorts by date when asked', async () => {
    const r = await search('tyngdtäcken', { types: ['item'], sort: 'date' });
    expect(r.results.map((h) => h.meeting?.date)).toEqual(['2024-05-20', '2023-03-10']);
    expect(r.sort).toBe('date');
  });

  it('marks the hits in an escaped snippet and title', async () => {
    const r = await search('lifecare', { types: ['item'] });
    expect(r.results[0]).toMatchObject({
      type: 'item',
      title: 'Lifecare',
      titleHtml: '<mark>Lifecare</mark>',
      snippet: '<mark>Lifecare</mark> införs i Lycksele kommun under hösten.',
      meeting: { id: corpus.samrad2024, date: '2024-05-20', status: 'published' },
      item: { number: 21, title: 'Lifecare' },
      body: { name: 'Samråd hälsa, vård och omsorg' },
    });
  });

  it('pages', async () => {
    const all = await search('tyngdtäcken');
    const one = await search('tyngdtäcken', { pageSize: 1, page: 2 });
    expect(one.results).toHaveLength(1);
    expect(one.results[0]).toEqual(all.results[1]);
    expect(one.pages).toBe(all.total);
  });
});

describe('filters and facets', () => {
  it('counts each facet over the matches, and a filter narrows to its count', async () => {
    const r = await search('tyngdtäcken');
    expect(r.total).toBe(2);
    expect(r.approximate).toBe(false);
    expect(r.facets.type).toEqual([{ value: 'item', label: 'item', count: 2 }]);
    expect(r.facets.year).toEqual([{ value: '2024', label: '2024', count: 1 }, { value: '2023', label: '2023', count: 1 }]);
    expect(r.facets.kind).toEqual([{ value: 'decision', label: 'decision', count: 1 }, { value: 'information', label: 'information', count: 1 }]);
    expect(r.facets.hasDecision).toEqual([{ value: 'true', label: 'true', count: 1 }, { value: 'false', label: 'false', count: 1 }]);
    expect(r.facets.body.map((b) => [b.label, b.count])).toEqual([['Länssamverkansgruppen', 1], ['Samråd hälsa, vård och omsorg', 1]]);

    const f = await search('förskrivning');
    expect(f.facets.type).toEqual([
      { value: 'assignment', label: 'assignment', count: 1 }, { value: 'decision', label: 'decision', count: 1 }, { value: 'item', label: 'item', count: 1 },
    ]);
    expect(f.facets.hasAssignment).toEqual([{ value: 'true', label: 'true', count: 3 }]);
    const lycksele = f.facets.huvudman.find((h) => h.label === 'Lycksele kommun');
    expect(lycksele?.count).toBe(1); // the assignment names Lycksele

    const filters: [Partial<SearchParams>, number][] = [[{ year: 2023 }, 1], [{ kind: 'information' }, 1], [{ hasDecision: true }, 1], [{ types: ['decision'] }, 0]];
    for (const [filter, count] of filters) {
      expect((await search('tyngdtäcken', filter)).total).toBe(count);
    }
    const lsg = r.facets.body.find((b) => b.label === 'Länssamverkansgruppen')!;
    expect((await search('tyngdtäcken', { bodyId: Number(lsg.value) })).results.map((h) => h.title)).toEqual(['Tyngdtäcken']);
  });

  it('filters by date range, huvudman named in the text, and person', async () => {
    expect((await hits('lycksele', { from: '2024-01-01', to: '2024-12-31' }))).toEqual(['item:Lifecare']);
    const huvudman = await store.db.selectFrom('huvudman').select('id').where('short_name', '=', 'Lycksele').executeTakeFirstOrThrow();
    const named = await hits('', { huvudmanId: huvudman.id, types: ['item', 'assignment'] });
    expect(named.sort()).toEqual(['assignment:Tyngdtäcken', 'item:Lifecare']);
    const lindahl = await store.db.selectFrom('person').select('id').where('name', '=', 'Katarina Lindahl').executeTakeFirstOrThrow();
    const r = await search('', { personId: lindahl.id, types: ['item'] });
    expect(r.total).toBe(6); // she took part in both published meetings, three items each
  });

  it('with filters and no words, lists by date', async () => {
    const r = await search('', { year: 2024, types: ['item'] });
    expect(r.sort).toBe('date');
    expect(r.results.map((h) => h.item?.number)).toEqual([22, 21, 20]);
  });
});

describe('only what the reader may see', () => {
  it('never shows a draft, its words or its people to an anonymous reader', async () => {
    expect((await search('zebrafinkar')).total).toBe(0);
    expect((await search('Zacharias Hemlig')).total).toBe(0);
    const misspelt = await search('zebrafinkor');
    expect(misspelt.total).toBe(0);
    expect(misspelt.query.corrections).toEqual([]);
    expect((await search('tyngdtäcken')).results.every((h) => h.meeting?.id !== corpus.draft)).toBe(true);
  });

  it('shows drafts to those who may read them', async () => {
    expect((await hits('zebrafinkar', { types: ['item'] }, SYSTEM))).toEqual(['item:Tyngdtäcken och zebrafinkar']);
    const lsg = await store.db.selectFrom('body').select('id').where('slug', '=', 'lsg').executeTakeFirstOrThrow();
    const member: Viewer = { kind: 'account', accountId: 1, personId: null, name: 'Ledamot', admin: false, bodies: { [lsg.id]: 'member' } };
    expect((await search('zebrafinkar', {}, member)).total).toBeGreaterThan(0);
    const other: Viewer = { ...member, bodies: { [lsg.id + 1]: 'member' } };
    expect((await search('zebrafinkar', {}, other)).total).toBe(0);
  });
});

describe('keeping the index current', () => {
  it('finds a protocol as soon as it is stored, follows a re-import, and forgets a deleted meeting', async () => {
    const protocol = parsedProtocol({ date: '2022-01-14', diaryNumber: 'LSG 2022-1', items: [item(1, 'Kvittrande kanariefåglar')], repairs: [] });
    const { meetingId } = await storeImportedProtocol(store.db, protocol, sourceOf('ny', 'ny.txt'));
    expect(await hits('kanariefåglar', { types: ['item'] })).toEqual(['item:Kvittrande kanariefåglar']);
    await storeImportedProtocol(store.db, { ...protocol, items: [item(1, 'Sjungande kanariefåglar')] }, sourceOf('ny', 'ny.txt'));
    expect(await hits('kanariefåglar', { types: ['item'] })).toEqual(['item:Sjungande kanariefåglar']);
    await store.db.updateTable('meeting').set({ status: 'draft' }).where('id', '=', meetingId).execute();
    expect((await search('kanariefåglar')).total).toBe(0);
    await store.db.deleteFrom('meeting').where('id', '=', meetingId).execute();
    const left = await sql<{ n: number }>`select count(*)::int as n from search_doc where meeting_id = ${meetingId}`.execute(store.db);
    expect(left.rows[0]!.n).toBe(0);
  });

  it('indexes a protocol inside the transaction that stores it, and not if it rolls back', async () => {
    await expect(
      store.db.transaction().execute(async (trx) => {
        const m = await trx.insertInto('meeting').values({ title: 'Rullas tillbaka', meeting_date: '2021-01-01', status: 'published', import_warnings: '[]' }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('agenda_item').values({ meeting_id: m.id, position: 0, number: 1, title: 'Flygande elefanter', kind: null, proposal: null, sub_points: '[]' }).execute();
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await search('elefanter')).total).toBe(0);
  });
});

describe('input that is not a plain query', () => {
  it('treats tsquery syntax, SQL and odd Unicode as words or separators', async () => {
    for (const q of ['&|!():*', "tyngdtäcken' or 1=1 --", 'tyngdtäcken & !hälsa', "'; drop table search_doc; --", '"unbalanced quote tyngdtäcken',
      'tyng\u0000dtäcken', '\u202etyngdtäcken\u202c', '🤖 tyngdtäcken 🤖', 'ｔｙｎｇｄｔäｃｋｅｎ', 'x'.repeat(200), 'a:* | b', '\\', '<mark>x</mark>']) {
      const r = await search(q).catch((e: unknown) => {
        expect(e).toBeInstanceOf(EmptySearchError);
        return null;
      });
      if (!r) continue;
      expect(r.total).toBeGreaterThanOrEqual(0);
      for (const h of r.results) expect(h.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    }
    expect((await search("tyngdtäcken' or 1=1 --", { types: ['item'] })).total).toBe(0); // the words "or", "1", "1" must be there too
    expect((await search('"unbalanced quote tyngdtäcken', { types: ['item'] })).total).toBe(0);
    expect((await search('tyngdtäcken"', { types: ['item'] })).total).toBe(2);
  });

  it('refuses a query with no words and no filter', async () => {
    await expect(search('')).rejects.toBeInstanceOf(EmptySearchError);
    await expect(search('&|!():*')).rejects.toBeInstanceOf(EmptySearchError);
  });
});
