import { sql } from 'kysely';
import { ANONYMOUS } from '../../domain/access.js';
import type { Body, DecisionOutcome, Protocol } from '../../domain/model.js';
import type { CostSplit, Recommendation } from '../../domain/follow-up-views.js';
import type { Db } from '../db.js';
import { findBodyByName, getBody } from './bodies.js';
import { listCostSplits } from './cost-splits.js';
import { getProtocol } from './protocol-read.js';
import { listRecommendations } from './recommendations.js';

// What an archive package (arkivleverans) of one body's year holds. Only published protocols go to
// the archive, so everything is read as the public reads it (ANONYMOUS): a draft can never end up
// in a package, whoever runs the export.

/** The body an operator names on the command line: slug, short name or any of its names. */
export async function findArchiveBody(db: Db, ref: string): Promise<Body | null> {
  const wanted = ref.trim().normalize('NFC').toLocaleLowerCase('sv');
  if (!wanted) return null;
  const rows = await db.selectFrom('body').select(['id', 'slug', 'short_name']).orderBy('id').execute();
  const direct = rows.find((r) => r.slug === wanted) ?? rows.find((r) => r.short_name?.normalize('NFC').toLocaleLowerCase('sv') === wanted);
  const id = direct?.id ?? (await findBodyByName(db, ref));
  return id === null ? null : getBody(db, id);
}

/** The published meetings of the body held in the year, oldest first. */
export async function publishedMeetingIds(db: Db, bodyId: number, year: number): Promise<number[]> {
  const rows = await db
    .selectFrom('meeting as m')
    .innerJoin('meeting_body as mb', 'mb.meeting_id', 'm.id')
    .select('m.id')
    .where('mb.body_id', '=', bodyId)
    .where('m.status', '=', 'published')
    .where('m.meeting_date', '>=', `${year}-01-01`)
    .where('m.meeting_date', '<=', `${year}-12-31`)
    .orderBy('m.meeting_date')
    .orderBy(sql`m.start_time nulls first`)
    .orderBy('m.id')
    .execute();
  return rows.map((r) => r.id);
}

export interface ArchivedFile {
  filename: string;
  mediaType: string;
  sha256: string;
  content: Uint8Array;
  createdAt: Date;
}

/** A bilaga attached to an agenda item. */
export interface ArchivedDocument extends ArchivedFile {
  id: number;
  itemId: number;
}

export interface ArchiveMeeting {
  protocol: Protocol;
  createdAt: Date;
  updatedAt: Date;
  /** The file an imported protocol was read from, as it was received. */
  sourceFile: ArchivedFile | null;
  documents: ArchivedDocument[];
  /** One-click outcomes (godkände informationen, lades till handlingarna …) by decision id. */
  outcomes: Map<number, DecisionOutcome>;
}

/** One published meeting with its files; null when it is not (or no longer) published. */
export async function archiveMeeting(db: Db, meetingId: number): Promise<ArchiveMeeting | null> {
  const protocol = await getProtocol(db, ANONYMOUS, meetingId);
  if (!protocol || protocol.status !== 'published') return null;
  const [meeting, source, documents, decisions] = await Promise.all([
    db.selectFrom('meeting').select(['created_at', 'updated_at']).where('id', '=', meetingId).executeTakeFirstOrThrow(),
    db
      .selectFrom('meeting as m')
      .innerJoin('source_file as f', 'f.id', 'm.source_file_id')
      .select(['f.filename', 'f.media_type', 'f.sha256', 'f.content', 'f.created_at'])
      .where('m.id', '=', meetingId)
      .executeTakeFirst(),
    db
      .selectFrom('document as d')
      .innerJoin('agenda_item as i', 'i.id', 'd.item_id')
      .select(['d.id', 'd.item_id', 'd.filename', 'd.media_type', 'd.sha256', 'd.content', 'd.created_at'])
      .where('i.meeting_id', '=', meetingId)
      .orderBy('i.position')
      .orderBy('d.id')
      .execute(),
    db
      .selectFrom('decision as d')
      .innerJoin('agenda_item as i', 'i.id', 'd.item_id')
      .select(['d.id', 'd.outcome'])
      .where('i.meeting_id', '=', meetingId)
      .where('d.outcome', 'is not', null)
      .execute(),
  ]);
  return {
    protocol,
    createdAt: new Date(meeting.created_at),
    updatedAt: new Date(meeting.updated_at),
    sourceFile: source
      ? { filename: source.filename, mediaType: source.media_type, sha256: source.sha256, content: source.content, createdAt: new Date(source.created_at) }
      : null,
    documents: documents.map((d) => ({
      id: d.id, itemId: d.item_id, filename: d.filename, mediaType: d.media_type, sha256: d.sha256, content: d.content, createdAt: new Date(d.created_at),
    })),
    outcomes: new Map(decisions.map((d) => [d.id, d.outcome as DecisionOutcome])),
  };
}

/** Recommendations and cost splits the body decided in the year, as the public sees them. */
export async function archiveFollowUp(db: Db, bodyId: number, year: number): Promise<{ recommendations: Recommendation[]; costSplits: CostSplit[] }> {
  const [recommendations, costSplits] = await Promise.all([
    listRecommendations(db, ANONYMOUS, { bodyId, year }),
    // by the year of the decision, not the year the costs fall in
    listCostSplits(db, ANONYMOUS, { bodyId }),
  ]);
  const inYear = (d: string) => d.startsWith(`${year}-`);
  return {
    recommendations: recommendations.filter((r) => inYear(r.decidedOn)).reverse(),
    costSplits: costSplits.filter((c) => inYear(c.decidedOn)).reverse(),
  };
}
