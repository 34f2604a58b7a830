import { useEffect, useState } from 'react';
import { currentCsrfToken } from './csrf';

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
  }
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
    throw new ApiFailure(res.status, body?.error?.code ?? 'error', body?.error?.message ?? res.statusText);
  }
  return (await res.json()) as T;
}

export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: ApiFailure } | { state: 'ready'; data: T };

/**
 * Fetches url whenever it changes; a newer request cancels the older. Reloading the same url keeps
 * showing the data it has until the new data arrives, so forms on the page stay as they are.
 */
export function useApi<T>(url: string): [Loadable<T>, () => void] {
  const [result, setResult] = useState<Loadable<T> & { url?: string }>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setResult((prev) => (prev.state === 'ready' && prev.url === url ? prev : { state: 'loading' }));
    getJson<T>(url, controller.signal).then(
      (data) => setResult({ state: 'ready', data, url }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResult({ state: 'error', error: error instanceof ApiFailure ? error : new ApiFailure(0, 'network', String(error)) });
      },
    );
    return () => controller.abort();
  }, [url, attempt]);
  return [result, () => setAttempt((n) => n + 1)];
}

/** A state-changing request: JSON in and out, with the session's CSRF token. */
export async function send<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = currentCsrfToken();
  if (token) headers['X-CSRF-Token'] = token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) {
    const err = (await res.json().catch(() => null)) as { error?: { code: string; message: string }; current?: unknown } | null;
    throw new ApiFailure(res.status, err?.error?.code ?? 'error', err?.error?.message ?? res.statusText, err?.current);
  }
  return (res.status === 204 ? undefined : await res.json()) as T;
}
