import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { BodySummary, MeetingSummary } from '../../../src/domain/model';
import { ApiFailure, send, useApi } from '../api';
import { useAuth } from '../auth';
import { canEditBody } from '../permissions';
import { Load, usePageTitle } from '../components/States';
import { YearCalendar } from '../components/YearCalendar';
import { capitalise, longDate, timeRange } from '../format';
import { sv, svEdit, svPlanning } from '../i18n/sv';
import { CancelMeeting } from './planning/CancelMeeting';

const t = svEdit.yearPlan;

export function YearPlanPage() {
  const { slug = '', year = String(new Date().getFullYear()) } = useParams();
  const [body, retry] = useApi<BodySummary>(`/api/bodies/${encodeURIComponent(slug)}`);
  return <Load value={body} retry={retry}>{(b) => <YearPlan body={b} year={Number(year)} />}</Load>;
}

function YearPlan({ body, year }: { body: BodySummary; year: number }) {
  usePageTitle(t.title(body.name, year));
  const { me } = useAuth();
  const navigate = useNavigate();
  const [meetings, reload] = useApi<MeetingSummary[]>(`/api/bodies/${body.id}/year-plan?year=${year}`);
  const [bodies] = useApi<BodySummary[]>('/api/bodies');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const editable = canEditBody(me, body.id);

  const add = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const d = new FormData(form);
    const text = (k: string) => (String(d.get(k) ?? '').trim() || null);
    try {
      const res = await send<{ created: number[] }>('POST', `/api/bodies/${body.id}/year-plan`, {
        year,
        meetings: [{ date: d.get('date'), startTime: text('start'), endTime: text('end'), place: text('place'), kind: d.get('kind'), title: text('title'), jointBodyIds: text('joint') ? [Number(d.get('joint'))] : [] }],
      });
      setMessage({ text: t.saved(res.created.length), error: false });
      form.reset();
      reload();
    } catch (err) {
      setMessage({ text: err instanceof ApiFailure ? err.message : String(err), error: true });
    }
  };

  const prepare = async (m: MeetingSummary) => {
    try {
      const res = await send<{ meetingId: number }>('POST', `/api/bodies/${body.id}/meetings`, { date: m.date });
      navigate(`/moten/${res.meetingId}/redigera`);
    } catch (err) {
      setMessage({ text: err instanceof ApiFailure ? err.message : String(err), error: true });
    }
  };

  return (
    <>
      <p className="breadcrumb"><Link to={`/organ/${body.slug}`}>← {body.name}</Link></p>
      <h1>{t.title(body.name, year)}</h1>
      <p className="lead">{t.intro}</p>
      <nav className="year-nav" aria-label={sv.body.years}>
        <Link to={`/organ/${body.slug}/arsplan/${year - 1}`}>← {t.previous}</Link>
        <Link to={`/organ/${body.slug}/arsplan/${year + 1}`}>{t.next} →</Link>
        <a href={`/api/bodies/${body.id}/calendar.ics`}>{t.ical}</a>
        <Link to={`/arshjul?ar=${year}&organ=${body.slug}`}>{svPlanning.nav}</Link>
      </nav>
      {message && <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <Load value={meetings} retry={reload}>
        {(list) => (
          <div className="year-plan">
            <section aria-labelledby="plan-lista">
              <h2 id="plan-lista">{t.list}</h2>
              {list.length === 0 ? <p>{t.none}</p> : (
                <ul className="meeting-list">
                  {list.map((m) => (
                    <li key={m.id} className="meeting-row">
                      <Link to={`/moten/${m.id}`} className="meeting-row__link">{m.date ? capitalise(longDate(m.date)) : sv.meeting.dateUnknown}</Link>
                      <span className="meeting-row__meta">
                        {[m.title, timeRange(m.startTime, m.endTime), m.place, m.bodies.length > 1 ? `${sv.meeting.joint} ${m.bodies.filter((b) => b.id !== body.id).map((b) => b.name).join(', ')}` : null, sv.status[m.status]].filter(Boolean).join(' · ')}
                      </span>
                      {editable && m.status === 'planned' && <button type="button" className="small" onClick={() => prepare(m)}>{t.prepare}<span className="visually-hidden"> {m.date}</span></button>}
                      {editable && m.status === 'draft' && <Link to={`/moten/${m.id}/redigera`}>{t.edit}<span className="visually-hidden"> {m.date}</span></Link>}
                      {editable && <CancelMeeting meeting={m} onChanged={reload} />}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="plan-kalender">
              <h2 id="plan-kalender">{t.calendar}</h2>
              <YearCalendar year={year} meetings={list} />
            </section>
          </div>
        )}
      </Load>
      {editable && (
        <section aria-labelledby="plan-ny">
          <h2 id="plan-ny">{t.add}</h2>
          <form onSubmit={add} className="grid-form">
            <div className="field"><label htmlFor="yp-date">{t.date}</label><input id="yp-date" name="date" type="date" min={`${year}-01-01`} max={`${year}-12-31`} required /></div>
            <div className="field"><label htmlFor="yp-start">{t.start}</label><input id="yp-start" name="start" type="time" /></div>
            <div className="field"><label htmlFor="yp-end">{t.end}</label><input id="yp-end" name="end" type="time" /></div>
            <div className="field"><label htmlFor="yp-place">{t.place}</label><input id="yp-place" name="place" /></div>
            <div className="field"><label htmlFor="yp-title">{t.meetingTitle}</label><input id="yp-title" name="title" /></div>
            <div className="field">
              <label htmlFor="yp-kind">{t.kind}</label>
              <select id="yp-kind" name="kind" defaultValue="meeting"><option value="meeting">{t.kindMeeting}</option><option value="seminar">{t.kindSeminar}</option></select>
            </div>
            <div className="field">
              <label htmlFor="yp-joint">{t.joint}</label>
              <select id="yp-joint" name="joint" defaultValue="">
                <option value="">{t.jointNone}</option>
                {bodies.state === 'ready' && bodies.data.filter((b) => b.id !== body.id).map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
              </select>
            </div>
            <div className="field field--button"><button type="submit">{t.save}</button></div>
          </form>
        </section>
      )}
    </>
  );
}
