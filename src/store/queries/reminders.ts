import { sql, type Transaction } from 'kysely';
import { DOCUMENT_KIND_LABELS, type DocumentKind } from '../../domain/governing-documents.js';
import type { MembershipRole } from '../../domain/model.js';
import { assignmentReminderBody, secretariesOn, thingPath, type DueThing } from '../../domain/reminders.js';
import type { Db } from '../db.js';
import type { Database } from '../schema.js';

// What falls due, for the reminder planner: open assignments, recommendations the huvudmän have
// not all decided on, fund reports not yet in, governing documents to review. Each with the body
// whose secretaries are reminded (the rules are in src/domain/reminders.ts).

const bodyNameOf = (ref: string) =>
  sql<string>`coalesce((select name from body_name where body_id = ${sql.ref(ref)} and not alias order by valid_to desc nulls first limit 1), '')`;

/** Everything still outstanding with a due date in [earliest, latest]. */
export async function dueThings(db: Db, range: { earliest: string; latest: string }): Promise<DueThing[]> {
  const { earliest, latest } = range;
  const assignments = await db
    .selectFrom('assignment as a')
    .innerJoin('agenda_item as i', 'i.id', 'a.item_id')
    .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
    .select([
      'a.id', 'a.task', 'a.to_text', 'a.to_body_id', 'a.from_body_id', 'a.due_date', 'm.meeting_date', 'm.status', 'i.number',
      bodyNameOf('a.from_body_id').as('from_name'),
      sql<number[]>`array(select body_id from meeting_body mb where mb.meeting_id = m.id order by mb.is_primary desc, mb.body_id)`.as('meeting_bodies'),
    ])
    .where('a.status', '=', 'open')
    .where('a.due_date', '>=', earliest)
    .where('a.due_date', '<=', latest)
    .where('m.status', '!=', 'cancelled')
    .execute();

  const recommendations = await db
    .selectFrom('recommendation as r')
    .select([
      'r.id', 'r.title', 'r.deadline', 'r.body_id', bodyNameOf('r.body_id').as('body_name'),
      sql<number>`(select count(*) from adoption a where a.recommendation_id = r.id and a.status not in ('adopted', 'declined'))`.as('undecided'),
      sql<number>`(select count(*) from adoption a where a.recommendation_id = r.id)`.as('total'),
    ])
    .where('r.deadline', '>=', earliest)
    .where('r.deadline', '<=', latest)
    .execute();

  const reports = await db
    .selectFrom('fund_report as fr')
    .innerJoin('fund_application as fa', 'fa.id', 'fr.application_id')
    .innerJoin('fund_call as c', 'c.id', 'fa.call_id')
    .select(['fr.id', 'fr.due_date', 'fa.project', 'c.id as call_id', 'c.name', 'c.fund', 'c.year', 'c.body_id'])
    .where('fr.submitted_on', 'is', null)
    .where('fr.due_date', '>=', earliest)
    .where('fr.due_date', '<=', latest)
    .execute();

  const documents = await db
    .selectFrom('governing_document as d')
    .select(['d.id', 'd.title', 'd.kind', 'd.next_review', 'd.body_id', bodyNameOf('d.body_id').as('body_name')])
    .where('d.next_review', '>=', earliest)
    .where('d.next_review', '<=', latest)
    .execute();

  const out: DueThing[] = [];
  for (const a of assignments) {
    const bodyId = assignmentReminderBody({
      toBodyId: a.to_body_id, fromBodyId: a.from_body_id, meetingBodyIds: a.meeting_bodies.map(Number), meetingPublished: a.status === 'published',
    });
    if (bodyId === null) continue;
    const where = [a.meeting_date, a.number !== null ? `§ ${a.number}` : null].filter(Boolean).join(' ');
    out.push({
      kind: 'assignment', id: a.id, due: a.due_date!, title: a.task, bodyId, path: thingPath('assignment', a.id),
      context: `Uppdrag${a.from_name ? ` från ${a.from_name}` : ''}${where ? ` (${where})` : ''} till ${a.to_text}`,
    });
  }
  for (const r of recommendations) {
    if (Number(r.undecided) === 0) continue;
    out.push({
      kind: 'recommendation', id: r.id, due: r.deadline!, title: r.title, bodyId: r.body_id, path: thingPath('recommendation', r.id),
      context: `Rekommendation från ${r.body_name}: ${r.undecided} av ${r.total} huvudmän har inte beslutat`,
    });
  }
  for (const f of reports) {
    out.push({
      kind: 'fund-report', id: f.id, due: f.due_date, title: f.project, bodyId: f.body_id, path: thingPath('fund-report', f.call_id),
      context: `Återrapportering: ${f.name} (${f.fund} ${f.year})`,
    });
  }
  for (const d of documents) {
    out.push({
      kind: 'document-review', id: d.id, due: d.next_review!, title: d.title, bodyId: d.body_id, path: thingPath('document-review', d.id),
      context: `${DOCUMENT_KIND_LABELS[d.kind as DocumentKind] ?? d.kind} i ${d.body_name} att revidera`,
    });
  }
  return out;
}

/** The secretaries' addresses per body on the day (the account's address, else the person's). */
export async function secretaryAddresses(db: Db, bodyIds: number[], day: string): Promise<Map<number, string[]>> {
  if (bodyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('membership as ms')
    .innerJoin('person as p', 'p.id', 'ms.person_id')
    .leftJoin('account as a', (j) => j.onRef('a.person_id', '=', 'p.id').on('a.disabled', '=', false))
    .select(['ms.body_id', 'ms.role', 'ms.valid_from', 'ms.valid_to', 'p.email as person_email', 'a.email as account_email'])
    .where('ms.body_id', 'in', [...new Set(bodyIds)])
    .execute();
  return secretariesOn(
    rows.map((r) => ({ bodyId: r.body_id, role: r.role as MembershipRole, email: r.account_email ?? r.person_email, validFrom: r.valid_from, validTo: r.valid_to })),
    day,
  );
}

/** Which of these recipients were already reminded of which of these occasions, as "recipient\nkey". */
export async function remindersSent(db: Db, recipients: string[], keys: string[]): Promise<Set<string>> {
  if (recipients.length === 0 || keys.length === 0) return new Set();
  const rows = await db
    .selectFrom('reminder_sent')
    .select(['recipient', 'thing_key'])
    .where('recipient', 'in', [...new Set(recipients)])
    .where('thing_key', 'in', [...new Set(keys)])
    .execute();
  return new Set(rows.map((r) => `${r.recipient}\n${r.thing_key}`));
}

/** Records that the recipient was reminded of these occasions (inside the transaction that finishes the sending job). */
export async function recordRemindersSent(trx: Transaction<Database>, recipient: string, keys: string[], day: string, jobId: number): Promise<void> {
  if (keys.length === 0) return;
  await trx
    .insertInto('reminder_sent')
    .values(keys.map((thing_key) => ({ recipient, thing_key, day, job_id: jobId })))
    .onConflict((oc) => oc.columns(['recipient', 'thing_key']).doNothing())
    .execute();
}
