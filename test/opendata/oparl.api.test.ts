import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { signedIn, type Json } from '../helpers/client.js';
import type { Store } from '../../src/store/db.js';
import { buildFixture, SECRET, type OpenDataFixture } from './fixture.js';
import { crawl, type Crawl } from './crawl.js';
import { oparlProblems, officialTypes } from './validate.js';

// The open-data API (OParl 1.1) as a harvester sees it: everything reachable from the entry point
// is valid OParl and published data only, at stable absolute URLs, in pages, open to other sites.

const ORIGIN = 'https://data.example.se';
const O = `${ORIGIN}/oparl/v1`;
const T = 'https://schema.oparl.org/1.1/';

let store: Store;
let app: ReturnType<typeof testApp>;
let f: OpenDataFixture;
let web: Crawl;

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await app.request(url.startsWith('http') ? url : `${ORIGIN}${url}`, { headers });
  const body: Json = (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : await res.text();
  return { status: res.status, body, headers: res.headers };
}
const object = (url: string) => web.objects.get(url) ?? null;
const ofType = (type: string) => [...web.objects.values()].filter((o) => o.type === `${T}${type}`);

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store);
  f = await buildFixture(store);
  web = await crawl(get, `${O}/system`);
});
afterAll(async () => {
  await store?.close();
});

describe('the entry point', () => {
  it('is a System object that leads to the one Body, with URLs on the origin the client used', async () => {
    const res = await get('/oparl/v1/system');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: `${O}/system`, type: `${T}System`, oparlVersion: T, body: `${O}/body` });
    const elsewhere = await get('http://intern.region.se:3000/oparl/v1/system');
    expect(elsewhere.body.id).toBe('http://intern.region.se:3000/oparl/v1/system');
    const body = await get('/oparl/v1/body/samverkan');
    expect(body.body).toMatchObject({ name: 'Region Västerbotten och 15 kommuner i samverkan', meeting: `${O}/body/samverkan/meeting`, legislativeTerm: [] });
  });
});

describe('everything reachable from the entry point', () => {
  it('answers at every URL it hands out', () => {
    expect(web.failures).toEqual([]);
    expect(web.responses.size).toBeGreaterThan(30);
  });

  it('validates against the official OParl 1.1 schemas and our zod schemas, embedded objects included', () => {
    expect(officialTypes()).toHaveLength(12);
    const problems = [...web.responses].flatMap(([url, body]) => oparlProblems(body).map((p) => `${url}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('serves every kind of object the mapping defines', () => {
    for (const type of ['System', 'Body', 'Organization', 'Person', 'Membership', 'Meeting', 'AgendaItem', 'Paper', 'Consultation', 'File', 'Location']) {
      expect(ofType(type).length, type).toBeGreaterThan(0);
    }
  });

  it('holds nothing from a draft and no one who appears only in drafts or was pseudonymised', () => {
    const everything = JSON.stringify([...web.responses.values()]);
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain('Per Pseudonym');
    expect(everything).not.toContain(`/meeting/${f.draft}"`);
    expect(everything).not.toContain(`/person/${f.draftOnlyPersonId}"`);
    expect(everything).not.toContain(`/person/${f.pseudonymisedPersonId}"`);
  });
});

describe('a published meeting', () => {
  it('is held ("durchgeführt"), at its time in Swedish time, with its organ, place and participants', () => {
    const m = object(`${O}/meeting/${f.published}`);
    expect(m).toMatchObject({
      meetingState: 'durchgeführt',
      cancelled: false,
      start: '2024-02-23T09:00:00+01:00',
      end: '2024-02-23T12:00:00+01:00',
      location: { id: `${O}/location/${f.published}`, description: 'Teams' },
      organization: [`${O}/organization/${f.lsgId}`],
      'samverka:date': '2024-02-23',
      web: `${ORIGIN}/moten/${f.published}`,
    });
    const names = m.participant.map((u: string) => object(u)?.name);
    expect(names).toEqual(['Carin Nilsson', 'Jens Wennberg', 'Moa Brydsten', 'Katarina Lindahl']); // present and officials; not the absent
  });

  it('lists its items in order with their numbers as text and decisions as resolution text', () => {
    const items = object(`${O}/meeting/${f.published}`).agendaItem;
    expect(items.map((i: Json) => i.number)).toEqual(['40', '41', '42']);
    const strategy = items[1];
    expect(strategy).toMatchObject({
      id: `${O}/agendaItem/${f.caseItemId}`,
      name: 'Regionala strategin för suicidprevention',
      public: true,
      consultation: `${O}/consultation/${f.caseItemId}`,
      resolutionText: 'Länssamverkansgruppen beslutade att anta strategin att uppdra till Beredning barn och unga att följa implementeringen.',
      'samverka:kind': 'decision',
      'samverka:assignments': [{ to: 'Beredning barn och unga', status: 'unconfirmed' }],
    });
    expect(items[2].consultation).toBeUndefined(); // no decision: not a case
  });

  it('links its protocol, notice, imported original and documents to Samverka’s download routes', async () => {
    const m = object(`${O}/meeting/${f.published}`);
    expect(m.resultsProtocol).toMatchObject({ accessUrl: `${ORIGIN}/api/meetings/${f.published}/protocol.pdf`, mimeType: 'application/pdf' });
    expect(m.invitation).toMatchObject({ accessUrl: `${ORIGIN}/api/meetings/${f.published}/notice.pdf` });
    expect(m.auxiliaryFile[0]).toMatchObject({ id: `${O}/file/source/${f.published}`, downloadUrl: `${ORIGIN}/api/meetings/${f.published}/source`, fileName: 'test.txt' });
    const doc = object(`${O}/file/document/${f.documentId}`);
    expect(doc).toMatchObject({ accessUrl: `${ORIGIN}/api/documents/${f.documentId}`, size: 17, agendaItem: [`${O}/agendaItem/${f.caseItemId}`], paper: [`${O}/paper/${f.caseItemId}`] });
    for (const url of [m.auxiliaryFile[0].downloadUrl, doc.downloadUrl]) expect((await get(url)).status, url).toBe(200);
  });
});

describe('a planned meeting', () => {
  it('is listed as scheduled ("terminiert") with date, time and place, and nothing prepared for it', () => {
    const m = object(`${O}/meeting/${f.planned}`);
    expect(m).toMatchObject({ meetingState: 'terminiert', start: '2024-09-20T09:00:00+02:00', 'samverka:status': 'planned' });
    for (const key of ['agendaItem', 'participant', 'resultsProtocol', 'invitation']) expect(m[key], key).toBeUndefined();
  });
});

describe('a draft', () => {
  it('is not there: its meeting, items, case and the people only it names answer 404', async () => {
    for (const url of [`/oparl/v1/meeting/${f.draft}`, `/oparl/v1/agendaItem/${f.draftItemId}`, `/oparl/v1/paper/${f.draftItemId}`,
      `/oparl/v1/consultation/${f.draftItemId}`, `/oparl/v1/person/${f.draftOnlyPersonId}`, `/oparl/v1/file/protocol/${f.draft}`,
      `/oparl/v1/file/source/${f.draft}`, `/oparl/v1/location/${f.draft}`]) {
      expect((await get(url)).status, url).toBe(404);
    }
  });

  it('stays out even for a member of its body who is signed in', async () => {
    const member = await signedIn(store, app, { email: 'ledamot@example.se', memberships: [{ bodyId: f.lsgId, role: 'ledamot' }] });
    expect((await member.get(`/api/meetings/${f.draft}`)).status).toBe(200);
    expect((await member.get(`/oparl/v1/meeting/${f.draft}`)).status).toBe(404);
    expect(JSON.stringify((await member.get('/oparl/v1/body/samverkan/meeting')).body)).not.toContain(SECRET);
  });
});

describe('cases (Paper) and their treatment (Consultation)', () => {
  it('make a decided item a case of its organ, linked to the case another organ took up', () => {
    const paper = object(`${O}/paper/${f.caseItemId}`);
    expect(paper).toMatchObject({
      name: 'Regionala strategin för suicidprevention',
      reference: 'LSG 2024 § 41',
      date: '2024-02-23',
      paperType: 'Beslutsärende',
      underDirectionOf: [`${O}/organization/${f.lsgId}`],
      relatedPaper: [`${O}/paper/${f.referredItemId}`],
      consultation: [{ id: `${O}/consultation/${f.caseItemId}`, agendaItem: `${O}/agendaItem/${f.caseItemId}`, meeting: `${O}/meeting/${f.published}`, authoritative: true, role: 'Beslut' }],
      web: `${ORIGIN}/arenden/${f.caseItemId}`,
    });
    expect(object(`${O}/paper/${f.referredItemId}`).relatedPaper).toEqual([`${O}/paper/${f.caseItemId}`]);
    expect(object(`${O}/consultation/${f.referredItemId}`).organization).toEqual([`${O}/organization/${f.samradId}`]);
  });
});

describe('organisations and people', () => {
  it('give each organ as a Gremium under its parent, and each huvudman as an Institution', async () => {
    const all = (await get('/oparl/v1/body/samverkan/organization?limit=200')).body.data as Json[];
    expect(all.filter((o) => o.organizationType === 'Gremium').length).toBe(7);
    expect(all.filter((o) => o.organizationType === 'Institution').length).toBe(16);
    expect(all.find((o) => o.id === `${O}/organization/${f.bbuId}`)).toMatchObject({ name: 'Beredning barn och unga', classification: 'Beredning', subOrganizationOf: `${O}/organization/${f.lsgId}` });
    expect(all.find((o) => o.name === 'Region Västerbotten')).toMatchObject({ classification: 'Region', shortName: 'RV' });
  });

  it('give a public person their memberships, on behalf of the huvudman they sit for, and no contact details', () => {
    const carin = object(`${O}/person/${f.publicPersonId}`);
    expect(carin).toMatchObject({ name: 'Carin Nilsson', 'samverka:party': 's', 'samverka:organization': 'Umeå kommun' });
    expect(carin.membership).toEqual([
      expect.objectContaining({ organization: `${O}/organization/${f.lsgId}`, role: 'ordförande', votingRight: true, startDate: '2023-01-01', onBehalfOf: expect.stringMatching(/\/huvudman\/\d+$/) }),
    ]);
    expect(object(carin.membership[0].onBehalfOf).name).toBe('Umeå kommun');
    expect(object(`${O}/organization/${f.lsgId}`).membership).toEqual([carin.membership[0].id]);
  });
});

describe('lists', () => {
  it('come in pages whose links keep the filters, in a stable order', async () => {
    const first = await get('/oparl/v1/body/samverkan/meeting?limit=1&modified_since=2000-01-01T00%3A00%3A00%2B01%3A00');
    expect(first.body.pagination).toEqual({ totalElements: 3, elementsPerPage: 1, currentPage: 1, totalPages: 3 });
    expect(first.body.links.prev).toBeUndefined();
    const ids: string[] = [first.body.data[0].id];
    let page = first.body;
    while (page.links.next) {
      expect(page.links.next).toContain('modified_since=');
      page = (await get(page.links.next)).body;
      ids.push(page.data[0].id);
    }
    expect(ids).toEqual([f.published, f.referred, f.planned].sort((a, b) => a - b).map((id) => `${O}/meeting/${id}`));
    expect(page.links.last).toBe(page.links.self);
  });

  it('filter by creation and modification time', async () => {
    expect((await get('/oparl/v1/body/samverkan/paper?created_since=2999-01-01T00:00:00Z')).body.data).toEqual([]);
    // an unencoded "+" arrives as a space: still understood
    expect((await get('/oparl/v1/body/samverkan/paper?created_until=2999-01-01T00:00:00+01:00')).body.pagination.totalElements).toBe(3);
    expect((await get('/oparl/v1/body/samverkan/membership?modified_since=2000-01-01T00:00:00Z')).body.data).toEqual([]); // no times: not claimed
  });

  it('cap the page size and refuse what is not a number or a date-time', async () => {
    expect((await get('/oparl/v1/body/samverkan/organization?limit=5000')).body.pagination.elementsPerPage).toBe(200);
    for (const q of ['limit=abc', 'page=0', 'created_since=yesterday', 'modified_until=2024-13-01T00:00:00Z']) {
      const res = await get(`/oparl/v1/body/samverkan/meeting?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
    }
  });

  it('answer an empty page beyond the last one', async () => {
    const res = await get('/oparl/v1/body/samverkan/person?page=99');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
    expect(res.body.links.next).toBeUndefined();
  });
});

describe('cross-origin use', () => {
  it('is allowed for any site, on objects, lists, errors and preflights, and only under /oparl', async () => {
    for (const url of ['/oparl/v1/system', '/oparl/v1/body/samverkan/meeting', '/oparl/v1/meeting/987654', '/oparl/v1/nothing-here']) {
      const res = await get(url, { origin: 'https://annan.example.org' });
      expect(res.headers.get('access-control-allow-origin'), url).toBe('*');
    }
    const preflight = await app.request(`${ORIGIN}/oparl/v1/system`, { method: 'OPTIONS', headers: { origin: 'https://annan.example.org', 'access-control-request-method': 'GET' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
    expect((await get('/api/meetings', { origin: 'https://annan.example.org' })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers an unknown address under /oparl with a JSON 404, not the web app', async () => {
    for (const url of ['/oparl/v1/nothing-here', '/oparl/v1/file/../..', '/oparl', '/oparl/v2/system']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.body.error.code, url).toBe('not_found');
      expect(res.headers.get('access-control-allow-origin'), url).toBe('*');
    }
  });
});

describe('the API description', () => {
  it('documents the OParl routes in the OpenAPI document', async () => {
    const res = await get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/oparl/v1/system', '/oparl/v1/meeting/{id}', '/oparl/v1/file/{kind}/{id}']));
  });
});
