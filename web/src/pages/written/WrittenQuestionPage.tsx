import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api';
import { Load, usePageTitle } from '../../components/States';
import { svWritten as t } from '../../i18n/sv';
import { AnswerForm } from './AnswerForm';
import { Answers } from './AnswersTable';
import { Proposal, QuestionState } from './QuestionFacts';
import type { WrittenQuestion } from './types';

/** A question by written procedure for a signed-in member or secretary: state, proposal, answers, and the member's own answer form. */
export function WrittenQuestionPage() {
  const { id = '' } = useParams();
  const [question, reload] = useApi<WrittenQuestion>(`/api/written-procedures/${encodeURIComponent(id)}`);
  return <Load value={question} retry={reload}>{(q) => <QuestionView q={q} reload={reload} />}</Load>;
}

function QuestionView({ q, reload }: { q: WrittenQuestion; reload: () => void }) {
  usePageTitle(q.title);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <p className="breadcrumb"><Link to={`/organ/${q.body.slug}/per-capsulam`}>{t.backToList}</Link></p>
      <h1>{q.title}</h1>
      <p className="lead">{t.link} · {q.body.name}</p>
      {message && <p className="form-ok" role="status">{message}</p>}
      <QuestionState q={q} />
      <dl className="protocol__facts">
        <dt>{t.ruleLabel}</dt><dd>{t.ruleShort[q.rule] ?? q.rule}</dd>
        <dt>{t.deadlineLabel}</dt><dd>{q.deadlineText}</dd>
        {q.createdBy && <><dt>{t.sentBy}</dt><dd>{q.createdBy}</dd></>}
      </dl>
      <Proposal q={q} />
      {q.canAnswer && <AnswerForm questionId={q.id} onAnswered={(m) => { setMessage(m); reload(); }} />}
      <Answers q={q} />
    </>
  );
}
