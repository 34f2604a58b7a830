import { useEffect, useState } from 'react';
import { getJson } from '../../api';

/** Fetches url when there is one (a choice the user has made); null until then or on failure. */
export function useMaybe<T>(url: string | null): T | null {
  const [data, setData] = useState<{ url: string; value: T } | null>(null);
  useEffect(() => {
    if (!url) return;
    const controller = new AbortController();
    getJson<T>(url, controller.signal).then((value) => setData({ url, value }), () => {});
    return () => controller.abort();
  }, [url]);
  return url && data?.url === url ? data.value : null;
}
