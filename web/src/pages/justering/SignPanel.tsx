import { useState, type FormEvent } from 'react';
import { ApiFailure, send } from '../../api';
import { svJustering } from '../../i18n/sv';
import type { Say } from './JusteringPage';
import type { JusteringState, Signatory } from './types';

const t = svJustering;

/** The signatory's own part: approve, comment to the secretary, sign after confirming who they are. */
export function SignPanel({ meetingId, signatory, you, say, reload }: { meetingId: number; signatory: Signatory; you: JusteringState['you']; say: Say; reload: () => void }) {
  const [busy, setBusy] = useState(false);
  const act = async (what: () => Promise<string>, form?: HTMLFormElement) => {
    setBusy(true);
    try {
      say(await what());
      form?.reset();
      reload();
    } catch (err) {
      // A wrong password is a 401 here, with its own message: the user stays signed in.
      say(err instanceof ApiFailure ? err.message : String(err), true);
    } finally {
      setBusy(false);
    }
  };

  const approve = () => act(async () => (await send('POST', `/api/meetings/${meetingId}/justering/approve`), t.approved));
  const comment = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const text = String(new FormData(form).get('text') ?? '').trim();
    if (text) void act(async () => (await send('POST', `/api/meetings/${meetingId}/justering/comments`, { text }), t.commented), form);
  };
  const sign = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const password = you.signWith === 'password' ? String(new FormData(form).get('password') ?? '') : undefined;
    void act(async () => {
      const res = await send<{ complete: boolean; sealed: boolean; sealError: string | null }>('POST', `/api/meetings/${meetingId}/justering/sign`, password === undefined ? {} : { password });
      if (!res.complete) return t.signed;
      return res.sealed ? `${t.signedLast} ${t.sealedNow}` : t.signedLast;
    }, form);
  };
  const fresh = you.freshSignInUntil !== null && new Date(you.freshSignInUntil).getTime() > Date.now();
  const returnTo = encodeURIComponent(`/moten/${meetingId}/justering`);

  return (
    <section aria-labelledby="ditt-svar">
      <h3 id="ditt-svar">{t.yourTurn}</h3>
      <p>{t.yourTurnIntro}</p>
      {signatory.state !== 'approved' && (
        <p><button type="button" onClick={() => void approve()} disabled={busy}>{t.approve}</button></p>
      )}
      <form onSubmit={comment} className="form">
        <label htmlFor="kommentar">{t.comment}</label>
        <textarea id="kommentar" name="text" rows={3} required />
        <button type="submit" disabled={busy}>{t.sendComment}</button>
      </form>

      <h4 id="underteckna">{t.signHeading}</h4>
      {you.signWith === 'password' && (
        <form onSubmit={sign} className="form" aria-labelledby="underteckna">
          <p>{t.signIntro}</p>
          <label htmlFor="signera-losenord">{t.password}</label>
          <input id="signera-losenord" name="password" type="password" autoComplete="current-password" required />
          <button type="submit" disabled={busy}>{t.sign}</button>
        </form>
      )}
      {you.signWith === 'oidc' && (
        <>
          <p>{t.signOidcIntro(you.oidcName ?? '')}</p>
          {fresh ? (
            <form onSubmit={sign} aria-labelledby="underteckna"><button type="submit" disabled={busy}>{t.sign}</button></form>
          ) : (
            <p><a className="button-link" href={`/api/auth/oidc/start?returnTo=${returnTo}`}>{t.signInAgain(you.oidcName ?? '')}</a></p>
          )}
        </>
      )}
    </section>
  );
}
