import { Fragment, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { BodySummary } from '../../../../src/domain/model';
import type { Loadable } from '../../api';
import type { Me } from '../../auth';
import { svAdoption } from '../../i18n/sv';
import { canEditBody } from '../../permissions';

// The follow-up lists keep their filters in the URL's search params, so that a filtered list can be
// linked to (the dashboard's numbers are such links), bookmarked and reloaded.

/** A path with a query string of only the params that are set. */
export function href(path: string, params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] !== null && e[1] !== undefined && e[1] !== '').map(([k, v]) => [k, String(v)]));
  return q.size > 0 ? `${path}?${q}` : path;
}

/** The URL's filters: `get` answers '' for one not set; `set` sets some, removes those given as '' and keeps the rest. */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const get = (param: string) => params.get(param) ?? '';
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  return { get, set };
}

/**
 * One select of a filter form; its first option (`all`, value '') means no filter. It keeps its
 * value in the URL param `param`, or, where one choice stands for several params (the dashboard's
 * body or huvudman), takes `value` and `onChange` from the page.
 */
export type FilterSelect = { id: string; label: string; all: string; options: ReactNode } & ({ param: string } | { value: string; onChange: (value: string) => void });

/** A list's filter form: a labelled select per filter, each narrowing the list as soon as it changes. */
export function FilterBar({ filters }: { filters: FilterSelect[] }) {
  const url = useUrlFilters();
  return (
    <form className="form inline-form" onSubmit={(e) => e.preventDefault()}>
      {filters.map((f) => (
        <Fragment key={f.id}>
          <label htmlFor={f.id}>{f.label}</label>
          <select
            id={f.id}
            value={'param' in f ? url.get(f.param) : f.value}
            onChange={(e) => ('param' in f ? url.set({ [f.param]: e.target.value }) : f.onChange(e.target.value))}
          >
            <option value="">{f.all}</option>
            {f.options}
          </select>
        </Fragment>
      ))}
    </form>
  );
}

/** The filter by body (`?organ=`), with an option per body once they have loaded. */
export const bodyFilter = (id: string, label: string, all: string, bodies: Loadable<BodySummary[]>): FilterSelect => ({ id, label, all, param: 'organ', options: <NamedOptions list={bodies} /> });

/** The filter by year (`?ar=`). */
export const yearFilter = (id: string, label: string, all: string): FilterSelect => ({ id, label, all, param: 'ar', options: <YearOptions /> });

/** An option per body or huvudman, by id, once the list has loaded. */
export function NamedOptions({ list, value = (x) => String(x.id) }: { list: Loadable<{ id: number; name: string }[]>; value?: (x: { id: number }) => string }) {
  return <>{list.state === 'ready' && list.data.map((x) => <option key={x.id} value={value(x)}>{x.name}</option>)}</>;
}

/** The years a follow-up list can be filtered by: next year back to 2015. */
function YearOptions() {
  const now = new Date().getFullYear();
  return <>{Array.from({ length: now + 2 - 2015 }, (_, i) => now + 1 - i).map((y) => <option key={y} value={y}>{y}</option>)}</>;
}

/** The bodies the signed-in person may register follow-up records for. */
export function editableBodies(me: Me | null, bodies: BodySummary[]): BodySummary[] {
  return bodies.filter((b) => canEditBody(me, b.id));
}

/** Says that a list is narrowed to one body (a link from the dashboard), with the way back to all. */
export function BodyFilterNote({ bodyId, bodies, allHref }: { bodyId: string; bodies: Loadable<BodySummary[]>; allHref: string }) {
  if (!bodyId) return null;
  const name = bodies.state === 'ready' ? bodies.data.find((b) => String(b.id) === bodyId)?.name : undefined;
  return <p className="hint">{svAdoption.onlyBody(name ?? bodyId)} <Link to={allHref}>{svAdoption.showAll}</Link></p>;
}
