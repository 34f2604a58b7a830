import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { parsedProtocol, participant, sourceOf } from '../helpers/protocols.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { findDuplicatePeople, MergeConflictError, mergePeople } from '../../src/store/queries/people-duplicates.js';
import { resolvePerson } from '../../src/store/queries/people.js';
import { SYSTEM } from '../../src/domain/access.js';
import type { Store } from '../../src/store/db.js';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store?.close();
});

describe('people written two ways', () => {
  it('lists "Eva Stuge" and "Ewa Stuge" for a person to confirm, and does not merge them by itself', async () => {
    const attendance = (name: string) => ({ present: [participant(name, { party: 'm', organization: 'Lycksele kommun' })], absent: [], officials: [] });
    await storeImportedProtocol(store.db, parsedProtocol({ date: '2023-02-01', attendance: attendance('Eva Stuge') }), sourceOf('ett'));
    await storeImportedProtocol(store.db, parsedProtocol({ date: '2023-04-01', attendance: attendance('Ewa Stuge') }), sourceOf('två'));
    const pairs = await findDuplicatePeople(store.db);
    const pair = pairs.find((p) => [p.a.name, p.b.name].sort().join('|') === 'Eva Stuge|Ewa Stuge');
    expect(pair).toBeDefined();
    expect(pair!.a.mentions + pair!.b.mentions).toBe(2);
    expect(pairs.some((p) => [p.a.name, p.b.name].includes('Carin Nilsson'))).toBe(false);
  });

  it('merging moves every mention to the person kept', async () => {
    const eva = await resolvePerson(store.db, 'Eva Stuge');
    const ewa = await resolvePerson(store.db, 'Ewa Stuge');
    expect(await mergePeople(store.db, SYSTEM, eva, ewa)).toBe(true);
    const rows = await store.db.selectFrom('attendance').select(['person_id', 'name']).where('name', 'in', ['Eva Stuge', 'Ewa Stuge']).execute();
    expect(rows.map((r) => r.person_id)).toEqual([eva, eva]);
    expect(rows.map((r) => r.name).sort()).toEqual(['Eva Stuge', 'Ewa Stuge']); // the text keeps its spelling
    expect((await findDuplicatePeople(store.db)).some((p) => p.a.id === ewa || p.b.id === ewa)).toBe(false);
  });

  it('merging moves protocol notes too, and refuses two people who each wrote one on the same item', async () => {
    const attendance = { present: [participant('Nils Åberg'), participant('Nils Åbergh'), participant('Nisse Åberg')], absent: [], officials: [] };
    const { meetingId } = await storeImportedProtocol(store.db, parsedProtocol({ date: '2023-06-01', attendance }), sourceOf('tre'));
    const itemId = (await store.db.selectFrom('agenda_item').select('id').where('meeting_id', '=', meetingId).executeTakeFirstOrThrow()).id;
    const [a, b, c] = await Promise.all(['Nils Åberg', 'Nils Åbergh', 'Nisse Åberg'].map((n) => resolvePerson(store.db, n)));
    const note = (personId: number, name: string) => ({ item_id: itemId, person_id: personId, name, text: 'Vi vill se en uppföljning.' });
    await store.db.insertInto('item_protocol_note').values([note(a!, 'Nils Åberg'), note(b!, 'Nils Åbergh')]).execute();
    await expect(mergePeople(store.db, SYSTEM, a!, b!)).rejects.toBeInstanceOf(MergeConflictError);
    // nothing moved: the transaction was rolled back whole
    expect(await store.db.selectFrom('attendance').select('id').where('person_id', '=', b!).execute()).toHaveLength(1);
    await store.db.deleteFrom('item_protocol_note').where('person_id', '=', a!).execute();
    expect(await mergePeople(store.db, SYSTEM, c!, b!)).toBe(true);
    expect((await store.db.selectFrom('item_protocol_note').select('person_id').execute()).map((r) => r.person_id)).toEqual([c]);
  });
});
