import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { defineRoute, type ApiApp, type AppEnv } from '../route.js';
import { DbId, DbIdJson, IdParam, errorResponses } from '../schemas.js';
import { ApiError, notFound } from '../errors.js';
import { defaultSignatories, MAX_SIGNATORIES, SIGNATORY_ROLES, sealRefusal, signatoryListProblem, ROUND_STATES, SIGNATORY_STATES } from '../../domain/justering.js';
import { MEETING_STATUSES, type Protocol } from '../../domain/model.js';
import { accountEmails, getVersion, justeringSources, listRounds, listVersions } from '../../store/queries/justering.js';
import { answerComment, revise, roundToSeal, sendOnJustering } from '../../store/queries/justering-write.js';
import { sendJusteringRequest } from '../../mail/justering-notices.js';
import { renderProtocolHtml } from '../../render/protocol-html.js';
import { freshAuthentication, justeringAccess, justeringUrl, translateJustering } from './justering-access.js';
import { registerSignatoryRoutes } from './justering-signatory.js';
import { sealRound } from './justering-seal.js';

// Justering of a meeting's protocol (see src/domain/justering.ts): the page's state, the
// secretary's actions (choose signatories and send, answer comments, revise, seal again) and the
// frozen versions. The signatories' own actions are in justering-signatory.ts.

// The app's Content-Security-Policy allows no inline styles: a version read in the browser links
// the same-origin stylesheet the protocol pages use (src/api/routes/documents.ts).
const STYLESHEET_PATH = '/api/print/document.css';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const VersionParams = z.object({
  id: DbId.openapi({ param: { name: 'id', in: 'path' } }),
  version: z.coerce.number().int().min(1).max(100_000).openapi({ param: { name: 'version', in: 'path' } }),
});
const CommentParams = z.object({ id: DbId.openapi({ param: { name: 'id', in: 'path' } }), commentId: DbId.openapi({ param: { name: 'commentId', in: 'path' } }) });

const SignatorySchema = z.object({
  id: z.number().int(),
  position: z.number().int(),
  personId: z.number().int(),
  name: z.string(),
  role: z.enum(SIGNATORY_ROLES),
  organization: z.string().nullable(),
  state: z.enum(SIGNATORY_STATES),
  approvedAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  method: z.string().nullable(),
});
const RoundSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  state: z.enum(ROUND_STATES),
  startedAt: z.string(),
  startedBy: z.string().nullable(),
  endedAt: z.string().nullable(),
  sealError: z.string().nullable(),
  signatories: z.array(SignatorySchema),
  comments: z.array(z.object({ id: z.number().int(), signatoryId: z.number().int(), author: z.string(), text: z.string(), createdAt: z.string(), answer: z.string().nullable(), answeredAt: z.string().nullable(), answeredBy: z.string().nullable() })),
});
export const JusteringSchema = z
  .object({
    meeting: z.object({ id: z.number().int(), status: z.enum(MEETING_STATUSES), origin: z.enum(['native', 'imported']), date: z.string().nullable(), bodyName: z.string(), bodies: z.array(z.object({ id: z.number().int(), slug: z.string(), name: z.string(), primary: z.boolean() })) }),
    rounds: z.array(RoundSchema).openapi({ description: 'Newest first; the first is the current round' }),
    versions: z.array(z.object({ version: z.number().int(), createdAt: z.string(), createdBy: z.string().nullable() })),
    you: z.object({
      canManage: z.boolean().openapi({ description: 'A secretary of the body: may send, revise and seal again' }),
      signatoryId: z.number().int().nullable().openapi({ description: 'Your place among the current round’s signatories' }),
      signWith: z.enum(['password', 'oidc']).nullable().openapi({ description: 'How you authenticate again to sign' }),
      freshSignInUntil: z.string().nullable().openapi({ description: 'oidc: until when your sign-in counts as fresh' }),
      oidcName: z.string().nullable(),
    }),
  })
  .openapi('Justering');

const ProposedSchema = z.object({ personId: z.number().int(), name: z.string(), role: z.enum(SIGNATORY_ROLES), organization: z.string().nullable(), hasAccount: z.boolean() });
const CandidatesSchema = z.object({
  proposed: z.array(ProposedSchema),
  candidates: z.array(z.object({ personId: z.number().int(), name: z.string(), organization: z.string().nullable(), source: z.enum(['attendance', 'member']), hasAccount: z.boolean() })),
});
const SealResultSchema = z.object({ sealed: z.boolean(), pdfSha256: z.string().nullable(), sealError: z.string().nullable() });

async function proposal(c: Context<AppEnv>, meetingId: number) {
  const { viewer } = c.var;
  const sources = await justeringSources(c.var.deps.store.db, meetingId);
  const self = viewer.kind === 'account' && viewer.personId !== null ? sources.candidates.find((x) => x.personId === viewer.personId) : undefined;
  const proposed = defaultSignatories({ ...sources, sender: self ? { personId: self.personId, name: self.name, organization: self.organization } : null });
  const hasAccount = new Map(sources.candidates.map((x) => [x.personId, x.hasAccount]));
  return { proposed: proposed.map((p) => ({ ...p, hasAccount: hasAccount.get(p.personId) ?? false })), candidates: sources.candidates };
}

export function registerJusteringRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/justering',
      permission: 'signed-in',
      summary: "A protocol's justering: rounds with signatories in order, their state and times, comments; the versions; what you may do",
      request: { params: IdParam },
      responses: { 200: { description: 'The justering', ...json(JusteringSchema) }, ...errorResponses },
    },
    async (c) => {
      const { id } = c.req.valid('param');
      const { meeting, canManage } = await justeringAccess(c, id);
      const { viewer, deps } = c.var;
      const db = deps.store.db;
      const rounds = await listRounds(db, id);
      const current = rounds[0];
      const personId = viewer.kind === 'account' ? viewer.personId : null;
      const mine = current && personId !== null ? current.signatories.find((s) => s.personId === personId) : undefined;
      const auth = await freshAuthentication(c, mine !== undefined);
      return c.json(
        {
          meeting: { id, status: meeting.status, origin: meeting.origin, date: meeting.date, bodyName: meeting.bodyNameAtTheTime ?? meeting.bodies[0]?.name ?? '', bodies: meeting.bodies },
          rounds: rounds.map((r) => ({ ...r, signatories: r.signatories.map(({ accountId: _accountId, ...s }) => s) })),
          versions: await listVersions(db, id),
          you: {
            canManage,
            signatoryId: mine?.id ?? null,
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
      path: '/api/meetings/{id}/justering/candidates',
      permission: 'edit-meeting',
      summary: 'Who signs by default (the meeting’s sekreterare, the justerare chosen at "Val av justerare", the ordförande) and who may be chosen',
      request: { params: IdParam },
      responses: { 200: { description: 'Proposed signatories and candidates', ...json(CandidatesSchema) }, ...errorResponses },
    },
    async (c) => {
      const { id } = c.req.valid('param');
      await justeringAccess(c, id);
      return c.json(await proposal(c, id), 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/meetings/{id}/justering',
      permission: 'edit-meeting',
      summary: 'Send the protocol on justering: freeze it as the next version and ask the signatories (in this order; default: the proposal) to approve and sign',
      request: {
        params: IdParam,
        body: {
          required: true,
          content: { 'application/json': { schema: z.object({ signatories: z.array(z.object({ personId: DbIdJson, role: z.enum(SIGNATORY_ROLES) })).max(MAX_SIGNATORIES).optional() }) } },
        },
      },
      responses: {
        201: { description: 'Sent; the signatories are e-mailed', ...json(z.object({ roundId: z.number().int(), version: z.number().int(), notified: z.number().int() })) },
        409: { description: 'Not a draft, or already on justering' },
        422: { description: 'A signatory has no account' },
        ...errorResponses,
      },
    },
    async (c) => {
      const { id } = c.req.valid('param');
      const { meeting } = await justeringAccess(c, id);
      const chosen = c.req.valid('json').signatories ?? (await proposal(c, id)).proposed;
      if (chosen.length === 0) throw new ApiError(422, 'no_signatories', 'Inga undertecknare kunde föreslås: ange sekreterare, justerare och ordförande.');
      const problem = signatoryListProblem(chosen);
      if (problem) throw new ApiError(400, 'invalid_request', `Ogiltigt värde för signatories: ${problem}`);
      let sent;
      try {
        sent = await sendOnJustering(c.var.deps.store.db, c.var.viewer, id, chosen.map((s) => ({ personId: s.personId, role: s.role })));
      } catch (e) {
        translateJustering(e);
      }
      if (!sent) throw notFound('Mötet');
      let notified = 0;
      const { mailer, log, store } = c.var.deps;
      if (mailer) {
        // The round is open whatever the mail does; the page shows the same link.
        try {
          const to = await accountEmails(store.db, sent.signatories.map((s) => s.accountId));
          notified = (await sendJusteringRequest(mailer, to, { bodyName: meeting.bodyNameAtTheTime ?? meeting.bodies[0]?.name ?? '', date: meeting.date, version: sent.version, url: justeringUrl(c, id) })).length;
        } catch (e) {
          log.warn({ err: e, meetingId: id }, 'justering e-mail not sent');
        }
      }
      return c.json({ roundId: sent.roundId, version: sent.version, notified }, 201);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/meetings/{id}/justering/revise',
      permission: 'edit-meeting',
      summary: 'Revise: stop the open round (approvals and signatures no longer count) and make the protocol a draft again; sending it anew makes the next version',
      request: { params: IdParam },
      responses: { 200: { description: 'The meeting is a draft again', ...json(z.object({ version: z.number().int() })) }, 409: { description: 'Nothing on justering, or already signed by all' }, ...errorResponses },
    },
    async (c) => {
      const { id } = c.req.valid('param');
      await justeringAccess(c, id);
      try {
        return c.json(await revise(c.var.deps.store.db, c.var.viewer, id), 200);
      } catch (e) {
        translateJustering(e);
      }
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/meetings/{id}/justering/comments/{commentId}/answer',
      permission: 'edit-meeting',
      summary: "Answer a signatory's comment (shown to everyone in the round)",
      request: { params: CommentParams, body: { required: true, content: { 'application/json': { schema: z.object({ answer: z.string().trim().min(1, 'svaret får inte vara tomt').max(10_000) }) } } } },
      responses: { 204: { description: 'Answered' }, 409: { description: 'The round is over' }, ...errorResponses },
    },
    async (c) => {
      const { id, commentId } = c.req.valid('param');
      await justeringAccess(c, id);
      try {
        if (!(await answerComment(c.var.deps.store.db, c.var.viewer, id, commentId, c.req.valid('json').answer))) throw notFound('Kommentaren');
      } catch (e) {
        translateJustering(e);
      }
      return c.body(null, 204);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/meetings/{id}/justering/seal',
      permission: 'edit-meeting',
      summary: 'Seal again (försegla igen) after a failed seal, once every signatory has signed: seals and publishes the protocol',
      request: { params: IdParam },
      responses: { 200: { description: 'Sealed and published', ...json(SealResultSchema) }, 409: { description: 'Not signed by all, or already sealed' }, 422: { description: 'Sealing failed (the message says why); nothing is published' }, ...errorResponses },
    },
    async (c) => {
      const { id } = c.req.valid('param');
      await justeringAccess(c, id);
      const { state, input } = await roundToSeal(c.var.deps.store.db, id);
      const refusal = sealRefusal(state ? { state } : null);
      if (refusal || !input) throw new ApiError(refusal?.status ?? 409, refusal?.code ?? 'not_signed', refusal?.message ?? 'Protokollet kan förseglas först när alla har undertecknat.');
      const outcome = await sealRound(c.var.deps, c.var.viewer, id, input);
      if (!outcome.sealed) throw new ApiError(422, 'seal_failed', outcome.error);
      return c.json({ sealed: true, pdfSha256: outcome.pdfSha256, sealError: null }, 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/versions/{version}',
      permission: 'signed-in',
      summary: 'A version of the protocol exactly as it was sent on justering (the protocol JSON, frozen)',
      request: { params: VersionParams },
      responses: { 200: { description: 'The version', ...json(z.object({ meetingId: z.number().int(), version: z.number().int(), createdAt: z.string(), protocol: z.unknown() })) }, ...errorResponses },
    },
    async (c) => {
      const { id, version } = c.req.valid('param');
      await justeringAccess(c, id);
      const found = await getVersion(c.var.deps.store.db, id, version);
      if (!found) throw notFound('Versionen');
      return c.json({ meetingId: id, version: found.version, createdAt: found.createdAt, protocol: found.content }, 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/versions/{version}/protocol.html',
      permission: 'signed-in',
      summary: 'A version of the protocol as it was sent on justering, as HTML (marked UTKAST: it is not the published protocol)',
      request: { params: VersionParams },
      responses: { 200: { description: 'The version as a document', content: { 'text/html': { schema: z.string() } } }, ...errorResponses },
    },
    async (c) => {
      const { id, version } = c.req.valid('param');
      await justeringAccess(c, id);
      const found = await getVersion(c.var.deps.store.db, id, version);
      if (!found) throw notFound('Versionen');
      let html: string;
      try {
        html = renderProtocolHtml(found.content as Protocol, { stylesheetHref: STYLESHEET_PATH, draftMark: true });
      } catch (e) {
        // A version frozen long ago may predate what today's renderer expects; its JSON stays readable.
        c.var.deps.log.warn({ err: e, meetingId: id, version }, 'protocol version not rendered');
        throw new ApiError(422, 'unrenderable', 'Den här versionen kan inte visas som dokument; hämta den som JSON i stället.');
      }
      return c.html(html, 200, { 'Cache-Control': 'private, no-cache', 'X-Content-Type-Options': 'nosniff' });
    },
  );

  registerSignatoryRoutes(app);
}
