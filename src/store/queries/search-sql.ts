import { sql, type CompiledQuery, type RawBuilder, type Transaction } from 'kysely';
import { draftAccess, readableStatuses, type Viewer } from '../../domain/access.js';
import type { Database } from '../schema.js';
import type { SearchParams } from './search.js';

// The pieces every statement of a search shares (search.ts, search-facets.ts): how a statement is
// run and traced, the reader's access and the filters, and the text match.

export type Trx = Transaction<Database>;

export async function run<R>(trx: Trx, query: RawBuilder<R>, trace: CompiledQuery[] | undefined): Promise<R[]> {
  const compiled = query.compile(trx);
  trace?.push(compiled);
  return (await trx.executeQuery<R>(compiled)).rows;
}

export /** The filter and access conditions on search_doc d. */
function conditions(viewer: Viewer, p: SearchParams): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [];
  const access = draftAccess(viewer);
  if (!('all' in access)) {
    const statuses = readableStatuses(viewer);
    parts.push(
      access.bodyIds.length
        ? sql<boolean>`(d.status = any(${statuses}::text[]) or d.body_ids && ${access.bodyIds}::int[])`
        : sql<boolean>`d.status = any(${statuses}::text[])`,
    );
  }
  if (p.types?.length) parts.push(sql<boolean>`d.type = any(${p.types}::text[])`);
  if (p.bodyId !== undefined) parts.push(sql<boolean>`d.body_ids @> array[${p.bodyId}::int]`);
  if (p.year !== undefined) parts.push(sql<boolean>`d.year = ${p.year}::int`);
  if (p.from !== undefined) parts.push(sql<boolean>`d.meeting_date >= ${p.from}::date`);
  if (p.to !== undefined) parts.push(sql<boolean>`d.meeting_date <= ${p.to}::date`);
  if (p.kind !== undefined) parts.push(sql<boolean>`d.item_kind = ${p.kind}`);
  if (p.hasDecision !== undefined) parts.push(sql<boolean>`d.has_decision = ${p.hasDecision}`);
  if (p.hasAssignment !== undefined) parts.push(sql<boolean>`d.has_assignment = ${p.hasAssignment}`);
  if (p.huvudmanId !== undefined) parts.push(sql<boolean>`d.huvudman_ids @> array[${p.huvudmanId}::int]`);
  if (p.personId !== undefined) parts.push(sql<boolean>`d.person_ids @> array[${p.personId}::int]`);
  if (parts.length === 0) return sql<boolean>`true`;
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

export function matches(q: string | null, column: 'tsv' | 'title_tsv' = 'tsv'): RawBuilder<boolean> {
  return q === null ? sql<boolean>`true` : sql<boolean>`d.${sql.ref(column)} @@ ${q}::tsquery`;
}
