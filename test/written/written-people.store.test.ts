import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { createAccount } from '../../src/store/queries/accounts.js';
import { createMembership } from '../../src/store/queries/memberships.js';
import { resolvePerson } from '../../src/store/queries/people.js';
import { mergePeople } from '../../src/store/queries/people-duplicates.js';
import { exportPersonData, pseudonymisePerson } from '../../src/store/queries/personal-data.js';
import { answerWrittenQuestion, sendWrittenQuestion } from '../../src/store/queries/written-procedure.js';
import { getWrittenQuestion } from '../../src/store/queries/written-procedure-read.js';
import { writtenProcedureHooks } from '../../src/jobs/written-procedure.js';
import { SYSTEM } from '../../src/domain/access.js';
import type { Store } from '../../src/store/db.js';

// The members asked by written procedure are people like any other: their answers are part of
// what is stored about them, follow them when two records are merged, and lose the name when the
// person is pseudonymised.

let store: Store;
let lsg: number;
let bbu: number;
let samrad: number;

async function member(name: string, bodyId: number): Promise<number> {
  const personId = await resolvePerson(store.db, name);
  await createMembership(store.db, SYSTEM, { personId, bodyId, role: 'ledamot', party: null, organization: null, validFrom: null, validTo: null });
  await createAccount(store.db, SYSTEM, { email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@region.example`, name, passwordHash: null, admin: false, personId });
  return personId;
}

const ask = (bodyId: number, title: string) =>
  sendWrittenQuestion(store.db, SYSTEM, bodyId, { title, proposal: 'Förslag.', clauses: [], rule: 'majority', deadline: new Date(Date.now() + 86_400_000), documents: [] }, writtenProcedureHooks);

beforeAll(async () => {
  store = await openTestStore();
  const bodies = await listBodies(store.db, SYSTEM);
  lsg = bodies.find((b) => b.slug === 'lsg')!.id;
  bbu = bodies.find((b) => b.slug === 'bbu')!.id;
  samrad = bodies.find((b) => b.slug === 'samrad')!.id;
});
afterAll(async () => {
  await store?.close();
});

describe('people asked by written procedure', () => {
  it('finds their answers in the export of what is stored about them', async () => {
    const greta = await member('Greta Gran', lsg);
    const { id } = await ask(lsg, 'remissvar');
    await answerWrittenQuestion(store.db, SYSTEM, id, { personId: greta }, { answer: 'no', comment: 'Nej tack.' }, writtenProcedureHooks);
    const data = await exportPersonData(store.db, greta);
    expect(data!.writtenAnswers).toEqual([expect.objectContaining({ question_id: id, title: 'remissvar', answer: 'no', comment: 'Nej tack.', answered_via: 'signed-in' })]);
  });

  it('moves a duplicate’s answers to the person kept, and refuses a merge of two people asked the same question', async () => {
    const keep = await member('Hans Hall', samrad);
    const dup = await member('Hans Hal', bbu);
    const { id } = await ask(bbu, 'yttrande');
    expect(await mergePeople(store.db, SYSTEM, keep, dup)).toBe(true);
    expect((await getWrittenQuestion(store.db, id))!.recipients.map((r) => r.personId)).toEqual([keep]);

    const jon = await member('Jon Jonsson', bbu);
    const jonDup = await member('Jon Jonson', bbu);
    await ask(bbu, 'fördelning');
    await expect(mergePeople(store.db, SYSTEM, jon, jonDup)).rejects.toThrow('Jon Jonsson och Jon Jonson är båda tillfrågade i samma beslut per capsulam');
  });

  it('takes the name and address off the questions when the person is pseudonymised', async () => {
    const ida = await member('Ida Ideström', lsg);
    const { id } = await ask(lsg, 'samverkansavtal');
    expect(await pseudonymisePerson(store.db, SYSTEM, ida)).toBe(true);
    const asked = (await getWrittenQuestion(store.db, id))!.recipients.find((r) => r.personId === ida)!;
    expect(asked).toMatchObject({ name: `Person ${ida}`, email: '' });
  });
});
