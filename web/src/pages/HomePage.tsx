import { Link } from 'react-router';
import type { BodySummary } from '../../../src/domain/model';
import { useApi } from '../api';
import { Load, usePageTitle } from '../components/States';
import { sv } from '../i18n/sv';

export function HomePage() {
  usePageTitle(null);
  const [bodies, retry] = useApi<BodySummary[]>('/api/bodies');
  return (
    <>
      <h1>{sv.home.title}</h1>
      <p className="lead">{sv.home.intro}</p>
      <Load value={bodies} retry={retry}>
        {(list) => (
          <ul className="card-list">
            {list.map((body) => <BodyCard key={body.id} body={body} />)}
          </ul>
        )}
      </Load>
    </>
  );
}

function BodyCard({ body }: { body: BodySummary }) {
  const former = body.names.filter((n) => n.name !== body.name);
  const total = body.years.reduce((sum, y) => sum + y.meetings, 0);
  return (
    <li className="card">
      <h2 className="card__title">
        <Link to={`/organ/${body.slug}`}>{body.name}</Link>
      </h2>
      <p className="card__meta">
        {sv.bodyKinds[body.kind]}
        {body.shortName && <> · <abbr title={body.name}>{body.shortName}</abbr></>}
        {' · '}
        {total > 0 ? sv.home.meetings(total) : sv.home.noMeetings}
      </p>
      {former.length > 0 && (
        <p className="card__meta">{sv.home.formerly}: {former.map((n) => n.name).join(', ')}</p>
      )}
      {body.years.length > 0 && (
        <ul className="year-list" aria-label={`${sv.body.years}: ${body.name}`}>
          {body.years.map((y) => (
            <li key={y.year ?? 'okant'}>
              <Link to={`/organ/${body.slug}/${y.year ?? 'okant'}`}>
                {y.year ?? sv.home.unknownYear} <span className="count">({y.meetings})</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
