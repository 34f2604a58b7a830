import { receiverHuvudman, type HuvudmanName } from '../../domain/huvudman-match.js';
import type { Db } from '../db.js';

// The huvudman an assignment goes to (assignment.to_huvudman_id), resolved when the minutes or an
// imported protocol are stored: the dashboard and a huvudman's own page count by it.

type Reader = Pick<Db, 'selectFrom'>;

export async function huvudmanNames(db: Reader): Promise<HuvudmanName[]> {
  const rows = await db.selectFrom('huvudman').select(['id', 'name', 'short_name', 'kind']).execute();
  return rows.map((r) => ({ id: r.id, name: r.name, shortName: r.short_name, kind: r.kind }));
}

/** The one huvudman a receiver text names ("Umeå kommun", "Region Västerbotten"), or null. */
export async function receiverHuvudmanId(db: Reader, receiver: string): Promise<number | null> {
  return receiverHuvudman(receiver, await huvudmanNames(db));
}

/** For writing many assignments in one go: the huvudman table read once. */
export async function huvudmanResolver(db: Reader): Promise<(receiver: string) => number | null> {
  const names = await huvudmanNames(db);
  return (receiver) => receiverHuvudman(receiver, names);
}
