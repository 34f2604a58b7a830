import { Link } from 'react-router';
import type { BodySummary } from '../../../../src/domain/model';
import { useApi } from '../../api';
import { useAuth } from '../../auth';
import { Load, usePageTitle } from '../../components/States';
import { svAdoption as t, svFunds, svRegister } from '../../i18n/sv';
import { AdoptionStatusText } from './AdoptionStatusText';
import { FilterBar, bodyFilter, editableBodies, href, useUrlFilters, yearFilter } from './filters';
import type { HuvudmanRef, Recommendation } from '../../../../src/domain/follow-up-views';

// Huvudmän × recommendations. A real table: column headers are the recommendations, row headers
// the huvudmän, and every cell says its status in words with a symbol.

export function AdoptionMatrixPage() {
  usePageTitle(t.title);
  const { me } = useAuth();
  const filters = useUrlFilters();
  const query = { body: filters.get('organ'), year: filters.get('ar') };
  const [matrix, reload] = useApi<{ huvudman: HuvudmanRef[]; recommendations: Recommendation[] }>(href('/api/adoption', query));
  const [bodies] = useApi<BodySummary[]>('/api/bodies');
  const canCreate = bodies.state === 'ready' && editableBodies(me, bodies.data).length > 0;

  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      <p className="followup-links">
        {canCreate && <Link className="button-link" to="/rekommendationer/ny">{t.create}</Link>}
        <Link to="/kostnadsfordelning">{t.costSplits}</Link>
        <Link to="/statsbidrag">{svFunds.nav}</Link>
        <Link to="/styrdokument">{svRegister.nav}</Link>
      </p>
      <FilterBar filters={[bodyFilter('m-body', t.body, t.allBodies, bodies), yearFilter('m-year', t.year, t.allYears)]} />
      <Load value={matrix} retry={reload}>
        {({ huvudman, recommendations }) =>
          recommendations.length === 0 ? <p>{t.none}</p> : (
            <>
              <p className="followup-links">
                <a href={href('/api/adoption.csv', query)} download>{t.exportCsv}</a>
                <a href={href('/api/adoption.xlsx', query)} download>{t.exportXlsx}</a>
              </p>
              <Legend />
              <div className="table-wrap">
                <table className="adoption-matrix">
                  <caption>{t.matrixCaption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t.huvudman}</th>
                      {recommendations.map((r) => (
                        <th scope="col" key={r.id}>
                          <Link to={`/rekommendationer/${r.id}`}>{r.title}</Link>
                          <span className="hint adoption-matrix__meta">{r.body.name}, {r.decidedOn}</span>
                          <span className="hint adoption-matrix__meta">{r.deadline ? `${t.deadline} ${r.deadline}` : t.noDeadline}</span>
                          <span className="hint adoption-matrix__meta">{t.progress(r.progress.counts.adopted, r.progress.total)}</span>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {huvudman.map((h) => (
                      <tr key={h.id}>
                        <th scope="row"><Link to={`/huvudman/${h.id}`}>{h.name}</Link></th>
                        {recommendations.map((r) => {
                          const a = r.adoptions.find((x) => x.huvudmanId === h.id);
                          return (
                            <td key={r.id}>
                              {a && <AdoptionStatusText status={a.status} overdue={a.overdue} />}
                              {a?.decidedOn && <span className="hint adoption-matrix__meta">{a.decidedOn}</span>}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Load>
    </>
  );
}

function Legend() {
  return (
    <div className="adoption-legend">
      <h2 className="h3">{t.legend}</h2>
      <ul className="inline-list">
        {(['not-started', 'in-preparation', 'adopted', 'declined'] as const).map((s) => <li key={s}><AdoptionStatusText status={s} /></li>)}
        <li><span className="badge badge--warn"><span aria-hidden="true">⚠ </span>{t.overdue}</span></li>
      </ul>
    </div>
  );
}
