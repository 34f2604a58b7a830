import { sql, type CompiledQuery, type RawBuilder } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import type { FacetValue, SearchParams } from './search.js';
import { conditions, matches, run, type Trx } from './search-sql.js';

// Counting and facets of a search (see the design at the top of search.ts): exact for a query the
// fixed block sample finds rare, the sample's counts scaled up for a common one.

/** Up to this many matches, the count and the facets are exact. */
const FACET_CAP = 500;
/** Rows the facet sample reads, about. */
const SAMPLE_ROWS = 800;
/** A query found in this share of the documents (by the sample) is common: its newest matches are found by date. */
const COMMON_FRACTION = 0.03;

type FacetRow = { facet: string; value: string | null; label: string | null; n: number };

/** Person facets are counted over this many of the matches (each match lists everyone present). */
const PERSON_FACET_ROWS = 50;

// One pass over the matches for the scalar facets (grouping sets), one unnest each for the arrays.
const FACET_SQL = (from: RawBuilder<unknown>) => sql<FacetRow>`
  with m as materialized (${from})
  select case when grouping(type) = 0 then 'type' when grouping(year) = 0 then 'year' when grouping(item_kind) = 0 then 'kind'
              when grouping(has_decision) = 0 then 'hasDecision' when grouping(has_assignment) = 0 then 'hasAssignment'
              when grouping(body) = 0 then 'body' else 'total' end as facet,
         coalesce(type, year::text, item_kind, has_decision::text, has_assignment::text, body::text) as value,
         case when grouping(body) = 0 then (select bn.name from body_name bn where bn.body_id = body and not bn.alias order by bn.valid_to desc nulls first, bn.id desc limit 1) end as label,
         count(*)::int as n
  from (select type, year, item_kind, body_ids[1] as body,
               case when type in ('item', 'decision', 'assignment') then has_decision end as has_decision,
               case when type in ('item', 'decision', 'assignment') then has_assignment end as has_assignment from m) x
  group by grouping sets ((), (type), (year), (item_kind), (has_decision), (has_assignment), (body))
  union all (select 'huvudman', h::text, (select hv.name from huvudman hv where hv.id = h), count(*)::int
             from (select unnest(huvudman_ids) as h from m) x group by h order by count(*) desc, h limit 20)
  union all (select 'person', pp::text, (select pe.name from person pe where pe.id = pp), count(*)::int
             from (select unnest(person_ids) as pp from (select person_ids from m limit ${PERSON_FACET_ROWS}) y) x group by pp order by count(*) desc, pp limit 10)`;

export async function countAndFacets(
  trx: Trx, viewer: Viewer, p: SearchParams, q: string | null, tableRows: number, trace: CompiledQuery[] | undefined,
) {
  const cols = sql`d.type, d.year, d.item_kind, d.has_decision, d.has_assignment, d.body_ids, d.huvudman_ids, d.person_ids`;
  const where = sql`${matches(q)} and ${conditions(viewer, p)}`;
  const percent = tableRows > 0 ? Math.min(100, (100 * SAMPLE_ROWS) / tableRows) : 100;
  const sample = () =>
    run<FacetRow>(trx, FACET_SQL(sql`select ${cols} from search_doc d tablesample system (${sql.lit(Number(percent.toFixed(4)))}) repeatable (17) where ${where}`), trace);
  const totalOf = (r: FacetRow[]) => r.find((x) => x.facet === 'total')?.n ?? 0;

  // A fixed sample of the table's blocks first: it says how common the query is, and for a
  // common one it is the answer (estimated). A rare one is then counted exactly, cheaply.
  let rows: FacetRow[] | null = null;
  let sampled: FacetRow[] | null = null;
  let scale = 1;
  if (percent < 100) {
    sampled = await sample();
    const inSample = totalOf(sampled);
    if (inSample >= 20 && inSample * (100 / percent) > 2 * FACET_CAP) {
      rows = sampled;
      scale = 100 / percent;
    }
  }
  let atLeast = false;
  if (rows === null) {
    scale = 1;
    const cap = percent < 100 || tableRows === 0 ? FACET_CAP + 1 : null;
    rows = await run<FacetRow>(trx, FACET_SQL(sql`select ${cols} from search_doc d where ${where} ${cap === null ? sql`` : sql`limit ${cap}`}`), trace);
    if (cap !== null && totalOf(rows) >= cap) {
      if (sampled) {
        rows = sampled;
        scale = 100 / percent;
      } else {
        atLeast = true; // no statistics yet: "more than FACET_CAP", facets over the first ones
      }
    }
  }
  const common = tableRows > 0 && totalOf(rows) * scale >= COMMON_FRACTION * tableRows;
  const approximate = scale !== 1 || atLeast;
  const est = (n: number) => (scale === 1 ? n : Math.max(1, Math.round((n * scale) / 10) * 10));
  const total = Math.max(approximate ? FACET_CAP + 1 : 0, est(rows.find((r) => r.facet === 'total')?.n ?? 0));
  const facet = (name: string): FacetValue[] =>
    rows.filter((r) => r.facet === name && r.value !== null).map((r) => ({ value: r.value!, label: r.label ?? r.value!, count: est(r.n) }));
  const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || a.label.localeCompare(b.label, 'sv');
  const trueFirst = (a: FacetValue, b: FacetValue) => (a.value === b.value ? 0 : a.value === 'true' ? -1 : 1);
  return {
    total,
    approximate,
    common,
    facets: {
      type: facet('type').sort(byCount),
      body: facet('body').sort(byCount).slice(0, 30),
      year: facet('year').sort((a, b) => Number(b.value) - Number(a.value)),
      kind: facet('kind').sort(byCount),
      hasDecision: facet('hasDecision').sort(trueFirst),
      hasAssignment: facet('hasAssignment').sort(trueFirst),
      huvudman: facet('huvudman').sort(byCount),
      person: facet('person').sort(byCount),
    },
  };
}
