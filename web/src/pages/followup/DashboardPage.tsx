import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { BodySummary } from '../../../../src/domain/model';
import type { Dashboard, HuvudmanRef } from '../../../../src/domain/follow-up-views';
import { percentOf } from '../../../../src/domain/dashboard';
import { useApi } from '../../api';
import { Load, usePageTitle } from '../../components/States';
import { svAdoption, svDashboard as t } from '../../i18n/sv';
import { AdoptionStatusText } from './AdoptionStatusText';
import { FilterBar, NamedOptions, href, useUrlFilters, yearFilter } from './filters';

// Uppföljning per body or huvudman. Every number is a link to the list it counts (with the same
// filters), and every chart sits above a table that says the same in words and numbers: the
// charts are hidden from assistive technology and drawn in a separate chunk (recharts is large).

const AssignmentChart = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.AssignmentChart })));
const AdoptionChart = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.AdoptionChart })));

const ASSIGNMENT_ROWS = ['open', 'overdue', 'reported', 'unconfirmed', 'done', 'withdrawn'] as const;
const ADOPTION_COLUMNS = ['adopted', 'declined', 'in-preparation', 'not-started'] as const;

export function DashboardPage() {
  const filters = useUrlFilters();
  const body = filters.get('organ');
  const huvudman = body ? '' : filters.get('huvudman');
  const year = filters.get('ar');
  const [data, reload] = useApi<Dashboard>(href('/api/follow-up/dashboard', { body, huvudman, year }));
  const [bodies] = useApi<BodySummary[]>('/api/bodies');
  const [partners] = useApi<HuvudmanRef[]>('/api/huvudman');
  const scopeValue = body ? `organ:${body}` : huvudman ? `huvudman:${huvudman}` : '';
  // One select for the scope, a body or a huvudman: each option names its param ("organ:3").
  const setScope = (value: string) => {
    const [key, id = ''] = value.split(':');
    filters.set({ organ: key === 'organ' ? id : '', huvudman: key === 'huvudman' ? id : '' });
  };
  const name = data.state === 'ready' && data.data.scope.kind !== 'all' ? data.data.scope.name : null;
  usePageTitle(name ? t.titleFor(name) : t.title);

  return (
    <>
      <h1>{name ? t.titleFor(name) : t.title}</h1>
      <p className="lead">{t.intro}</p>
      <FilterBar filters={[
        {
          id: 'u-scope', label: t.scope, all: t.all, value: scopeValue, onChange: setScope,
          options: <>
            <optgroup label={t.bodies}><NamedOptions list={bodies} value={(b) => `organ:${b.id}`} /></optgroup>
            <optgroup label={t.huvudman}><NamedOptions list={partners} value={(h) => `huvudman:${h.id}`} /></optgroup>
          </>,
        },
        yearFilter('u-year', t.year, t.allYears),
      ]} />
      {year && <p className="hint">{t.yearNote(year)}</p>}
      <Load value={data} retry={reload}>{(d) => <DashboardView d={d} />}</Load>
    </>
  );
}

function DashboardView({ d }: { d: Dashboard }) {
  const scope = d.scope;
  const filter = { organ: scope.kind === 'body' ? scope.id : null, huvudman: scope.kind === 'huvudman' ? scope.id : null, ar: d.year };
  const links = {
    assignments: (status: string) => href('/uppdrag', { ...filter, status }),
    adoption: scope.kind === 'huvudman' ? href(`/huvudman/${scope.id}`, { ar: d.year }) : href('/rekommendationer', { organ: filter.organ, ar: d.year }),
    funds: href('/statsbidrag', { organ: filter.organ, ar: d.year }),
    documents: (revision: 'soon' | 'overdue') => href('/styrdokument', { organ: filter.organ, revision }),
  };
  return (
    <>
      <section aria-labelledby="u-summary">
        <h2 id="u-summary">{t.summary}</h2>
        <ul className="dashboard-figures">
          <Figure n={d.assignments.overdue} to={links.assignments('overdue')} label={t.summaryOverdueAssignments} />
          <Figure n={d.adoption.overdue} to={links.adoption} label={t.summaryOverdueAdoption} />
          <Figure n={d.funds.due} to={links.funds} label={t.summaryReportsDue(d.dueSoonDays)} />
          <Figure n={d.documents.due} to={links.documents('soon')} label={t.summaryReviewsDue(d.dueSoonDays)} />
        </ul>
      </section>

      <section aria-labelledby="u-assignments">
        <h2 id="u-assignments">{t.assignments}</h2>
        <p>{t.assignmentsIntro}</p>
        <Chart><AssignmentChart counts={d.assignments} /></Chart>
        <div className="table-wrap">
          <table>
            <caption>{t.assignmentsCaption}</caption>
            <thead><tr><th scope="col">{t.status}</th><th scope="col" className="num">{t.count}</th></tr></thead>
            <tbody>
              {ASSIGNMENT_ROWS.map((s) => (
                <tr key={s}><th scope="row">{t.assignmentStatuses[s]}</th><td className="num"><Link to={links.assignments(s)}>{d.assignments[s]}<span className="visually-hidden"> {t.assignmentStatuses[s]}</span></Link></td></tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <AdoptionSection d={d} list={links.adoption} />

      <section aria-labelledby="u-funds">
        <h2 id="u-funds">{t.funds}</h2>
        <p>{t.fundsIntro(d.dueSoonDays)}</p>
        <dl className="facts">
          <dt>{t.fundsDue}</dt><dd><Link to={links.funds}>{d.funds.due}<span className="visually-hidden"> {t.fundsDue}</span></Link></dd>
          <dt>{t.fundsOverdue}</dt><dd><Link to={links.funds}>{d.funds.overdue}<span className="visually-hidden"> {t.fundsOverdue}</span></Link></dd>
        </dl>
        {d.funds.reports.length === 0 ? <p>{t.fundsNone}</p> : (
          <div className="table-wrap">
            <table>
              <caption>{t.fundsCaption}</caption>
              <thead><tr><th scope="col">{t.project}</th><th scope="col">{t.call}</th><th scope="col">{t.dueDate}</th><th scope="col">{t.state}</th></tr></thead>
              <tbody>
                {d.funds.reports.map((r) => (
                  <tr key={r.id} className={r.overdue ? 'row--overdue' : undefined}>
                    <th scope="row">{r.project}</th>
                    <td><Link to={`/statsbidrag/${r.call.id}`}>{r.call.name} ({r.call.year})</Link></td>
                    <td className="date">{r.dueDate}</td>
                    <td>{r.overdue ? <span className="badge badge--warn"><span aria-hidden="true">⚠ </span>{t.late}</span> : t.soon}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="u-documents">
        <h2 id="u-documents">{t.documents}</h2>
        <p>{t.documentsIntro(d.dueSoonDays)}</p>
        <dl className="facts">
          <dt>{t.documentsDue}</dt><dd><Link to={links.documents('soon')}>{d.documents.due}<span className="visually-hidden"> {t.documentsDue}</span></Link></dd>
          <dt>{t.documentsOverdue}</dt><dd><Link to={links.documents('overdue')}>{d.documents.overdue}<span className="visually-hidden"> {t.documentsOverdue}</span></Link></dd>
        </dl>
        {d.documents.list.length === 0 ? <p>{t.documentsNone}</p> : (
          <div className="table-wrap">
            <table>
              <caption>{t.documentsCaption}</caption>
              <thead><tr><th scope="col">{t.document}</th><th scope="col">{t.owner}</th><th scope="col">{t.nextReview}</th><th scope="col">{t.state}</th></tr></thead>
              <tbody>
                {d.documents.list.map((doc) => (
                  <tr key={doc.id} className={doc.review === 'overdue' ? 'row--overdue' : undefined}>
                    <th scope="row"><Link to={`/styrdokument/${doc.id}`}>{doc.title}</Link></th>
                    <td>{doc.body.name}</td>
                    <td className="date">{doc.nextReview}</td>
                    <td>{doc.review === 'overdue' ? <span className="badge badge--warn"><span aria-hidden="true">⚠ </span>{t.late}</span> : t.soon}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

/** `list`: the matrix (filtered as the dashboard is), or for one huvudman its own page. */
function AdoptionSection({ d, list }: { d: Dashboard; list: string }) {
  const a = d.adoption;
  const decided = a.counts.adopted + a.counts.declined;
  const own = d.scope.kind === 'huvudman' ? d.scope : null;
  return (
    <section aria-labelledby="u-adoption">
      <h2 id="u-adoption">{t.adoption}</h2>
      {a.total === 0 ? <p>{t.adoptionNone}</p> : (
        <>
          <p>{t.adoptionIntro(decided, a.total, percentOf(decided, a.total))}</p>
          <Chart><AdoptionChart rows={own ? [] : a.recommendations} counts={a.counts} /></Chart>
          {own ? (
            <div className="table-wrap">
              <table>
                <caption>{t.adoptionOwnCaption(own.name)}</caption>
                <thead><tr><th scope="col">{t.status}</th><th scope="col" className="num">{t.count}</th></tr></thead>
                <tbody>
                  {ADOPTION_COLUMNS.map((s) => (
                    <tr key={s}><th scope="row"><AdoptionStatusText status={s} /></th><td className="num"><Link to={list}>{a.counts[s]}<span className="visually-hidden"> {svAdoption.statuses[s]}</span></Link></td></tr>
                  ))}
                  <tr><th scope="row">{t.overdue}</th><td className="num"><Link to={list}>{a.overdue}<span className="visually-hidden"> {t.overdue}</span></Link></td></tr>
                </tbody>
              </table>
            </div>
          ) : (
            <div className="table-wrap">
              <table>
                <caption>{t.adoptionCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.recommendation}</th><th scope="col">{t.deadline}</th>
                    {ADOPTION_COLUMNS.map((s) => <th key={s} scope="col" className="num">{svAdoption.statuses[s]}</th>)}
                    <th scope="col" className="num">{t.overdue}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.recommendations.map((r) => (
                    <tr key={r.id}>
                      <th scope="row"><Link to={`/rekommendationer/${r.id}`}>{r.title}</Link><span className="hint adoption-matrix__meta">{r.body.name}, {r.decidedOn}</span></th>
                      <td className="date">{r.deadline ?? t.noDeadline}</td>
                      {ADOPTION_COLUMNS.map((s) => <td key={s} className="num"><Link to={`/rekommendationer/${r.id}`}>{r.counts[s]}<span className="visually-hidden"> {svAdoption.statuses[s]}: {r.title}</span></Link></td>)}
                      <td className="num"><Link to={`/rekommendationer/${r.id}`}>{r.overdue}<span className="visually-hidden"> {t.overdue}: {r.title}</span></Link></td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colSpan={2}>{t.total}</th>
                    {ADOPTION_COLUMNS.map((s) => <td key={s} className="num"><Link to={list}>{a.counts[s]}<span className="visually-hidden"> {svAdoption.statuses[s]}, {t.allRecommendations}</span></Link></td>)}
                    <td className="num"><Link to={list}>{a.overdue}<span className="visually-hidden"> {t.overdue}, {t.allRecommendations}</span></Link></td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
          {a.more > 0 && <p className="hint">{t.more(a.more)}</p>}
        </>
      )}
      <p><Link to={list}>{own ? t.toHuvudman(own.name) : t.toMatrix}</Link></p>
    </section>
  );
}

function Figure({ n, to, label }: { n: number; to: string; label: string }) {
  return <li className={n > 0 ? 'dashboard-figure dashboard-figure--attention' : 'dashboard-figure'}><Link to={to}><span className="dashboard-figure__n">{n}</span> {label}</Link></li>;
}

/** A chart, hidden from assistive technology: the table after it is the accessible equivalent. */
function Chart({ children }: { children: ReactNode }) {
  return (
    <div className="dashboard-chart" aria-hidden="true">
      <Suspense fallback={null}>{children}</Suspense>
    </div>
  );
}
