import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-search.js';
import * as m0003 from './migrations/0003-accounts.js';
import * as m0004 from './migrations/0004-import-uploads.js';
import * as m0005 from './migrations/0005-meeting-work.js';
import * as m0006 from './migrations/0006-follow-up.js';
import * as m0007 from './migrations/0007-audit-chain.js';
import * as m0008 from './migrations/0008-jobs.js';
import * as m0009 from './migrations/0009-justering.js';
import * as m0010 from './migrations/0010-publication.js';
import * as m0011 from './migrations/0011-votes.js';
import * as m0012 from './migrations/0012-written-procedure.js';
import * as m0013 from './migrations/0013-expedition.js';
import * as m0014 from './migrations/0014-case-planning.js';
import * as m0015 from './migrations/0015-immediate-justering.js';
import * as m0016 from './migrations/0016-faster-search-refresh.js';

// Migrations are listed here rather than read from the folder, so that they run the same under
// tsx, in a bundle and in tests. Names sort in the order they must run.
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-search': m0002,
  '0003-accounts': m0003,
  '0004-import-uploads': m0004,
  '0005-meeting-work': m0005,
  '0006-follow-up': m0006,
  '0007-audit-chain': m0007,
  '0008-jobs': m0008,
  '0009-justering': m0009,
  '0010-publication': m0010,
  '0011-votes': m0011,
  '0012-written-procedure': m0012,
  '0013-expedition': m0013,
  '0014-case-planning': m0014,
  '0015-immediate-justering': m0015,
  '0016-faster-search-refresh': m0016,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${(error as Error).message ?? error}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
