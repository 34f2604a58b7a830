import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { defineRoute, type ApiApp, type AppEnv } from '../route.js';
import { DbId, IdParam, errorResponses } from '../schemas.js';
import { ApiError, notFound } from '../errors.js';
import { forbidden } from '../auth/permissions.js';
import { canEditBody } from '../../domain/access.js';
import { VOTE_CHOICES, type VoteInput } from '../../domain/votes.js';
import { FrozenError } from '../../store/queries/agenda-edit.js';
import { ItemFrozenError } from '../../store/queries/immediate-justering.js';
import { getMeetingSummary } from '../../store/queries/meetings.js';
import {
  addProtocolNote, addReservation, deleteVote, ItemNotInMeetingError, NotOnItemError, NotOwnError, recordVote, removeStatement, replaceVote,
  setBodyVoteRule, votingPanel, VotingRefusedError, type Author,
} from '../../store/queries/votes.js';

// Votes (omröstningar), reservations and protocol notes (protokollsanteckningar) on an item.
// The secretary records votes, and reservations and notes for anyone present. A member of the
// meeting's body may enter their own reservation or note while the protocol is a draft (before
// justering): those routes are declared 'signed-in' and decide here, after the meeting is found
// readable (a draft of another body is a 404, as everywhere).

const param = (name: string) => DbId.openapi({ param: { name, in: 'path' } });
const ItemParams = z.object({ id: param('id'), itemId: param('itemId') });
const Optional = (max: number) => z.string().trim().max(max).nullable().default(null);
const Count = z.number().int().min(0).max(10_000);

const VoteBody = z.object({
  question: Optional(500),
  yesFor: z.string().trim().min(1, 'ange vilket förslag en ja-röst är för').max(1000),
  noFor: z.string().trim().min(1, 'ange vilket förslag en nej-röst är för').max(1000),
  ballots: z.array(z.object({ name: z.string().trim().min(1).max(200), vote: z.enum(VOTE_CHOICES) })).max(500).default([]),
  counts: z.object({ yes: Count, no: Count, abstain: Count }).nullable().default(null),
  castingVote: z.enum(['yes', 'no']).nullable().default(null),
});

const Created = { 201: { description: 'Recorded', content: { 'application/json': { schema: z.object({ id: z.number().int() }) } } } } as const;
const Refusals = {
  403: { description: 'Not your own, or not a member of the body' },
  409: { description: 'The protocol is frozen (justering has started), or already recorded' },
  422: { description: 'Refused by the rules: not present, no voting right, voted twice, counts that do not add up' },
} as const;

const blank = (s: string | null) => (s === null || s === '' ? null : s);

/** Domain and store refusals as the API's answers. */
function translate(e: unknown): never {
  if (e instanceof ItemFrozenError) throw new ApiError(e.refusal.status, e.refusal.code, e.refusal.message);
  if (e instanceof FrozenError) throw new ApiError(409, 'frozen', 'Protokollet kan inte längre ändras: justeringen har börjat, eller det är ett importerat arkivprotokoll.');
  if (e instanceof ItemNotInMeetingError) throw new ApiError(404, 'not_found', 'Ärendet finns inte på det här mötet.');
  if (e instanceof NotOnItemError) throw new ApiError(404, 'not_found', 'Det finns inte i det här ärendet.');
  if (e instanceof NotOwnError) throw new ApiError(403, 'forbidden', 'Du kan bara lämna en reservation eller protokollsanteckning för dig själv.');
  if (e instanceof VotingRefusedError) throw new ApiError(e.problem.code === 'exists' ? 409 : 422, e.problem.code.replace(/-/g, '_'), e.problem.message);
  throw e;
}

const voteInput = (b: z.infer<typeof VoteBody>): VoteInput => ({ ...b, question: blank(b.question) });

/**
 * How this viewer may enter or remove reservations and notes on the meeting: as its secretary (or
 * an administrator), for anyone present; or as a member of its body, for themselves only.
 */
async function standingOn(c: Context<AppEnv>, meetingId: number): Promise<{ secretary: true; personId: number | null } | { secretary: false; personId: number }> {
  const viewer = c.var.viewer;
  const meeting = await getMeetingSummary(c.var.deps.store.db, viewer, meetingId);
  if (!meeting || viewer.kind !== 'account') throw notFound('Mötet');
  const bodyIds = meeting.bodies.map((b) => b.id);
  if (bodyIds.some((b) => canEditBody(viewer, b))) return { secretary: true, personId: viewer.personId };
  if (!bodyIds.some((b) => viewer.bodies[b] !== undefined)) throw forbidden();
  if (viewer.personId === null) throw new ApiError(403, 'forbidden', 'Ditt konto är inte kopplat till en person i organet.');
  return { secretary: false, personId: viewer.personId };
}

/** Who the reservation or note is for: the secretary names anyone (or, naming no one, themselves); a member is themselves. */
async function authorFor(c: Context<AppEnv>, meetingId: number, name: string | null): Promise<Author> {
  const standing = await standingOn(c, meetingId);
  if (standing.secretary && name) return { name };
  if (standing.personId === null) throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för name: ange vem det gäller.');
  return { personId: standing.personId, name: standing.secretary ? null : name };
}

export function registerVoteRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/items/{itemId}/votes',
      permission: 'edit-meeting',
      summary: "An item's votes, reservations and protocol notes, with who may vote on it (from the attendance), the chair and the body's rule for a tie",
      request: { params: ItemParams },
      responses: { 200: { description: 'Voting on the item' }, ...errorResponses },
    },
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      const panel = await votingPanel(c.var.deps.store.db, id, itemId);
      if (!panel) throw new ApiError(404, 'not_found', 'Ärendet finns inte på det här mötet.');
      return c.json(panel, 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/meetings/{id}/items/{itemId}/votes',
      permission: 'edit-meeting',
      summary: "Record a vote (omröstning): the two proposals, each member's vote (ja / nej / avstår) and/or the counts; the result follows, a tie by the chair's casting vote where the body uses it",
      request: { params: ItemParams, body: { required: true, content: { 'application/json': { schema: VoteBody } } } },
      responses: { ...Created, ...Refusals, ...errorResponses },
    },
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      try {
        return c.json({ id: await recordVote(c.var.deps.store.db, c.var.viewer, id, itemId, voteInput(c.req.valid('json'))) }, 201);
      } catch (e) {
        translate(e);
      }
    },
  );

  defineRoute(
    app,
    {
      method: 'put',
      path: '/api/meetings/{id}/items/{itemId}/votes/{voteId}',
      permission: 'edit-meeting',
      summary: 'Correct a recorded vote (replaced as a whole)',
      request: { params: ItemParams.extend({ voteId: param('voteId') }), body: { required: true, content: { 'application/json': { schema: VoteBody } } } },
      responses: { 204: { description: 'Saved' }, ...Refusals, ...errorResponses },
    },
    async (c) => {
      const { id, itemId, voteId } = c.req.valid('param');
      try {
        await replaceVote(c.var.deps.store.db, c.var.viewer, id, itemId, voteId, voteInput(c.req.valid('json')));
      } catch (e) {
        translate(e);
      }
      return c.body(null, 204);
    },
  );

  defineRoute(
    app,
    {
      method: 'delete',
      path: '/api/meetings/{id}/items/{itemId}/votes/{voteId}',
      permission: 'edit-meeting',
      summary: 'Remove a recorded vote',
      request: { params: ItemParams.extend({ voteId: param('voteId') }) },
      responses: { 204: { description: 'Removed' }, 409: Refusals[409], ...errorResponses },
    },
    async (c) => {
      const { id, itemId, voteId } = c.req.valid('param');
      try {
        await deleteVote(c.var.deps.store.db, c.var.viewer, id, itemId, voteId);
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
      path: '/api/meetings/{id}/items/{itemId}/reservations',
      permission: 'signed-in',
      summary: "Enter a reservation against the item's decision, with or without a written motivation: the secretary for anyone who took part in the decision (name), a member of the body for themselves while the protocol is a draft",
      request: {
        params: ItemParams,
        body: { required: true, content: { 'application/json': { schema: z.object({ name: Optional(200), inFavourOf: Optional(1000), motivation: Optional(20_000) }) } } },
      },
      responses: { ...Created, ...Refusals, ...errorResponses },
    },
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      const body = c.req.valid('json');
      const author = await authorFor(c, id, blank(body.name));
      try {
        const input = { inFavourOf: blank(body.inFavourOf), motivation: blank(body.motivation) };
        return c.json({ id: await addReservation(c.var.deps.store.db, c.var.viewer, id, itemId, author, input) }, 201);
      } catch (e) {
        translate(e);
      }
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/meetings/{id}/items/{itemId}/protocol-notes',
      permission: 'signed-in',
      summary: 'Enter a protocol note (protokollsanteckning): the secretary for anyone present at the item (name), a member of the body for themselves while the protocol is a draft',
      request: {
        params: ItemParams,
        body: { required: true, content: { 'application/json': { schema: z.object({ name: Optional(200), text: z.string().trim().min(1, 'skriv anteckningen').max(20_000) }) } } },
      },
      responses: { ...Created, ...Refusals, ...errorResponses },
    },
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      const body = c.req.valid('json');
      const author = await authorFor(c, id, blank(body.name));
      try {
        return c.json({ id: await addProtocolNote(c.var.deps.store.db, c.var.viewer, id, itemId, author, body.text) }, 201);
      } catch (e) {
        translate(e);
      }
    },
  );

  for (const kind of ['reservation', 'protocol-note'] as const) {
    defineRoute(
      app,
      {
        method: 'delete',
        path: `/api/meetings/{id}/items/{itemId}/${kind}s/{statementId}`,
        permission: 'signed-in',
        summary: kind === 'reservation' ? 'Remove a reservation: the secretary, or the member who made it' : 'Remove a protocol note: the secretary, or the member who made it',
        request: { params: ItemParams.extend({ statementId: param('statementId') }) },
        responses: { 204: { description: 'Removed' }, ...Refusals, ...errorResponses },
      },
      async (c) => {
        const { id, itemId, statementId } = c.req.valid('param');
        const standing = await standingOn(c, id);
        try {
          const own = standing.secretary ? null : standing.personId;
          if ((await removeStatement(c.var.deps.store.db, c.var.viewer, kind, id, itemId, statementId, own)) === 'not-own') throw new NotOwnError();
        } catch (e) {
          translate(e);
        }
        return c.body(null, 204);
      },
    );
  }

  defineRoute(
    app,
    {
      method: 'put',
      path: '/api/bodies/{id}/vote-rule',
      permission: 'admin',
      summary: "Whether the body's chair has a casting vote (utslagsröst) on a tie (the default), as its rules of procedure say",
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: z.object({ chairCastingVote: z.boolean() }) } } } },
      responses: { 204: { description: 'Saved' }, ...errorResponses },
    },
    async (c) => {
      if (!(await setBodyVoteRule(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id, c.req.valid('json')))) throw notFound('Organet');
      return c.body(null, 204);
    },
  );
}
