import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { signedIn, type Client } from '../helpers/client.js';
import { declaredRoutes } from '../../src/api/app.js';
import type { Store } from '../../src/store/db.js';

// Malformed input of every shape against every route, as an administrator (who gets furthest):
// a 4xx is fine, a 500 never is.

let store: Store;
let admin: Client;
let app: ReturnType<typeof testApp>;

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store);
  admin = await signedIn(store, app, { email: 'fuzz@example.se', admin: true });
});
afterAll(async () => {
  await store?.close();
});

const segment = fc.oneof(fc.string(), fc.integer().map(String), fc.constantFrom('0', '-1', '1e9', '3000000000', '99999999999999999999', '%00', '..', 'null', "' or 1=1 --"));
const jsonValue = fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('email', 'name', 'password', 'admin', 'personId', 'bodyId', 'role', 'validFrom', 'validTo', 'disabled', 'current'), fc.jsonValue()));
const query = fc.dictionary(fc.constantFrom('year', 'body', 'q', 'limit', 'before', 'entity', 'person', 'link', 'returnTo', 'state', 'code'), fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('3000000000', '-5', 'unknown', '1', '')));

describe('every JSON route under malformed input', () => {
  for (const route of declaredRoutes()) {
    if (route.path.startsWith('/api/auth/logout')) continue; // would end the fuzzing session
    it(`${route.method.toUpperCase()} ${route.path} never answers 500`, async () => {
      await fc.assert(
        fc.asyncProperty(segment, jsonValue, query, fc.boolean(), async (param, body, q, rawBody) => {
          // A '..' segment is resolved before routing: /feeds/.. is the UI's /, not this route.
          fc.pre(param !== '..' || route.path.startsWith('/api/'));
          const path = route.path.replace(/\{\w+\}/g, encodeURIComponent(param));
          const search = new URLSearchParams(q).toString();
          const url = `${path}${search ? `?${search}` : ''}`;
          const res =
            route.method === 'get' || route.method === 'delete'
              ? await admin.request(route.method.toUpperCase(), url)
              : rawBody
                ? await app.request(url, { method: route.method.toUpperCase(), headers: { 'content-type': 'application/json', cookie: admin.cookie!, 'x-csrf-token': admin.csrf! }, body: `{"broken": ${param}` })
                : await admin.request(route.method.toUpperCase(), url, body);
          expect(res.status, `${route.method} ${url}`).toBeLessThan(500);
        }),
        { numRuns: 40 },
      );
    });
  }
});
