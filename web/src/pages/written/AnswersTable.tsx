import { svWritten as t } from '../../i18n/sv';
import type { WrittenQuestion } from './types';

/** Every member's answer (the secretary, the chair who decides, everyone once settled), or how many have answered. */
export function Answers({ q }: { q: WrittenQuestion }) {
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' }) : '');
  return (
    <section aria-labelledby="svar">
      <h2 id="svar">{t.answersHeading}</h2>
      <p>{t.progress(q.progress.answered, q.progress.total)}{q.tally && <> {t.tally(q.tally.yes, q.tally.no, q.tally.abstain, q.tally.missing)}</>}</p>
      {q.mine && q.mine.answer && (
        <p>
          <strong>{t.yourAnswer(t.answerText[q.mine.answer] ?? q.mine.answer)}</strong>
          {q.mine.comment && <> · {t.yourComment(q.mine.comment)}</>}
        </p>
      )}
      {!q.mine && !q.canManage && <p>{t.notAsked}</p>}
      {q.answersShown && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t.answersCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.answerColumns.name}</th>
                <th scope="col">{t.answerColumns.role}</th>
                <th scope="col">{t.answerColumns.answer}</th>
                <th scope="col">{t.answerColumns.comment}</th>
                <th scope="col">{t.answerColumns.when}</th>
                {q.canManage && <th scope="col">{t.answerColumns.via}</th>}
              </tr>
            </thead>
            <tbody>
              {q.recipients.map((r) => (
                <tr key={r.name}>
                  <th scope="row">{r.name}</th>
                  <td>{r.role}{r.chair && t.chair}</td>
                  <td>{r.answer ? t.answerText[r.answer] : t.notAnswered}</td>
                  <td>{r.comment}</td>
                  <td>{when(r.answeredAt)}</td>
                  {q.canManage && <td>{r.via ? t.via[r.via] : r.mailed ? t.mailed : t.notMailed}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
