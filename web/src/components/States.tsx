import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Loadable } from '../api';
import { sv } from '../i18n/sv';

export function usePageTitle(title: string | null) {
  useEffect(() => {
    document.title = title ? `${title} – ${sv.appName}` : sv.appName;
  }, [title]);
}

/** Renders the loading and error states of a request, or its data. */
export function Load<T>({ value, retry, children }: { value: Loadable<T>; retry: () => void; children: (data: T) => ReactNode }) {
  if (value.state === 'loading') return <p className="status" role="status">{sv.loading}</p>;
  if (value.state === 'error') {
    if (value.error.status === 404) return <NotFound message={value.error.message} />;
    return (
      <div className="error-box" role="alert">
        <h1>{sv.error.title}</h1>
        <p>{value.error.message}</p>
        <button type="button" onClick={retry}>{sv.error.retry}</button>
      </div>
    );
  }
  return <>{children(value.data)}</>;
}

export function NotFound({ message }: { message?: string }) {
  usePageTitle(sv.error.notFound);
  return (
    <div className="error-box">
      <h1>{sv.error.notFound}</h1>
      {message && <p>{message}</p>}
      <p><Link to="/">{sv.error.backHome}</Link></p>
    </div>
  );
}
