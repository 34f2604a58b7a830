import { z } from '@hono/zod-openapi';

// The OParl 1.1 objects Samverka serves, as zod schemas: what the API promises, checked in tests
// against every object it serves (besides the official JSON Schemas, which allow any extra property).
// Strict: a property that is not declared here (a stray column, an e-mail address) fails the test.
// Our own additions are prefixed `samverka:`, as the README of the OParl schemas asks.

const SCHEMA = 'https://schema.oparl.org/1.1/';
const typeOf = <T extends string>(name: T) => z.literal(`${SCHEMA}${name}` as `https://schema.oparl.org/1.1/${T}`);

const Url = z.url({ protocol: /^https?$/ });
const DateTime = z.iso.datetime({ offset: true });
const IsoDate = z.iso.date();

/** Properties every OParl object may have. */
const common = { id: Url, created: DateTime.optional(), modified: DateTime.optional(), web: Url.optional(), deleted: z.boolean().optional(), keyword: z.array(z.string()).optional() };

export const LegislativeTermSchema = z.strictObject({ ...common, type: typeOf('LegislativeTerm'), name: z.string().optional() });

export const LocationSchema = z.strictObject({
  ...common,
  type: typeOf('Location'),
  description: z.string(),
  meetings: z.array(Url).optional(),
}).openapi('OParlLocation');

export const FileSchema = z.strictObject({
  ...common,
  type: typeOf('File'),
  name: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  date: IsoDate.optional(),
  size: z.number().int().nonnegative().optional(),
  accessUrl: Url,
  downloadUrl: Url,
  meeting: z.array(Url).optional(),
  agendaItem: z.array(Url).optional(),
  paper: z.array(Url).optional(),
  'samverka:sha256Checksum': z.string().regex(/^[0-9a-f]{64}$/).optional(),
  'samverka:rendered': z.boolean().optional(),
}).openapi('OParlFile');

export const MembershipSchema = z.strictObject({
  ...common,
  type: typeOf('Membership'),
  person: Url.optional(),
  organization: Url,
  role: z.string(),
  votingRight: z.boolean(),
  startDate: IsoDate.optional(),
  endDate: IsoDate.optional(),
  onBehalfOf: Url.optional(),
  'samverka:party': z.string().optional(),
  'samverka:organization': z.string().optional(),
}).openapi('OParlMembership');

export const PersonSchema = z.strictObject({
  ...common,
  type: typeOf('Person'),
  body: Url,
  name: z.string(),
  membership: z.array(MembershipSchema),
  'samverka:party': z.string().optional(),
  'samverka:organization': z.string().optional(),
}).openapi('OParlPerson');

export const OrganizationSchema = z.strictObject({
  ...common,
  type: typeOf('Organization'),
  body: Url,
  name: z.string(),
  shortName: z.string().optional(),
  organizationType: z.enum(['Gremium', 'Institution']),
  classification: z.string(),
  subOrganizationOf: Url.optional(),
  membership: z.array(Url).optional(),
  meeting: Url.optional(),
  'samverka:names': z.array(z.strictObject({ name: z.string(), validFrom: IsoDate.nullable(), validTo: IsoDate.nullable() })).optional(),
}).openapi('OParlOrganization');

export const ConsultationSchema = z.strictObject({
  ...common,
  type: typeOf('Consultation'),
  paper: Url,
  agendaItem: Url,
  meeting: Url,
  organization: z.array(Url),
  authoritative: z.boolean(),
  role: z.string(),
}).openapi('OParlConsultation');

/** Votes, reservations and protocol notes (samverka: extensions; mapped in map-votes.ts). */
const votingSchemas = {
  'samverka:votes': z.array(z.strictObject({
    question: z.string().nullable(),
    yesFor: z.string(),
    noFor: z.string(),
    yes: z.number().int().nonnegative(),
    no: z.number().int().nonnegative(),
    abstain: z.number().int().nonnegative(),
    result: z.enum(['yes', 'no', 'tie']),
    castingVote: z.boolean(),
    ballots: z.array(z.strictObject({ name: z.string(), party: z.string().nullable(), vote: z.enum(['yes', 'no', 'abstain']) })),
  })).optional(),
  'samverka:reservations': z.array(z.strictObject({ name: z.string(), party: z.string().nullable(), inFavourOf: z.string().nullable(), motivation: z.string().nullable() })).optional(),
  'samverka:protocolNotes': z.array(z.strictObject({ name: z.string(), party: z.string().nullable(), text: z.string() })).optional(),
};

/** Omedelbar justering of the item (samverka: extension; mapped in map-immediate.ts). */
const ImmediateJusteringSchema = z.strictObject({
  date: IsoDate,
  justifiedAt: z.string(),
  signatories: z.array(z.strictObject({ name: z.string(), role: z.enum(['justerare', 'ordförande']) })),
  sha256Checksum: z.string(),
});

const AssignmentSchema = z.strictObject({
  to: z.string(),
  task: z.string(),
  dueDate: IsoDate.nullable(),
  dueText: z.string().nullable(),
  status: z.string(),
});

export const AgendaItemSchema = z.strictObject({
  ...common,
  type: typeOf('AgendaItem'),
  meeting: Url,
  number: z.string().optional(),
  order: z.number().int(),
  name: z.string(),
  public: z.literal(true),
  consultation: Url.optional(),
  result: z.string().optional(),
  resolutionText: z.string().optional(),
  auxiliaryFile: z.array(FileSchema).optional(),
  'samverka:text': z.string().optional(),
  'samverka:kind': z.enum(['decision', 'information']).optional(),
  'samverka:assignments': z.array(AssignmentSchema).optional(),
  ...votingSchemas,
  'samverka:immediateJustering': ImmediateJusteringSchema.optional(),
}).openapi('OParlAgendaItem');

export const PaperSchema = z.strictObject({
  ...common,
  type: typeOf('Paper'),
  body: Url,
  name: z.string(),
  reference: z.string().optional(),
  date: IsoDate.optional(),
  paperType: z.string(),
  relatedPaper: z.array(Url).optional(),
  auxiliaryFile: z.array(FileSchema).optional(),
  underDirectionOf: z.array(Url),
  consultation: z.array(ConsultationSchema),
}).openapi('OParlPaper');

export const MeetingSchema = z.strictObject({
  ...common,
  type: typeOf('Meeting'),
  name: z.string(),
  meetingState: z.enum(['terminiert', 'durchgeführt']),
  cancelled: z.boolean(),
  start: DateTime.optional(),
  end: DateTime.optional(),
  location: LocationSchema.optional(),
  organization: z.array(Url),
  participant: z.array(Url).optional(),
  invitation: FileSchema.optional(),
  resultsProtocol: FileSchema.optional(),
  auxiliaryFile: z.array(FileSchema).optional(),
  agendaItem: z.array(AgendaItemSchema).optional(),
  'samverka:date': IsoDate.optional(),
  'samverka:status': z.enum(['published', 'planned', 'cancelled']),
}).openapi('OParlMeeting');

export const BodySchema = z.strictObject({
  ...common,
  type: typeOf('Body'),
  system: Url,
  name: z.string(),
  shortName: z.string().optional(),
  website: Url,
  classification: z.string(),
  organization: Url,
  person: Url,
  meeting: Url,
  paper: Url,
  agendaItem: Url,
  consultation: Url,
  file: Url,
  membership: Url,
  legislativeTerm: z.array(LegislativeTermSchema),
}).openapi('OParlBody');

export const SystemSchema = z.strictObject({
  ...common,
  type: typeOf('System'),
  oparlVersion: z.literal(SCHEMA),
  body: Url,
  name: z.string(),
  website: Url,
}).openapi('OParlSystem');

const lists = new Map<string, z.ZodType>();

/** One page of an external object list (one schema per name, so the OpenAPI document names it once). */
export function listSchema<T extends z.ZodType>(item: T, name: string): z.ZodType {
  const known = lists.get(name);
  if (known) return known;
  const schema = z.strictObject({
    data: z.array(item),
    pagination: z.strictObject({
      totalElements: z.number().int().nonnegative(),
      elementsPerPage: z.number().int().positive(),
      currentPage: z.number().int().positive(),
      totalPages: z.number().int().nonnegative(),
    }),
    links: z.strictObject({ first: Url, prev: Url.optional(), self: Url, next: Url.optional(), last: Url }),
  }).openapi(name);
  lists.set(name, schema);
  return schema;
}

/** Every type by its `type` URL, for checking any object the API serves. */
export const SCHEMAS_BY_TYPE: Record<string, z.ZodType> = {
  [`${SCHEMA}System`]: SystemSchema,
  [`${SCHEMA}Body`]: BodySchema,
  [`${SCHEMA}Organization`]: OrganizationSchema,
  [`${SCHEMA}Person`]: PersonSchema,
  [`${SCHEMA}Membership`]: MembershipSchema,
  [`${SCHEMA}Meeting`]: MeetingSchema,
  [`${SCHEMA}AgendaItem`]: AgendaItemSchema,
  [`${SCHEMA}Paper`]: PaperSchema,
  [`${SCHEMA}Consultation`]: ConsultationSchema,
  [`${SCHEMA}File`]: FileSchema,
  [`${SCHEMA}Location`]: LocationSchema,
  [`${SCHEMA}LegislativeTerm`]: LegislativeTermSchema,
};

export const OPARL_SCHEMA = SCHEMA;
export type OParlSystem = z.infer<typeof SystemSchema>;
export type OParlBody = z.infer<typeof BodySchema>;
export type OParlOrganization = z.infer<typeof OrganizationSchema>;
export type OParlPerson = z.infer<typeof PersonSchema>;
export type OParlMembership = z.infer<typeof MembershipSchema>;
export type OParlMeeting = z.infer<typeof MeetingSchema>;
export type OParlAgendaItem = z.infer<typeof AgendaItemSchema>;
export type OParlPaper = z.infer<typeof PaperSchema>;
export type OParlConsultation = z.infer<typeof ConsultationSchema>;
export type OParlFile = z.infer<typeof FileSchema>;
export type OParlLocation = z.infer<typeof LocationSchema>;
