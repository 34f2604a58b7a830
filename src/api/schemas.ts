import { z } from '@hono/zod-openapi';
import { ASSIGNMENT_STATUSES, BODY_KINDS, MEETING_STATUSES } from '../domain/model.js';
import { itemVotingFields } from './schemas-votes.js';
import { ImmediateJusteringNoteSchema } from './schemas-immediate.js';

// The API's response shapes; they mirror the domain types in src/domain/model.ts and make the
// OpenAPI document.

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi('Error');

const Id = z.number().int().openapi({ example: 1 });
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).openapi({ example: '2024-02-23' });

export const HuvudmanSchema = z
  .object({
    id: Id,
    name: z.string().openapi({ example: 'Region Västerbotten' }),
    shortName: z.string(),
    kind: z.enum(['region', 'kommun']),
    population: z.array(z.object({ year: z.number().int(), population: z.number().int() })),
  })
  .openapi('Huvudman');

export const BodySchema = z
  .object({
    id: Id,
    slug: z.string().openapi({ example: 'lsg' }),
    name: z.string().openapi({ example: 'Länssamverkansgruppen' }),
    shortName: z.string().nullable(),
    kind: z.enum(BODY_KINDS),
    parentId: z.number().int().nullable(),
    names: z.array(z.object({ name: z.string(), validFrom: IsoDate.nullable(), validTo: IsoDate.nullable() })),
  })
  .openapi('Body');

export const BodySummarySchema = BodySchema.extend({
  years: z.array(z.object({ year: z.number().int().nullable(), meetings: z.number().int() })),
}).openapi('BodySummary');

export const MeetingSummarySchema = z
  .object({
    id: Id,
    title: z.string().nullable(),
    date: IsoDate.nullable(),
    dateUnknown: z.boolean(),
    startTime: z.string().nullable(),
    endTime: z.string().nullable(),
    place: z.string().nullable(),
    status: z.enum(MEETING_STATUSES),
    origin: z.enum(['native', 'imported']),
    bodies: z.array(z.object({ id: Id, slug: z.string(), name: z.string(), primary: z.boolean() })),
    bodyNameAtTheTime: z.string().nullable(),
    items: z.object({ first: z.number().int().nullable(), last: z.number().int().nullable(), count: z.number().int() }),
  })
  .openapi('MeetingSummary');

const ParticipantSchema = z.object({
  name: z.string(),
  personId: z.number().int().nullable(),
  party: z.string().nullable(),
  organization: z.string().nullable(),
  role: z.string().nullable(),
  replaces: z.string().nullable(),
  note: z.string().nullable(),
  itemsFrom: z.number().int().nullable(),
  itemsTo: z.number().int().nullable(),
});

export const AgendaItemSchema = z
  .object({
    id: Id,
    number: z.number().int().nullable(),
    title: z.string(),
    kind: z.enum(['decision', 'information']).nullable(),
    written: z.boolean(),
    text: z.string(),
    proposal: z.string().nullable(),
    subPoints: z.array(z.object({ label: z.string(), title: z.string() })),
    presenters: z.array(z.object({ name: z.string(), title: z.string().nullable(), personId: z.number().int().nullable() })),
    decisions: z.array(z.object({ id: Id, text: z.string(), clauses: z.array(z.string()) })),
    assignments: z.array(
      z.object({
        id: Id,
        to: z.string(),
        toBodyId: z.number().int().nullable(),
        task: z.string(),
        dueDate: IsoDate.nullable(),
        dueText: z.string().nullable(),
        status: z.enum(ASSIGNMENT_STATUSES),
      }),
    ),
    ...itemVotingFields,
    immediateJustering: ImmediateJusteringNoteSchema.optional().openapi({ description: 'Only on an item justified at once (omedelbart justerad): when, by whom, and the hash of the item as approved' }),
  })
  .openapi('AgendaItem');

export const ProtocolSchema = MeetingSummarySchema.extend({
  diaryNumber: z.string().nullable(),
  kind: z.enum(['meeting', 'seminar']),
  attendance: z.object({ present: z.array(ParticipantSchema), absent: z.array(ParticipantSchema), officials: z.array(ParticipantSchema) }),
  agenda: z.array(AgendaItemSchema),
  signatures: z.array(z.object({ name: z.string(), role: z.string().nullable(), signedAt: z.string().nullable(), method: z.string().nullable() })),
  nextMeetings: z.array(z.object({ body: z.string().nullable(), dateText: z.string(), date: IsoDate.nullable() })),
  sourceFile: z.object({ id: Id, filename: z.string(), mediaType: z.string() }).nullable(),
  importWarnings: z.array(z.string()),
}).openapi('Protocol');

/** Path parameter: a positive integer id. */
export const MAX_ID = 2_147_483_647; // PostgreSQL int

/** A database id in a query string or path. */
export const DbId = z.coerce.number().int().positive().max(MAX_ID);
/** A database id in a JSON body. */
export const DbIdJson = z.number().int().positive().max(MAX_ID);

export const IdParam = z.object({
  id: DbId.openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

export const errorResponses = {
  400: { description: 'Ogiltig begäran', content: { 'application/json': { schema: ErrorSchema } } },
  404: { description: 'Finns inte', content: { 'application/json': { schema: ErrorSchema } } },
} as const;
