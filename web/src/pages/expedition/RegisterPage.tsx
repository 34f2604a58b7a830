import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ApiFailure, send, useApi } from '../../api';
import { Load, usePageTitle } from '../../components/States';
import { capitalise, longDate } from '../../format';
import { svExpedition } from '../../i18n/sv';
import type { Registration } from './types';

const t = svExpedition.register;

/** The registrar's page from the expediering e-mail: no sign-in, the link is the permission. */
export function RegisterPage() {
  const { token = '' } = useParams();
  usePageTitle(t.title);
  const url = `/api/expedition/registration/${encodeURIComponent(token)}`;
  const [view, reload] = useApi<Registration>(url);
  return <Load value={view} retry={reload}>{(r) => <Register registration={r} url={url} />}</Load>;
}

function Register({ registration, url }: { registration: Registration; url: string }) {
  const [r, setR] = useState(registration);
  const [diary, setDiary] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setR(await send<Registration>('POST', url, { diaryNumber: diary }));
      setDone(true);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <h1>{t.heading}</h1>
      <p className="lead">{t.intro(r.recipient)}</p>
      <dl className="facts">
        <dt>{t.from}</dt><dd>{r.body}</dd>
        {r.meetingDate && (<><dt>{t.meeting}</dt><dd><time dateTime={r.meetingDate}>{capitalise(longDate(r.meetingDate))}</time> ({r.meetingDate})</dd></>)}
        <dt>{t.item}</dt><dd>{r.itemNumber !== null ? `§ ${r.itemNumber} ` : ''}{r.itemTitle}</dd>
        <dt>{t.reasons}</dt><dd>{r.reasons.map((x) => svExpedition.reasons[x]).join(', ')}</dd>
        {r.deadline && (<><dt>{t.deadline}</dt><dd>{r.deadline}</dd></>)}
        <dt>{t.reference}</dt><dd>{r.reference}</dd>
      </dl>
      {r.decisionTexts.length > 0 && (
        <section aria-labelledby="beslut">
          <h2 id="beslut">{t.decision}</h2>
          {r.decisionTexts.map((text, i) => <p key={i} className="decision__text">{text}</p>)}
        </section>
      )}
      {done && r.diaryNumber ? <p className="form-ok" role="status">{t.done(r.diaryNumber)}</p>
        : r.diaryNumber ? <p className="notice">{t.already(r.diaryNumber)}</p>
        : r.state === 'bounced' ? <p className="notice notice--warning">{t.bounced}</p>
        : (
          <form onSubmit={(e) => void submit(e)} className="form">
            {error && <p className="form-error" role="alert">{error}</p>}
            <div className="field">
              <label htmlFor="diarienummer">{t.diary}</label>
              <input id="diarienummer" value={diary} onChange={(e) => setDiary(e.target.value)} maxLength={100} required autoComplete="off" />
            </div>
            <p className="button-row"><button type="submit" disabled={busy}>{t.submit}</button></p>
          </form>
        )}
    </div>
  );
}
