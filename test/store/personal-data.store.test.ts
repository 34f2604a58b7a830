import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { parsedProtocol, participant, sourceOf } from '../helpers/protocols.js';
import { storeImportedProtocol, toDraft } from '../../src/importer/store-protocol.js';
import { writeProtocol } from '../../src/store/queries/protocol-write.js';
import { findBodyByName } from '../../src/store/queries/bodies.js';
import { exportPersonData, pseudonymisePerson, PublicRecordError } from '../../src/store/queries/personal-data.js';
import { resolvePerson } from '../../src/store/queries/people.js';
import { SYSTEM } from '../../src/domain/access.js';
import { listAudit } from '../../src/store/queries/audit.js';
import type { Store } from '../../src/store/db.js';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store?.close();
});

describe('personal data', () => {
  it('exports everything stored about a person', async () => {
    await storeImportedProtocol(store.db, parsedProtocol(), sourceOf('med Jens'));
    const jens = await resolvePerson(store.db, 'Jens Wennberg');
    const data = await exportPersonData(store.db, jens);
    expect(data?.person.name).toBe('Jens Wennberg');
    expect(data?.attendance).toEqual([expect.objectContaining({ list: 'present', replaces_name: 'Lars Bäckström' })]);
  });

  it('refuses to pseudonymise someone named in a published protocol, which is a public record', async () => {
    const jens = await resolvePerson(store.db, 'Jens Wennberg');
    await expect(pseudonymisePerson(store.db, SYSTEM, jens)).rejects.toBeInstanceOf(PublicRecordError);
    expect((await exportPersonData(store.db, jens))?.person.name).toBe('Jens Wennberg');
  });

  it('pseudonymises someone who appears only in drafts, everywhere, and logs that it happened', async () => {
    // A draft made in Samverka (an imported protocol was signed elsewhere and counts as a public record).
    const draft = toDraft(parsedProtocol({ date: '2024-11-11', attendance: { present: [participant('Hemlig Person', { party: 's' })], absent: [], officials: [] } }));
    const lsg = (await findBodyByName(store.db, 'Länssamverkansgruppen'))!;
    const meetingId = await store.db.transaction().execute((trx) =>
      writeProtocol(trx, null, { status: 'draft', origin: 'native', sourceFileId: null, contentHash: null, warnings: [], bodyIds: [lsg] }, draft),
    );
    const id = await resolvePerson(store.db, 'Hemlig Person');
    expect(await pseudonymisePerson(store.db, SYSTEM, id)).toBe(true);
    const data = await exportPersonData(store.db, id);
    expect(data?.person.name).toBe(`Person ${id}`);
    const names = await store.db.selectFrom('attendance').select('name').where('meeting_id', '=', meetingId).execute();
    expect(names.map((n) => n.name)).toEqual([`Person ${id}`]);
    const [entry] = await listAudit(store.db, { limit: 1 });
    expect(entry).toMatchObject({ action: 'person.pseudonymise', entityId: String(id) });
    expect(JSON.stringify(entry)).not.toContain('Hemlig');
  });
});
