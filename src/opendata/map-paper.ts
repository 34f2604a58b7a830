import type { OpenItem } from '../store/queries/opendata-load.js';
import type { MapContext } from './context.js';
import { documentFile } from './map-files.js';
import { OPARL_SCHEMA, type OParlConsultation, type OParlPaper } from './schemas.js';
import { timestamp } from './time.js';

// Paper and Consultation. An ärende as one body treats it: every published item with a decision
// (other than the standard procedural items) is a Paper, under the item's id, with one Consultation,
// its treatment at that meeting. A case referred from one body to another is two Papers that name
// each other in relatedPaper: merging the chain into one Paper would move an item's Paper to another
// URL whenever a later referral extended the chain, and OParl URLs must stay put.

const decisive = (i: OpenItem) => i.decisions.some((d) => d.outcome !== 'referred-back' && d.outcome !== 'withdrawn');

export function consultationObject(ctx: MapContext, i: OpenItem): OParlConsultation {
  return {
    id: ctx.u.consultation(i.id),
    type: `${OPARL_SCHEMA}Consultation`,
    paper: ctx.u.paper(i.id),
    agendaItem: ctx.u.agendaItem(i.id),
    meeting: ctx.u.meeting(i.meetingId),
    organization: i.bodyIds.map((b) => ctx.u.organ(b)),
    // a case sent back (återremiss) or withdrawn was treated, but not decided
    authoritative: decisive(i),
    role: i.kind === 'information' ? 'Information' : 'Beslut',
    created: timestamp(i.created),
    modified: timestamp(i.modified),
  };
}

/** "LSG 2024 § 41": how a protocol cites the item. */
function reference(ctx: MapContext, i: OpenItem): string | null {
  const organ = i.bodyIds[0] === undefined ? undefined : ctx.organs.get(i.bodyIds[0]);
  if (i.number === null || !organ) return null;
  return [organ.shortName ?? organ.name, i.meetingDate?.slice(0, 4), `§ ${i.number}`].filter(Boolean).join(' ');
}

export function paperObject(ctx: MapContext, i: OpenItem, standalone: boolean): OParlPaper {
  const ref = reference(ctx, i);
  const refs = standalone ? { meeting: [ctx.u.meeting(i.meetingId)], agendaItem: [ctx.u.agendaItem(i.id)], paper: [ctx.u.paper(i.id)] } : null;
  return {
    id: ctx.u.paper(i.id),
    type: `${OPARL_SCHEMA}Paper`,
    body: ctx.u.body,
    name: i.title,
    ...(ref ? { reference: ref } : {}),
    ...(i.meetingDate ? { date: i.meetingDate } : {}),
    paperType: i.kind === 'information' ? 'Informationsärende' : 'Beslutsärende',
    ...(i.relatedItemIds.length ? { relatedPaper: i.relatedItemIds.map((r) => ctx.u.paper(r)) } : {}),
    ...(i.documents.length ? { auxiliaryFile: i.documents.map((d) => documentFile(ctx, d, refs)) } : {}),
    underDirectionOf: i.bodyIds.slice(0, 1).map((b) => ctx.u.organ(b)),
    consultation: [consultationObject(ctx, i)],
    created: timestamp(i.created),
    modified: timestamp(i.modified),
    web: ctx.u.web.case(i.id),
  };
}
