import { Link, NavLink, useParams } from 'react-router';
import type { BodySummary, MeetingSummary } from '../../../src/domain/model';
import { useApi } from '../api';
import { Load, usePageTitle } from '../components/States';
import { capitalise, longDate, timeRange } from '../format';
import { sv, svDashboard, svEdit, svVerify } from '../i18n/sv';
import { BodyInbox } from '../components/BodyInbox';
import { WrittenLink } from './written/WrittenLink';

export function BodyPage() {
  const { slug = '', year } = useParams();
  const [body, retry] = useApi<BodySummary>(`/api/bodies/${encodeURIComponent(slug)}`);
  return (
    <Load value={body} retry={retry}>
      {(b) => <BodyView body={b} year={year ?? (b.years[0] ? String(b.years[0].year ?? 'okant') : null)} />}
    </Load>
  );
}

function BodyView({ body, year }: { body: BodySummary; year: string | null }) {
  usePageTitle(body.name);
  return (
    <>
      <h1>{body.name}</h1>
      {/* React places this in the document head: feed readers find the body's feed from its page. */}
      <link rel="alternate" type="application/atom+xml" title={svVerify.feed(body.name)} href={`/feeds/${body.slug}.atom`} />
      <p className="lead">
        {sv.bodyKinds[body.kind]}
        {body.shortName && <> · {body.shortName}</>}
      </p>
      <p>
        <Link to={`/organ/${body.slug}/arsplan/${year && year !== 'okant' ? year : new Date().getFullYear()}`}>{svEdit.yearPlan.link}</Link>
        {' · '}<Link to={`/uppfoljning?organ=${body.id}`}>{svDashboard.linkFor(body.name)}</Link>
        <WrittenLink body={body} />
      </p>
      <BodyInbox bodyId={body.id} />
      {body.names.length > 1 && (
        <section aria-labelledby="namnhistorik">
          <h2 id="namnhistorik" className="h3">{sv.body.nameHistory}</h2>
          <ul className="plain-list">
            {body.names.map((n) => (
              <li key={n.name}>
                {n.name}
                {n.validFrom && <> {sv.body.from} <time dateTime={n.validFrom}>{n.validFrom}</time></>}
                {n.validTo && <> {sv.body.until} <time dateTime={n.validTo}>{n.validTo}</time></>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {body.years.length > 0 ? (
        <nav aria-label={sv.body.years} className="year-tabs">
          <ul className="year-list">
            {body.years.map((y) => {
              const key = String(y.year ?? 'okant');
              return (
                <li key={key}>
                  <NavLink to={`/organ/${body.slug}/${key}`} aria-current={key === year ? 'page' : undefined}>
                    {y.year ?? sv.home.unknownYear}
                  </NavLink>
                </li>
              );
            })}
          </ul>
        </nav>
      ) : (
        <p>{sv.home.noMeetings}</p>
      )}
      {year && <YearMeetings body={body} year={year} />}
    </>
  );
}

function YearMeetings({ body, year }: { body: BodySummary; year: string }) {
  const apiYear = year === 'okant' ? 'unknown' : year;
  const [meetings, retry] = useApi<MeetingSummary[]>(`/api/meetings?body=${body.id}&year=${encodeURIComponent(apiYear)}`);
  const heading = sv.body.meetingsIn(year === 'okant' ? sv.home.unknownYear.toLocaleLowerCase('sv') : year);
  return (
    <section aria-labelledby="moten">
      <h2 id="moten">{heading}</h2>
      <Load value={meetings} retry={retry}>
        {(list) =>
          list.length === 0 ? (
            <p>{sv.body.noMeetings}</p>
          ) : (
            <ol className="meeting-list">
              {list.map((m) => (
                <li key={m.id} className="meeting-row">
                  <Link to={`/moten/${m.id}`} className="meeting-row__link">
                    {m.date ? capitalise(longDate(m.date)) : sv.meeting.dateUnknown}
                  </Link>
                  <span className="meeting-row__meta">
                    {m.bodyNameAtTheTime && m.bodyNameAtTheTime !== body.name && <>{m.bodyNameAtTheTime} · </>}
                    {[timeRange(m.startTime, m.endTime), m.place].filter(Boolean).join(' · ')}
                    {m.items.first !== null && m.items.last !== null && <> · {sv.body.items(m.items.first, m.items.last)}</>}
                    {m.status === 'cancelled' && <> · <strong>{sv.status.cancelled}</strong></>}
                  </span>
                </li>
              ))}
            </ol>
          )
        }
      </Load>
    </section>
  );
}
