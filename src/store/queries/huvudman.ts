import type { Huvudman } from '../../domain/model.js';
import type { Db } from '../db.js';

export async function listHuvudman(db: Db): Promise<Huvudman[]> {
  const rows = await db.selectFrom('huvudman').select(['id', 'name', 'short_name', 'kind']).orderBy('kind', 'desc').orderBy('sort_key').execute();
  const population = await db.selectFrom('huvudman_population').selectAll().orderBy('year').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    population: population.filter((p) => p.huvudman_id === r.id).map((p) => ({ year: p.year, population: p.population })),
  }));
}
