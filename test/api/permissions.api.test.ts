import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../helpers/db.js';
import { testApp } from '../helpers/app.js';
import { Client, signedIn } from '../helpers/client.js';
import { parsedProtocol, sourceOf } from '../helpers/protocols.js';
import { storeImportedProtocol } from '../../src/importer/store-protocol.js';
import { routeTable, type Permission } from '../../src/api/route.js';
import { listBodies } from '../../src/store/queries/bodies.js';
import { createRecommendation } from '../../src/store/queries/recommendations.js';
import { SYSTEM } from '../../src/domain/access.js';
import type { Store } from '../../src/store/db.js';

// Every route × every kind of user: allowed or denied, as the route's declared permission says.
// The expectations are written out here, not derived from the code under test.

type Role = 'anonymous' | 'reader' | 'lsgMember' | 'lsgSecretary' | 'otherMember' | 'otherSecretary' | 'admin';
const ROLES: Role[] = ['anonymous', 'reader', 'lsgMember', 'lsgSecretary', 'otherMember', 'otherSecretary', 'admin'];

const EXPECTED: Record<Permission, Role[]> = {
  public: ROLES,
  'signed-in': ['reader', 'lsgMember', 'lsgSecretary', 'otherMember', 'otherSecretary', 'admin'],
  admin: ['admin'],
  'edit-meeting': ['lsgSecretary', 'admin'],
  'edit-body': ['lsgSecretary', 'admin'],
  importer: ['lsgSecretary', 'otherSecretary', 'admin'],
  'edit-assignment': ['lsgSecretary', 'admin'],
  'edit-recommendation': ['lsgSecretary', 'admin'],
};

let store: Store;
let app: ReturnType<typeof testApp>;
let lsgId: number;
let otherId: number;
let draftId: number;
let assignmentId: number;
let recommendationId: number;
const clients = new Map<Role, Client>();

async function clientFor(role: Role, fresh = false): Promise<Client> {
  if (!fresh && clients.has(role)) return clients.get(role)!;
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.se`;
  const client =
    role === 'anonymous' ? new Client(app)
    : role === 'reader' ? await signedIn(store, app, { email })
    : role === 'admin' ? await signedIn(store, app, { email, admin: true })
    : await signedIn(store, app, {
        email,
        memberships: [{ bodyId: role.startsWith('lsg') ? lsgId : otherId, role: role.endsWith('Secretary') ? 'sekreterare' : 'ledamot' }],
      });
  if (!fresh) clients.set(role, client);
  return client;
}

beforeAll(async () => {
  store = await openTestStore();
  app = testApp(store);
  const bodies = await listBodies(store.db, SYSTEM);
  lsgId = bodies.find((b) => b.slug === 'lsg')!.id;
  otherId = bodies.find((b) => b.slug === 'samrad')!.id;
  draftId = (await storeImportedProtocol(store.db, parsedProtocol({ date: '2024-05-05' }), sourceOf('utkast LSG'), { draft: true })).meetingId;
  // An LSG assignment to Beredning barn och unga (the parsed protocol gives one).
  assignmentId = (await store.db.selectFrom('assignment').select('id').executeTakeFirstOrThrow()).id;
  recommendationId = await createRecommendation(store.db, SYSTEM, lsgId, { decisionId: null, decidedOn: '2024-02-23', title: 'Strategi', kind: 'strategi', localBody: 'fullmäktige', deadline: null, description: '' });
});
afterAll(async () => {
  await store?.close();
});

function concretePath(path: string): string {
  if (path.includes('/meetings/{id}')) return path.replace('{id}', String(draftId));
  if (path.includes('/bodies/{id}')) return path.replace('{id}', String(lsgId));
  if (path.includes('/assignments/{id}')) return path.replace('{id}', String(assignmentId));
  if (path.includes('/recommendations/{id}')) return path.replace('{id}', String(recommendationId));
  // Other ids point at nothing: a route that lets the request through answers 404, not 401/403.
  return path.replace('{ref}', 'lsg').replace('{id}', '987654');
}

describe('the permission matrix', () => {
  it('covers every route the app serves', () => {
    const served = app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.path}`);
    const declared = new Set(routeTable.map((r) => `${r.method.toUpperCase()} ${r.path.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(served.filter((r) => !declared.has(r))).toEqual([]);
    expect(routeTable.length).toBeGreaterThan(10);
  });

  for (const role of ROLES) {
    it(`${role}: reaches exactly the routes its role allows`, async () => {
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const route of routeTable) {
        const ending = route.path.startsWith('/api/auth/logout');
        const client = await clientFor(role, ending);
        const res = await client.request(route.method.toUpperCase(), concretePath(route.path), route.method === 'get' || route.method === 'delete' ? undefined : {});
        const denied = res.status === 401 || res.status === 403;
        expect(res.status, `${route.method} ${route.path} as ${role}`).not.toBe(500);
        outcomes.push(`${route.method} ${route.path}: ${denied ? 'denied' : 'allowed'}`);
        expected.push(`${route.method} ${route.path}: ${EXPECTED[route.permission].includes(role) ? 'allowed' : 'denied'}`);
        if (denied) expect(res.status).toBe(role === 'anonymous' ? 401 : 403);
      }
      expect(outcomes).toEqual(expected);
    });
  }
});

describe('drafts stay with the body', () => {
  it('a draft is readable by its body’s members and administrators only, and looks like nothing to others', async () => {
    const status = async (role: Role) => (await (await clientFor(role)).get(`/api/meetings/${draftId}`)).status;
    expect(await status('lsgMember')).toBe(200);
    expect(await status('lsgSecretary')).toBe(200);
    expect(await status('admin')).toBe(200);
    const missing = await (await clientFor('anonymous')).get('/api/meetings/987654');
    for (const role of ['anonymous', 'reader', 'otherMember', 'otherSecretary'] as Role[]) {
      const res = await (await clientFor(role)).get(`/api/meetings/${draftId}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(missing.body);
    }
  });

  it('a draft’s year does not show in the public body list', async () => {
    const anon = await (await clientFor('anonymous')).get('/api/bodies/lsg');
    expect(anon.body.years).toEqual([]);
    const member = await (await clientFor('lsgMember')).get('/api/bodies/lsg');
    expect(member.body.years).toEqual([{ year: 2024, meetings: 1 }]);
  });
});
