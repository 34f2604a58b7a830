import { Link } from 'react-router';
import { format } from 'date-fns';
import { sv as svLocale } from 'date-fns/locale';
import type { WheelEvent, WheelRing } from '../../../../src/domain/case-planning';
import { capitalise } from '../../format';
import { svPlanning } from '../../i18n/sv';
import { dayLabel, eventRows, eventWhat, ringName } from './wheel-model';

// The year wheel in words: every date in a table, and the same month by month as a list.

const t = svPlanning.wheel;

function What({ event }: { event: WheelEvent }) {
  const what = eventWhat(event);
  return event.kind === 'meeting' && event.meetingId ? <Link to={`/moten/${event.meetingId}`}>{what}</Link> : <>{what}</>;
}

function CaseLink({ event }: { event: WheelEvent }) {
  return event.plan ? <Link to={`/planering/${event.plan.id}`}>{event.plan.title}</Link> : <>{event.meetingTitle ?? t.none}</>;
}

function Warnings({ event }: { event: WheelEvent }) {
  if (event.warnings.length === 0) return <>{t.none}</>;
  return <ul className="plain-list">{event.warnings.map((w, i) => <li key={i}><strong>{t.markerWarning}:</strong> {w.message}</li>)}</ul>;
}

export function WheelTable({ rings }: { rings: WheelRing[] }) {
  const rows = eventRows(rings);
  return (
    <div className="table-wrap">
      <table className="wheel-table">
        <caption className="visually-hidden">{t.table}</caption>
        <thead>
          <tr><th scope="col">{t.date}</th><th scope="col">{t.body}</th><th scope="col">{t.what}</th><th scope="col">{t.case}</th><th scope="col">{t.warnings}</th></tr>
        </thead>
        <tbody>
          {rows.map(({ ring, event }, i) => (
            <tr key={i} className={event.warnings.length > 0 ? 'wheel-table__warn' : undefined}>
              <td className="date"><time dateTime={event.date}>{event.date}</time></td>
              <td>{ringName(ring)}</td>
              <td><What event={event} /></td>
              <td><CaseLink event={event} /></td>
              <td><Warnings event={event} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MonthList({ year, rings }: { year: number; rings: WheelRing[] }) {
  const rows = eventRows(rings);
  const months = Array.from({ length: 12 }, (_, m) => ({ m, rows: rows.filter((r) => Number(r.event.date.slice(5, 7)) === m + 1) })).filter((x) => x.rows.length > 0);
  return (
    <ol className="wheel-months">
      {months.map(({ m, rows: own }) => (
        <li key={m}>
          <h3>{capitalise(format(new Date(year, m, 1), 'LLLL', { locale: svLocale }))}</h3>
          <ul>
            {own.map(({ ring, event }, i) => (
              <li key={i}>
                <time dateTime={event.date}>{dayLabel(event.date)}</time> – {ringName(ring)}: <What event={event} />
                {event.plan && <>, <CaseLink event={event} /></>}
                {event.warnings.map((w, j) => <span key={j} className="wheel-months__warning"> <strong>{t.markerWarning}:</strong> {w.message}</span>)}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
