import { z } from '@hono/zod-openapi';
import { defineRoute, type ApiApp } from '../route.js';
import { DbId, DbIdJson, IdParam, errorResponses } from '../schemas.js';
import { ApiError, notFound } from '../errors.js';
import { MEMBERSHIP_ROLES } from '../../domain/model.js';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../../auth/passwords.js';
import { createAccount, DuplicateEmailError, getAccount, listAccounts, updateAccount } from '../../store/queries/accounts.js';
import { bodyExists, createMembership, deleteMembership, listMemberships, personExists } from '../../store/queries/memberships.js';
import { listAudit } from '../../store/queries/audit.js';
import { exportPersonData, pseudonymisePerson, PublicRecordError } from '../../store/queries/personal-data.js';
import { listPeople } from '../../store/queries/people.js';
import { findDuplicatePeople, MergeConflictError, mergePeople } from '../../store/queries/people-duplicates.js';

const AccountSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    personId: z.number().int().nullable(),
    admin: z.boolean(),
    disabled: z.boolean(),
    hasPassword: z.boolean(),
    identities: z.array(z.object({ issuer: z.string(), email: z.string().nullable() })),
  })
  .openapi('Account');

const MembershipSchema = z
  .object({
    id: z.number().int(),
    personId: z.number().int(),
    personName: z.string(),
    bodyId: z.number().int(),
    role: z.enum(MEMBERSHIP_ROLES),
    party: z.string().nullable(),
    organization: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
  })
  .openapi('Membership');

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'datum skrivs ÅÅÅÅ-MM-DD');

export function registerAdminRoutes(app: ApiApp): void {
  defineRoute(
    app,
    { method: 'get', path: '/api/admin/accounts', permission: 'admin', summary: 'All accounts', responses: { 200: { description: 'Accounts', content: { 'application/json': { schema: z.array(AccountSchema) } } }, ...errorResponses } },
    async (c) => c.json(await listAccounts(c.var.deps.store.db), 200),
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/admin/accounts',
      permission: 'admin',
      summary: 'Create an account (with a password, or for OIDC sign-in only)',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({
                email: z.string().trim().email().max(320),
                name: z.string().trim().min(1).max(200),
                password: z.string().min(MIN_PASSWORD_LENGTH, `lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken`).max(1024).optional(),
                admin: z.boolean().default(false),
                personId: DbIdJson.nullable().default(null),
              }),
            },
          },
        },
      },
      responses: { 201: { description: 'Created', content: { 'application/json': { schema: AccountSchema } } }, 409: { description: 'E-mail in use' }, ...errorResponses },
    },
    async (c) => {
      const input = c.req.valid('json');
      const { db } = c.var.deps.store;
      if (input.personId !== null && !(await personExists(db, input.personId))) throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för personId: personen finns inte');
      try {
        const account = await createAccount(db, c.var.viewer, {
          email: input.email,
          name: input.name,
          passwordHash: input.password ? await hashPassword(input.password) : null,
          admin: input.admin,
          personId: input.personId,
        });
        return c.json(account, 201);
      } catch (e) {
        if (e instanceof DuplicateEmailError) throw new ApiError(409, 'duplicate_email', 'Det finns redan ett konto med den e-postadressen.');
        throw e;
      }
    },
  );

  defineRoute(
    app,
    {
      method: 'patch',
      path: '/api/admin/accounts/{id}',
      permission: 'admin',
      summary: 'Change an account: name, administrator, disabled, linked person',
      request: {
        params: IdParam,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({
                name: z.string().trim().min(1).max(200).optional(),
                admin: z.boolean().optional(),
                disabled: z.boolean().optional(),
                personId: DbIdJson.nullable().optional(),
              }),
            },
          },
        },
      },
      responses: { 200: { description: 'Changed', content: { 'application/json': { schema: AccountSchema } } }, ...errorResponses },
    },
    async (c) => {
      const { id } = c.req.valid('param');
      const change = c.req.valid('json');
      const { db } = c.var.deps.store;
      if (change.personId != null && !(await personExists(db, change.personId))) throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för personId: personen finns inte');
      const viewer = c.var.viewer;
      if (viewer.kind === 'account' && viewer.accountId === id && (change.admin === false || change.disabled === true)) {
        throw new ApiError(400, 'invalid_request', 'Du kan inte ta bort din egen administratörsbehörighet eller stänga ditt eget konto.');
      }
      const account = await updateAccount(db, viewer, id, change);
      if (!account) throw notFound('Kontot');
      return c.json((await getAccount(db, id))!, 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/admin/memberships',
      permission: 'admin',
      summary: "Memberships (who is what in which body): they decide each account's access",
      request: { query: z.object({ body: DbId.optional(), person: DbId.optional() }) },
      responses: { 200: { description: 'Memberships', content: { 'application/json': { schema: z.array(MembershipSchema) } } }, ...errorResponses },
    },
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listMemberships(c.var.deps.store.db, { bodyId: q.body, personId: q.person }), 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/admin/memberships',
      permission: 'admin',
      summary: 'Add a membership',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({
                personId: DbIdJson,
                bodyId: DbIdJson,
                role: z.enum(MEMBERSHIP_ROLES),
                party: z.string().trim().max(20).nullable().default(null),
                organization: z.string().trim().max(200).nullable().default(null),
                validFrom: IsoDate.nullable().default(null),
                validTo: IsoDate.nullable().default(null),
              }).refine((m) => !m.validFrom || !m.validTo || m.validFrom <= m.validTo, { message: 'slutdatum före startdatum', path: ['validTo'] }),
            },
          },
        },
      },
      responses: { 201: { description: 'Created', content: { 'application/json': { schema: z.object({ id: z.number().int() }) } } }, ...errorResponses },
    },
    async (c) => {
      const m = c.req.valid('json');
      const { db } = c.var.deps.store;
      if (!(await personExists(db, m.personId))) throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för personId: personen finns inte');
      if (!(await bodyExists(db, m.bodyId))) throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för bodyId: organet finns inte');
      return c.json({ id: await createMembership(db, c.var.viewer, m) }, 201);
    },
  );

  defineRoute(
    app,
    { method: 'delete', path: '/api/admin/memberships/{id}', permission: 'admin', summary: 'Remove a membership', request: { params: IdParam }, responses: { 204: { description: 'Removed' }, ...errorResponses } },
    async (c) => {
      if (!(await deleteMembership(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id))) throw notFound('Medlemskapet');
      return c.body(null, 204);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/admin/people',
      permission: 'admin',
      summary: 'People, to link to accounts and memberships',
      request: { query: z.object({ q: z.string().max(200).optional() }) },
      responses: { 200: { description: 'People', content: { 'application/json': { schema: z.array(z.object({ id: z.number().int(), name: z.string(), organization: z.string().nullable(), party: z.string().nullable() })) } } }, ...errorResponses },
    },
    async (c) => c.json(await listPeople(c.var.deps.store.db, c.req.valid('query').q), 200),
  );

  const PersonRef = z.object({ id: z.number().int(), name: z.string(), organization: z.string().nullable(), mentions: z.number().int() });
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/admin/people/duplicates',
      permission: 'admin',
      summary: 'People who may be the same person written two ways ("Eva Stuge" / "Ewa Stuge"), for a person to confirm',
      responses: { 200: { description: 'Pairs, most similar first', content: { 'application/json': { schema: z.array(z.object({ a: PersonRef, b: PersonRef, similarity: z.number() })) } } }, ...errorResponses },
    },
    async (c) => c.json(await findDuplicatePeople(c.var.deps.store.db), 200),
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/admin/people/merge',
      permission: 'admin',
      summary: 'Confirm that two people are the same: every mention moves to keepId',
      request: { body: { required: true, content: { 'application/json': { schema: z.object({ keepId: DbIdJson, duplicateId: DbIdJson }) } } } },
      responses: { 204: { description: 'Merged' }, ...errorResponses },
    },
    async (c) => {
      const { keepId, duplicateId } = c.req.valid('json');
      const merged = await mergePeople(c.var.deps.store.db, c.var.viewer, keepId, duplicateId).catch((e: unknown) => {
        if (e instanceof MergeConflictError) throw new ApiError(409, 'conflict', e.message);
        throw e;
      });
      if (!merged) throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för duplicateId: två olika, befintliga personer behövs');
      return c.body(null, 204);
    },
  );

  defineRoute(
    app,
    { method: 'get', path: '/api/admin/people/{id}/export', permission: 'admin', summary: 'Everything stored about a person (JSON)', request: { params: IdParam }, responses: { 200: { description: 'The data' }, ...errorResponses } },
    async (c) => {
      const { id } = c.req.valid('param');
      const data = await exportPersonData(c.var.deps.store.db, id);
      if (!data) throw notFound('Personen');
      c.header('Content-Disposition', `attachment; filename="person-${id}.json"`);
      return c.json(data, 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/admin/people/{id}/pseudonymise',
      permission: 'admin',
      summary: 'Pseudonymise a person who appears in no signed protocol',
      request: { params: IdParam },
      responses: { 204: { description: 'Done' }, 409: { description: 'Named in public records, which are kept' }, ...errorResponses },
    },
    async (c) => {
      try {
        if (!(await pseudonymisePerson(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id))) throw notFound('Personen');
      } catch (e) {
        if (e instanceof PublicRecordError) {
          throw new ApiError(409, 'public_record', `Personen förekommer i ${e.meetingIds.length} justerade eller publicerade protokoll. De är allmänna handlingar och bevaras oförändrade.`);
        }
        throw e;
      }
      return c.body(null, 204);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/admin/audit',
      permission: 'admin',
      summary: 'The audit log, newest first',
      request: { query: z.object({ before: DbId.optional(), entity: z.string().max(50).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }) },
      responses: { 200: { description: 'Entries', content: { 'application/json': { schema: z.array(z.object({ id: z.number(), at: z.string(), actor: z.string(), action: z.string(), entity: z.string(), entityId: z.string().nullable(), before: z.unknown(), after: z.unknown() })) } } }, ...errorResponses },
    },
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await listAudit(c.var.deps.store.db, { limit: q.limit, beforeId: q.before, entity: q.entity }), 200);
    },
  );
}
