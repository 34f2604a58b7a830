import { Link } from 'react-router';
import type { BodySummary } from '../../../../src/domain/model';
import { formatKronor } from '../../../../src/domain/cost-split';
import { useApi } from '../../api';
import { useAuth } from '../../auth';
import { Load, usePageTitle } from '../../components/States';
import { svAdoption, svCostSplit as t } from '../../i18n/sv';
import { FilterBar, bodyFilter, editableBodies, href, useUrlFilters, yearFilter } from './filters';
import type { CostSplit } from '../../../../src/domain/follow-up-views';

export function CostSplitsPage() {
  usePageTitle(t.title);
  const { me } = useAuth();
  const filters = useUrlFilters();
  const [splits, reload] = useApi<CostSplit[]>(href('/api/cost-splits', { body: filters.get('organ'), year: filters.get('ar') }));
  const [bodies] = useApi<BodySummary[]>('/api/bodies');
  return (
    <>
      <p className="breadcrumb"><Link to="/rekommendationer">{svAdoption.back}</Link></p>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      {bodies.state === 'ready' && editableBodies(me, bodies.data).length > 0 && <p><Link className="button-link" to="/kostnadsfordelning/ny">{t.create}</Link></p>}
      <FilterBar filters={[bodyFilter('c-body', svAdoption.body, svAdoption.allBodies, bodies), yearFilter('c-year', t.year, svAdoption.allYears)]} />
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
