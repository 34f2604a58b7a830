import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../api';
import { Load, usePageTitle } from '../components/States';
import { capitalise, longDate } from '../format';
import { sv } from '../i18n/sv';

// The answer of GET /api/search (src/api/routes/search.ts).
interface FacetValue { value: string; label: string; count: number }
interface Hit {
  type: 'item' | 'decision' | 'assignment' | 'person' | 'body' | 'document';
  id: number;
  title: string;
  titleHtml: string;
  snippet: string;
  meeting: { id: number; date: string | null; status: string } | null;
  body: { id: number; name: string } | null;
  item: { id: number; number: number | null; title: string } | null;
}
interface SearchAnswer {
  query: { text: string; words: string[]; truncated: boolean; corrections: { from: string; to: string[] }[] };
  total: number;
  approximate: boolean;
  page: number;
  pages: number;
  sort: 'relevance' | 'date';
  results: Hit[];
  facets: Record<FacetName, FacetValue[]>;
}

type FacetName = 'type' | 'body' | 'year' | 'kind' | 'hasDecision' | 'hasAssignment' | 'huvudman' | 'person';
const FACETS: FacetName[] = ['type', 'body', 'year', 'kind', 'hasDecision', 'hasAssignment', 'huvudman', 'person'];
const PARAMS = ['q', ...FACETS, 'from', 'to', 'sort', 'page'] as const;

export function SearchPage() {
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  usePageTitle(q ? sv.search.titleFor(q) : sv.search.title);
  const api = new URLSearchParams();
  for (const name of PARAMS) {
    const v = params.get(name);
    if (v) api.set(name, v);
  }
  const hasFilter = FACETS.some((f) => params.has(f)) || params.has('from') || params.has('to');
  return (
    <>
      <h1>{sv.search.title}</h1>
      <SearchForm initial={q} params={params} />
      {q.trim() || hasFilter ? <Results url={`/api/search?${api.toString()}`} params={params} /> : <p className="lead">{sv.search.intro}</p>}
    </>
  );
}

function SearchForm({ initial, params }: { initial: string; params: URLSearchParams }) {
  const navigate = useNavigate();
  const id = useId();
  const [q, setQ] = useState(initial);
  const [last, setLast] = useState(initial);
  if (initial !== last) {
    setLast(initial);
    setQ(initial);
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams(params);
    next.set('q', q.trim());
    next.delete('page');
    navigate(`/sok?${next.toString()}`);
  };
  return (
    <form role="search" className="search-form" onSubmit={submit} aria-label={sv.search.refine}>
      <label htmlFor={id} className="label">{sv.search.label}</label>
      <div className="search-form__row">
        <input id={id} type="search" name="q" value={q} onChange={(e) => setQ(e.target.value)} maxLength={500} autoComplete="off" className="search-form__input" />
        <button type="submit">{sv.search.submit}</button>
      </div>
    </form>
  );
}

/** A link to the same search with some parameters changed (null removes one); paging restarts. */
function useHref(params: URLSearchParams) {
  return (changes: Record<string, string | null>, keepPage = false) => {
    const next = new URLSearchParams(params);
    if (!keepPage) next.delete('page');
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    return `/sok?${next.toString()}`;
  };
}

function Results({ url, params }: { url: string; params: URLSearchParams }) {
  const [answer, retry] = useApi<SearchAnswer>(url);
  return (
    <Load value={answer} retry={retry}>
      {(a) => <ResultsView answer={a} params={params} />}
    </Load>
  );
}

function ResultsView({ answer, params }: { answer: SearchAnswer; params: URLSearchParams }) {
  const href = useHref(params);
  const active = FACETS.filter((f) => params.has(f));
  return (
    <div className="search-layout">
      <div className="search-results">
        <p className="search-summary" role="status">
          {answer.total === 0 ? sv.search.noHits : sv.search.hits(answer.total, answer.approximate)}
        </p>
        {answer.query.corrections.length > 0 && (
          <p className="search-note">
            {sv.search.alsoSearched}: {answer.query.corrections.flatMap((c) => c.to).join(', ')}
          </p>
        )}
        {answer.query.truncated && <p className="search-note">{sv.search.truncated}</p>}
        {answer.total > 0 && answer.query.words.length > 0 && (
          <nav aria-label={sv.search.sort} className="search-sort">
            <span className="label">{sv.search.sort}:</span>
            <ul className="inline-list">
              {(['relevance', 'date'] as const).map((s) => (
                <li key={s}>
                  <Link to={href({ sort: s === 'relevance' ? null : s })} aria-current={answer.sort === s ? 'true' : undefined}>
                    {s === 'relevance' ? sv.search.sortRelevance : sv.search.sortDate}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <h2 className="visually-hidden">{sv.search.results}</h2>
        <ol className="search-hits" start={(answer.page - 1) * 20 + 1}>
          {answer.results.map((hit) => (
            <li key={`${hit.type}-${hit.id}`} className="search-hit">
              <HitView hit={hit} />
            </li>
          ))}
        </ol>
        <Paging answer={answer} href={href} />
      </div>
      <nav aria-label={sv.search.filters} className="search-facets">
        <h2 className="h3">{sv.search.filters}</h2>
        {active.length > 0 && (
          <p>
            <Link to={href(Object.fromEntries(active.map((f) => [f, null])))}>{sv.search.clearFilters}</Link>
          </p>
        )}
        {FACETS.map((f) => (
          <Facet key={f} name={f} values={answer.facets[f]} selected={params.get(f)} approximate={answer.approximate} href={href} />
        ))}
      </nav>
    </div>
  );
}

function facetLabel(name: FacetName, v: FacetValue): string {
  if (name === 'type') return sv.search.typePlural[v.value] ?? v.label;
  if (name === 'kind') return sv.search.kind[v.value] ?? v.label;
  if (name === 'hasDecision') return sv.search.hasDecision[v.value] ?? v.label;
  if (name === 'hasAssignment') return sv.search.hasAssignment[v.value] ?? v.label;
  return v.label;
}

function Facet({ name, values, selected, approximate, href }: {
  name: FacetName; values: FacetValue[]; selected: string | null; approximate: boolean; href: ReturnType<typeof useHref>;
}) {
  const headingId = useId();
  if (values.length === 0 && !selected) return null;
  return (
    <section className="facet" aria-labelledby={headingId}>
      <h3 id={headingId} className="facet__title">{sv.search.facet[name]}</h3>
      <ul className="facet__list">
        {values.map((v) => {
          const label = facetLabel(name, v);
          const isSelected = selected === v.value;
          return (
            <li key={v.value}>
              {isSelected ? (
                <Link to={href({ [name]: null })} aria-current="true" aria-label={sv.search.removeFilter(label)} className="facet__link facet__link--selected">
                  <span>{label}</span> <span className="count">({sv.search.count(v.count, approximate)})</span> <span aria-hidden="true">✕</span>
                </Link>
              ) : (
                <Link to={href({ [name]: v.value })} className="facet__link">
                  <span>{label}</span> <span className="count">({sv.search.count(v.count, approximate)})</span>
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function HitView({ hit }: { hit: Hit }) {
  const to =
    hit.meeting && hit.item?.number != null ? `/moten/${hit.meeting.id}#punkt-${hit.item.number}`
      : hit.meeting && hit.item ? `/moten/${hit.meeting.id}#punkt-${hit.item.id}`
        : hit.meeting ? `/moten/${hit.meeting.id}`
          : hit.type === 'body' ? `/organ/${hit.id}`
            : hit.type === 'person' ? `/sok?person=${hit.id}` : null;
  const title = hit.titleHtml ? <Marked html={hit.titleHtml} /> : (hit.item?.title ?? sv.search.type[hit.type]);
  return (
    <article className="search-hit__body">
      <p className="search-hit__type">{sv.search.type[hit.type]}</p>
      <h3 className="search-hit__title">{to ? <Link to={to}>{title}</Link> : title}</h3>
      <p className="search-hit__meta">
        {[
          hit.body?.name,
          hit.meeting?.date ? capitalise(longDate(hit.meeting.date)) : null,
          hit.item?.number != null ? sv.search.itemNumber(hit.item.number) : null,
        ].filter(Boolean).join(' · ')}
      </p>
      {hit.snippet && <p className="search-hit__snippet"><Marked html={hit.snippet} /></p>}
    </article>
  );
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * The API's highlighted text (escaped, hits in <mark>) as React nodes: the only markup taken is
 * <mark>; everything else is text, so nothing the text contains can become markup.
 */
function Marked({ html }: { html: string }) {
  const parts: ReactNode[] = [];
  let inMark = false;
  for (const [i, piece] of html.split(/(<mark>|<\/mark>)/).entries()) {
    if (piece === '<mark>') inMark = true;
    else if (piece === '</mark>') inMark = false;
    else if (piece) {
      const text = piece.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
      parts.push(inMark ? <mark key={i}>{text}</mark> : text);
    }
  }
  return <>{parts}</>;
}

function Paging({ answer, href }: { answer: SearchAnswer; href: ReturnType<typeof useHref> }) {
  const pages = Math.min(answer.pages, 100);
  if (pages <= 1) return null;
  const page = answer.page;
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const link = (p: number) => href({ page: p === 1 ? null : String(p) }, true);
  return (
    <nav aria-label={sv.search.pages} className="search-paging">
      <ul className="inline-list">
        {page > 1 && <li><Link to={link(page - 1)} rel="prev">{sv.search.previous}</Link></li>}
        {shown.map((p) => (
          <li key={p}>
            {p === page ? (
              <span aria-current="page" className="search-paging__current">{sv.search.pageOf(p, pages)}</span>
            ) : (
              <Link to={link(p)} aria-label={sv.search.page(p)}>{p}</Link>
            )}
          </li>
        ))}
        {page < pages && <li><Link to={link(page + 1)} rel="next">{sv.search.next}</Link></li>}
      </ul>
    </nav>
  );
}
