import { sql } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import type { Db } from '../db.js';
import { visibleMeeting } from './visibility.js';
import { closedBy, closedByJson, type ClosedBy } from './assignment-closing.js';

// The decision trace: one case followed across bodies. Items are linked when one body refers a case
// to another ("Ärenden till …" → the receiving body's item) and when an assignment given at one item
// is reported back at another. The trace walks those links both ways from any item.

export interface TraceEntry {
  itemId: number;
  meetingId: number;
  date: string | null;
  body: string | null;
  itemNumber: number | null;
  title: string;
  decisions: string[];
  assignments: { id: number; to: string; task: string; status: string; reportedAtItemId: number | null; closedBy: ClosedBy | null }[];
  link: 'start' | 'referred-from' | 'referred-to' | 'reports' | 'reported-at';
}

const MAX_ITEMS = 200;

export async function decisionTrace(db: Db, viewer: Viewer, startItemId: number): Promise<TraceEntry[] | null> {
  const links = new Map<number, TraceEntry['link']>([[startItemId, 'start']]);
  const queue = [startItemId];
  while (queue.length > 0 && links.size < MAX_ITEMS) {
    const id = queue.shift()!;
    const neighbours = await sql<{ id: number; link: TraceEntry['link'] }>`
      select referred_from_item_id as id, 'referred-from' as link from agenda_item where id = ${id} and referred_from_item_id is not null
      union all select id, 'referred-to' from agenda_item where referred_from_item_id = ${id}
      union all select a.item_id, 'reports' from agenda_item i join assignment a on a.id = i.reports_assignment_id where i.id = ${id}
      union all select r.id, 'reported-at' from assignment a join agenda_item r on r.reports_assignment_id = a.id where a.item_id = ${id}`.execute(db);
    for (const n of neighbours.rows) {
      if (!links.has(n.id)) {
        links.set(n.id, n.link);
        queue.push(n.id);
      }
    }
  }
  const ids = [...links.keys()];
  const items = await db
    .selectFrom('agenda_item as i')
    .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
    .select([
      'i.id', 'i.number', 'i.title', 'm.id as meeting_id', 'm.meeting_date',
      sql<string | null>`(select bn.name from meeting_body mb join body_name bn on bn.body_id = mb.body_id and not bn.alias
        where mb.meeting_id = m.id and mb.is_primary
        order by (bn.valid_from is null or bn.valid_from <= coalesce(m.meeting_date, current_date)) and (bn.valid_to is null or bn.valid_to >= coalesce(m.meeting_date, current_date)) desc
        limit 1)`.as('body'),
    ])
    .where('i.id', 'in', ids)
    .where(visibleMeeting(viewer, 'm.id', 'm.status'))
    .execute();
  if (!items.some((i) => i.id === startItemId)) return null;
  const visible = items.map((i) => i.id);
  const [decisions, assignments] = await Promise.all([
    db.selectFrom('decision').select(['item_id', 'text']).where('item_id', 'in', visible).orderBy('position').execute(),
    db
      .selectFrom('assignment as a')
      .select(['a.id', 'a.item_id', 'a.to_text', 'a.task', 'a.status', sql<number | null>`(select id from agenda_item where reports_assignment_id = a.id limit 1)`.as('reported_at'), closedByJson(viewer).as('closure')])
      .where('a.item_id', 'in', visible)
      .orderBy('a.position')
      .execute(),
  ]);
  return items
    .map((i) => ({
      itemId: i.id,
      meetingId: i.meeting_id,
      date: i.meeting_date,
      body: i.body,
      itemNumber: i.number,
      title: i.title,
      decisions: decisions.filter((d) => d.item_id === i.id).map((d) => d.text),
      assignments: assignments
        .filter((a) => a.item_id === i.id)
        .map((a) => ({ id: a.id, to: a.to_text, task: a.task, status: a.status, reportedAtItemId: visible.includes(a.reported_at ?? -1) ? a.reported_at : null, closedBy: closedBy(a.closure) })),
      link: links.get(i.id)!,
    }))
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || (a.itemNumber ?? 0) - (b.itemNumber ?? 0));
}
