import { sql } from 'kysely';
import { sessionId } from '../../auth/sessions.js';
import { canReadBody, type Viewer } from '../../domain/access.js';
import { todayIso } from '../../domain/assignments.js';
import type { MeetingStatus } from '../../domain/model.js';
import type { WrittenAnswer, WrittenOutcome, WrittenRule, WrittenStatus } from '../../domain/written-procedure.js';
import type { Db } from '../db.js';

// Reading questions put by written procedure: everything about them for the API (which decides
// what each viewer sees), the mail jobs and the command line; a member's link; the decisions that
// wait to be confirmed on a body's next agenda.

export interface WrittenRecipient {
  personId: number;
  name: string;
  role: string;
  chair: boolean;
  email: string;
  mailedAt: Date | null;
  answer: WrittenAnswer | null;
  comment: string | null;
  answeredAt: Date | null;
  via: 'link' | 'signed-in' | null;
}

export interface WrittenConfirmation {
  itemId: number;
  meetingId: number;
  date: string | null;
  itemNumber: number | null;
  meetingStatus: MeetingStatus;
}

export interface WrittenRecord {
  id: number;
  body: { id: number; slug: string; name: string };
  title: string;
  proposal: string;
  clauses: string[];
  rule: WrittenRule;
  deadline: Date;
  createdAt: Date;
  createdBy: { name: string; email: string } | null;
  status: WrittenStatus;
  closedAt: Date | null;
  closedBy: 'rule' | 'deadline' | null;
  outcomeReason: string | null;
  recipients: WrittenRecipient[];
  documents: { id: number; filename: string; mediaType: string; sizeBytes: number }[];
  confirmation: WrittenConfirmation | null;
}

/** Questions with their members, answers, documents and confirmation; newest first. */
export async function loadWrittenQuestions(db: Db, filter: { id?: number; bodyId?: number; limit?: number } = {}): Promise<WrittenRecord[]> {
  let q = db
    .selectFrom('written_question as q')
    .innerJoin('body as b', 'b.id', 'q.body_id')
    .leftJoin('account as a', 'a.id', 'q.created_by')
    .leftJoin('agenda_item as i', 'i.id', 'q.confirmed_item_id')
    .leftJoin('meeting as m', 'm.id', 'i.meeting_id')
    .selectAll('q')
    .select(['b.slug', 'a.name as creator_name', 'a.email as creator_email', 'i.number as item_number', 'm.id as meeting_id', 'm.meeting_date', 'm.status as meeting_status'])
    .select(sql<string>`coalesce((select name from body_name where body_id = q.body_id and not alias order by valid_to desc nulls first limit 1), b.slug)`.as('body_name'))
    .orderBy('q.created_at', 'desc')
    .orderBy('q.id', 'desc')
    .limit(filter.limit ?? 1000);
  if (filter.id !== undefined) q = q.where('q.id', '=', filter.id);
  if (filter.bodyId !== undefined) q = q.where('q.body_id', '=', filter.bodyId);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const recipients = await db.selectFrom('written_recipient').selectAll().where('question_id', 'in', ids).orderBy('question_id').orderBy('position').execute();
  const documents = await db
    .selectFrom('written_document')
    .select(['id', 'question_id', 'filename', 'media_type', 'size_bytes'])
    .where('question_id', 'in', ids)
    .orderBy('question_id')
    .orderBy('position')
    .execute();
  const stamp = (d: Date | string | null) => (d === null ? null : new Date(d));
  return rows.map((r) => ({
    id: r.id,
    body: { id: r.body_id, slug: r.slug, name: r.body_name },
    title: r.title,
    proposal: r.proposal,
    clauses: r.clauses,
    rule: r.rule,
    deadline: new Date(r.deadline),
    createdAt: new Date(r.created_at),
    createdBy: r.creator_name && r.creator_email ? { name: r.creator_name, email: r.creator_email } : null,
    status: (r.outcome as WrittenOutcome | null) ?? 'open',
    closedAt: stamp(r.closed_at),
    closedBy: r.closed_by,
    outcomeReason: r.outcome_reason,
    recipients: recipients.filter((x) => x.question_id === r.id).map((x) => ({
      personId: x.person_id, name: x.name, role: x.role, chair: x.chair, email: x.email, mailedAt: stamp(x.mailed_at),
      answer: x.answer, comment: x.comment, answeredAt: stamp(x.answered_at), via: x.answered_via,
    })),
    documents: documents.filter((d) => d.question_id === r.id).map((d) => ({ id: d.id, filename: d.filename, mediaType: d.media_type, sizeBytes: d.size_bytes })),
    confirmation: r.confirmed_item_id !== null && r.meeting_id !== null
      ? { itemId: r.confirmed_item_id, meetingId: r.meeting_id, date: r.meeting_date, itemNumber: r.item_number, meetingStatus: r.meeting_status as MeetingStatus }
      : null,
  }));
}

export async function getWrittenQuestion(db: Db, id: number): Promise<WrittenRecord | null> {
  return (await loadWrittenQuestions(db, { id }))[0] ?? null;
}

/** Whose link this is, for which question, and whether it has run out (at the deadline). */
export async function linkHolder(db: Db, token: string): Promise<{ questionId: number; personId: number; expired: boolean } | null> {
  const row = await db
    .selectFrom('written_recipient')
    .select(['question_id', 'person_id', sql<boolean>`token_expires_at <= now()`.as('expired')])
    .where('token_hash', '=', sessionId(token))
    .executeTakeFirst();
  return row ? { questionId: row.question_id, personId: row.person_id, expired: row.expired } : null;
}

export async function writtenDocument(db: Db, questionId: number, documentId: number) {
  return db
    .selectFrom('written_document')
    .select(['filename', 'media_type', 'content', 'sha256'])
    .where('id', '=', documentId)
    .where('question_id', '=', questionId)
    .executeTakeFirst();
}

/** A decision waiting for the body's next meeting to confirm it. */
export interface WrittenDecisionOffer {
  questionId: number;
  title: string;
  outcome: WrittenOutcome;
  decidedOn: string; // the day it was settled, in Sweden
}

/**
 * Decisions of the body settled by written procedure on or before `until` (a meeting's date) that
 * no agenda has taken up yet, for viewers who read the body's drafts.
 */
export async function writtenDecisionOffers(db: Db, viewer: Viewer, bodyId: number, until: string): Promise<WrittenDecisionOffer[]> {
  if (!canReadBody(viewer, bodyId)) return [];
  const rows = await db
    .selectFrom('written_question')
    .select(['id', 'title', 'outcome', 'closed_at'])
    .where('body_id', '=', bodyId)
    .where('closed_at', 'is not', null)
    .where('confirmed_item_id', 'is', null)
    .orderBy('closed_at')
    .orderBy('id')
    .execute();
  return rows
    .map((r) => ({ questionId: r.id, title: r.title, outcome: r.outcome as WrittenOutcome, decidedOn: todayIso(new Date(r.closed_at!)) }))
    .filter((o) => o.decidedOn <= until);
}
