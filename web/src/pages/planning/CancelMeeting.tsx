import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { MeetingSummary } from '../../../../src/domain/model';
import { ApiFailure, send } from '../../api';
import { svEdit } from '../../i18n/sv';

const t = svEdit.yearPlan;

// Ställa in: a planned meeting that will not be held. The server takes only one without an agenda
// (POST /api/meetings/{id}/cancel answers 409 otherwise, in words shown here); the page may be older
// than the meeting's agenda, so the button is offered on what the page knows and the answer decides.

/** Whether the year plan offers to cancel the meeting. */
export function offersCancel(m: MeetingSummary): boolean {
  return m.origin === 'native' && (m.status === 'planned' || (m.status === 'draft' && m.items.count === 0));
}

/**
 * The button, an inline confirmation that takes the focus (Escape or "Nej" goes back), and the
 * outcome. It stays mounted while the list reloads, so the outcome is read where the button was.
 */
export function CancelMeeting({ meeting, onChanged }: { meeting: MeetingSummary; onChanged: () => void }) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; error: boolean } | null>(null);
  // Where the focus goes after this render; the count makes the same place a new request.
  const [focus, setFocus] = useState<{ to: 'confirm' | 'button' | 'outcome'; n: number } | null>(null);
  const moveFocus = (to: 'confirm' | 'button' | 'outcome') => setFocus((f) => ({ to, n: (f?.n ?? 0) + 1 }));
  const button = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const said = useRef<HTMLParagraphElement>(null);
  const date = meeting.date ?? '';

  useEffect(() => {
    if (focus) ({ confirm, button, outcome: said } as const)[focus.to].current?.focus();
  }, [focus]);

  const back = () => {
    setConfirming(false);
    moveFocus('button');
  };
  const cancel = async () => {
    setBusy(true);
    try {
      await send('POST', `/api/meetings/${meeting.id}/cancel`);
      setOutcome({ text: t.cancelled(date), error: false });
    } catch (err) {
      setOutcome({ text: `${t.cancelFailed} ${err instanceof ApiFailure ? err.message : t.noConnection}`, error: true });
    } finally {
      // Either way the list may be out of date: a refusal means the meeting has an agenda by now.
      onChanged();
      setBusy(false);
      setConfirming(false);
      moveFocus('outcome');
    }
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') back();
  };

  return (
    <div className="cancel-meeting">
      {outcome && (
        <p ref={said} tabIndex={-1} className={outcome.error ? 'form-error' : 'form-ok'} role={outcome.error ? 'alert' : 'status'}>{outcome.text}</p>
      )}
      {confirming ? (
        <div role="group" aria-labelledby={`${id}-q`} className="button-row" onKeyDown={onKey}>
          <p id={`${id}-q`}>{t.cancelQuestion(date)}</p>
          <button type="button" ref={confirm} disabled={busy} onClick={() => void cancel()}>{t.cancelConfirm}</button>
          <button type="button" className="secondary" onClick={back}>{t.cancelKeep}</button>
        </div>
      ) : offersCancel(meeting) && (
        <button type="button" ref={button} className="small secondary" onClick={() => { setOutcome(null); setConfirming(true); moveFocus('confirm'); }}>
          {t.cancel}<span className="visually-hidden"> {date}</span>
        </button>
      )}
    </div>
  );
}
