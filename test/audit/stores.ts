import { Migrator, type Kysely, type Migration } from 'kysely';
import type { Store } from '../../src/store/db.js';
import * as m0001 from '../../src/store/migrations/0001-foundation.js';
import * as m0002 from '../../src/store/migrations/0002-search.js';
import * as m0003 from '../../src/store/migrations/0003-accounts.js';
import * as m0004 from '../../src/store/migrations/0004-import-uploads.js';
import * as m0005 from '../../src/store/migrations/0005-meeting-work.js';
import * as m0006 from '../../src/store/migrations/0006-follow-up.js';
import { openTestStore } from '../helpers/db.js';

// A database as it was before the audit chain (migrations up to 0006), on the engine of the suite,
// so that the chain migration can be run over entries written the old way.

const BEFORE_CHAIN: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-search': m0002,
  '0003-accounts': m0003,
  '0004-import-uploads': m0004,
  '0005-meeting-work': m0005,
  '0006-follow-up': m0006,
};

export async function openStoreBeforeChain(): Promise<Store> {
  const store = await openTestStore({ migrate: false });
  const { error } = await new Migrator({ db: store.db as Kysely<unknown>, provider: { getMigrations: async () => BEFORE_CHAIN } }).migrateToLatest();
  if (error) throw error;
  return store;
}
