import { z } from '@hono/zod-openapi';
import { defineRoute, type ApiApp } from '../route.js';
import { DbId, DbIdJson, IdParam, errorResponses } from '../schemas.js';
import { ApiError, errorBody, notFound } from '../errors.js';
import { DECISION_OUTCOMES } from '../../domain/model.js';
import { SYSTEM } from '../../domain/access.js';
import { isEditable } from '../../domain/meeting-rules.js';
import { addItem, ConflictError, deleteItem, editorItems, FrozenError, reorderItems, updateItem } from '../../store/queries/agenda-edit.js';
import { ItemFrozenError } from '../../store/queries/immediate-justering.js';
import { attendanceTemplate, setAttendance, updateMeetingHeader } from '../../store/queries/minutes-edit.js';
import { agendaOffers, offeredItem } from '../../store/queries/agenda-offers.js';
import { getMeetingSummary } from '../../store/queries/meetings.js';
import { getProtocol } from '../../store/queries/protocol-read.js';
import { noticeRecipients } from '../../store/queries/memberships.js';
import { appendAudit } from '../../store/queries/audit.js';
import { sendNotice } from '../../mail/mailer.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'datum skrivs ÅÅÅÅ-MM-DD');
const Time = z.string().regex(/^\d{2}:\d{2}$/, 'tid skrivs TT:MM');
const Text = (max: number) => z.string().max(max);
const ItemParams = z.object({ id: DbId.openapi({ param: { name: 'id', in: 'path' } }), itemId: DbId.openapi({ param: { name: 'itemId', in: 'path' } }) });

export const ParticipantInput = z.object({
  list: z.enum(['present', 'absent', 'official']),
  name: z.string().trim().min(1).max(200),
  party: Text(20).nullable().default(null),
  organization: Text(200).nullable().default(null),
  role: Text(100).nullable().default(null),
  replaces: Text(200).nullable().default(null),
  note: Text(300).nullable().default(null),
  itemsFrom: z.number().int().min(0).max(100000).nullable().default(null),
  itemsTo: z.number().int().min(0).max(100000).nullable().default(null),
});

const Presenter = z.object({ name: z.string().trim().min(1).max(200), title: Text(200).nullable().default(null) });

const ItemInput = z.object({
  version: z.number().int().min(1),
  title: z.string().trim().min(1, 'rubriken får inte vara tom').max(500),
  kind: z.enum(['decision', 'information']).nullable(),
  written: z.boolean().default(false),
  text: Text(100_000).default(''),
  proposal: Text(20_000).nullable().default(null),
  notes: Text(100_000).default(''),
  referToBodyId: DbIdJson.nullable().default(null),
  presenters: z.array(Presenter).max(30).default([]),
  decisions: z.array(z.object({ text: Text(20_000), clauses: z.array(Text(5_000)).max(50).default([]), outcome: z.enum(DECISION_OUTCOMES).nullable().default(null) })).max(20).default([]),
  assignments: z
    .array(
      z.object({
        id: DbIdJson.nullable().default(null),
        to: z.string().trim().min(1, 'ange vem uppdraget går till').max(300),
        task: z.string().trim().min(1, 'ange vad uppdraget är').max(5_000),
        dueDate: IsoDate.nullable().default(null),
        dueText: Text(300).nullable().default(null),
        dueMeetingId: DbIdJson.nullable().default(null),
        decisionIndex: z.number().int().min(0).max(19).nullable().default(null),
      }),
    )
    .max(30)
    .default([]),
});

function translate(e: unknown): never {
  if (e instanceof ItemFrozenError) throw new ApiError(e.refusal.status, e.refusal.code, e.refusal.message);
  if (e instanceof FrozenError) throw new ApiError(409, 'frozen', 'Protokollet kan inte längre ändras (justeringen har börjat, eller det är ett importerat arkivprotokoll).');
  throw e;
}

export function registerMeetingEditRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/editor',
      permission: 'edit-meeting',
      summary: "The secretary's view of a meeting: header, items with versions and notes, attendance, and what is offered for the agenda",
      request: { params: IdParam },
      responses: { 200: { description: 'Editor state' }, ...errorResponses },
    },
    async (c) => {
      const { id } = c.req.valid('param');
      const { db } = c.var.deps.store;
      const protocol = await getProtocol(db, SYSTEM, id);
      if (!protocol) throw notFound('Mötet');
      const meta = await db.selectFrom('meeting').select(['version', 'in_year_plan', 'title']).where('id', '=', id).executeTakeFirstOrThrow();
      const attendance = [
        ...protocol.attendance.present.map((p) => ({ ...p, list: 'present' as const })),
        ...protocol.attendance.absent.map((p) => ({ ...p, list: 'absent' as const })),
        ...protocol.attendance.officials.map((p) => ({ ...p, list: 'official' as const })),
      ];
      return c.json(
        {
          meeting: {
            id, version: meta.version, title: meta.title, date: protocol.date, startTime: protocol.startTime, endTime: protocol.endTime,
            place: protocol.place, diaryNumber: protocol.diaryNumber, status: protocol.status, origin: protocol.origin,
            inYearPlan: meta.in_year_plan, bodies: protocol.bodies, bodyName: protocol.bodyNameAtTheTime, editable: isEditable(protocol),
          },
          items: await editorItems(db, id),
          attendance,
          offers: await agendaOffers(db, id),
        },
        200,
      );
    },
  );

  defineRoute(
    app,
    {
      method: 'patch',
      path: '/api/meetings/{id}',
      permission: 'edit-meeting',
      summary: "Change a meeting's date, time, place, diary number (versioned: 409 when someone saved first)",
      request: {
        params: IdParam,
        body: { required: true, content: { 'application/json': { schema: z.object({ version: z.number().int().min(1), title: Text(300).nullable().default(null), date: IsoDate, startTime: Time.nullable().default(null), endTime: Time.nullable().default(null), place: Text(300).nullable().default(null), diaryNumber: Text(100).nullable().default(null) }) } } },
      },
      responses: { 200: { description: 'Saved', content: { 'application/json': { schema: z.object({ version: z.number().int() }) } } }, 409: { description: 'Conflict or frozen' }, ...errorResponses },
    },
    async (c) => {
      const { version, ...input } = c.req.valid('json');
      if (input.startTime && input.endTime && input.endTime <= input.startTime) throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för endTime: mötet slutar innan det börjar');
      try {
        return c.json({ version: await updateMeetingHeader(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id, version, input) }, 200);
      } catch (e) {
        if (e instanceof ConflictError) return c.json({ ...errorBody('conflict', 'Någon annan har ändrat mötet sedan du öppnade det.'), current: e.current }, 409);
        translate(e);
      }
    },
  );

  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/meetings/{id}/items',
      permission: 'edit-meeting',
      summary: "Add an item to the agenda (before the closing standard items), or take up an offered case or assignment",
      request: {
        params: IdParam,
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.union([
                z.object({ title: z.string().trim().min(1).max(500), kind: z.enum(['decision', 'information']).nullable().default(null), written: z.boolean().default(false), proposal: Text(20_000).nullable().default(null), presenters: z.array(Presenter).max(30).default([]) }),
                z.object({ offer: z.union([z.object({ referralItemId: DbIdJson }), z.object({ assignmentId: DbIdJson })]) }),
              ]),
            },
          },
        },
      },
      responses: { 201: { description: 'Added', content: { 'application/json': { schema: z.object({ id: z.number().int() }) } } }, 409: { description: 'Frozen' }, ...errorResponses },
    },
    async (c) => {
      const body = c.req.valid('json');
      const { db } = c.var.deps.store;
      const meetingId = c.req.valid('param').id;
      try {
        if ('offer' in body) {
          const offer = await offeredItem(db, body.offer);
          if (!offer) throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för offer: ärendet eller uppdraget finns inte');
          return c.json({ id: await addItem(db, c.var.viewer, meetingId, { ...offer, written: false, proposal: null, presenters: [] }) }, 201);
        }
        return c.json({ id: await addItem(db, c.var.viewer, meetingId, body) }, 201);
      } catch (e) {
        translate(e);
      }
    },
  );

  defineRoute(
    app,
    {
      method: 'put',
      path: '/api/meetings/{id}/items/{itemId}',
      permission: 'edit-meeting',
      summary: 'Save an item: text, notes, decisions with att-clauses, assignments (versioned: 409 with the stored item when someone saved first)',
      request: { params: ItemParams, body: { required: true, content: { 'application/json': { schema: ItemInput } } } },
      responses: { 200: { description: 'Saved', content: { 'application/json': { schema: z.object({ version: z.number().int() }) } } }, 409: { description: 'Conflict (with `current`) or frozen' }, ...errorResponses },
    },
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      const { version, ...input } = c.req.valid('json');
      const invalidLink = input.assignments.find((a) => a.decisionIndex !== null && a.decisionIndex >= input.decisions.length);
      if (invalidLink) throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för assignments.decisionIndex: beslutet finns inte');
      const { db } = c.var.deps.store;
      const meeting = await getMeetingSummary(db, SYSTEM, id);
      if (meeting?.date && input.assignments.some((a) => a.dueDate !== null && a.dueDate < meeting.date!)) {
        throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för assignments.dueDate: uppdraget kan inte vara klart före beslutet');
      }
      try {
        const next = await updateItem(db, c.var.viewer, id, itemId, version, input, async (trx) => (await editorItems(trx, id, itemId))[0] ?? null);
        return c.json({ version: next }, 200);
      } catch (e) {
        if (e instanceof ConflictError) {
          if (e.current === null) throw notFound('Ärendet');
          return c.json({ ...errorBody('conflict', 'Någon annan har sparat ärendet sedan du öppnade det. Jämför och slå ihop ändringarna.'), current: e.current }, 409);
        }
        translate(e);
      }
    },
  );

  defineRoute(
    app,
    { method: 'delete', path: '/api/meetings/{id}/items/{itemId}', permission: 'edit-meeting', summary: 'Remove an item from the agenda', request: { params: ItemParams }, responses: { 204: { description: 'Removed' }, ...errorResponses } },
    async (c) => {
      const { id, itemId } = c.req.valid('param');
      try {
        if (!(await deleteItem(c.var.deps.store.db, c.var.viewer, id, itemId))) throw notFound('Ärendet');
      } catch (e) {
        translate(e);
      }
      return c.body(null, 204);
    },
  );

  defineRoute(
    app,
    {
      method: 'put',
      path: '/api/meetings/{id}/order',
      permission: 'edit-meeting',
      summary: 'Put the agenda in a new order (every item id once); numbers follow the order',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: z.object({ itemIds: z.array(DbIdJson).min(1).max(1000) }) } } } },
      responses: { 204: { description: 'Reordered' }, ...errorResponses },
    },
    async (c) => {
      try {
        if (!(await reorderItems(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id, c.req.valid('json').itemIds))) {
          throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för itemIds: ange varje ärende i mötet en gång');
        }
      } catch (e) {
        translate(e);
      }
      return c.body(null, 204);
    },
  );

  defineRoute(
    app,
    {
      method: 'put',
      path: '/api/meetings/{id}/attendance',
      permission: 'edit-meeting',
      summary: 'Record attendance: present, absent, officials; substitutes and presence for some items',
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: z.object({ participants: z.array(ParticipantInput).max(500) }) } } } },
      responses: { 204: { description: 'Saved' }, ...errorResponses },
    },
    async (c) => {
      const { participants } = c.req.valid('json');
      const bad = participants.find((p) => p.itemsFrom !== null && p.itemsTo !== null && p.itemsTo < p.itemsFrom);
      if (bad) throw new ApiError(400, 'invalid_request', `Ogiltigt värde för participants.itemsTo: ${bad.name} har ett omvänt punktintervall`);
      const names = new Set(participants.map((p) => p.name));
      const unknownSubstitute = participants.find((p) => p.replaces && !names.has(p.replaces));
      if (unknownSubstitute) throw new ApiError(400, 'invalid_request', `Ogiltigt värde för participants.replaces: ${unknownSubstitute.replaces} finns inte med i närvarolistan (lägg till som frånvarande)`);
      try {
        await setAttendance(c.var.deps.store.db, c.var.viewer, c.req.valid('param').id, participants);
      } catch (e) {
        translate(e);
      }
      return c.body(null, 204);
    },
  );

  defineRoute(
    app,
    {
      method: 'get',
      path: '/api/meetings/{id}/attendance-template',
      permission: 'edit-meeting',
      summary: "The members of the meeting's bodies, to start the attendance from",
      request: { params: IdParam },
      responses: { 200: { description: 'Participants', content: { 'application/json': { schema: z.array(ParticipantInput) } } }, ...errorResponses },
    },
    async (c) => c.json(await attendanceTemplate(c.var.deps.store.db, c.req.valid('param').id), 200),
  );
}

export function registerNoticeRoutes(app: ApiApp): void {
  defineRoute(
    app,
    {
      method: 'post',
      path: '/api/meetings/{id}/notice',
      permission: 'edit-meeting',
      summary: "Send the notice (kallelse): the agenda as HTML and PDF, by e-mail to the members of the meeting's bodies (and any extra addresses)",
      request: { params: IdParam, body: { required: true, content: { 'application/json': { schema: z.object({ extra: z.array(z.string().trim().email('ogiltig e-postadress')).max(100).default([]) }) } } } },
      responses: { 200: { description: 'Sent', content: { 'application/json': { schema: z.object({ recipients: z.array(z.string()), via: z.enum(['smtp', 'outbox']) }) } } }, ...errorResponses },
    },
    async (c) => {
      const { id } = c.req.valid('param');
      const { store, mailer } = c.var.deps;
      const protocol = await getProtocol(store.db, SYSTEM, id);
      if (!protocol) throw notFound('Mötet');
      if (!mailer) throw new ApiError(503, 'mail_unavailable', 'E-post är inte konfigurerad på servern.');
      const recipients = [...new Set([...(await noticeRecipients(store.db, id)), ...c.req.valid('json').extra.map((e) => e.toLowerCase())])].sort();
      if (recipients.length === 0) throw new ApiError(400, 'invalid_request', 'Ogiltigt värde för extra: organet har inga ledamöter med e-postadress; ange mottagare.');
      await sendNotice(mailer, protocol, recipients);
      await appendAudit(store.db, c.var.viewer, { action: 'meeting.notice', entity: 'meeting', entityId: id, after: { recipients } });
      return c.json({ recipients, via: mailer.kind }, 200);
    },
  );
}
