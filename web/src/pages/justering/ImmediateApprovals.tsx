import { useId, useState, type FormEvent } from 'react';
import { ApiFailure, send, useApi } from '../../api';
import { ItemText } from '../../components/ItemText';
import { svImmediate } from '../../i18n/sv';
import { extractUrl, type ImmediateProposal, type ImmediateState } from '../editor/immediate-types';

const t = svImmediate;

/**
 * The meeting's items justified at once, on its justering page: their state for everyone who may
 * see it, and for a signatory (ordförande, justerare) the item's text as it is to be justified
 * with their own approval, confirmed by their password or a fresh sign-in.
 */
export function ImmediateApprovals({ meetingId }: { meetingId: number }) {
  const [state, reload] = useApi<ImmediateState>(`/api/meetings/${meetingId}/immediate-justering`);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  if (state.state !== 'ready' || state.data.items.length === 0) return null;
  const { items, you } = state.data;
  return (
    <section aria-labelledby="omedelbar">
      <h2 id="omedelbar">{t.pageHeading}</h2>
      <p>{t.pageIntro}</p>
      {message && <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <ul className="plain-list">
        {items.map((p) => {
          const mine = you.personId !== null ? p.approvals.find((a) => a.personId === you.personId) : undefined;
          const done = p.approvals.filter((a) => a.approvedAt !== null).length;
          return (
            <li key={p.itemId}>
              <h3>{t.itemLine(p.itemNumber, p.title)}</h3>
              <p>
                {p.state === 'justified' ? t.stateJustified(p.justifiedOn ?? '') : t.stateProposed(done, p.approvals.length)}
                {p.state === 'justified' && <>{' · '}<a href={extractUrl(meetingId, p.itemId, '.pdf')}>{t.extractPdf}<span className="visually-hidden">{t.extractFor(p.itemNumber)}</span></a></>}
              </p>
              {p.state === 'proposed' && mine && !mine.approvedAt && <Approve meetingId={meetingId} proposal={p} you={you} say={(text, error = false) => setMessage({ text, error })} reload={reload} />}
              {p.state === 'proposed' && mine?.approvedAt && <p>{t.youApproved}</p>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Approve({ meetingId, proposal, you, say, reload }: { meetingId: number; proposal: ImmediateProposal; you: ImmediateState['you']; say: (text: string, error?: boolean) => void; reload: () => void }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const item = proposal.item;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const password = you.signWith === 'password' ? String(new FormData(form).get('password') ?? '') : undefined;
    setBusy(true);
    send<{ justified: boolean }>('POST', `/api/meetings/${meetingId}/items/${proposal.itemId}/immediate-justering/approve`, password === undefined ? {} : { password })
      .then((res) => {
        say(res.justified ? t.justifiedNow : t.approvedOk);
        form.reset();
        reload();
      })
      .catch((err: unknown) => say(err instanceof ApiFailure ? err.message : String(err), true))
      .finally(() => setBusy(false));
  };
  const fresh = you.freshSignInUntil !== null && new Date(you.freshSignInUntil).getTime() > Date.now();
  const returnTo = encodeURIComponent(`/moten/${meetingId}/justering`);
  return (
    <div className="immediate-approval">
      <h4 id={`${id}-h`}>{t.yourApproval}</h4>
      <p>{t.yourApprovalIntro}</p>
      <blockquote>
        {item.text && <ItemText text={item.text} />}
        {item.decisions.map((d) => (
          <div key={d.id}>
            <p><strong>{t.decision}:</strong> {d.text}</p>
            {d.clauses.length > 0 && !d.clauses.every((c) => d.text.includes(c)) && (
              <ul className="att-clauses">{d.clauses.map((c, i) => <li key={i}><span className="att">att</span> {c}</li>)}</ul>
            )}
          </div>
        ))}
      </blockquote>
      {you.signWith === 'password' && (
        <form onSubmit={submit} className="form" aria-labelledby={`${id}-h`}>
          <label htmlFor={`${id}-pw`}>{t.password}</label>
          <input id={`${id}-pw`} name="password" type="password" autoComplete="current-password" required />
          <button type="submit" disabled={busy}>{t.approve}</button>
        </form>
      )}
      {you.signWith === 'oidc' && (
        <>
          <p>{t.oidcIntro(you.oidcName ?? '')}</p>
          {fresh ? (
            <form onSubmit={submit} aria-labelledby={`${id}-h`}><button type="submit" disabled={busy}>{t.approve}</button></form>
          ) : (
            <p><a className="button-link" href={`/api/auth/oidc/start?returnTo=${returnTo}`}>{t.signInAgain(you.oidcName ?? '')}</a></p>
          )}
        </>
      )}
    </div>
  );
}
