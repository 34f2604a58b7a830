import { Link } from 'react-router';
import { eachDayOfInterval, endOfMonth, format, getISODay, startOfMonth } from 'date-fns';
import { sv as svLocale } from 'date-fns/locale';
import type { MeetingSummary } from '../../../src/domain/model';
import { svEdit } from '../i18n/sv';

/** Twelve month tables; a day with a meeting links to it. The list beside it says the same in words. */
export function YearCalendar({ year, meetings }: { year: number; meetings: MeetingSummary[] }) {
  const byDate = new Map(meetings.filter((m) => m.date).map((m) => [m.date!, m]));
  return (
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
              <tr>{svEdit.yearPlan.weekdays.map((d) => <th key={d} scope="col" abbr={d}>{d.slice(0, 2)}</th>)}</tr>
            </thead>
            <tbody>
              {weeks.map((week, w) => (
                <tr key={w}>
                  {Array.from({ length: 7 }, (_, d) => {
                    const day = week[d];
                    if (!day) return <td key={d} />;
                    const iso = format(day, 'yyyy-MM-dd');
                    const meeting = byDate.get(iso);
                    return (
                      <td key={d} className={meeting ? 'calendar__day calendar__day--meeting' : 'calendar__day'}>
                        {meeting ? <Link to={`/moten/${meeting.id}`} aria-label={`${iso}: ${meeting.title ?? meeting.bodyNameAtTheTime ?? ''}`}>{day.getDate()}</Link> : day.getDate()}
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
  );
}
