import { Link, useParams, useSearchParams } from 'react-router';
import { useApi } from '../../api';
import { Load, usePageTitle } from '../../components/States';
import { svAdoption as t, svDashboard } from '../../i18n/sv';
import { AdoptionStatusText } from './AdoptionStatusText';
import type { AdoptionEntry as Entry, HuvudmanAdoption } from '../../../../src/domain/follow-up-views';

/** One huvudman's own page: what it still has to decide (earliest deadline first), and what it has. */
export function HuvudmanPage() {
  const { id = '' } = useParams();
  const year = useSearchParams()[0].get('ar') ?? ''; // from the dashboard: recommendations decided that year
  const [page, reload] = useApi<HuvudmanAdoption>(`/api/huvudman/${encodeURIComponent(id)}/adoption${year ? `?year=${encodeURIComponent(year)}` : ''}`);
  return <Load value={page} retry={reload}>{(p) => <HuvudmanView {...p} year={year} />}</Load>;
}

function HuvudmanView({ huvudman, pending, decided, year }: HuvudmanAdoption & { year: string }) {
  usePageTitle(t.huvudmanTitle(huvudman.name));
  const title = (e: Entry) => <Link to={`/rekommendationer/${e.recommendation.id}`}>{e.recommendation.title}</Link>;
  return (
    <>
      <p className="breadcrumb"><Link to="/rekommendationer">{t.back}</Link></p>
      <h1>{t.huvudmanTitle(huvudman.name)}</h1>
      {year && <p className="hint">{t.decidedIn(year)} <Link to={`/huvudman/${huvudman.id}`}>{t.allYears}</Link></p>}
      <p><Link to={`/uppfoljning?huvudman=${huvudman.id}`}>{svDashboard.linkFor(huvudman.name)}</Link></p>
      <h2>{t.pending}</h2>
      {pending.length === 0 ? <p>{t.pendingNone}</p> : (
        <div className="table-wrap">
          <table>
            <thead><tr><th scope="col">{t.what}</th><th scope="col">{t.recommendedBy}</th><th scope="col">{t.localBody}</th><th scope="col">{t.deadline}</th><th scope="col">{t.status}</th></tr></thead>
            <tbody>
              {pending.map((e) => (
                <tr key={e.recommendation.id} className={e.overdue ? 'row--overdue' : undefined}>
                  <th scope="row">{title(e)}</th>
                  <td>{e.recommendation.body.name}, {e.recommendation.decidedOn}</td>
                  <td>{e.recommendation.localBody}</td>
                  <td className="date">{e.recommendation.deadline ?? t.noDeadline}{e.overdue && e.recommendation.deadline && <span className="visually-hidden">: {t.overdueSince(e.recommendation.deadline)}</span>}</td>
                  <td><AdoptionStatusText status={e.status} overdue={e.overdue} />{e.diaryNumber && <span className="hint adoption-matrix__meta">{t.diaryNumber} {e.diaryNumber}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t.decided}</h2>
      {decided.length === 0 ? <p>{t.decidedNone}</p> : (
        <div className="table-wrap">
          <table>
            <thead><tr><th scope="col">{t.what}</th><th scope="col">{t.status}</th><th scope="col">{t.localDate}</th><th scope="col">{t.decidingBody}</th><th scope="col">{t.diaryNumber}</th><th scope="col">{t.url}</th></tr></thead>
            <tbody>
              {decided.map((e) => (
                <tr key={e.recommendation.id}>
                  <th scope="row">{title(e)}</th>
                  <td><AdoptionStatusText status={e.status} /></td>
                  <td className="date">{e.decidedOn ?? '–'}</td>
                  <td>{e.decidingBody ?? '–'}</td>
                  <td>{e.diaryNumber ?? '–'}</td>
                  <td>{e.url ? <a href={e.url} rel="noopener noreferrer">{t.open}<span className="visually-hidden">: {e.recommendation.title}</span></a> : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
