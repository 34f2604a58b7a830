import { sql } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import { insertionIndex } from '../../domain/agenda.js';
import { todayIso } from '../../domain/assignments.js';
import { confirmationRecord, CONFIRMATION_ITEM_TITLE, isConfirmationItem } from '../../domain/written-procedure.js';
import type { Db } from '../db.js';
import { appendAudit } from './audit.js';
import { lockEditableMeeting, renumberMeeting } from './agenda-edit.js';
import { WrittenProblem } from './written-procedure.js';

// The next meeting confirms a decision taken by written procedure: taking the offer puts it on
// the agenda as "Anmälan av beslut fattade mellan sammanträdena" (or under that item when the
// agenda has it already), with how it was decided in the item's text and a decision to confirm it.

/** Takes the decision up on the meeting's agenda; returns the item. FrozenError when the meeting cannot change. */
export async function confirmAtMeeting(db: Db, actor: Viewer, meetingId: number, questionId: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const meeting = await lockEditableMeeting(trx, meetingId);
    const q = await trx.selectFrom('written_question').selectAll().where('id', '=', questionId).forUpdate().executeTakeFirst();
    const bodies = await trx.selectFrom('meeting_body').select(['body_id', 'is_primary']).where('meeting_id', '=', meetingId).execute();
    if (!q || !bodies.some((b) => b.body_id === q.body_id)) throw new WrittenProblem('not_found', 'Det finns inget sådant beslut per capsulam i mötets organ.');
    if (!q.closed_at || !q.outcome || !q.outcome_reason) throw new WrittenProblem('not_decided', 'Frågan är inte avgjord än och kan inte anmälas.');
    if (q.confirmed_item_id !== null) {
      const at = await trx
        .selectFrom('agenda_item as i')
        .innerJoin('meeting as m', 'm.id', 'i.meeting_id')
        .select(['m.meeting_date', 'i.number'])
        .where('i.id', '=', q.confirmed_item_id)
        .executeTakeFirst();
      throw new WrittenProblem('confirmed', `Beslutet är redan anmält vid mötet ${at?.meeting_date ?? ''}${at?.number != null ? ` § ${at.number}` : ''}.`);
    }
    const decidedOn = todayIso(new Date(q.closed_at));
    if (meeting.date && meeting.date < decidedOn) throw new WrittenProblem('before_decision', `Mötet ${meeting.date} hålls före beslutet (${decidedOn}); anmäl det vid ett senare möte.`);

    const answers = await trx.selectFrom('written_recipient').select(['name', 'answer', 'comment']).where('question_id', '=', questionId).orderBy('position').execute();
    const record = confirmationRecord({
      title: q.title, clauses: q.clauses, rule: q.rule, sentAt: new Date(q.created_at), deadline: new Date(q.deadline), closedAt: new Date(q.closed_at),
      outcome: q.outcome, reason: q.outcome_reason, answers,
    });
    const primary = bodies.find((b) => b.is_primary)?.body_id ?? q.body_id;
    const items = await trx.selectFrom('agenda_item').select(['id', 'title', 'text', 'standard', 'number']).where('meeting_id', '=', meetingId).orderBy('position').execute();
    const existing = items.find((i) => isConfirmationItem(i.title));

    let itemId: number;
    if (existing) {
      itemId = existing.id;
      await trx
        .updateTable('agenda_item')
        .set({ text: existing.text.trim() ? `${existing.text.trimEnd()}\n\n${record.text}` : record.text, kind: sql`coalesce(kind, 'decision')`, version: sql`version + 1` })
        .where('id', '=', itemId)
        .execute();
    } else {
      const at = insertionIndex(items);
      await trx.updateTable('agenda_item').set({ position: sql`position + 1` }).where('meeting_id', '=', meetingId).where('position', '>=', at).execute();
      const first = items.reduce<number | null>((min, i) => (i.number !== null && (min === null || i.number < min) ? i.number : min), null) ?? 1;
      // A temporary number above the rest, as addItem does; renumberMeeting gives the final one.
      ({ id: itemId } = await trx
        .insertInto('agenda_item')
        .values({ meeting_id: meetingId, position: at, number: first + items.length + 1000, title: CONFIRMATION_ITEM_TITLE, kind: 'decision', text: record.text, sub_points: '[]' })
        .returning('id')
        .executeTakeFirstOrThrow());
      await renumberMeeting(trx, meetingId);
      await appendAudit(trx, actor, { action: 'item.create', entity: 'agenda_item', entityId: itemId, after: { meetingId, title: CONFIRMATION_ITEM_TITLE, writtenQuestionId: questionId } });
    }
    const last = await trx.selectFrom('decision').select(sql<number | null>`max(position)`.as('p')).where('item_id', '=', itemId).executeTakeFirst();
    await trx.insertInto('decision').values({ item_id: itemId, position: (last?.p ?? -1) + 1, text: '', clauses: [record.clause], body_id: primary, outcome: null }).execute();
    await trx.updateTable('written_question').set({ confirmed_item_id: itemId }).where('id', '=', questionId).execute();
    await trx.updateTable('meeting').set({ updated_at: sql`now()` }).where('id', '=', meetingId).execute();
    await appendAudit(trx, actor, { action: 'written.confirm', entity: 'written_question', entityId: questionId, after: { meetingId, itemId, text: record.text } });
    return itemId;
  });
}
