import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api';
import { Load, usePageTitle } from '../../components/States';
import { capitalise, longDate } from '../../format';
import { sv, svJustering } from '../../i18n/sv';
import { signInLink } from '../LoginPage';
import { RoundView } from './RoundView';
import { SecretaryPanel } from './SecretaryPanel';
import { ImmediateApprovals } from './ImmediateApprovals';
import { stockholm, type JusteringState } from './types';

const t = svJustering;

/** Justering of one meeting's protocol: for the body's members, its secretaries and the signatories. */
export function JusteringPage() {
  const { id = '' } = useParams();
  const [state, reload] = useApi<JusteringState>(`/api/meetings/${encodeURIComponent(id)}/justering`);
  if (state.state === 'error' && state.error.status === 401) {
    return (
      <div className="narrow">
        <h1>{t.heading}</h1>
        <p>{t.signInFirst}</p>
        <p><Link className="button-link" to={signInLink(`/moten/${encodeURIComponent(id)}/justering`)}>{t.signIn}</Link></p>
      </div>
    );
  }
  return <Load value={state} retry={reload}>{(s) => <Justering state={s} reload={reload} />}</Load>;
}

/** What just happened, said once near the top (role status) or as an alert. */
export type Say = (text: string, error?: boolean) => void;

function Justering({ state, reload }: { state: JusteringState; reload: () => void }) {
  const m = state.meeting;
  usePageTitle(t.title(m.bodyName, m.date ?? ''));
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const say: Say = (text, error = false) => setMessage({ text, error });
  const [current, ...earlier] = state.rounds;

  return (
    <>
      <p className="breadcrumb"><Link to={`/moten/${m.id}`}>{t.back}</Link></p>
      <h1>{t.heading}: {m.bodyName}{m.date && <>, <time dateTime={m.date}>{longDate(m.date)}</time></>}</h1>
      <p className="lead">{sv.status[m.status]}{current && <> · {t.version(current.version)}: {t.roundStates[current.state]}</>}</p>
      {message && <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}

      {m.origin === 'imported' ? <p>{t.imported}</p> : !current && <p>{t.notSent}</p>}
      {current && <RoundView meetingId={m.id} round={current} you={state.you} say={say} reload={reload} current />}
      {state.you.canManage && m.origin === 'native' && <SecretaryPanel state={state} say={say} reload={reload} />}
      {m.origin === 'native' && <ImmediateApprovals meetingId={m.id} />}

      {state.versions.length > 0 && (
        <section aria-labelledby="versioner">
          <h2 id="versioner">{t.versions}</h2>
          <ul className="plain-list">
            {state.versions.map((v) => (
              <li key={v.version}>
                {t.versionLine(v.version, stockholm(v.createdAt), v.createdBy)}:{' '}
                <a href={`/api/meetings/${m.id}/versions/${v.version}/protocol.html`}>{t.asDocument}<span className="visually-hidden"> {t.version(v.version).toLowerCase()}</span></a>
                {' · '}
                <a href={`/api/meetings/${m.id}/versions/${v.version}`}>{t.asJson}<span className="visually-hidden">, {t.version(v.version).toLowerCase()}</span></a>
              </li>
            ))}
          </ul>
        </section>
      )}

      {earlier.length > 0 && (
        <section aria-labelledby="tidigare">
          <h2 id="tidigare">{t.earlier}</h2>
          {earlier.map((r) => <RoundView key={r.id} meetingId={m.id} round={r} you={state.you} say={say} reload={reload} current={false} />)}
        </section>
      )}
      {m.status === 'published' && <p><Link to={`/moten/${m.id}`}>{capitalise(t.toProtocol)}</Link></p>}
    </>
  );
}
