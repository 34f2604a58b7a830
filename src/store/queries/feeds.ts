import { sql } from 'kysely';
import { ANONYMOUS } from '../../domain/access.js';
import type { MeetingSummary } from '../../domain/model.js';
import type { Db } from '../db.js';
import { getMeetingSummary } from './meetings.js';

// What the Atom feeds list: published protocols only — sealed ones by when they were published,
// imported archive protocols by their meeting date — newest first.

export interface FeedEntry {
  meeting: MeetingSummary;
  /** When the entry appeared: the seal's time, or for an archive protocol its meeting day. */
  updated: Date;
  sealed: { version: number; sealedAt: Date; developmentCertificate: boolean } | null;
  anslag: { from: string; to: string } | null;
  items: { number: number | null; title: string }[];
}

export async function listFeedEntries(db: Db, opts: { bodyId?: number; limit: number }): Promise<FeedEntry[]> {
  let q = db
    .selectFrom('meeting as m')
    .select(['m.id', 'm.published_at', 'm.meeting_date', 'm.anslag_from', 'm.anslag_to'])
    .where('m.status', '=', 'published');
  if (opts.bodyId !== undefined) {
    const bodyId = opts.bodyId;
    q = q.where(({ exists, selectFrom }) => exists(selectFrom('meeting_body').select('meeting_id').whereRef('meeting_id', '=', 'm.id').where('body_id', '=', bodyId)));
  }
  const rows = await q
    .orderBy(sql`coalesce(m.published_at, m.meeting_date::timestamptz) desc nulls last`)
    .orderBy('m.id', 'desc')
    .limit(opts.limit)
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [seals, items] = await Promise.all([
    db
      .selectFrom('sealed_protocol as s')
      .innerJoin('seal_certificate as c', 'c.fingerprint', 's.certificate_fingerprint')
      .select(['s.meeting_id', 's.version', 's.sealed_at', 'c.development'])
      .where('s.meeting_id', 'in', ids)
      .orderBy('s.meeting_id')
      .orderBy('s.version', 'desc')
      .execute(),
    db.selectFrom('agenda_item').select(['meeting_id', 'number', 'title']).where('meeting_id', 'in', ids).orderBy('meeting_id').orderBy('position').execute(),
  ]);
  const entries: FeedEntry[] = [];
  for (const r of rows) {
    // Read as the public reads it: what is not public does not get into a feed.
    const meeting = await getMeetingSummary(db, ANONYMOUS, r.id);
    if (!meeting) continue;
    const seal = seals.find((s) => s.meeting_id === r.id);
    entries.push({
      meeting,
      updated: r.published_at ? new Date(r.published_at) : r.meeting_date ? new Date(`${r.meeting_date}T00:00:00Z`) : new Date(0),
      sealed: seal ? { version: seal.version, sealedAt: new Date(seal.sealed_at), developmentCertificate: seal.development } : null,
      anslag: r.anslag_from && r.anslag_to ? { from: r.anslag_from, to: r.anslag_to } : null,
      items: items.filter((i) => i.meeting_id === r.id).map((i) => ({ number: i.number, title: i.title })),
    });
  }
  return entries;
}
