import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { YearWheel as Wheel } from '../../../../src/domain/case-planning';
import type { BodySummary } from '../../../../src/domain/model';
import { ApiFailure, send, useApi } from '../../api';
import { useAuth, type Me } from '../../auth';
import { canEditBody } from '../../permissions';
import { Load, usePageTitle } from '../../components/States';
import { svPlanning } from '../../i18n/sv';
import { YearWheel } from './YearWheel';
import { MonthList, WheelTable } from './WheelTables';
import './planning.css';

const t = svPlanning.wheel;

export const mayPlan = (me: Me | null) => !!me?.account && (me.account.admin || Object.values(me.account.bodies).includes('secretary'));

export function YearWheelPage() {
  const [params] = useSearchParams();
  const year = Number(params.get('ar')) || new Date().getFullYear();
  const slug = params.get('organ') ?? '';
  const [bodies, retryBodies] = useApi<BodySummary[]>('/api/bodies');
  return (
    <Load value={bodies} retry={retryBodies}>
      {(list) => <WheelView year={year} bodies={list} body={list.find((b) => b.slug === slug) ?? null} />}
    </Load>
  );
}

function WheelView({ year, bodies, body }: { year: number; bodies: BodySummary[]; body: BodySummary | null }) {
  const title = t.title(year, body?.name ?? null);
  usePageTitle(title);
  const { me } = useAuth();
  const navigate = useNavigate();
  const [wheel, retry] = useApi<Wheel>(`/api/case-planning/wheel?year=${year}${body ? `&body=${body.id}` : ''}`);
  const query = (y: number, s: string | null) => `/arshjul?ar=${y}${s ? `&organ=${encodeURIComponent(s)}` : ''}`;
  const choose = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    navigate(query(year, String(new FormData(e.currentTarget).get('organ') ?? '') || null));
  };

  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{t.intro}</p>
      <nav className="year-nav" aria-label={t.title(year, null)}>
        <Link to={query(year - 1, body?.slug ?? null)}>← {t.previous}</Link>
        <Link to={query(year + 1, body?.slug ?? null)}>{t.next} →</Link>
        {mayPlan(me) && <Link to="/planering/ny">{t.plan}</Link>}
        <a href={body ? `/api/bodies/${body.id}/case-planning.ics` : '/api/case-planning/calendar.ics'}>{body ? t.icalBody(body.name) : t.ical}</a>
      </nav>
      <form className="wheel-filter" onSubmit={choose}>
        <div className="field">
          <label htmlFor="wheel-body">{t.bodyFilter}</label>
          <select id="wheel-body" name="organ" defaultValue={body?.slug ?? ''} key={body?.slug ?? ''}>
            <option value="">{t.allBodies}</option>
            {bodies.map((b) => <option key={b.id} value={b.slug}>{b.name}</option>)}
          </select>
        </div>
        <button type="submit">{t.show}</button>
      </form>
      <Load value={wheel} retry={retry}>
        {(w) => (
          <>
            <Attention wheel={w} />
            {w.rings.length === 0 ? <p>{t.empty}</p> : <YearWheel year={year} rings={w.rings} caption={t.figure(year)} />}
            <section aria-labelledby="wheel-plans">
              <h2 id="wheel-plans">{t.plans}</h2>
              {w.plans.length === 0 ? <p>{t.noPlans}</p> : (
                <ul className="plan-list">
                  {w.plans.map((p) => (
                    <li key={p.id}>
                      <Link to={`/planering/${p.id}`}>{p.title}</Link> · {svPlanning.plan.visibility[p.visibility]}
                      {p.warnings > 0 && <> · <strong>{t.warningCount(p.warnings)}</strong></>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {w.rings.length > 0 && (
              <>
                <section aria-labelledby="wheel-table">
                  <h2 id="wheel-table">{t.table}</h2>
                  <WheelTable rings={w.rings} />
                </section>
                <section aria-labelledby="wheel-months">
                  <h2 id="wheel-months">{t.months}</h2>
                  <MonthList year={year} rings={w.rings} />
                </section>
              </>
            )}
            {body && canEditBody(me, body.id) && <LeadTime bodyId={body.id} current={w.rings.find((r) => r.body?.id === body.id)?.leadDays ?? null} onSaved={retry} />}
          </>
        )}
      </Load>
    </>
  );
}

function Attention({ wheel }: { wheel: Wheel }) {
  const warned = wheel.plans.filter((p) => p.warnings > 0);
  if (warned.length === 0) return null;
  return (
    <div className="notice notice--warning" role="status">
      <p className="label">{t.attention}</p>
      <ul>{warned.map((p) => <li key={p.id}><Link to={`/planering/${p.id}`}>{p.title}</Link>: {t.warningCount(p.warnings)}</li>)}</ul>
    </div>
  );
}

function LeadTime({ bodyId, current, onSaved }: { bodyId: number; current: number | null; onSaved: () => void }) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const leadDays = Number(new FormData(e.currentTarget).get('days'));
    try {
      const res = await send<{ leadDays: number }>('PUT', `/api/bodies/${bodyId}/lead-time`, { leadDays });
      setMessage({ text: t.leadSaved(res.leadDays), error: false });
      onSaved();
    } catch (err) {
      setMessage({ text: err instanceof ApiFailure ? err.message : String(err), error: true });
    }
  };
  return (
    <section aria-labelledby="wheel-lead">
      <h2 id="wheel-lead">{t.leadTime}</h2>
      <form className="wheel-filter" onSubmit={save}>
        <div className="field">
          <label htmlFor="lead-days">{t.leadDays}</label>
          <input id="lead-days" name="days" type="number" min={0} max={90} required defaultValue={current ?? 14} aria-describedby="lead-help" />
        </div>
        <button type="submit">{t.saveLead}</button>
      </form>
      <p id="lead-help" className="status">{t.leadHelp}</p>
      {message && <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
