import type { Huvudman } from '../domain/model.js';
import { matchKey } from '../domain/names.js';
import type { OpenMembership, OpenPerson } from '../store/queries/opendata-load.js';
import type { MapContext } from './context.js';
import { OPARL_SCHEMA, type OParlMembership, type OParlPerson } from './schemas.js';
import { timestamp } from './time.js';

// Person and Membership. Only people named in a published protocol are served, with their name and
// the party and organisation that protocol gives; never an e-mail address, title or account.

/** Who votes: members and the chair. An ersättare votes only when standing in, which a membership cannot say. */
const VOTING = new Set(['ordförande', 'vice ordförande', 'ledamot']);

/** The huvudman a member sits for: recorded, or named as their organisation ("Umeå kommun", "Umeå"). */
function onBehalfOf(huvudman: Huvudman[], m: OpenMembership): Huvudman | undefined {
  if (m.huvudmanId !== null) return huvudman.find((h) => h.id === m.huvudmanId);
  if (!m.organization) return undefined;
  const key = matchKey(m.organization);
  return huvudman.find((h) => matchKey(h.name) === key || matchKey(h.shortName) === key);
}

export function membershipObject(ctx: MapContext, m: OpenMembership): OParlMembership {
  const behalf = onBehalfOf(ctx.huvudman, m);
  return {
    id: ctx.u.membership(m.id),
    type: `${OPARL_SCHEMA}Membership`,
    person: ctx.u.person(m.personId),
    organization: ctx.u.organ(m.bodyId),
    role: m.role,
    votingRight: VOTING.has(m.role),
    ...(m.validFrom ? { startDate: m.validFrom } : {}),
    ...(m.validTo ? { endDate: m.validTo } : {}),
    ...(behalf ? { onBehalfOf: ctx.u.huvudman(behalf.id) } : {}),
    ...(m.party ? { 'samverka:party': m.party } : {}),
    ...(m.organization ? { 'samverka:organization': m.organization } : {}),
  };
}

export function personObject(ctx: MapContext, p: OpenPerson): OParlPerson {
  return {
    id: ctx.u.person(p.id),
    type: `${OPARL_SCHEMA}Person`,
    body: ctx.u.body,
    name: p.name,
    membership: p.memberships.map((m) => membershipObject(ctx, m)),
    ...(p.party ? { 'samverka:party': p.party } : {}),
    ...(p.organization ? { 'samverka:organization': p.organization } : {}),
    created: timestamp(p.created),
    modified: timestamp(p.modified),
  };
}
