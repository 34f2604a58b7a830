import { useState, type FormEvent } from 'react';
import { Navigate } from 'react-router';
import type { BodySummary } from '../../../src/domain/model';
import { ApiFailure, send, useApi } from '../api';
import { useAuth } from '../auth';
import { setCsrfToken } from '../csrf';
import { usePageTitle } from '../components/States';
import { svAuth } from '../i18n/sv';

export function AccountPage() {
  usePageTitle(svAuth.accountPage.title);
  const { me, refresh } = useAuth();
  const [bodies] = useApi<BodySummary[]>('/api/bodies');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  if (me && !me.account) return <Navigate to="/logga-in" replace />;
  if (!me?.account) return null;
  const account = me.account;
  const bodyName = (id: string) => (bodies.state === 'ready' ? bodies.data.find((b) => String(b.id) === id)?.name : undefined) ?? `#${id}`;

  const changePassword = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    try {
      const res = await send<{ csrfToken: string }>('POST', '/api/auth/password', { current: data.get('current'), password: data.get('password') });
      setCsrfToken(res.csrfToken);
      form.reset();
      setMessage({ text: svAuth.accountPage.passwordChanged, error: false });
      await refresh();
    } catch (err) {
      setMessage({ text: err instanceof ApiFailure ? err.message : String(err), error: true });
    }
  };

  const everywhere = async () => {
    const res = await send<{ ended: number }>('POST', '/api/auth/logout-everywhere');
    setMessage({ text: svAuth.accountPage.everywhereDone(res.ended), error: false });
    await refresh();
  };

  const roles = Object.entries(account.bodies);
  return (
    <div className="narrow">
      <h1>{svAuth.accountPage.title}</h1>
      <p>{account.name} ({account.email})</p>
      {message && <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <section aria-labelledby="mina-organ">
        <h2 id="mina-organ">{svAuth.accountPage.roles}</h2>
        {roles.length === 0 ? <p>{svAuth.accountPage.noRoles}</p> : (
          <ul>{roles.map(([id, role]) => <li key={id}>{bodyName(id)}: {svAuth.accountPage.roleNames[role]}</li>)}</ul>
        )}
      </section>
      <section aria-labelledby="byt-losenord">
        <h2 id="byt-losenord">{svAuth.accountPage.changePassword}</h2>
        <form onSubmit={changePassword} className="form">
          <label htmlFor="current">{svAuth.accountPage.currentPassword}</label>
          <input id="current" name="current" type="password" autoComplete="current-password" />
          <label htmlFor="new-password">{svAuth.accountPage.newPassword}</label>
          <input id="new-password" name="password" type="password" autoComplete="new-password" minLength={12} required />
          <button type="submit">{svAuth.accountPage.save}</button>
        </form>
      </section>
      {me.oidc && (
        <section aria-labelledby="koppla">
          <h2 id="koppla">{svAuth.accountPage.linkOidc(me.oidc.name)}</h2>
          <p>{svAuth.accountPage.linkOidcIntro}</p>
          <a className="button-link" href="/api/auth/oidc/start?link=1&returnTo=/konto">{svAuth.accountPage.linkOidc(me.oidc.name)}</a>
        </section>
      )}
      <section aria-labelledby="overallt">
        <h2 id="overallt">{svAuth.signOutEverywhere}</h2>
        <p>{svAuth.accountPage.everywhereIntro}</p>
        <button type="button" onClick={everywhere}>{svAuth.signOutEverywhere}</button>
      </section>
    </div>
  );
}
