import { useState } from 'react';
import { ApiFailure, send, useApi } from '../../api';
import { Load } from '../../components/States';
import { svJobs as t } from '../../i18n/sv';

interface Job { id: number; kind: string; dedupeKey: string | null; attempts: number; maxAttempts: number; lastError: string | null; runAt: string; failedAt: string | null }
interface Queue { pending: number; running: number; retrying: number; failed: number; done: number; failedJobs: Job[]; retryingJobs: Job[] }

const time = (iso: string) => (
  <time dateTime={iso}>{new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso))}</time>
);

function JobTable({ jobs, failed, onRetry }: { jobs: Job[]; failed: boolean; onRetry: (id: number) => void }) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t.id}</th><th scope="col">{t.kind}</th><th scope="col">{t.key}</th><th scope="col">{t.attempts}</th>
            <th scope="col">{t.error}</th><th scope="col">{failed ? t.failedAt : t.nextAttempt}</th>
            {failed && <th scope="col"><span className="visually-hidden">{t.actions}</span></th>}
          </tr>
        </thead>
        <tbody>
          {jobs.map((j) => (
            <tr key={j.id}>
              <td>{j.id}</td>
              <td>{t.kinds[j.kind] ?? j.kind}</td>
              <td>{j.dedupeKey ? <code>{j.dedupeKey}</code> : null}</td>
              <td>{j.attempts} / {j.maxAttempts}</td>
              <td>{j.lastError}</td>
              <td>{failed && j.failedAt ? time(j.failedAt) : time(j.runAt)}</td>
              {failed && (
                <td className="actions">
                  <button type="button" className="small" aria-label={t.retry(j.id)} onClick={() => onRetry(j.id)}>{t.retryLabel}</button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function JobsTab() {
  const [queue, reload] = useApi<Queue>('/api/admin/jobs');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const retry = async (id: number) => {
    try {
      await send('POST', `/api/admin/jobs/${id}/retry`);
      setMessage({ text: t.retried(id), error: false });
      reload();
    } catch (err) {
      setMessage({ text: err instanceof ApiFailure ? err.message : String(err), error: true });
    }
  };

  return (
    <>
      <p>{t.intro}</p>
      {message && <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <Load value={queue} retry={reload}>
        {(q) => (
          <>
            <h2>{t.counts}</h2>
            <dl className="facts">
              <dt>{t.pending}</dt><dd>{q.pending}{q.retrying > 0 ? ` (${t.retrying(q.retrying)})` : ''}</dd>
              <dt>{t.running}</dt><dd>{q.running}</dd>
              <dt>{t.failed}</dt><dd>{q.failed}</dd>
              <dt>{t.done}</dt><dd>{q.done}</dd>
            </dl>
            <h2>{t.failedHeading}</h2>
            {q.failedJobs.length === 0 ? <p>{t.noneFailed}</p> : <JobTable jobs={q.failedJobs} failed onRetry={retry} />}
            <h2>{t.retryingHeading}</h2>
            {q.retryingJobs.length === 0 ? <p>{t.noneRetrying}</p> : <JobTable jobs={q.retryingJobs} failed={false} onRetry={retry} />}
          </>
        )}
      </Load>
    </>
  );
}
