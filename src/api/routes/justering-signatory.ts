import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { defineRoute, type ApiApp, type AppEnv } from '../route.js';
import { IdParam, errorResponses } from '../schemas.js';
import { ApiError } from '../errors.js';
import { limit } from '../auth/rate-limits.js';
import { FRESH_SIGN_IN_MINUTES, isFreshSignIn, signatoryRefusal, signingMethod, type SignatoryAction } from '../../domain/justering.js';
import { checkPassword } from '../../auth/passwords.js';
import { accountEmails, listRounds, signingCredentials } from '../../store/queries/justering.js';
import { addComment, approve, auditRefusedSignature, recordSignature } from '../../store/queries/justering-write.js';
import { sendJusteringComment } from '../../mail/justering-notices.js';
import { justeringAccess, justeringUrl, translateJustering } from './justering-access.js';
import { sealRound } from './justering-seal.js';

// What a signatory (undertecknare) does in an open round: approve, comment, sign. Declared
// 'signed-in': whether the viewer is one of the round's signatories is decided here, after the
// meeting's visibility — with nothing out on justering the answer is 409 for everyone who may
// see the meeting, and 403 for someone who is not a signatory when there is something to sign.

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

/** The same checks the store repeats under its lock, made first so that a refusal costs no password check. */
async function precheck(c: Context<AppEnv>, meetingId: number, action: SignatoryAction) {
  const access = await justeringAccess(c, meetingId);
  const { viewer } = c.var;
  const round = (await listRounds(c.var.deps.store.db, meetingId))[0] ?? null;
  const personId = viewer.kind === 'account' ? viewer.personId : null;
  const signatory = round && personId !== null ? (round.signatories.find((s) => s.personId === personId) ?? null) : null;
  const refusal = signatoryRefusal(action, round, signatory);
  if (refusal) throw new ApiError(refusal.status, refusal.code, refusal.message);
  return { ...access, round: round! };
}

const SignResult = z.object({
  complete: z.boolean().openapi({ description: 'This was the last signature' }),
  sealed: z.boolean(),
  sealError: z.string().nullable().openapi({ description: 'Why sealing failed (the secretary may seal again); the signatures stand' }),
});

export function registerSignatoryRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/meetings/{id}/justering/approve',
      permission: 'signed-in',
      summary: 'Approve the version out on justering (signatories only)',
      request: { params: IdParam },
      responses: { 204: { description: 'Approved' }, 403: { description: 'Not a signatory' }, 409: { description: 'Nothing on justering, or already signed' }, ...errorResponses },
    },
    async (c) => {
      const { id } = c.req.valid('param');
      await precheck(c, id, 'approve');
      try {
        await approve(c.var.deps.store.db, c.var.viewer, id);
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
      path: '/api/meetings/{id}/justering/comments',
      permission: 'signed-in',
      summary: 'Comment on the version out on justering (signatories only); the secretary is e-mailed, everyone in the round sees it',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: z.object({ text: z.string().trim().min(1, 'kommentaren får inte vara tom').max(10_000) }) } } } },
      responses: { 201: { description: 'Commented', ...json(z.object({ id: z.number().int() })) }, 403: { description: 'Not a signatory' }, 409: { description: 'Nothing on justering, or already signed' }, ...errorResponses },
    },
    async (c) => {
      const { id } = c.req.valid('param');
      const { meeting, round } = await precheck(c, id, 'comment');
      const { text } = c.req.valid('json');
      const { store, mailer, log } = c.var.deps;
      let added;
      try {
        added = await addComment(store.db, c.var.viewer, id, text);
      } catch (e) {
        translateJustering(e);
      }
      if (mailer && added.secretaryAccountId !== null) {
        try {
          const to = await accountEmails(store.db, [added.secretaryAccountId]);
          await sendJusteringComment(mailer, to, { bodyName: meeting.bodyNameAtTheTime ?? meeting.bodies[0]?.name ?? '', date: meeting.date, version: round.version, url: justeringUrl(c, id), author: added.author, text });
        } catch (e) {
          log.warn({ err: e, meetingId: id }, 'justering comment e-mail not sent');
        }
      }
      return c.json({ id: added.commentId }, 201);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/meetings/{id}/justering/sign',
      permission: 'signed-in',
      summary: `Sign the version out on justering, after fresh authentication: the account's password, or (accounts without one) a sign-in through the identity provider within the last ${FRESH_SIGN_IN_MINUTES} minutes. The last signature seals and publishes the protocol.`,
      middleware: [limit('justering-sign', 10)],
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: z.object({ password: z.string().max(1024).optional() }) } } } },
      responses: {
        200: { description: 'Signed', ...json(SignResult) },
        401: { description: 'Wrong password, or the sign-in is not fresh (you stay signed in)' },
        403: { description: 'Not a signatory' },
        409: { description: 'Nothing on justering, or already signed' },
        ...errorResponses,
      },
    },
    async (c) => {
      const { id } = c.req.valid('param');
      await precheck(c, id, 'sign');
      const { viewer, session, deps } = c.var;
      if (viewer.kind !== 'account') throw new ApiError(401, 'unauthenticated', 'Du behöver logga in.');
      const credentials = await signingCredentials(deps.store.db, viewer.accountId);
      const { password } = c.req.valid('json');
      let method: string;
      if (credentials?.passwordHash) {
        if (!password) throw new ApiError(401, 'password_required', 'Skriv ditt lösenord för att underteckna.');
        if (!(await checkPassword(credentials.passwordHash, password))) {
          await auditRefusedSignature(deps.store.db, viewer, id, 'wrong password');
          throw new ApiError(401, 'wrong_password', 'Lösenordet stämmer inte. Protokollet är inte undertecknat; du är fortfarande inloggad och kan försöka igen.');
        }
        method = signingMethod({ kind: 'password' });
      } else {
        const provider = deps.config.oidc?.name ?? 'organisationens inloggning';
        if (!session || !isFreshSignIn(session.authenticatedAt, new Date())) {
          await auditRefusedSignature(deps.store.db, viewer, id, 'sign-in not fresh');
          throw new ApiError(401, 'fresh_sign_in_required', `Logga in igen via ${provider} och underteckna inom ${FRESH_SIGN_IN_MINUTES} minuter.`);
        }
        method = signingMethod({ kind: 'oidc', provider });
      }
      let signed;
      try {
        signed = await recordSignature(deps.store.db, viewer, id, method);
      } catch (e) {
        translateJustering(e);
      }
      if (!signed.complete) return c.json({ complete: false, sealed: false, sealError: null }, 200);
      const outcome = await sealRound(deps, viewer, id, signed.complete);
      return c.json({ complete: true, sealed: outcome.sealed, sealError: outcome.sealed ? null : outcome.error }, 200);
    },
  );
}
