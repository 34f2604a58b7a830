import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { BodySummary } from '../../../src/domain/model';
import type { HuvudmanRef } from '../../../src/domain/follow-up-views';
import { YearOptions } from './followup/filters';
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
  const [params, setParams] = useSearchParams();
  const body = params.get('organ') ?? '';
  const status = params.get('status') ?? '';
  const huvudman = params.get('huvudman') ?? '';
  const year = params.get('ar') ?? '';
  const query = new URLSearchParams({ ...(body ? { body } : {}), ...(huvudman ? { huvudman } : {}), ...(year ? { year } : {}), ...(status ? { status } : {}) }).toString();
  const [list, reload] = useApi<Assignment[]>(`/api/assignments${query ? `?${query}` : ''}`);
  const [bodies] = useApi<BodySummary[]>('/api/bodies');
  const [partners] = useApi<HuvudmanRef[]>('/api/huvudman');
  const [error, setError] = useState<string | null>(null);
  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
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
      <form className="form inline-form" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="f-body">{t.body}</label>
        <select id="f-body" value={body} onChange={(e) => setFilter('organ', e.target.value)}>
          <option value="">{t.allBodies}</option>
          {bodies.state === 'ready' && bodies.data.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
        </select>
        <label htmlFor="f-status">{t.status}</label>
        <select id="f-status" value={status} onChange={(e) => setFilter('status', e.target.value)}>
          <option value="">{t.allStatuses}</option>
          {Object.entries(t.statuses).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
        </select>
        <label htmlFor="f-huvudman">{t.huvudman}</label>
        <select id="f-huvudman" value={huvudman} onChange={(e) => setFilter('huvudman', e.target.value)}>
          <option value="">{t.allHuvudman}</option>
          {partners.state === 'ready' && partners.data.map((h) => <option key={h.id} value={h.id}>{h.name}</option>)}
        </select>
        <label htmlFor="f-year">{t.year}</label>
        <select id="f-year" value={year} onChange={(e) => setFilter('ar', e.target.value)}>
          <option value="">{t.allYears}</option>
          <YearOptions />
        </select>
      </form>
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
