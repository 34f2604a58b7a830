import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { openTestStore } from '../helpers/db.js';
import { parsedProtocol, sourceOf } from '../helpers/protocols.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { linkAssignmentHuvudmän } from '../../src/store/migrations/0015-immediate-justering.js';
import type { Store } from '../../src/store/db.js';

// Assignments stored before their receiver was resolved get their huvudman when the database is
// migrated (0015): "Umeå kommun" is linked, "kommunerna" and bodies are not, a link stays.

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store?.close();
});

it('links the assignments of older rows to the one huvudman their receiver names', async () => {
  const { meetingId } = await storeImportedProtocol(store.db, parsedProtocol(), sourceOf('äldre protokoll'));
  const itemId = (await store.db.selectFrom('agenda_item').select('id').where('meeting_id', '=', meetingId).where('number', '=', 41).executeTakeFirstOrThrow()).id;
  const umea = (await store.db.selectFrom('huvudman').select('id').where('name', '=', 'Umeå kommun').executeTakeFirstOrThrow()).id;
  const skelleftea = (await store.db.selectFrom('huvudman').select('id').where('name', '=', 'Skellefteå kommun').executeTakeFirstOrThrow()).id;
  // As rows looked before anything wrote to_huvudman_id.
  await store.db.updateTable('assignment').set({ to_huvudman_id: null }).execute();
  const rows = ['Umeå kommun', 'kommunerna', 'Skellefteå', 'Region Västerbotten'].map((to, i) => ({ item_id: itemId, position: 10 + i, to_text: to, task: 'redovisa', status: 'open' as const }));
  await store.db.insertInto('assignment').values(rows).execute();
  await store.db.updateTable('assignment').set({ to_huvudman_id: umea }).where('to_text', '=', 'Region Västerbotten').execute(); // linked by hand: kept

  await linkAssignmentHuvudmän(store.db as unknown as Kysely<unknown>);

  const after = await store.db.selectFrom('assignment').select(['to_text', 'to_huvudman_id']).where('item_id', '=', itemId).orderBy('position').execute();
  expect(after).toEqual([
    { to_text: 'Beredning barn och unga', to_huvudman_id: null },
    { to_text: 'Umeå kommun', to_huvudman_id: umea },
    { to_text: 'kommunerna', to_huvudman_id: null },
    { to_text: 'Skellefteå', to_huvudman_id: skelleftea },
    { to_text: 'Region Västerbotten', to_huvudman_id: umea },
  ]);
});
