import type { DecisionOutcome } from '../domain/model.js';
import type { OpenItem, OpenMeeting } from '../store/queries/opendata-load.js';
import type { MapContext } from './context.js';
import { documentFile, meetingName, renderedFile, sourceFile } from './map-files.js';
import { OPARL_SCHEMA, type OParlAgendaItem, type OParlLocation, type OParlMeeting } from './schemas.js';
import { stockholmDateTime, timestamp } from './time.js';
import { votingProperties } from './map-votes.js';
import { immediateJusteringProperty } from './map-immediate.js';

// Meeting, AgendaItem and Location. A published meeting is "durchgeführt" (held, protocol released)
// with its items, participants and files; a planned one is "terminiert" (scheduled) with its date,
// place and organs only: whatever is being prepared for it is not public yet. A cancelled one stays
// "terminiert" with `cancelled: true`, as OParl marks a meeting that will not be held.

/** OParl's `result`: the one-click outcome of an item, as a category. */
const RESULT: Record<DecisionOutcome, string> = {
  informed: 'Informationen godkänd',
  filed: 'Lagt till handlingarna',
  'referred-back': 'Återremitterat',
  withdrawn: 'Utgått',
};

export function locationObject(ctx: MapContext, m: Pick<OpenMeeting, 'id' | 'place' | 'created' | 'modified'>, standalone: boolean): OParlLocation | null {
  if (!m.place?.trim()) return null;
  return {
    id: ctx.u.location(m.id),
    type: `${OPARL_SCHEMA}Location`,
    description: m.place.trim(),
    ...(standalone ? { meetings: [ctx.u.meeting(m.id)] } : {}),
    created: timestamp(m.created),
    modified: timestamp(m.modified),
  };
}

export function agendaItemObject(ctx: MapContext, i: OpenItem, standalone: boolean): OParlAgendaItem {
  const outcome = i.decisions.find((d) => d.outcome !== null)?.outcome ?? null;
  const refs = (): { meeting: string[]; agendaItem: string[]; paper?: string[] } | null =>
    standalone ? { meeting: [ctx.u.meeting(i.meetingId)], agendaItem: [ctx.u.agendaItem(i.id)], ...(i.isPaper ? { paper: [ctx.u.paper(i.id)] } : {}) } : null;
  return {
    id: ctx.u.agendaItem(i.id),
    type: `${OPARL_SCHEMA}AgendaItem`,
    meeting: ctx.u.meeting(i.meetingId),
    ...(i.number !== null ? { number: String(i.number) } : {}),
    order: i.position,
    name: i.title,
    public: true,
    ...(i.isPaper ? { consultation: ctx.u.consultation(i.id) } : {}),
    ...(outcome ? { result: RESULT[outcome] } : {}),
    ...(i.decisions.length ? { resolutionText: i.decisions.map((d) => d.text).join('\n\n') } : {}),
    ...(i.documents.length ? { auxiliaryFile: i.documents.map((d) => documentFile(ctx, d, refs())) } : {}),
    ...(i.text.trim() ? { 'samverka:text': i.text } : {}),
    ...(i.kind ? { 'samverka:kind': i.kind } : {}),
    ...(i.assignments.length ? { 'samverka:assignments': i.assignments } : {}),
    ...votingProperties(i.voting),
    ...(i.immediateJustering ? { 'samverka:immediateJustering': immediateJusteringProperty(i.immediateJustering) } : {}),
    created: timestamp(i.created),
    modified: timestamp(i.modified),
    web: ctx.u.web.meeting(i.meetingId),
  };
}

export function meetingObject(ctx: MapContext, m: OpenMeeting): OParlMeeting {
  const start = stockholmDateTime(m.date, m.startTime);
  const end = stockholmDateTime(m.date, m.endTime);
  const location = locationObject(ctx, m, false);
  const held = m.status === 'published';
  return {
    id: ctx.u.meeting(m.id),
    type: `${OPARL_SCHEMA}Meeting`,
    name: meetingName(ctx, m),
    meetingState: held ? 'durchgeführt' : 'terminiert',
    cancelled: m.status === 'cancelled',
    ...(start ? { start } : {}),
    ...(end && start && end >= start ? { end } : {}),
    ...(location ? { location } : {}),
    organization: m.bodyIds.map((b) => ctx.u.organ(b)),
    ...(held
      ? {
          participant: m.participantIds.map((p) => ctx.u.person(p)),
          invitation: renderedFile(ctx, 'notice', m, null),
          resultsProtocol: renderedFile(ctx, 'protocol', m, null),
          ...(m.sourceFile ? { auxiliaryFile: [sourceFile(ctx, { ...m, sourceFile: m.sourceFile }, null)] } : {}),
          agendaItem: m.items.map((i) => agendaItemObject(ctx, i, false)),
        }
      : {}),
    ...(m.date ? { 'samverka:date': m.date } : {}),
    'samverka:status': m.status,
    created: timestamp(m.created),
    modified: timestamp(m.modified),
    web: ctx.u.web.meeting(m.id),
  };
}
