import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api';
import { Load, usePageTitle } from '../../components/States';
import { longDate } from '../../format';
import { svExpedition } from '../../i18n/sv';
import { signInLink } from '../LoginPage';
import { ChooseRecipients } from './ChooseRecipients';
import { DispatchTable } from './DispatchTable';
import type { Panel, Say } from './types';

const t = svExpedition;
const POLL_MS = 3000;

/** Expediering of a published protocol, for the body's secretaries: choose, send, follow each recipient. */
export function ExpeditionPage() {
  const { id = '' } = useParams();
  const [panel, reload] = useApi<Panel>(`/api/meetings/${encodeURIComponent(id)}/expedition`);
  if (panel.state === 'error' && panel.error.status === 401) {
    return (
      <div className="narrow">
        <h1>{t.heading}</h1>
        <p>{t.signInFirst}</p>
        <p><Link className="button-link" to={signInLink(`/moten/${encodeURIComponent(id)}/expediering`)}>{t.signIn}</Link></p>
      </div>
    );
  }
  return <Load value={panel} retry={reload}>{(p) => <Expedition panel={p} reload={reload} />}</Load>;
}

function Expedition({ panel, reload }: { panel: Panel; reload: () => void }) {
  const m = panel.meeting;
  usePageTitle(t.title(m.bodyName, m.date ?? ''));
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const say: Say = (text, error = false) => setMessage({ text, error });
  // While something waits in the queue, look again now and then: the page shows it leave.
  const waiting = panel.dispatches.some((d) => d.state === 'queued' || d.state === 'retrying');
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [waiting, panel, reload]);

  return (
    <>
      <p className="breadcrumb"><Link to={`/moten/${m.id}`}>{t.back}</Link></p>
      <h1>{t.heading}: {m.bodyName}{m.date && <>, <time dateTime={m.date}>{longDate(m.date)}</time></>}</h1>
      <p className="lead">{t.intro}</p>
      {message && <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      {/* a fresh form, with fresh defaults, after each sending */}
      <ChooseRecipients key={panel.dispatches.length} panel={panel} say={say} reload={reload} />
      <DispatchTable panel={panel} say={say} reload={reload} />
    </>
  );
}
