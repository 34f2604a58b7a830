import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { item, parsedProtocol, sourceOf } from '../helpers/protocols.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { getProtocol } from '../../src/store/queries/protocol-read.js';
import { listMeetings, countMeetings } from '../../src/store/queries/meetings.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { ANONYMOUS, SYSTEM } from '../../src/domain/access.js';
import { seedReferenceData } from '../../src/store/queries/reference-data.js';
import { REFERENCE_DIR } from '../helpers/db.js';
import { listHuvudman } from '../../src/store/queries/huvudman.js';
import type { Store } from '../../src/store/db.js';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store?.close();
});

describe('reference data', () => {
  it('seeds the 16 huvudmän with population, and seeding again changes nothing', async () => {
    await seedReferenceData(store.db, REFERENCE_DIR);
    const all = await listHuvudman(store.db);
    expect(all).toHaveLength(16);
    expect(all[0]?.name).toBe('Region Västerbotten');
    // Swedish order among the municipalities: … Vännäs, Åsele last.
    expect(all.at(-1)?.name).toBe('Åsele kommun');
    expect(all.find((h) => h.shortName === 'Umeå')?.population).toEqual([{ year: 2023, population: 131000 }]);
  });

  it('keeps a renamed body’s past names', async () => {
    const [samrad] = await listBodies(store.db, ANONYMOUS, { slug: 'samrad' });
    expect(samrad?.name).toBe('Samråd hälsa, vård och omsorg');
    expect(samrad?.names.map((n) => n.name)).toEqual(['Samråd vård och omsorg', 'Samråd hälsa, vård och omsorg']);
  });
});

describe('storing an imported protocol', () => {
  it('reads back everything the protocol records', async () => {
    const stored = await storeImportedProtocol(store.db, parsedProtocol(), sourceOf('protokoll 1'));
    expect(stored.created).toBe(true);
    const p = await getProtocol(store.db, ANONYMOUS, stored.meetingId);
    expect(p).not.toBeNull();
    expect(p!.bodies).toEqual([expect.objectContaining({ slug: 'lsg', name: 'Länssamverkansgruppen', primary: true })]);
    expect(p!.status).toBe('published');
    expect(p!.origin).toBe('imported');
    expect(p!.items).toEqual({ first: 40, last: 42, count: 3 });
    expect(p!.startTime).toBe('09:00');
    expect(p!.date).toBe('2024-02-23');
    const jens = p!.attendance.present.find((a) => a.name === 'Jens Wennberg');
    expect(jens?.replaces).toBe('Lars Bäckström');
    const moa = p!.attendance.present.find((a) => a.name === 'Moa Brydsten');
    expect([moa?.itemsFrom, moa?.itemsTo]).toEqual([4, 4]);
    const strategy = p!.agenda[1]!;
    expect(strategy.presenters).toEqual([expect.objectContaining({ name: 'Emma Wasara', title: 'strateg' })]);
    expect(strategy.decisions[0]?.clauses).toHaveLength(2);
    expect(strategy.assignments[0]).toMatchObject({ to: 'Beredning barn och unga', status: 'unconfirmed' });
    expect(strategy.assignments[0]?.toBodyId).not.toBeNull();
    expect(p!.signatures[0]).toMatchObject({ name: 'Carin Nilsson', role: 'ordförande', signedAt: '2024-02-26T09:00:00.000Z' });
    expect(p!.nextMeetings[0]).toMatchObject({ dateText: '2024-04-19', date: '2024-04-19' });
    expect(p!.sourceFile?.filename).toBe('test.txt');
  });

  it('re-importing a protocol updates it in place', async () => {
    const before = await countMeetings(store.db);
    const first = await storeImportedProtocol(store.db, parsedProtocol({ date: '2024-04-19' }), sourceOf('protokoll 2'));
    const again = await storeImportedProtocol(
      store.db,
      parsedProtocol({ date: '2024-04-19', place: 'Umeå' }),
      sourceOf('protokoll 2, ny version av filen'),
    );
    expect(again.meetingId).toBe(first.meetingId);
    expect(again.created).toBe(false);
    expect(await countMeetings(store.db)).toBe(before + 1);
    expect((await getProtocol(store.db, ANONYMOUS, first.meetingId))?.place).toBe('Umeå');
  });

  it('matches a protocol without a date by its text, and flags the unknown date', async () => {
    const text = 'ett protokoll utan datum';
    const a = await storeImportedProtocol(store.db, parsedProtocol({ date: null }), sourceOf(text));
    const b = await storeImportedProtocol(store.db, parsedProtocol({ date: null }), sourceOf(text));
    expect(b.meetingId).toBe(a.meetingId);
    const p = await getProtocol(store.db, ANONYMOUS, a.meetingId);
    expect(p?.dateUnknown).toBe(true);
    expect(p?.importWarnings.join(' ')).toMatch(/date/);
  });

  it('resolves a body by its former name and shows the name it had then', async () => {
    const stored = await storeImportedProtocol(
      store.db,
      parsedProtocol({ body: 'Samråd vård och omsorg', date: '2022-03-16' }),
      sourceOf('samråd 2022'),
    );
    const p = await getProtocol(store.db, ANONYMOUS, stored.meetingId);
    expect(p?.bodies[0]?.slug).toBe('samrad');
    expect(p?.bodyNameAtTheTime).toBe('Samråd vård och omsorg');
  });

  it('a protocol that fails to store leaves nothing behind', async () => {
    const before = await countMeetings(store.db);
    const filesBefore = await store.db.selectFrom('source_file').select('id').execute();
    const broken = parsedProtocol({
      date: '2024-09-01',
      items: [item(1, 'Ett'), { ...item(2, 'Två'), kind: 'okänd' as never }],
    });
    await expect(storeImportedProtocol(store.db, broken, sourceOf('trasigt protokoll'))).rejects.toThrow();
    expect(await countMeetings(store.db)).toBe(before);
    expect(await store.db.selectFrom('source_file').select('id').execute()).toHaveLength(filesBefore.length);
    const meetings = await listMeetings(store.db, SYSTEM, {});
    expect(meetings.some((m) => m.date === '2024-09-01')).toBe(false);
  });

  it('a draft is not shown to the public', async () => {
    const stored = await storeImportedProtocol(store.db, parsedProtocol({ date: '2024-10-10' }), sourceOf('utkast'), { draft: true });
    expect(await getProtocol(store.db, ANONYMOUS, stored.meetingId)).toBeNull();
    expect(await getProtocol(store.db, SYSTEM, stored.meetingId)).not.toBeNull();
    const publicList = await listMeetings(store.db, ANONYMOUS, { year: 2024 });
    expect(publicList.some((m) => m.id === stored.meetingId)).toBe(false);
  });

  it('creates a body named by a protocol that is not known yet', async () => {
    const stored = await storeImportedProtocol(store.db, parsedProtocol({ body: 'Referensgrupp äldres hälsa', date: '2023-05-05' }), sourceOf('ny grupp'));
    const p = await getProtocol(store.db, ANONYMOUS, stored.meetingId);
    const [body] = await listBodies(store.db, ANONYMOUS, { id: p!.bodies[0]!.id });
    expect(body).toMatchObject({ name: 'Referensgrupp äldres hälsa', kind: 'referensgrupp', slug: 'referensgrupp-aldres-halsa' });
  });
});
