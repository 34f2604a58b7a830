import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { defineRoute, type ApiApp, type AppEnv } from '../route.js';
import { DbId, DbIdJson, IdParam, errorResponses } from '../schemas.js';
import { ApiError, notFound } from '../errors.js';
import { limit } from '../auth/rate-limits.js';
import { APPROVAL_WAYS, approvalRefusal, IMMEDIATE_ROLES, onTheSpotMethod, presentAtItem, proposedSignatories } from '../../domain/immediate-justering.js';
import { FRESH_SIGN_IN_MINUTES, isFreshSignIn, MAX_SIGNATORIES, signingMethod } from '../../domain/justering.js';
import { MEETING_STATUSES } from '../../domain/model.js';
import { checkPassword } from '../../auth/passwords.js';
import { justeringSources, signingCredentials } from '../../store/queries/justering.js';
import { isImmediateSignatoryOf, itemOnMeeting, listImmediate, type ImmediateView } from '../../store/queries/immediate-justering.js';
import { ImmediateRefused, proposeImmediate, recordApproval, SignatoryChoiceError, withdrawImmediate } from '../../store/queries/immediate-justering-write.js';
import { appendAudit } from '../../store/queries/audit.js';
import { immediateJusteringText } from '../../render/immediate-justering.js';
import { registerImmediateExtractRoutes } from './immediate-extract.js';
import { freshAuthentication, justeringAccess } from './justering-access.js';

// Omedelbar justering of an item during the meeting (src/domain/immediate-justering.ts): the
// secretary proposes it and may record approvals heard at the meeting; each signatory (ordförande,
// justerare) may approve on their own device after confirming who they are. The approve route is
// declared 'signed-in' and decides here, after the meeting is found readable: with nothing to
// approve the answer is 409 for everyone, and 403 for someone who does not justify the item.

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const param = (name: string) => DbId.openapi({ param: { name, in: 'path' } });
const ItemParams = z.object({ id: param('id'), itemId: param('itemId') });

const ApprovalSchema = z.object({
  personId: z.number().int(),
  name: z.string(),
  role: z.enum(IMMEDIATE_ROLES),
  approvedAt: z.string().nullable(),
  way: z.enum(APPROVAL_WAYS).nullable().openapi({ description: 'own-device: the signatory approved signed in; on-the-spot: approved at the meeting, recorded by the secretary' }),
  method: z.string().nullable(),
  recordedBy: z.string().nullable().openapi({ description: 'Who recorded the approval: the signatory, or the secretary' }),
});
const ImmediateSchema = z
  .object({
    itemId: z.number().int(),
    itemNumber: z.number().int().nullable(),
    title: z.string(),
    state: z.enum(['proposed', 'justified']),
    proposedAt: z.string(),
    proposedBy: z.string().nullable(),
    justifiedAt: z.string().nullable(),
    justifiedOn: z.string().nullable(),
    statement: z.string().nullable().openapi({ description: 'What the protocol says: "Paragrafen förklarades omedelbart justerad …"' }),
    contentSha256: z.string().openapi({ description: 'SHA-256 of the item as approved (canonical JSON, RFC 8785)' }),
    item: z.unknown().openapi({ description: 'The item as approved (an AgendaItem)' }),
    approvals: z.array(ApprovalSchema),
  })
  .openapi('ImmediateJustering');
const StateSchema = z.object({
  meeting: z.object({ id: z.number().int(), status: z.enum(MEETING_STATUSES), date: z.string().nullable(), bodyName: z.string() }),
  items: z.array(ImmediateSchema),
  you: z.object({
    canManage: z.boolean(),
    personId: z.number().int().nullable(),
    signWith: z.enum(['password', 'oidc']).nullable(),
    freshSignInUntil: z.string().nullable(),
    oidcName: z.string().nullable(),
  }),
});
const Signatories = z.array(z.object({ personId: DbIdJson, role: z.enum(IMMEDIATE_ROLES) })).max(MAX_SIGNATORIES);
const ApprovedSchema = z.object({ justified: z.boolean(), closedAssignments: z.array(z.number().int()).openapi({ description: 'Assignments this report-back item’s decision closed' }) });

/** Who may see a meeting's proposals: as for its justering, with the immediate rounds' signatories. */
const access = (c: Context<AppEnv>, meetingId: number) => justeringAccess(c, meetingId, isImmediateSignatoryOf);

function translate(e: unknown): never {
  if (e instanceof ImmediateRefused) throw new ApiError(e.refusal.status, e.refusal.code, e.refusal.message);
  if (e instanceof SignatoryChoiceError) throw new ApiError(422, 'invalid_signatories', `Ogiltigt värde för signatories: ${e.message}`);
  throw e;
}

const view = (v: ImmediateView) => ({
  itemId: v.itemId, itemNumber: v.itemNumber, title: v.item.title, state: v.state, proposedAt: v.proposedAt, proposedBy: v.proposedBy,
  justifiedAt: v.justifiedAt, justifiedOn: v.justifiedOn,
  statement: v.justifiedAt ? immediateJusteringText({ justifiedOn: v.justifiedOn!, justifiedAt: v.justifiedAt, signatories: v.approvals.map((a) => ({ name: a.name, role: a.role })), contentSha256: v.contentSha256 }) : null,
  contentSha256: v.contentSha256, item: v.item,
  approvals: v.approvals.map(({ id: _id, accountId: _a, ...a }) => a),
});

/** The domain's check for an approval by `personId`, made before any password check; the store repeats it under its lock. */
async function precheck(c: Context<AppEnv>, meetingId: number, itemId: number, personId: number | null) {
  const { meeting } = await access(c, meetingId);
  if (!(await itemOnMeeting(c.var.deps.store.db, meetingId, itemId))) throw notFound('Ärendet');
  const proposal = (await listImmediate(c.var.deps.store.db, meetingId)).find((v) => v.itemId === itemId) ?? null;
  const approval = proposal && personId !== null ? (proposal.approvals.find((a) => a.personId === personId) ?? null) : null;
  const refusal = approvalRefusal(meeting.status, proposal ? { state: proposal.state } : null, approval ? { approved: approval.approvedAt !== null } : null);
  return refusal;
}

export function registerImmediateJusteringRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/immediate-justering',
      permission: 'signed-in',
      summary: 'Items of the meeting proposed for, or declared in, omedelbar justering: the item as approved, its hash, each signatory’s approval; what you may do',
      request: { params: IdParam },
      responses: { 200: { description: 'The proposals in agenda order', ...json(StateSchema) }, ...errorResponses },
    },
    async (c) => {
      const { id } = c.req.valid('param');
      const { meeting, canManage } = await access(c, id);
      const { viewer, deps } = c.var;
      const auth = await freshAuthentication(c, true);
      return c.json(
        {
          meeting: { id, status: meeting.status, date: meeting.date, bodyName: meeting.bodyNameAtTheTime ?? meeting.bodies[0]?.name ?? '' },
          items: (await listImmediate(deps.store.db, id)).map(view),
          you: {
            canManage,
            personId: viewer.kind === 'account' ? viewer.personId : null,
            ...auth,
          },
        },
        200,
      );
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/items/{itemId}/immediate-justering/candidates',
      permission: 'edit-meeting',
      summary: 'Who justifies the item by default (the justerare and ordförande present at it) and who else was present to choose from',
      request: { params: ItemParams },
      responses: {
        200: {
          description: 'Proposed signatories and those present',
          ...json(z.object({ proposed: z.array(z.object({ personId: z.number().int(), name: z.string(), role: z.enum(IMMEDIATE_ROLES) })), present: z.array(z.object({ personId: z.number().int(), name: z.string(), role: z.string().nullable() })) })),
        },
        ...errorResponses,
      },
    },
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      const item = await itemOnMeeting(c.var.deps.store.db, id, itemId);
      if (!item) throw notFound('Ärendet');
      const sources = await justeringSources(c.var.deps.store.db, id);
      const present = presentAtItem(sources.present, item.number).filter((p) => p.personId !== null);
      return c.json(
        {
          proposed: proposedSignatories(sources, item.number).map((s) => ({ personId: s.personId, name: s.name, role: s.role })),
          present: present.map((p) => ({ personId: p.personId!, name: p.name, role: p.role })),
        },
        200,
      );
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/meetings/{id}/items/{itemId}/immediate-justering',
      permission: 'edit-meeting',
      summary: 'Propose omedelbar justering of an item with a decision: freeze it as it stands and ask the signatories present (default: the justerare and ordförande) to approve it',
      request: { params: ItemParams, body: { required: true, content: { 'application/json': { schema: z.object({ signatories: Signatories.optional() }) } } } },
      responses: {
        201: { description: 'Proposed', ...json(z.object({ signatories: z.array(z.object({ personId: z.number().int(), name: z.string(), role: z.enum(IMMEDIATE_ROLES), hasAccount: z.boolean() })) })) },
        409: { description: 'Not a draft, already proposed or justified, or an imported protocol' },
        422: { description: 'No decision, or no ordförande and justerare present' },
        ...errorResponses,
      },
    },
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      let proposed;
      try {
        proposed = await proposeImmediate(c.var.deps.store.db, c.var.viewer, id, itemId, c.req.valid('json').signatories ?? null);
      } catch (e) {
        translate(e);
      }
      if (!proposed) throw notFound('Ärendet');
      return c.json({ signatories: proposed.signatories.map((s) => ({ personId: s.personId, name: s.name, role: s.role, hasAccount: s.accountId !== null })) }, 201);
    },
  );

  defineRoute(
    app,
    {
      method: 'delete',
      path: '/api/meetings/{id}/items/{itemId}/immediate-justering',
      permission: 'edit-meeting',
      summary: 'Withdraw the proposal before everyone has approved; the item can be edited again',
      request: { params: ItemParams },
      responses: { 204: { description: 'Withdrawn' }, 409: { description: 'Nothing proposed, or already justified' }, ...errorResponses },
    },
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      try {
        if (!(await withdrawImmediate(c.var.deps.store.db, c.var.viewer, id, itemId))) throw notFound('Ärendet');
      } catch (e) {
        translate(e);
      }
      return c.body(null, 204);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/meetings/{id}/items/{itemId}/immediate-justering/record',
      permission: 'edit-meeting',
      summary: 'Record that a signatory approved the item aloud at the meeting (the secretary is recorded as the one who entered it); the last approval justifies the item',
      request: { params: ItemParams, body: { required: true, content: { 'application/json': { schema: z.object({ personId: DbIdJson }) } } } },
      responses: { 200: { description: 'Recorded', ...json(ApprovedSchema) }, 409: { description: 'Nothing to approve, or already approved' }, 422: { description: 'That person does not justify the item' }, ...errorResponses },
    },
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      const { personId } = c.req.valid('json');
      const refusal = await precheck(c, id, itemId, personId);
      if (refusal?.status === 403) throw new ApiError(422, 'not_signatory', 'Ogiltigt värde för personId: personen är inte en av dem som justerar paragrafen.');
      if (refusal) throw new ApiError(refusal.status, refusal.code, refusal.message);
      const viewer = c.var.viewer;
      let done;
      try {
        done = await recordApproval(c.var.deps.store.db, viewer, id, itemId, { personId, way: 'on-the-spot', method: onTheSpotMethod(viewer.kind === 'account' ? viewer.name : 'sekreteraren') });
      } catch (e) {
        translate(e);
      }
      if (!done) throw notFound('Ärendet');
      return c.json(done, 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/meetings/{id}/items/{itemId}/immediate-justering/approve',
      permission: 'signed-in',
      summary: `Approve the item's text yourself (its signatories only), after fresh authentication: your password, or (accounts without one) a sign-in through the identity provider within the last ${FRESH_SIGN_IN_MINUTES} minutes. The last approval justifies the item.`,
      middleware: [limit('immediate-approve', 10)],
      request: { params: ItemParams, body: { required: true, content: { 'application/json': { schema: z.object({ password: z.string().max(1024).optional() }) } } } },
      responses: {
        200: { description: 'Approved', ...json(ApprovedSchema) },
        401: { description: 'Wrong password, or the sign-in is not fresh (you stay signed in)' },
        403: { description: 'You do not justify this item' },
        409: { description: 'Nothing to approve, or already approved' },
        ...errorResponses,
      },
    },
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      const { viewer, session, deps } = c.var;
      if (viewer.kind !== 'account') throw new ApiError(401, 'unauthenticated', 'Du behöver logga in.');
      const refusal = await precheck(c, id, itemId, viewer.personId);
      if (refusal) throw new ApiError(refusal.status, refusal.code, refusal.message);
      const credentials = await signingCredentials(deps.store.db, viewer.accountId);
      const refused = async (reason: string) => appendAudit(deps.store.db, viewer, { action: 'immediate-justering.approve-refused', entity: 'agenda_item', entityId: itemId, after: { meetingId: id, reason } });
      let method: string;
      if (credentials?.passwordHash) {
        const { password } = c.req.valid('json');
        if (!password) throw new ApiError(401, 'password_required', 'Skriv ditt lösenord för att godkänna paragrafen.');
        if (!(await checkPassword(credentials.passwordHash, password))) {
          await refused('wrong password');
          throw new ApiError(401, 'wrong_password', 'Lösenordet stämmer inte. Paragrafen är inte godkänd; du är fortfarande inloggad och kan försöka igen.');
        }
        method = signingMethod({ kind: 'password' });
      } else {
        const provider = deps.config.oidc?.name ?? 'organisationens inloggning';
        if (!session || !isFreshSignIn(session.authenticatedAt, new Date())) {
          await refused('sign-in not fresh');
          throw new ApiError(401, 'fresh_sign_in_required', `Logga in igen via ${provider} och godkänn inom ${FRESH_SIGN_IN_MINUTES} minuter.`);
        }
        method = signingMethod({ kind: 'oidc', provider });
      }
      let done;
      try {
        done = await recordApproval(deps.store.db, viewer, id, itemId, { personId: viewer.personId, way: 'own-device', method });
      } catch (e) {
        translate(e);
      }
      if (!done) throw notFound('Ärendet');
      return c.json(done, 200);
    },
  );

  registerImmediateExtractRoutes(app);
}
