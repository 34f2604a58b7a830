import { Link, useSearchParams } from 'react-router';
import type { BodySummary } from '../../../../src/domain/model';
import { formatKronor } from '../../../../src/domain/cost-split';
import { useApi } from '../../api';
import { useAuth } from '../../auth';
import { Load, usePageTitle } from '../../components/States';
import { svAdoption, svCostSplit as t } from '../../i18n/sv';
import { YearOptions, editableBodies } from './filters';
import type { CostSplit } from '../../../../src/domain/follow-up-views';

export function CostSplitsPage() {
  usePageTitle(t.title);
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const body = params.get('organ') ?? '';
  const year = params.get('ar') ?? '';
  const query = new URLSearchParams({ ...(body ? { body } : {}), ...(year ? { year } : {}) }).toString();
  const [splits, reload] = useApi<CostSplit[]>(`/api/cost-splits${query ? `?${query}` : ''}`);
  const [bodies] = useApi<BodySummary[]>('/api/bodies');
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <>
      <p className="breadcrumb"><Link to="/rekommendationer">{svAdoption.back}</Link></p>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      {bodies.state === 'ready' && editableBodies(me, bodies.data).length > 0 && <p><Link className="button-link" to="/kostnadsfordelning/ny">{t.create}</Link></p>}
      <form className="form inline-form" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="c-body">{svAdoption.body}</label>
        <select id="c-body" value={body} onChange={(e) => setFilter('organ', e.target.value)}>
          <option value="">{svAdoption.allBodies}</option>
          {bodies.state === 'ready' && bodies.data.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
        </select>
        <label htmlFor="c-year">{t.year}</label>
        <select id="c-year" value={year} onChange={(e) => setFilter('ar', e.target.value)}>
          <option value="">{svAdoption.allYears}</option>
          <YearOptions />
        </select>
      </form>
      <Load value={splits} retry={reload}>
        {(list) => list.length === 0 ? <p>{t.none}</p> : (
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">{t.cost}</th><th scope="col">{t.year}</th><th scope="col">{t.decidedBy}</th><th scope="col">{t.decidedOn}</th><th scope="col" className="num">{t.total}</th></tr></thead>
              <tbody>
                {list.map((s) => (
                  <tr key={s.id}>
                    <th scope="row"><Link to={`/kostnadsfordelning/${s.id}`}>{s.title}</Link></th>
                    <td>{s.costYear ?? '–'}</td>
                    <td>{s.body.name}</td>
                    <td>{s.decidedOn}</td>
                    <td className="num">{formatKronor(s.totalOre)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Load>
    </>
  );
}
