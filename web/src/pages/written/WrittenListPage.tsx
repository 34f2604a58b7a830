import { Link, useParams } from 'react-router';
import type { BodySummary } from '../../../../src/domain/model';
import { useApi } from '../../api';
import { useAuth } from '../../auth';
import { Load, usePageTitle } from '../../components/States';
import { canEditBody } from '../../permissions';
import { svWritten as t } from '../../i18n/sv';
import { ConfirmationText } from './QuestionFacts';
import type { WrittenSummary } from './types';

/** A body's decisions by written procedure, newest first, for its members and secretaries. */
export function WrittenListPage() {
  const { slug = '' } = useParams();
  const [body, retry] = useApi<BodySummary>(`/api/bodies/${encodeURIComponent(slug)}`);
  return <Load value={body} retry={retry}>{(b) => <WrittenList body={b} />}</Load>;
}

function WrittenList({ body }: { body: BodySummary }) {
  usePageTitle(t.listTitle(body.name));
  const { me } = useAuth();
  const [list, retry] = useApi<WrittenSummary[]>(`/api/bodies/${body.id}/written-procedures`);
  return (
    <>
      <p className="breadcrumb"><Link to={`/organ/${body.slug}`}>{t.backToBody(body.name)}</Link></p>
      <h1>{t.listTitle(body.name)}</h1>
      <p className="lead">{t.listIntro}</p>
      {canEditBody(me, body.id) && <p><Link className="button-link" to={`/organ/${body.slug}/per-capsulam/ny`}>{t.newLink}</Link></p>}
      <Load value={list} retry={retry}>
        {(questions) => questions.length === 0 ? <p>{t.none}</p> : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.columns.title}</th>
                  <th scope="col">{t.columns.deadline}</th>
                  <th scope="col">{t.columns.status}</th>
                  <th scope="col">{t.columns.answered}</th>
                  <th scope="col">{t.columns.confirmation}</th>
                </tr>
              </thead>
              <tbody>
                {questions.map((q) => (
                  <tr key={q.id}>
                    <th scope="row"><Link to={`/per-capsulam/${q.id}`}>{q.title}</Link></th>
                    <td>{q.deadlineText}</td>
                    <td>{t.status[q.status]}{q.canAnswer && <> · <strong>{t.yourTurn}</strong></>}</td>
                    <td>{t.answeredOf(q.progress.answered, q.progress.total)}</td>
                    <td>{q.confirmation ? <ConfirmationText confirmation={q.confirmation} /> : t.notConfirmed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Load>
    </>
  );
}
