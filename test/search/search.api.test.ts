import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { createApp } from '../../src/api/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { routeTable } from '../../src/api/route.js';
import type { Store } from '../../src/store/db.js';
import { loadCorpus, type Corpus } from './corpus.js';

let store: Store;
let app: ReturnType<typeof testApp>;
let corpus: Corpus;

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store);
  corpus = await loadCorpus(store);
});
afterAll(async () => {
  await store?.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- responses are checked by value below
type Json = any;
const get = async (query: string) => {
  const res = await app.request(`/api/search?${query}`);
  return { status: res.status, body: (await res.json()) as Json };
};
const q = (s: string) => `q=${encodeURIComponent(s)}`;

describe('GET /api/search', () => {
  it('is a public route', () => {
    expect(routeTable).toContainEqual({ method: 'get', path: '/api/search', permission: 'public' });
  });

  it('answers with ranked results, highlighted snippets, facets and paging', async () => {
    const { status, body } = await get(`${q('tyngdtäcken')}&type=item`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 2, approximate: false, page: 1, pageSize: 20, pages: 1, sort: 'relevance' });
    expect(body.results.map((r: Json) => [r.title, r.meeting.date])).toEqual([['Tyngdtäcken', '2023-03-10'], ['Uppföljning av tidigare ärenden', '2024-05-20']]);
    expect(body.results[1].snippet).toContain('<mark>tyngdtäcken</mark>');
    expect(body.facets.year).toEqual([{ value: '2024', label: '2024', count: 1 }, { value: '2023', label: '2023', count: 1 }]);
  });

  it('applies every filter', async () => {
    const lsg = (await get(q('tyngdtäcken'))).body.facets.body.find((b: Json) => b.label === 'Länssamverkansgruppen').value;
    expect((await get(`${q('tyngdtäcken')}&body=${lsg}`)).body.total).toBe(1);
    expect((await get(`${q('tyngdtäcken')}&year=2024`)).body.total).toBe(1);
    expect((await get(`${q('tyngdtäcken')}&from=2024-01-01&to=2024-12-31`)).body.total).toBe(1);
    expect((await get(`${q('tyngdtäcken')}&kind=decision`)).body.total).toBe(1);
    expect((await get(`${q('tyngdtäcken')}&hasDecision=false`)).body.total).toBe(1);
    expect((await get(`${q('förskrivning')}&hasAssignment=true&type=assignment`)).body.total).toBe(1);
    expect((await get(`${q('tyngdtäcken')}&sort=date`)).body.results[0].meeting.date).toBe('2024-05-20');
    expect((await get(`${q('tyngdtäcken')}&page=2&pageSize=1`)).body.results).toHaveLength(1);
    const huvudman = (await get(q('förskrivning'))).body.facets.huvudman[0].value;
    expect((await get(`huvudman=${huvudman}&type=assignment`)).body.total).toBe(1);
    const person = (await get(q('Lindahl'))).body.results.find((r: Json) => r.type === 'person').id;
    expect((await get(`person=${person}&type=item&year=2024`)).body.total).toBe(3);
  });

  it('never shows a draft to an anonymous reader', async () => {
    const { body } = await get(q('zebrafinkar'));
    expect(body.total).toBe(0);
    expect(JSON.stringify(await get(`${q('tyngdtäcken')}&pageSize=50`))).not.toContain(`"id":${corpus.draft},`);
  });

  it('answers bad input with 200 or a 400 that says why, never 500', async () => {
    const cases: [string, number][] = [
      ['', 400],
      [q(''), 400],
      [q('   '), 400],
      [q('&|!():*'), 400],
      [q('x'.repeat(10 * 1024)), 400],
      [q('"unbalanced quote'), 200],
      [q('tyngdtäcken & !(hälsa | vård):*'), 200],
      [q("'; drop table search_doc; --"), 200],
      [q("1' or '1'='1"), 200],
      [q('\u202e\u0000🤖 tyngdtäcken ｔｅｓｔ \uFEFF'), 200],
      ['q=%ED%A0%80tyngd', 200], // a lone surrogate, percent-encoded
      ['q=%FF%FE', 200], // not UTF-8: read as the characters it is
      [`${q('a')}&year=tjugo`, 400],
      [`${q('a')}&from=2024-13-45`, 400],
      [`${q('a')}&from=2024-05-01&to=2024-01-01`, 400],
      [`${q('a')}&type=item,hemlig`, 400],
      [`${q('a')}&kind=annat`, 400],
      [`${q('a')}&hasDecision=kanske`, 400],
      [`${q('a')}&page=0`, 400],
      [`${q('a')}&pageSize=1000`, 400],
      [`${q('a')}&body=-1`, 400],
      [`${q('a')}&person=99999999999`, 400],
      [`${q('a')}&sort=random`, 400],
      [`${q('a')}&page=100`, 200],
    ];
    for (const [query, expected] of cases) {
      const { status, body } = await get(query);
      expect({ query: query.slice(0, 60), status }).toEqual({ query: query.slice(0, 60), status: expected });
      if (status === 400) {
        expect(body.error.code).toMatch(/^(invalid_request|empty_query|bad_request)$/);
        expect(body.error.message.length).toBeGreaterThan(5);
      }
    }
    expect((await get(q('x'.repeat(10 * 1024)))).body.error.message).toContain('q');
    expect((await get(q(''))).body.error).toEqual({ code: 'empty_query', message: 'Skriv något att söka efter, eller välj ett filter.' });
  });

  it('answers a search that runs out of time with 503 JSON', async () => {
    const timedOut = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    const failing = {
      ...store,
      db: { transaction: () => ({ execute: async () => Promise.reject(timedOut) }) },
    } as unknown as Store;
    const slow = createApp({ store: failing, log: createLogger('silent'), config: loadConfig({}) });
    const res = await slow.request(`/api/search?${q('kommunerna')}`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { code: 'search_timeout', message: expect.stringContaining('för lång tid') } });
  });
});
