import type { Body, BodyKind, Huvudman } from '../domain/model.js';
import type { MapContext } from './context.js';
import { OPARL_SCHEMA, type OParlBody, type OParlOrganization, type OParlSystem } from './schemas.js';
import { timestamp } from './time.js';

// System, Body and Organization. The collaboration as a whole is the one OParl Body (a
// Körperschaft: what the meetings and papers belong to); each of its organs is an Organization of
// type "Gremium", and each huvudman (the region and the municipalities that own it together) an
// Organization of type "Institution", which memberships name in onBehalfOf.

const CLASSIFICATION: Record<BodyKind, string> = {
  samverkansgrupp: 'Samverkansgrupp',
  samråd: 'Samråd',
  systemledning: 'Systemledning',
  beredning: 'Beredning',
  råd: 'Råd',
  arbetsgrupp: 'Arbetsgrupp',
  referensgrupp: 'Referensgrupp',
};

export function systemObject(ctx: MapContext): OParlSystem {
  return {
    id: ctx.u.system,
    type: `${OPARL_SCHEMA}System`,
    oparlVersion: OPARL_SCHEMA,
    body: ctx.u.bodies,
    name: 'Samverka',
    website: ctx.u.web.home,
    web: ctx.u.web.home,
  };
}

/** "Region Västerbotten och 15 kommuner i samverkan": named after its huvudmän, which the reference data holds. */
export function collaborationName(huvudman: Huvudman[]): string {
  const region = huvudman.find((h) => h.kind === 'region');
  const municipalities = huvudman.filter((h) => h.kind === 'kommun').length;
  if (!region) return 'Samverkan';
  return municipalities ? `${region.name} och ${municipalities} ${municipalities === 1 ? 'kommun' : 'kommuner'} i samverkan` : region.name;
}

export function bodyObject(ctx: MapContext, stamps: { created: Date | null; modified: Date | null }): OParlBody {
  const list = ctx.u.bodyList;
  return {
    id: ctx.u.body,
    type: `${OPARL_SCHEMA}Body`,
    system: ctx.u.system,
    name: collaborationName(ctx.huvudman),
    website: ctx.u.web.home,
    classification: 'Regional samverkan hälsa, vård och omsorg',
    organization: list('organization'),
    person: list('person'),
    meeting: list('meeting'),
    paper: list('paper'),
    agendaItem: list('agendaItem'),
    consultation: list('consultation'),
    file: list('file'),
    membership: list('membership'),
    // the collaboration's organs are appointed, not elected: there are no terms of office to list
    legislativeTerm: [],
    ...(stamps.created ? { created: timestamp(stamps.created) } : {}),
    ...(stamps.modified ? { modified: timestamp(stamps.modified) } : {}),
    web: ctx.u.web.home,
  };
}

export function organObject(ctx: MapContext, b: Body & { created: Date | null }, membershipIds: number[]): OParlOrganization {
  return {
    id: ctx.u.organ(b.id),
    type: `${OPARL_SCHEMA}Organization`,
    body: ctx.u.body,
    name: b.name,
    ...(b.shortName ? { shortName: b.shortName } : {}),
    organizationType: 'Gremium',
    classification: CLASSIFICATION[b.kind],
    ...(b.parentId !== null ? { subOrganizationOf: ctx.u.organ(b.parentId) } : {}),
    membership: membershipIds.map((id) => ctx.u.membership(id)),
    meeting: ctx.u.organMeetings(b.id),
    'samverka:names': b.names,
    // organs keep no change time: a rename is a new row in their name history, dated by validity
    ...(b.created ? { created: timestamp(b.created), modified: timestamp(b.created) } : {}),
    web: ctx.u.web.organ(b.slug),
  };
}

export function huvudmanObject(ctx: MapContext, h: Huvudman): OParlOrganization {
  return {
    id: ctx.u.huvudman(h.id),
    type: `${OPARL_SCHEMA}Organization`,
    body: ctx.u.body,
    name: h.name,
    shortName: h.shortName,
    organizationType: 'Institution',
    classification: h.kind === 'region' ? 'Region' : 'Kommun',
    web: ctx.u.web.huvudman(h.id),
  };
}
