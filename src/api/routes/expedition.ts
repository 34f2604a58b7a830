import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { defineRoute, type ApiApp, type AppEnv } from '../route.js';
import { DbId, DbIdJson, IdParam, errorResponses } from '../schemas.js';
import { ApiError, notFound } from '../errors.js';
import { SYSTEM } from '../../domain/access.js';
import {
  checkSend, DISPATCH_REASONS, DISPATCH_STATES, expeditionRefusal, isPlainEmail, MAX_DIARY_NUMBER, MAX_DISPATCHES_PER_REQUEST,
  proposeExpedition, RECIPIENT_KINDS, resendRefusal, resolveRecipient, sendProblemMessage, storedStateOf, type RecipientChoice,
} from '../../domain/expedition.js';
import { getMeetingSummary } from '../../store/queries/meetings.js';
import { decidedItems, dispatchIdByToken, expeditionFacts, itemDecisionTexts, listDispatches, type Dispatch } from '../../store/queries/expedition.js';
import { createDispatches, ExpeditionRefused, registerDispatch, resendDispatch, sha256Hex } from '../../store/queries/expedition-write.js';
import { listRegistryAddresses, setRegistryAddress } from '../../store/queries/expedition-registry.js';

// Expediering (src/domain/expedition.ts): the secretary's panel for a published protocol — who
// should get which decision, send, see per recipient sent / bounced / registered, send a bounced
// one again, enter a diary number — the recipient's registration link (no sign-in: the link's
// token is the permission), and the administrators' list of registry addresses.

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });
const param = (name: string) => DbId.openapi({ param: { name, in: 'path' } });
const DispatchParams = z.object({ id: param('id'), dispatchId: param('dispatchId') });
const TokenParam = z.object({
  token: z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/, 'ogiltig länk').openapi({ param: { name: 'token', in: 'path' } }),
});
const Email = z.string().trim().toLowerCase().max(254).refine(isPlainEmail, 'ogiltig e-postadress');
const DiaryNumber = z.object({ diaryNumber: z.string().trim().min(1, 'ange diarienumret').max(MAX_DIARY_NUMBER) });

const RecipientChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('huvudman'), huvudmanId: DbIdJson }),
  z.object({ kind: z.literal('body'), bodyId: DbIdJson }),
  z.object({ kind: z.literal('named'), name: z.string().trim().min(1, 'ange mottagarens namn').max(200), email: Email }),
]);

const RecipientSchema = z.object({ kind: z.enum(RECIPIENT_KINDS), name: z.string(), huvudmanId: z.number().int().nullable(), bodyId: z.number().int().nullable() });
export const DispatchSchema = z
  .object({
    id: z.number().int(),
    reference: z.string().openapi({ description: 'Vår referens, in the e-mail and the record' }),
    meetingId: z.number().int(),
    meetingDate: z.string().nullable(),
    body: z.string(),
    itemId: z.number().int().nullable(),
    itemNumber: z.number().int().nullable(),
    itemTitle: z.string(),
    recipient: RecipientSchema,
    addresses: z.array(z.string()),
    reasons: z.array(z.enum(DISPATCH_REASONS)),
    deadline: z.string().nullable(),
    state: z.enum(DISPATCH_STATES).openapi({ description: 'queued; retrying (the mail server was not reached, another try follows); failed (gave up, see Administration → Jobbkö); sent; bounced; registered' }),
    attempt: z.number().int(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    bouncedAt: z.string().nullable(),
    bounceReason: z.string().nullable(),
    lastError: z.string().nullable(),
    diaryNumber: z.string().nullable(),
    registeredAt: z.string().nullable(),
    registeredBy: z.string().nullable(),
  })
  .openapi('Dispatch');

const ProposedSchema = RecipientSchema.extend({
  key: z.string(),
  addresses: z.array(z.string()),
  reasons: z.array(z.enum(DISPATCH_REASONS)),
  deadline: z.string().nullable(),
  problem: z.enum(['no-address', 'already-sent', 'no-number']).nullable(),
  dispatchId: z.number().int().nullable(),
});
const PanelSchema = z
  .object({
    meeting: z.object({ id: z.number().int(), date: z.string().nullable(), bodyName: z.string(), origin: z.enum(['native', 'imported']) }),
    proposals: z.array(z.object({ itemId: z.number().int(), number: z.number().int().nullable(), title: z.string(), recipients: z.array(ProposedSchema) })),
    items: z.array(z.object({ id: z.number().int(), number: z.number().int(), title: z.string() })).openapi({ description: 'Items with a decision, for adding a recipient by hand' }),
    huvudman: z.array(z.object({ id: z.number().int(), name: z.string(), hasAddress: z.boolean() })),
    bodies: z.array(z.object({ id: z.number().int(), name: z.string(), hasAddress: z.boolean() })),
    dispatches: z.array(DispatchSchema),
  })
  .openapi('Expedition');

const RegistrationSchema = z
  .object({
    reference: z.string(),
    recipient: z.string(),
    body: z.string(),
    meetingDate: z.string().nullable(),
    itemNumber: z.number().int().nullable(),
    itemTitle: z.string(),
    decisionTexts: z.array(z.string()),
    reasons: z.array(z.enum(DISPATCH_REASONS)),
    deadline: z.string().nullable(),
    state: z.enum(DISPATCH_STATES),
    diaryNumber: z.string().nullable(),
    registeredAt: z.string().nullable(),
  })
  .openapi('ExpeditionRegistration');

const Refusals = {
  409: { description: 'Not published, already sent to that recipient, or not in a state for this' },
  422: { description: 'A recipient without an address, or an item that cannot be extracted' },
} as const;

function translate(e: unknown): never {
  if (e instanceof ExpeditionRefused) throw new ApiError(e.status, e.code, e.message);
  throw e;
}

/** The meeting, found and published; anything else is refused the same way for everyone who got this far. */
async function publishedMeeting(c: Context<AppEnv>, id: number) {
  const meeting = await getMeetingSummary(c.var.deps.store.db, SYSTEM, id);
  if (!meeting) throw notFound('Mötet');
  const refusal = expeditionRefusal(meeting);
  if (refusal) throw new ApiError(refusal.status, refusal.code, refusal.message);
  if (!meeting.date) throw new ApiError(409, 'no_date', 'Protokollet saknar datum och kan inte expedieras.');
  return meeting;
}

async function dispatchOf(c: Context<AppEnv>, meetingId: number, dispatchId: number): Promise<Dispatch> {
  const [d] = await listDispatches(c.var.deps.store.db, { id: dispatchId });
  if (!d || d.meetingId !== meetingId) throw notFound('Utskicket');
  return d;
}

async function registrationView(c: Context<AppEnv>, token: string) {
  const db = c.var.deps.store.db;
  const id = await dispatchIdByToken(db, sha256Hex(token));
  const [d] = id === null ? [] : await listDispatches(db, { id });
  // An old link (the dispatch was sent again since, with a new one) is as unknown as a made-up one.
  if (!d) throw notFound('Länken');
  return {
    view: {
      reference: d.reference, recipient: d.recipient.name, body: d.body, meetingDate: d.meetingDate, itemNumber: d.itemNumber, itemTitle: d.itemTitle,
      decisionTexts: d.itemId === null ? [] : await itemDecisionTexts(db, d.itemId), reasons: d.reasons, deadline: d.deadline, state: d.state,
      diaryNumber: d.diaryNumber, registeredAt: d.registeredAt,
    },
    dispatch: d,
  };
}

export function registerExpeditionRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/expedition',
      permission: 'edit-meeting',
      summary: 'Expediering of a published protocol: who should get which decision (from its recommendations and assignments), what was sent to whom and its state',
      request: { params: IdParam },
      responses: { 200: { description: 'The expediering panel', ...json(PanelSchema) }, ...Refusals, ...errorResponses },
    },
    async (c) => {
      const { id } = c.req.valid('param');
      const meeting = await publishedMeeting(c, id);
      const db = c.var.deps.store.db;
      const [facts, items, dispatches] = await Promise.all([expeditionFacts(db, id), decidedItems(db, id), listDispatches(db, { meetingId: id })]);
      return c.json({
        meeting: { id, date: meeting.date, bodyName: meeting.bodyNameAtTheTime ?? meeting.bodies[0]?.name ?? '', origin: meeting.origin },
        proposals: proposeExpedition(facts),
        items,
        huvudman: facts.huvudman.map((h) => ({ id: h.id, name: h.name, hasAddress: !!h.registryEmail })),
        bodies: facts.bodies.map((b) => ({ id: b.id, name: b.name, hasAddress: b.secretaryEmails.length > 0 })),
        dispatches,
      }, 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/meetings/{id}/expedition',
      permission: 'edit-meeting',
      summary: 'Send expediering: each chosen item to each chosen recipient, as one queued e-mail with the extract (PDF) and the decision record (XML); all or nothing',
      request: {
        params: IdParam,
        body: {
          required: true,
          content: { 'application/json': { schema: z.object({ dispatches: z.array(z.object({ itemId: DbIdJson, recipient: RecipientChoiceSchema })).min(1, 'välj minst en mottagare').max(MAX_DISPATCHES_PER_REQUEST) }) } },
        },
      },
      responses: { 201: { description: 'Queued', ...json(z.object({ dispatches: z.array(DispatchSchema) })) }, ...Refusals, ...errorResponses },
    },
    async (c) => {
      const { id } = c.req.valid('param');
      await publishedMeeting(c, id);
      const db = c.var.deps.store.db;
      const facts = await expeditionFacts(db, id);
      const wanted = c.req.valid('json').dispatches.map((d) => ({ itemId: d.itemId, choice: d.recipient as RecipientChoice }));
      const checked = checkSend(facts, wanted);
      if ('problem' in checked) {
        const p = sendProblemMessage(checked.problem);
        throw new ApiError(p.status, p.code, p.message);
      }
      let ids: number[] = [];
      try {
        ids = await createDispatches(db, c.var.viewer, id, checked.ok.map((o) => ({ item: facts.items.find((i) => i.id === o.itemId)!, recipient: o.recipient })));
      } catch (e) {
        translate(e);
      }
      const all = await listDispatches(db, { meetingId: id });
      return c.json({ dispatches: all.filter((d) => ids.includes(d.id)) }, 201);
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/meetings/{id}/expedition/{dispatchId}/resend',
      permission: 'edit-meeting',
      summary: 'Send a bounced dispatch again: to the huvudman’s registry address or the body’s secretaries as they are now, or to a corrected address of a named recipient',
      request: { params: DispatchParams, body: { required: true, content: { 'application/json': { schema: z.object({ email: Email.optional() }) } } } },
      responses: { 200: { description: 'Queued again', ...json(DispatchSchema) }, ...Refusals, ...errorResponses },
    },
    async (c) => {
      const { id, dispatchId } = c.req.valid('param');
      await publishedMeeting(c, id);
      const d = await dispatchOf(c, id, dispatchId);
      const refusal = resendRefusal({ state: storedStateOf(d.state) });
      if (refusal) throw new ApiError(refusal.status, refusal.code, refusal.message);
      const db = c.var.deps.store.db;
      const { email } = c.req.valid('json');
      const choice: RecipientChoice | null =
        d.recipient.kind === 'huvudman' ? { kind: 'huvudman', huvudmanId: d.recipient.huvudmanId! }
        : d.recipient.kind === 'body' ? { kind: 'body', bodyId: d.recipient.bodyId! }
        : { kind: 'named', name: d.recipient.name, email: email ?? d.addresses[0]! };
      if (email !== undefined && d.recipient.kind !== 'named') {
        throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för email: en huvudmans eller ett organs adress ändras i registret (Administration → Registratorer), inte här.');
      }
      const resolved = d.itemId === null ? null : resolveRecipient(await expeditionFacts(db, id), d.itemId, choice);
      if (!resolved) throw new ApiError(409, 'item_gone', 'Ärendet finns inte längre i protokollet.');
      if (resolved.addresses.length === 0) throw new ApiError(422, 'no_address', sendProblemMessage({ code: 'no_address', name: resolved.name }).message);
      try {
        await resendDispatch(db, c.var.viewer, dispatchId, resolved.addresses);
      } catch (e) {
        translate(e);
      }
      return c.json(await dispatchOf(c, id, dispatchId), 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'put',
      path: '/api/meetings/{id}/expedition/{dispatchId}/registration',
      permission: 'edit-meeting',
      summary: 'Enter (or correct) the diary number the recipient registered the dispatch under',
      request: { params: DispatchParams, body: { required: true, content: { 'application/json': { schema: DiaryNumber } } } },
      responses: { 200: { description: 'Registered', ...json(DispatchSchema) }, ...Refusals, ...errorResponses },
    },
    async (c) => {
      const { id, dispatchId } = c.req.valid('param');
      await publishedMeeting(c, id);
      await dispatchOf(c, id, dispatchId);
      const { viewer } = c.var;
      try {
        await registerDispatch(c.var.deps.store.db, viewer, dispatchId, c.req.valid('json').diaryNumber, viewer.kind === 'account' ? viewer.name : 'system', { once: false });
      } catch (e) {
        translate(e);
      }
      return c.json(await dispatchOf(c, id, dispatchId), 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/expedition/registration/{token}',
      permission: 'public',
      summary: 'What a registration link from an expediering e-mail is about (the link is the permission; no sign-in)',
      request: { params: TokenParam },
      responses: { 200: { description: 'The dispatch', ...json(RegistrationSchema) }, ...errorResponses },
    },
    async (c) => c.json((await registrationView(c, c.req.valid('param').token)).view, 200),
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/expedition/registration/{token}',
      permission: 'public',
      summary: 'The registrar tells us the diary number they registered the dispatch under (once; a correction is the secretary’s)',
      request: { params: TokenParam, body: { required: true, content: { 'application/json': { schema: DiaryNumber } } } },
      responses: { 200: { description: 'Registered', ...json(RegistrationSchema) }, 409: { description: 'Already registered, or bounced' }, ...errorResponses },
    },
    async (c) => {
      const { token } = c.req.valid('param');
      const { dispatch } = await registrationView(c, token);
      try {
        await registerDispatch(c.var.deps.store.db, c.var.viewer, dispatch.id, c.req.valid('json').diaryNumber, `${dispatch.recipient.name} (via länken)`, { once: true });
      } catch (e) {
        translate(e);
      }
      return c.json((await registrationView(c, token)).view, 200);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/admin/registry-addresses',
      permission: 'admin',
      summary: 'Each huvudman’s registry address (registrator), where expediering goes',
      responses: { 200: { description: 'Region first, then the municipalities in Swedish order', ...json(z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.enum(['region', 'kommun']), registryEmail: z.string().nullable() }))) } },
    },
    async (c) => c.json(await listRegistryAddresses(c.var.deps.store.db), 200),
  );

  defineRoute(
    app,
    {
      method: 'put',
      path: '/api/admin/registry-addresses/{id}',
      permission: 'admin',
      summary: 'Set or clear (null) a huvudman’s registry address',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: z.object({ registryEmail: Email.nullable() }) } } } },
      responses: { 200: { description: 'Saved', ...json(z.object({ id: z.number().int(), name: z.string(), kind: z.enum(['region', 'kommun']), registryEmail: z.string().nullable() })) }, ...errorResponses },
    },
    async (c) => {
      const saved = await setRegistryAddress(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id, c.req.valid('json').registryEmail);
      if (!saved) throw notFound('Huvudmannen');
      return c.json(saved, 200);
    },
  );
}
