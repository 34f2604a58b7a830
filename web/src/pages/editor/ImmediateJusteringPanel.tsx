import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiFailure, getJson, send, useApi } from '../../api';
import { svImmediate } from '../../i18n/sv';
import { clock, extractUrl, type ImmediateCandidates, type ImmediateProposal, type ImmediateState } from './immediate-types';
import type { EditorItem } from './types';
import './ImmediateJusteringPanel.css';

const t = svImmediate;

/**
 * Omedelbar justering of the item being edited: propose it (choosing who justifies), record
 * approvals heard at the meeting, withdraw, and once justified say so with links to its public
 * extract. Tells the editor when the item is frozen (out for approval or justified).
 */
export function ImmediateJusteringPanel({ meetingId, item, saved, onFrozen }: { meetingId: number; item: EditorItem; saved: boolean; onFrozen: (frozen: boolean) => void }) {
  const [state, reload] = useApi<ImmediateState>(`/api/meetings/${meetingId}/immediate-justering`);
  const proposal = state.state === 'ready' ? (state.data.items.find((p) => p.itemId === item.id) ?? null) : null;
  const frozen = proposal !== null;
  useEffect(() => onFrozen(frozen), [frozen, onFrozen]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const id = useId();

  if (state.state === 'loading') return null;
  if (state.state === 'error') return <p className="form-error" role="alert">{t.loadError} {state.error.message}</p>;
  // Offered for an item with a decision while the protocol is a draft, i.e. during or just after the meeting.
  if (!proposal && (item.decisions.length === 0 || state.data.meeting.status !== 'draft')) return null;

  const act = async (run: () => Promise<string>) => {
    try {
      setMessage({ text: await run(), error: false });
      reload();
    } catch (err) {
      setMessage({ text: err instanceof ApiFailure ? err.message : String(err), error: true });
    }
  };

  return (
    <section className="subform immediate-justering" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{t.heading}</h4>
      {message && <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      {proposal ? (
        <ProposalView meetingId={meetingId} proposal={proposal} act={act} />
      ) : (
        <Propose meetingId={meetingId} itemId={item.id} saved={saved} act={act} />
      )}
    </section>
  );
}

type Act = (run: () => Promise<string>) => Promise<void>;

function Propose({ meetingId, itemId, saved, act }: { meetingId: number; itemId: number; saved: boolean; act: Act }) {
  const id = useId();
  const [candidates, setCandidates] = useState<ImmediateCandidates | null>(null);
  const [roles, setRoles] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const base = `/api/meetings/${meetingId}/items/${itemId}/immediate-justering`;

  const open = async () => {
    try {
      const c = await getJson<ImmediateCandidates>(`${base}/candidates`);
      setRoles(Object.fromEntries(c.proposed.map((p) => [p.personId, p.role])));
      setCandidates(c);
      setError(null);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    }
  };
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const signatories = Object.entries(roles).filter(([, role]) => role !== '').map(([personId, role]) => ({ personId: Number(personId), role }));
    void act(async () => {
      await send('POST', base, { signatories });
      setCandidates(null);
      return t.proposedOk;
    });
  };

  if (!candidates) {
    return (
      <>
        <p>{t.intro}</p>
        {!saved && <p className="hint">{t.saveFirst}</p>}
        {error && <p className="form-error" role="alert">{error}</p>}
        <button type="button" className="small" disabled={!saved} onClick={() => void open()}>{t.start}</button>
      </>
    );
  }
  return (
    <form onSubmit={submit}>
      <fieldset className="immediate-justering__choice">
        <legend>{t.choose}</legend>
        <p className="hint">{t.chooseIntro}</p>
        {candidates.present.length === 0 && <p>{t.noOnePresent}</p>}
        {candidates.present.map((p) => (
          <div key={p.personId} className="row">
            <label htmlFor={`${id}-${p.personId}`}>{p.name}</label>
            <select id={`${id}-${p.personId}`} value={roles[p.personId] ?? ''} onChange={(e) => setRoles({ ...roles, [p.personId]: e.target.value })}>
              <option value="">{t.roleNone}</option>
              <option value="justerare">{t.roles.justerare}</option>
              <option value="ordförande">{t.roles.ordförande}</option>
            </select>
          </div>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="small">{t.propose}</button>
        <button type="button" className="small secondary" onClick={() => setCandidates(null)}>{t.cancel}</button>
      </div>
    </form>
  );
}

function ProposalView({ meetingId, proposal, act }: { meetingId: number; proposal: ImmediateProposal; act: Act }) {
  const base = `/api/meetings/${meetingId}/items/${proposal.itemId}/immediate-justering`;
  const record = (personId: number, name: string) =>
    act(async () => {
      const res = await send<{ justified: boolean }>('POST', `${base}/record`, { personId });
      return res.justified ? t.justifiedNow : t.recorded(name);
    });
  const withdraw = () => act(async () => (await send('DELETE', base), t.withdrawn));
  const justified = proposal.state === 'justified';
  return (
    <>
      {justified ? (
        <>
          <p className="immediate-justering__statement">{proposal.statement}</p>
          <p>{t.justified}</p>
          <p>
            <a href={extractUrl(meetingId, proposal.itemId, '.pdf')}>{t.extractPdf}<span className="visually-hidden">{t.extractFor(proposal.itemNumber)}</span></a>
            {' · '}
            <a href={extractUrl(meetingId, proposal.itemId, '.html')}>{t.extractHtml}<span className="visually-hidden">{t.extractFor(proposal.itemNumber)}</span></a>
          </p>
        </>
      ) : (
        <>
          <p>{t.proposed}</p>
          <p className="hint">{t.approveWhere} <Link to={`/moten/${meetingId}/justering`}>{t.toJustering}</Link></p>
        </>
      )}
      <h5>{t.approvals}</h5>
      <ul className="plain-list">
        {proposal.approvals.map((a) => (
          <li key={a.personId}>
            {t.who(a.name, a.role)}: {a.approvedAt ? t.approvedAt(clock(a.approvedAt), a.way, a.recordedBy) : t.waiting}
            {!a.approvedAt && !justified && (
              <> <button type="button" className="small" aria-label={t.recordFor(a.name)} onClick={() => void record(a.personId, a.name)}>{t.record}</button></>
            )}
          </li>
        ))}
      </ul>
      <p className="hint">{t.hash}: <code>{proposal.contentSha256}</code></p>
      {!justified && <p><button type="button" className="small secondary" onClick={() => void withdraw()}>{t.withdraw}</button></p>}
    </>
  );
}
