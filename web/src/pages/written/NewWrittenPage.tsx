import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { BodySummary } from '../../../../src/domain/model';
import { WRITTEN_RULES } from '../../../../src/domain/written-procedure';
import { useApi } from '../../api';
import { currentCsrfToken } from '../../csrf';
import { Load, usePageTitle } from '../../components/States';
import { svWritten as t } from '../../i18n/sv';

/** The secretary puts a question to the body's voting members: proposal, att-clauses, documents, deadline, rule. */
export function NewWrittenPage() {
  const { slug = '' } = useParams();
  const [body, retry] = useApi<BodySummary>(`/api/bodies/${encodeURIComponent(slug)}`);
  usePageTitle(t.newTitle);
  return <Load value={body} retry={retry}>{(b) => <QuestionForm body={b} />}</Load>;
}

function QuestionForm({ body }: { body: BodySummary }) {
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // Multipart, with the documents: the question and its files are stored together or not at all.
      const res = await fetch(`/api/bodies/${body.id}/written-procedures`, { method: 'POST', body: new FormData(e.currentTarget), headers: { Accept: 'application/json', 'X-CSRF-Token': currentCsrfToken() ?? '' } });
      const data = (await res.json().catch(() => null)) as { id?: number; error?: { message: string } } | null;
      if (!res.ok || !data?.id) throw new Error(data?.error?.message ?? res.statusText);
      navigate(`/per-capsulam/${data.id}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <>
      <p className="breadcrumb"><Link to={`/organ/${body.slug}/per-capsulam`}>{t.backToList}</Link></p>
      <h1>{t.newTitle}</h1>
      <p className="lead">{body.name}</p>
      <p>{t.newIntro}</p>
      <form className="form" onSubmit={submit} encType="multipart/form-data">
        {error && <p className="form-error" role="alert">{error}</p>}
        <label htmlFor="w-title">{t.title} <span className="hint">{t.titleHint}</span></label>
        <input id="w-title" name="title" required maxLength={500} />
        <label htmlFor="w-proposal">{t.proposal}</label>
        <textarea id="w-proposal" name="proposal" rows={5} required maxLength={20000} />
        <label htmlFor="w-clauses">{t.clauses} <span className="hint">{t.clausesHint}</span></label>
        <textarea id="w-clauses" name="clauses" rows={3} />
        <label htmlFor="w-documents">{t.documents} <span className="hint">{t.documentsHint}</span></label>
        <input id="w-documents" name="documents" type="file" multiple accept=".pdf,.docx,.xlsx,application/pdf" />
        <label htmlFor="w-deadline">{t.deadline} <span className="hint">{t.deadlineHint}</span></label>
        <input id="w-deadline" name="deadline" type="datetime-local" required />
        <fieldset className="subform">
          <legend>{t.rule}</legend>
          {WRITTEN_RULES.map((r, i) => (
            <label key={r} className="checkbox"><input type="radio" name="rule" value={r} defaultChecked={i === 0} /> {t.rules[r]}</label>
          ))}
        </fieldset>
        <button type="submit" disabled={busy}>{busy ? t.sending : t.send}</button>
      </form>
    </>
  );
}
