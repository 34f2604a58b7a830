import { Link } from 'react-router';
import { eachDayOfInterval, endOfMonth, format, getISODay, startOfMonth } from 'date-fns';
import { sv as svLocale } from 'date-fns/locale';
import type { MeetingSummary } from '../../../src/domain/model';
import { svEdit } from '../i18n/sv';
import './year-calendar.css';

const t = svEdit.yearPlan;

/**
 * Twelve month tables; a day with a meeting links to it. The list beside it says the same in words.
 * A cancelled meeting's day is struck through and framed rather than filled, says "Inställt" to a
 * screen reader, and a legend under the months says what the strike means.
 */
export function YearCalendar({ year, meetings }: { year: number; meetings: MeetingSummary[] }) {
  const byDate = new Map(meetings.filter((m) => m.date).map((m) => [m.date!, m]));
  const anyCancelled = meetings.some((m) => m.status === 'cancelled');
  return (
    <>
      <div className="calendar">
        {Array.from({ length: 12 }, (_, month) => {
          const first = startOfMonth(new Date(year, month, 1));
          const days = eachDayOfInterval({ start: first, end: endOfMonth(first) });
          const blanks = getISODay(first) - 1;
          const cells: (Date | null)[] = [...Array<null>(blanks).fill(null), ...days];
          const weeks: (Date | null)[][] = [];
          for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
          return (
            <table key={month} className="calendar__month">
              <caption>{format(first, 'LLLL', { locale: svLocale })}</caption>
              <thead>
                <tr>{t.weekdays.map((d) => <th key={d} scope="col" abbr={d}>{d.slice(0, 2)}</th>)}</tr>
              </thead>
              <tbody>
                {weeks.map((week, w) => (
                  <tr key={w}>
                    {Array.from({ length: 7 }, (_, d) => {
                      const day = week[d];
                      if (!day) return <td key={d} />;
                      const iso = format(day, 'yyyy-MM-dd');
                      const meeting = byDate.get(iso);
                      if (!meeting) return <td key={d} className="calendar__day">{day.getDate()}</td>;
                      const name = meeting.title ?? meeting.bodyNameAtTheTime ?? '';
                      const cancelled = meeting.status === 'cancelled';
                      return (
                        <td key={d} className={cancelled ? 'calendar__day calendar__day--cancelled' : 'calendar__day calendar__day--meeting'}>
                          <Link
                            to={`/moten/${meeting.id}`}
                            aria-label={cancelled ? `${iso}: ${t.dayCancelled}${name ? ` – ${name}` : ''}` : `${iso}: ${name}`}
                            title={cancelled ? t.dayCancelled : undefined}
                          >
                            {cancelled ? <s>{day.getDate()}</s> : day.getDate()}
                          </Link>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      </div>
      {anyCancelled && (
        <p className="calendar__legend">
          <span className="calendar__day--cancelled calendar__sample" aria-hidden="true"><s>12</s></span> {t.legendCancelled}
        </p>
      )}
    </>
  );
}
