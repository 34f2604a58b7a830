import { useState } from 'react';
import { useParams } from 'react-router';
import { useApi } from '../../api';
import { usePageTitle } from '../../components/States';
import { sv, svWritten as t } from '../../i18n/sv';
import { AnswerForm } from './AnswerForm';
import { Proposal, QuestionState } from './QuestionFacts';
import type { LinkedQuestion } from './types';

/** The page a member's e-mail link opens, without signing in: the proposal, its documents, and their answer. */
export function WrittenAnswerPage() {
  const { token = '' } = useParams();
  const [question, reload] = useApi<LinkedQuestion>(`/api/written-procedures/links/${encodeURIComponent(token)}`);
  const [message, setMessage] = useState<string | null>(null);
  usePageTitle(question.state === 'ready' ? question.data.title : t.linkTitle);
  if (question.state === 'loading') return <p className="status" role="status">{sv.loading}</p>;
  if (question.state === 'error') {
    return (
      <div className="error-box" role="alert">
        <h1>{t.linkInvalid}</h1>
        <p>{question.error.message}</p>
        <p>{t.signInHint}</p>
      </div>
    );
  }
  const q = question.data;
  return (
    <>
      <h1>{q.title}</h1>
      <p className="lead">{t.link} · {q.body.name} · {t.linkFor(q.you)}</p>
      <p>{t.linkIntro}</p>
      {message && <p className="form-ok" role="status">{message}</p>}
      <QuestionState q={q} />
      <dl className="protocol__facts">
        <dt>{t.ruleLabel}</dt><dd>{t.ruleShort[q.rule] ?? q.rule}</dd>
        <dt>{t.deadlineLabel}</dt><dd>{q.deadlineText}</dd>
      </dl>
      <Proposal q={q} />
      {q.canAnswer && <AnswerForm questionId={q.id} token={token} onAnswered={(m) => { setMessage(m); reload(); }} />}
      {q.mine?.answer && (
        <p><strong>{t.yourAnswer(t.answerText[q.mine.answer] ?? q.mine.answer)}</strong>{q.mine.comment && <> · {t.yourComment(q.mine.comment)}</>}</p>
      )}
    </>
  );
}
