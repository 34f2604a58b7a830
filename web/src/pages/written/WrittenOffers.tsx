import { useState } from 'react';
import { ApiFailure, send } from '../../api';
import { svEdit, svWritten as t } from '../../i18n/sv';
import type { WrittenOffer } from './types';

/** Decisions by written procedure waiting for confirmation: one click puts each on the agenda. Items of the offers list. */
export function WrittenOffers({ meetingId, offers, onTaken }: { meetingId: number; offers: WrittenOffer[]; onTaken: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const take = async (questionId: number) => {
    try {
      await send('POST', `/api/meetings/${meetingId}/written-decisions`, { questionId });
      setError(null);
      onTaken();
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    }
  };
  return (
    <>
      {error && <li className="form-error" role="alert">{error}</li>}
      {offers.map((o) => (
        <li key={`w${o.questionId}`}>
          <span className="label">{t.offer}</span> ({o.decidedOn}, {t.offerOutcome[o.outcome]}): {o.title}{' '}
          <button type="button" className="small" onClick={() => void take(o.questionId)}>{svEdit.editor.takeOffer}<span className="visually-hidden">: {o.title}</span></button>
        </li>
      ))}
    </>
  );
}
