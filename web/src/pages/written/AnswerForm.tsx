import { useState, type FormEvent } from 'react';
import { ApiFailure, send } from '../../api';
import { svWritten as t } from '../../i18n/sv';
import type { WrittenStatus } from './types';

/** Ja / nej / avstår with a comment, sent once: signed in, or with the member's link token. */
export function AnswerForm({ questionId, token, onAnswered }: { questionId: number; token?: string; onAnswered: (message: string) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const answer = data.get('answer');
    if (!answer) return setError(`${t.answerLegend}: ${t.answerText.yes} / ${t.answerText.no} / ${t.answerText.abstain}?`);
    setBusy(true);
    setError(null);
    try {
      const comment = String(data.get('comment') ?? '').trim() || null;
      const res = await send<{ status: WrittenStatus }>('POST', `/api/written-procedures/${questionId}/answers`, { answer, comment, ...(token ? { token } : {}) });
      onAnswered(res.status === 'open' ? t.thanks : t.settledNow(t.status[res.status] ?? res.status));
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="svara">
      <h2 id="svara">{t.answerHeading}</h2>
      <p>{t.answerOnce}</p>
      <form className="form" onSubmit={submit}>
        {error && <p className="form-error" role="alert">{error}</p>}
        <fieldset className="subform">
          <legend>{t.answerLegend}</legend>
          {(['yes', 'no', 'abstain'] as const).map((a) => (
            <label key={a} className="checkbox"><input type="radio" name="answer" value={a} required /> {t.answerText[a]}</label>
          ))}
        </fieldset>
        <label htmlFor="svar-kommentar">{t.comment}</label>
        <textarea id="svar-kommentar" name="comment" rows={3} maxLength={5000} />
        <button type="submit" disabled={busy}>{t.submitAnswer}</button>
      </form>
    </section>
  );
}
