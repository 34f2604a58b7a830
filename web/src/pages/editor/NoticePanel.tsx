import { useState, type FormEvent } from 'react';
import { ApiFailure, send } from '../../api';
import { svDocs } from '../../i18n/sv';

const t = svDocs.notice;

export function NoticePanel({ meetingId }: { meetingId: number }) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const extra = String(new FormData(e.currentTarget).get('extra') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    setBusy(true);
    try {
      const res = await send<{ recipients: string[]; via: string }>('POST', `/api/meetings/${meetingId}/notice`, { extra });
      setMessage({ text: t.sent(res.recipients.length, res.via), error: false });
    } catch (err) {
      setMessage({ text: err instanceof ApiFailure ? err.message : String(err), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="kallelse">
      <h2 id="kallelse">{t.title}</h2>
      <p>{t.intro} <a href={`/api/meetings/${meetingId}/notice.pdf`}>{svDocs.noticePdf}</a></p>
      {message && <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <form onSubmit={submit} className="form">
        <label htmlFor="notice-extra">{t.extra}</label>
        <input id="notice-extra" name="extra" />
        <button type="submit" disabled={busy}>{t.send}</button>
      </form>
    </section>
  );
}
