import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiFailure, send } from '../api';
import { useAuth } from '../auth';
import { usePageTitle } from '../components/States';
import { svAuth } from '../i18n/sv';

/** Where to go after signing in: a path on this site only (never another origin, never `//host`). */
export function returnPath(wanted: string | null): string {
  return wanted && wanted.startsWith('/') && !wanted.startsWith('//') && !wanted.startsWith('/\\') ? wanted : '/';
}

/** The sign-in page, coming back here afterwards. */
export function signInLink(here: string): string {
  return `/logga-in?till=${encodeURIComponent(here)}`;
}

export function LoginPage() {
  usePageTitle(svAuth.login.title);
  const { me, refresh } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(params.get('fel') ? (svAuth.login.errors[params.get('fel')!] ?? null) : null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await send('POST', '/api/auth/login', { email: form.get('email'), password: form.get('password') });
      await refresh();
      navigate(returnPath(params.get('till')));
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="narrow">
      <h1>{svAuth.login.title}</h1>
      <p className="lead">{svAuth.login.intro}</p>
      {me?.setupNeeded && (
        <div className="notice notice--warning">
          <p>{svAuth.login.setupNeeded}</p>
          <p><code>npm run -s cli -- admin create --email namn@exempel.se --name "Förnamn Efternamn"</code></p>
        </div>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      <form onSubmit={submit} className="form">
        <label htmlFor="email">{svAuth.login.email}</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="password">{svAuth.login.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <button type="submit" disabled={busy}>{svAuth.login.submit}</button>
      </form>
      {me?.oidc && (
        <>
          <p className="divider">{svAuth.login.or}</p>
          <a className="button-link" href="/api/auth/oidc/start">{svAuth.login.oidc(me.oidc.name)}</a>
        </>
      )}
    </div>
  );
}
