import type { Json } from '../helpers/client.js';

// A client of the open-data API as a harvester uses it: from the System object, follow every list
// (all pages) and every object URL, and keep what was served.

type Fetch = (url: string) => Promise<{ status: number; body: Json; headers: Headers }>;

export interface Crawl {
  responses: Map<string, Json>; // URL → response body
  objects: Map<string, Json>; // object id → the object as served at its own URL
  failures: string[]; // URLs that did not answer 200
}

const OBJECT_REF = /^(https?:\/\/[^/]+)\/oparl\/v1\//;

/** Every string in a value that is a URL of the API. */
function links(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    if (OBJECT_REF.test(value)) out.add(value);
  } else if (Array.isArray(value)) value.forEach((v) => links(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => links(v, out));
}

export async function crawl(fetch: Fetch, start: string, maxRequests = 500): Promise<Crawl> {
  const result: Crawl = { responses: new Map(), objects: new Map(), failures: [] };
  const queue = [start];
  const seen = new Set(queue);
  while (queue.length > 0 && result.responses.size < maxRequests) {
    const url = queue.shift()!;
    const res = await fetch(url);
    if (res.status !== 200) {
      result.failures.push(`${url}: ${res.status}`);
      continue;
    }
    result.responses.set(url, res.body);
    if (res.body && typeof res.body.id === 'string' && res.body.id === url) result.objects.set(url, res.body);
    const found = new Set<string>();
    links(res.body, found);
    for (const link of found) {
      if (!seen.has(link)) {
        seen.add(link);
        queue.push(link);
      }
    }
  }
  return result;
}
