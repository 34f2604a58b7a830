/**
 * Search over protocols, decisions, assignments, people, bodies and attached documents.
 *
 * Design (measured in bench/RESULTS.md):
 *
 * - Index. search_doc (migration 0002-search) holds one row per searchable unit with a tsvector
 *   in the samverka_sv configuration (unaccent, then the Swedish stemmer; title weight A,
 *   decisions and assignments B, text C), a second small tsvector of the title alone, and the
 *   filter columns (status, bodies, date/year, item kind, has decision/assignment, huvudmän,
 *   people). Triggers keep it in step with every write, inside the writing transaction.
 *
 * - Top-k without ranking every match. Ranking all matches of a common word (ts_rank reads and
 *   scores every matching row: 168,000 rows for "kommunerna" at 200,000 items) is what makes the
 *   naive query take a second. Here only a bounded candidate set is ranked:
 *   1. A fixed block sample of the table (TABLESAMPLE SYSTEM … REPEATABLE, about SAMPLE_ROWS
 *      rows whatever the size) first tells how common the query is — measured, not the planner's
 *      guess, which multiplies the frequencies of words that in fact occur together and is then
 *      off by a factor of 20.
 *   2. A common query (≥ COMMON_FRACTION of the documents): its K newest matches, by walking the
 *      date index and testing each row (ts_match_vq, the function behind @@, so that the planner
 *      cannot choose to fetch and sort all matches from the GIN index instead); it meets K matches
 *      within about K / COMMON_FRACTION rows. Recency is the static score that orders a common
 *      word's matches beyond the first K — a deliberate choice for an archive of decisions, where
 *      the newer decision usually supersedes the older.
 *   3. Otherwise the first K matches from the GIN index and the first K title matches from a
 *      second, small GIN index on the title alone (so that an item whose title is the query is a
 *      candidate however many passing mentions there are). When a query has at most K matches —
 *      every rare word — all are candidates and the ranking is exact.
 *   4. The ≤ 2K candidates are ranked with ts_rank (title A, decisions B, text C, length-
 *      normalised), exact words above their variants, then newest first.
 *
 * - Counting and facets (search-facets.ts, with SAMPLE_ROWS, FACET_CAP and COMMON_FRACTION). Exact (one pass with grouping sets over at most FACET_CAP + 1 matches)
 *   for a query the sample finds rare; for a common one, the counts of the sample scaled up, and
 *   the answer says `approximate: true` (the UI writes "cirka"). The person facet is counted over
 *   the first PERSON_FACET_ROWS matches (each match lists everyone present: counting them all
 *   would cost more than the rest of the search).
 *
 * - Words. The query is parsed in src/domain/search.ts into words and phrases (letters and
 *   digits only: tsquery syntax cannot get through) and turned into a tsquery from the lexemes the
 *   database itself makes of them. The last word, while it is being typed, is a prefix
 *   (`'suicidprev':*`). A long word is widened to the indexed words that begin like it and are
 *   trigram-similar to it (search_word), which finds Swedish compounds and inflections the stemmer
 *   does not join ("suicidprevention" → "suicidpreventiv", from "suicidpreventiva strategin").
 *   When the query finds (almost) nothing, each word is widened with its nearest words by trigram
 *   similarity in search_word — a spelling dictionary of every indexed lexeme — so that the
 *   misspelt or OCR-damaged "Wahlstrom"/"Linssamverkan" find "Wahlström"/"Länssamverkan" through
 *   the full-text index, never by trigram-scanning the documents.
 *
 * - Access. Only documents the viewer may read: their status among readableStatuses(viewer), or
 *   of a body whose drafts the viewer reads (draftAccess).
 *
 * - Bounds. Every statement runs in one transaction with SET LOCAL statement_timeout; a timeout
 *   becomes SearchTimeoutError (the API answers 503). PGlite does not enforce statement_timeout
 *   (no timers in its WebAssembly build), so there the bound is the structure above: every step
 *   reads a capped number of rows.
 */
import { CompiledQuery, sql, type RawBuilder } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import { parseSearchQuery, type ParsedQuery } from '../../domain/search.js';
import { toHit, type PageRow } from './search-hits.js';
import { conditions, matches, run, type Trx } from './search-sql.js';
import { countAndFacets } from './search-facets.js';
import type { Db } from '../db.js';

export const SEARCH_TYPES = ['item', 'decision', 'assignment', 'person', 'body', 'document'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export interface SearchParams {
  q: string;
  types?: SearchType[] | undefined;
  bodyId?: number | undefined;
  year?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  kind?: 'decision' | 'information' | undefined;
  hasDecision?: boolean | undefined;
  hasAssignment?: boolean | undefined;
  huvudmanId?: number | undefined;
  personId?: number | undefined;
  sort?: 'relevance' | 'date' | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface SearchHit {
  type: SearchType;
  id: number; // the unit's id in its own table (document: the meeting's id)
  title: string;
  titleHtml: string; // HTML: the title escaped, hits in <mark>
  snippet: string; // HTML: escaped text with <mark> around the hits, nothing else
  meeting: { id: number; date: string | null; status: string } | null;
  body: { id: number; name: string } | null;
  item: { id: number; number: number | null; title: string } | null;
  score: number;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface SearchResult {
  query: { text: string; words: string[]; truncated: boolean; corrections: { from: string; to: string[] }[] };
  total: number;
  approximate: boolean;
  page: number;
  pageSize: number;
  pages: number;
  sort: 'relevance' | 'date';
  results: SearchHit[];
  facets: {
    type: FacetValue[];
    body: FacetValue[];
    year: FacetValue[];
    kind: FacetValue[];
    hasDecision: FacetValue[];
    hasAssignment: FacetValue[];
    huvudman: FacetValue[];
    person: FacetValue[];
  };
}

export class SearchTimeoutError extends Error {
  constructor() {
    super('search timed out');
  }
}

/** A query with no words and no filter: nothing to search for. */
export class EmptySearchError extends Error {
  constructor() {
    super('empty search');
  }
}

export interface SearchOptions {
  timeoutMs?: number;
  /** Receives every statement the search runs, in order (the benchmark replays them). */
  trace?: CompiledQuery[];
}

/** Candidates ranked per query: the K newest matches and the K newest title matches. */
const CANDIDATES = 100;
/** Fewer matches than this and the words are widened by trigram similarity. */
const FUZZY_BELOW = 3;
const FUZZY_SIMILARITY = 0.45;
const VARIANT_SIMILARITY = 0.6;
const MAX_PAGE_SIZE = 50;
const WEIGHTS = '{0.1,0.2,0.4,1.0}';

interface Analysed {
  clauses: { source: number; exact: string; full: string; stems: string[]; prefixes: string[] }[];
  corrections: { from: string; to: string[] }[];
}

export async function searchArchive(db: Db, viewer: Viewer, params: SearchParams, opts: SearchOptions = {}): Promise<SearchResult> {
  const parsed = parseSearchQuery(params.q);
  const hasFilter =
    params.bodyId !== undefined || params.year !== undefined || params.from !== undefined || params.to !== undefined ||
    params.kind !== undefined || params.hasDecision !== undefined || params.hasAssignment !== undefined ||
    params.huvudmanId !== undefined || params.personId !== undefined || (params.types?.length ?? 0) > 0;
  if (parsed.clauses.length === 0 && !hasFilter) throw new EmptySearchError();
  const pageSize = Math.min(Math.max(params.pageSize ?? 20, 1), MAX_PAGE_SIZE);
  const page = Math.max(params.page ?? 1, 1);
  const timeoutMs = Math.round(opts.timeoutMs ?? 2000);
  const trace = opts.trace;

  try {
    return await db.transaction().execute(async (trx) => {
      trace?.push(CompiledQuery.raw('begin'));
      // The transaction's settings, and the size of the index, ride on the first statement: a
      // round trip less per search (they apply from the next statement on, where the work is).
      const settings = sql`set_config('statement_timeout', ${String(timeoutMs)}, true) as t, set_config('pg_trgm.similarity_threshold', ${String(FUZZY_SIMILARITY)}, true) as s,
                   set_config('enable_seqscan', 'off', true) as e,
                   (select greatest(reltuples, 0)::float8 from pg_class where oid = 'search_doc'::regclass) as docs`;
      const { docs, ...analysedFirst } = await analyse(trx, parsed, settings, trace);
      let analysed: Analysed = analysedFirst;
      let sort: 'relevance' | 'date' = params.sort === 'date' || analysed.clauses.length === 0 ? 'date' : 'relevance';
      let q = tsquery(analysed, 'full');
      let counted = await countAndFacets(trx, viewer, params, q, docs, trace);
      if (counted.total < FUZZY_BELOW && parsed.clauses.length > 0) {
        const widened = await widen(trx, viewer, analysed, parsed, trace);
        if (widened) {
          analysed = widened;
          q = tsquery(analysed, 'full');
          counted = await countAndFacets(trx, viewer, params, q, docs, trace);
        }
      }
      if (q === null) sort = 'date';
      const rows = await fetchPage(trx, viewer, params, q, tsquery(analysed, 'exact'), sort, page, pageSize, counted.common, trace);
      trace?.push(CompiledQuery.raw('commit'));
      const stems = analysed.clauses.flatMap((c) => c.stems);
      const prefixes = analysed.clauses.flatMap((c) => c.prefixes);
      return {
        query: { text: parsed.words.join(' '), words: parsed.words, truncated: parsed.truncated, corrections: analysed.corrections },
        total: counted.total,
        approximate: counted.approximate,
        page,
        pageSize,
        pages: Math.max(1, Math.ceil(counted.total / pageSize)),
        sort,
        results: rows.map((r) => toHit(r, stems, prefixes)),
        facets: counted.facets,
      };
    });
  } catch (e) {
    if ((e as { code?: string }).code === '57014') throw new SearchTimeoutError();
    throw e;
  }
}

/** The lexemes the database makes of the query's words, and the indexed variants of long words. */
async function analyse(trx: Trx, parsed: ParsedQuery, settings: RawBuilder<unknown>, trace: CompiledQuery[] | undefined): Promise<Analysed & { docs: number }> {
  if (parsed.clauses.length === 0) {
    const [row] = await run<{ docs: number }>(trx, sql`select ${settings}`, trace);
    return { clauses: [], corrections: [], docs: row?.docs ?? 0 };
  }
  const texts = parsed.clauses.map((c) => c.words.join(' '));
  const kinds = parsed.clauses.map((c) => (c.phrase ? 'phrase' : 'word'));
  const rows = await run<{ ord: number; phrase: string | null; stem: string | null; known: boolean; variants: string[] | null; docs: number }>(
    trx,
    sql`select ${settings}, u.ord::int as ord,
          case when u.kind = 'phrase' then phraseto_tsquery('samverka_sv', u.t)::text end as phrase,
          s.stem,
          exists (select 1 from search_word w where w.word = s.stem) as known,
          case when length(s.stem) >= 8 then array(
            select w.word from search_word w
            where w.word like left(s.stem, 6) || '%' and w.word <> s.stem and similarity(w.word, s.stem) >= ${VARIANT_SIMILARITY}
            order by similarity(w.word, s.stem) desc, w.word limit 5) end as variants
        from unnest(${texts}::text[], ${kinds}::text[]) with ordinality as u(t, kind, ord)
        left join lateral (select (tsvector_to_array(to_tsvector('samverka_sv', u.t)))[1] as stem) s on u.kind = 'word'
        order by u.ord`,
    trace,
  );
  const clauses: Analysed['clauses'] = [];
  for (const [i, c] of parsed.clauses.entries()) {
    const row = rows[i];
    if (!row) continue;
    if (c.phrase) {
      if (!row.phrase) continue; // only stop words
      clauses.push({ source: i, exact: row.phrase, full: row.phrase, stems: lexemesOf(row.phrase), prefixes: [] });
    } else if (row.stem) {
      // A word being typed is a prefix, unless it already is a word of the archive: then it is
      // taken as it is (a prefix of a common stem such as "vard" would match thousands of words).
      const prefix = c.prefix && !row.known;
      const stem = quoteLexeme(row.stem) + (prefix ? ':*' : '');
      const variants = (row.variants ?? []).map(quoteLexeme);
      clauses.push({
        source: i,
        exact: stem,
        full: variants.length ? `(${[stem, ...variants].join(' | ')})` : stem,
        stems: [row.stem, ...(row.variants ?? [])],
        prefixes: prefix ? [row.stem] : [],
      });
    }
  }
  return { clauses, corrections: [], docs: rows[0]?.docs ?? 0 };
}

/** Each word widened with its nearest indexed words by trigram similarity: misspellings, OCR damage. */
async function widen(
  trx: Trx, viewer: Viewer, analysed: Analysed, parsed: ParsedQuery, trace: CompiledQuery[] | undefined,
): Promise<Analysed | null> {
  const words = parsed.clauses.filter((c) => !c.phrase).map((c) => c.words[0]!);
  const phraseWords = parsed.clauses.filter((c) => c.phrase).flatMap((c) => c.words);
  const all = [...words, ...phraseWords].filter((w) => w.length >= 4);
  if (all.length === 0) return null;
  const rows = await run<{ word: string; stem: string | null; near: string[] }>(
    trx,
    sql`select u.word, s.stem, coalesce(array(
          select n.word from (
            select w.word, similarity(w.word, s.stem) as sim from search_word w where w.word % s.stem and w.word <> s.stem
            order by sim desc, w.word limit 10) n
          -- only words the reader could find: the dictionary also holds the words of drafts
          where exists (select 1 from search_doc d where d.tsv @@ to_tsquery('simple', ${sql.lit("'")} || replace(n.word, '''', '''''') || ${sql.lit("'")}) and ${conditions(viewer, { q: '' })})
          order by n.sim desc, n.word limit 3), '{}') as near
        from unnest(${all}::text[]) as u(word)
        cross join lateral (select (tsvector_to_array(to_tsvector('samverka_sv', u.word)))[1] as stem) s
        where s.stem is not null`,
    trace,
  );
  const near = new Map(rows.map((r) => [r.word, r]));
  const corrections: Analysed['corrections'] = [];
  let changed = false;
  const clauses: Analysed['clauses'] = [];
  for (const own of analysed.clauses) {
    const c = parsed.clauses[own.source]!;
    if (c.phrase) {
      // a phrase whose words are damaged: each word or its nearest, in order
      const alts = c.words.map((w) => {
        const r = near.get(w);
        if (!r?.stem) return null;
        if (r.near.length) corrections.push({ from: w, to: r.near });
        return r.near.length ? `(${[r.stem, ...r.near].map(quoteLexeme).join(' | ')})` : quoteLexeme(r.stem);
      });
      if (alts.some((a) => a === null) || !c.words.some((w) => (near.get(w)?.near.length ?? 0) > 0)) {
        clauses.push(own);
        continue;
      }
      changed = true;
      clauses.push({ ...own, full: alts.join(' <-> '), stems: [...own.stems, ...c.words.flatMap((w) => near.get(w)?.near ?? [])] });
    } else {
      const r = near.get(c.words[0]!);
      if (!r || r.near.length === 0) {
        clauses.push(own);
        continue;
      }
      changed = true;
      corrections.push({ from: c.words[0]!, to: r.near });
      clauses.push({ ...own, full: `(${[own.full, ...r.near.map(quoteLexeme)].join(' | ')})`, stems: [...own.stems, ...r.near] });
    }
  }
  return changed ? { clauses, corrections } : null;
}

function tsquery(a: Analysed, which: 'exact' | 'full'): string | null {
  if (a.clauses.length === 0) return null;
  return a.clauses.map((c) => (a.clauses.length > 1 ? `(${c[which]})` : c[which])).join(' & ');
}

function quoteLexeme(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function lexemesOf(q: string): string[] {
  return [...q.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
}

async function fetchPage(
  trx: Trx, viewer: Viewer, p: SearchParams, q: string | null, qExact: string | null,
  sort: 'relevance' | 'date', page: number, pageSize: number, common: boolean, trace: CompiledQuery[] | undefined,
): Promise<PageRow[]> {
  const where = conditions(viewer, p);
  const offset = (page - 1) * pageSize;
  let ranked: RawBuilder<unknown>;
  if (sort === 'date' || q === null) {
    ranked = sql`select d.*, 0::float8 as score from search_doc d where ${matches(q)} and ${where}
                 order by d.meeting_date desc nulls last, d.id desc limit ${pageSize} offset ${offset}`;
  } else {
    const k = Math.max(CANDIDATES, offset + pageSize);
    // Candidates, each branch reading at most k matching rows. A common query (in 3 % of the
    // documents or more, by the sample): its k newest matches, found by walking the date index,
    // which meets k matches within about k / 3 % rows. The match is written as the function
    // ts_match_vq rather than @@ so that the planner cannot take the GIN index, fetch every match
    // and sort them (it underestimates words that occur together). Otherwise the first k matches
    // and the first k title matches from the GIN indexes (sequential scans are off for the
    // search's transaction): all of them when there are at most k, and the ranking is exact.
    const candidates = common
      ? sql`select d.id from search_doc d where ts_match_vq(d.tsv, ${q}::tsquery) and ${where} order by d.meeting_date desc nulls last, d.id desc limit ${k}`
      : sql`(select d.id from search_doc d where ${matches(q)} and ${where} limit ${k})
            union
            (select d.id from search_doc d where ${matches(q, 'title_tsv')} and ${where} limit ${k})`;
    const score = q === qExact || qExact === null
      ? sql`2 * ts_rank(${WEIGHTS}::float4[], d.tsv, ${q}::tsquery, 1)`
      : sql`ts_rank(${WEIGHTS}::float4[], d.tsv, ${q}::tsquery, 1) + ts_rank(${WEIGHTS}::float4[], d.tsv, ${qExact}::tsquery, 1)`;
    ranked = sql`
      select d.*, (${score})::float8 as score
      from search_doc d
      where d.id in (${candidates})
      order by score desc, d.meeting_date desc nulls last, d.id desc
      limit ${pageSize} offset ${offset}`;
  }
  return run<PageRow>(
    trx,
    sql`with r as materialized (${ranked})
      select r.id::int as id, r.type, r.ref_id, r.meeting_id, r.item_id, r.meeting_date, coalesce(mt.status, r.status) as status, r.score,
             r.body_ids[1] as body_id,
             (select bn.name from body_name bn where bn.body_id = coalesce(r.body_ids[1], case when r.type = 'body' then r.ref_id end) and not bn.alias
              order by bn.valid_to desc nulls first, bn.id desc limit 1) as body_name,
             i.number as item_number, i.title as item_title,
             case r.type when 'person' then pe.name when 'document' then sf.filename when 'body' then null else i.title end as title,
             case r.type
               when 'item' then concat_ws(' ', nullif(i.text, ''), i.proposal)
               when 'decision' then dd.text
               when 'assignment' then aa.to_text || ': ' || aa.task
               when 'person' then concat_ws(', ', pe.title, pe.organization, case when pe.party is not null then '(' || pe.party || ')' end)
               when 'body' then (select string_agg(bn.name, ' · ' order by bn.valid_from nulls first) from body_name bn where bn.body_id = r.ref_id and not bn.alias)
               when 'document' then left(sf.text_content, 20000)
             end as text
      from r
      left join meeting mt on mt.id = r.meeting_id
      left join agenda_item i on i.id = r.item_id
      left join decision dd on r.type = 'decision' and dd.id = r.ref_id
      left join assignment aa on r.type = 'assignment' and aa.id = r.ref_id
      left join person pe on r.type = 'person' and pe.id = r.ref_id
      left join source_file sf on r.type = 'document' and sf.id = mt.source_file_id
      order by r.score desc, r.meeting_date desc nulls last, r.id desc`,
    trace,
  );
}
