import { useState } from 'react';
import { Link } from 'react-router';
import type { BodySummary } from '../../../src/domain/model';
import type { HuvudmanRef } from '../../../src/domain/follow-up-views';
import { FilterBar, NamedOptions, bodyFilter, href, useUrlFilters, yearFilter } from './followup/filters';
import { ApiFailure, send, useApi } from '../api';
import { useAuth } from '../auth';
import { canEditBody } from '../permissions';
import { Load, usePageTitle } from '../components/States';
import { svFollowUp, svImmediate } from '../i18n/sv';
import type { ClosedBy } from '../../../src/domain/assignment-closing';

interface Assignment {
  id: number; from: string | null; fromBodyId: number | null; to: string; toBodyId: number | null; text: string; status: string; overdue: boolean; due: string | null;
  meeting: { id: number; date: string | null }; item: { number: number | null; title: string }; reportedAt: { meetingId: number; date: string | null; itemNumber: number | null } | null; closedBy?: ClosedBy | null;
}

const t = svFollowUp;
const NEXT: Record<string, string[]> = { unconfirmed: ['open', 'withdrawn'], open: ['reported', 'done', 'withdrawn'], reported: ['done', 'open'], withdrawn: ['open'], done: [] };

export function AssignmentsPage() {
  usePageTitle(t.title);
  const { me } = useAuth();
  const filters = useUrlFilters();
  const [list, reload] = useApi<Assignment[]>(href('/api/assignments', { body: filters.get('organ'), huvudman: filters.get('huvudman'), year: filters.get('ar'), status: filters.get('status') }));
  const [bodies] = useApi<BodySummary[]>('/api/bodies');
  const [partners] = useApi<HuvudmanRef[]>('/api/huvudman');
  const [error, setError] = useState<string | null>(null);
  const move = async (a: Assignment, to: string) => {
    try {
      await send('POST', `/api/assignments/${a.id}/status`, { status: to });
      setError(null);
      reload();
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    }
  };

  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      <FilterBar filters={[
        bodyFilter('f-body', t.body, t.allBodies, bodies),
        { id: 'f-status', label: t.status, all: t.allStatuses, param: 'status', options: Object.entries(t.statuses).map(([k, v]) => <option key={k} value={k}>{v}</option>) },
        { id: 'f-huvudman', label: t.huvudman, all: t.allHuvudman, param: 'huvudman', options: <NamedOptions list={partners} /> },
        yearFilter('f-year', t.year, t.allYears),
      ]} />
      {error && <p className="form-error" role="alert">{error}</p>}
      <Load value={list} retry={reload}>
        {(rows) =>
          rows.length === 0 ? <p>{t.none}</p> : (
            <div className="table-wrap">
              <table>
                <thead><tr><th scope="col">{t.source}</th><th scope="col">{t.from}</th><th scope="col">{t.to}</th><th scope="col">{t.task}</th><th scope="col">{t.due}</th><th scope="col">{t.status}</th><th scope="col"><span className="visually-hidden">Åtgärder</span></th></tr></thead>
                <tbody>
                  {rows.map((a) => {
                    const editable = [a.fromBodyId, a.toBodyId].some((b) => b !== null && canEditBody(me, b));
                    return (
                      <tr key={a.id}>
                        <td><Link to={`/moten/${a.meeting.id}#punkt-${a.item.number ?? ''}`}>{a.meeting.date ?? '–'}, § {a.item.number ?? '–'}</Link></td>
                        <td>{a.from ?? '–'}</td>
                        <td>{a.to}</td>
                        <td>{a.text}</td>
                        <td>{a.due ?? '–'}{a.reportedAt && <><br /><span className="hint">{t.reportedAt(a.reportedAt.date ?? '', a.reportedAt.itemNumber)}</span></>}</td>
                        <td>{t.statuses[a.status]}{a.overdue && <> <span className="badge badge--warn">⚠ {t.overdue}</span></>}{a.closedBy && <><br /><span className="hint">{svImmediate.closedBy(a.closedBy)}</span></>}</td>
                        <td className="actions">
                          {editable && (NEXT[a.status] ?? []).map((to) => (
                            <button key={to} type="button" className="small" onClick={() => move(a, to)}>{t.actions[to]}<span className="visually-hidden">: {a.text}</span></button>
                          ))}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )
        }
      </Load>
    </>
  );
}
