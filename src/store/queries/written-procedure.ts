import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { newToken, sessionId } from '../../auth/sessions.js';
import { SYSTEM, type Viewer } from '../../domain/access.js';
import { todayIso } from '../../domain/assignments.js';
import { chairOf, settle, VOTING_ROLES, votingRole, type Settlement, type WrittenAnswer, type WrittenRule } from '../../domain/written-procedure.js';
import type { Db } from '../db.js';
import type { Database } from '../schema.js';
import { appendAudit } from './audit.js';

// Beslut per capsulam: putting the question (question, members asked, their one-time links,
// documents, audit and the queue's jobs in one transaction), answering it, and recording the
// outcome when the rule settles it or the deadline passes. Links are kept as the SHA-256 of the
// token, as sessions are; the token itself travels only in the mail job until the mail is sent.

type Trx = Transaction<Database>;

/** What the queue does when a question is sent and when it is settled (src/jobs/written-procedure.ts). */
export interface WrittenHooks {
  sent(trx: Trx, question: { id: number; deadline: Date }, links: { personId: number; token: string }[]): Promise<void>;
  settled(trx: Trx, questionId: number): Promise<void>;
}

export type WrittenProblemCode =
  | 'not_found' | 'no_members' | 'no_address' | 'no_chair' // putting the question
  | 'invalid_link' | 'wrong_question' | 'not_asked' | 'answered' | 'closed' | 'expired' // answering
  | 'not_decided' | 'confirmed' | 'before_decision'; // confirming at a meeting

/** A refusal by the rules, with the Swedish sentence the API passes on. */
export class WrittenProblem extends Error {
  constructor(readonly code: WrittenProblemCode, message: string) {
    super(message);
  }
}

export interface NewWrittenQuestion {
  title: string;
  proposal: string;
  clauses: string[];
  rule: WrittenRule;
  deadline: Date;
  documents: { filename: string; mediaType: string; bytes: Uint8Array }[];
}

interface Asked {
  personId: number;
  name: string;
  roles: string[];
  email: string | null;
}

/** The body's voting members today (ordförande, vice ordförande, ledamöter), with the address their mail goes to. */
async function votingMembers(trx: Trx, bodyId: number): Promise<Asked[]> {
  const today = todayIso();
  const rows = await trx
    .selectFrom('membership as ms')
    .innerJoin('person as p', 'p.id', 'ms.person_id')
    .select(['p.id', 'p.name', 'p.sort_key', 'p.email', 'ms.role'])
    .select((eb) =>
      eb.selectFrom('account as a').select('a.email').whereRef('a.person_id', '=', 'p.id').where('a.disabled', '=', false).orderBy('a.id').limit(1).as('account_email'),
    )
    .where('ms.body_id', '=', bodyId)
    .where('p.pseudonymised_at', 'is', null)
    .where((eb) => eb.or([eb('ms.valid_from', 'is', null), eb('ms.valid_from', '<=', today)]))
    .where((eb) => eb.or([eb('ms.valid_to', 'is', null), eb('ms.valid_to', '>=', today)]))
    .orderBy('p.sort_key')
    .execute();
  const byPerson = new Map<number, Asked>();
  for (const r of rows) {
    const asked = byPerson.get(r.id) ?? { personId: r.id, name: r.name, roles: [], email: r.account_email ?? r.email };
    asked.roles.push(r.role);
    byPerson.set(r.id, asked);
  }
  return [...byPerson.values()].filter((m) => m.roles.some((role) => (VOTING_ROLES as readonly string[]).includes(role)));
}

/** Puts the question to the body's voting members: everything in one transaction, or nothing. */
export async function sendWrittenQuestion(db: Db, actor: Viewer, bodyId: number, input: NewWrittenQuestion, hooks: WrittenHooks): Promise<{ id: number; recipients: number }> {
  return db.transaction().execute(async (trx) => {
    if (!(await trx.selectFrom('body').select('id').where('id', '=', bodyId).executeTakeFirst())) throw new WrittenProblem('not_found', 'Organet finns inte.');
    const asked = await votingMembers(trx, bodyId);
    if (asked.length === 0) throw new WrittenProblem('no_members', 'Organet har inga ledamöter att ställa frågan till. Lägg till ledamöterna under Administration → Medlemskap.');
    const unreachable = asked.filter((m) => !m.email).map((m) => m.name);
    if (unreachable.length) throw new WrittenProblem('no_address', `${unreachable.join(', ')} saknar e-postadress och kan inte få frågan. Ge ${unreachable.length === 1 ? 'ledamoten' : 'ledamöterna'} ett konto eller en adress först.`);
    const chair = chairOf(asked);
    if (input.rule === 'chair' && !chair) throw new WrittenProblem('no_chair', 'Organet har ingen ordförande eller vice ordförande bland ledamöterna, så regeln ”ordföranden beslutar efter samråd” kan inte användas.');

    const { id } = await trx
      .insertInto('written_question')
      .values({
        body_id: bodyId, title: input.title, proposal: input.proposal, clauses: input.clauses, rule: input.rule, deadline: input.deadline,
        created_by: actor.kind === 'account' ? actor.accountId : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const links: { personId: number; token: string }[] = [];
    for (const [position, m] of asked.entries()) {
      const token = newToken();
      links.push({ personId: m.personId, token });
      await trx
        .insertInto('written_recipient')
        .values({
          question_id: id, person_id: m.personId, position, name: m.name, role: votingRole(m.roles)!, email: m.email!,
          chair: input.rule === 'chair' && chair?.personId === m.personId, token_hash: sessionId(token), token_expires_at: input.deadline,
        })
        .execute();
    }
    const documents = [];
    for (const [position, d] of input.documents.entries()) {
      const sha256 = createHash('sha256').update(d.bytes).digest('hex');
      await trx
        .insertInto('written_document')
        .values({ question_id: id, position, filename: d.filename, media_type: d.mediaType, size_bytes: d.bytes.byteLength, sha256, content: d.bytes })
        .execute();
      documents.push({ filename: d.filename, sha256, size: d.bytes.byteLength });
    }
    await appendAudit(trx, actor, {
      action: 'written.send', entity: 'written_question', entityId: id,
      after: { bodyId, title: input.title, proposal: input.proposal, clauses: input.clauses, rule: input.rule, deadline: input.deadline.toISOString(), recipients: asked.map((m) => m.name), documents },
    });
    await hooks.sent(trx, { id, deadline: input.deadline }, links);
    return { id, recipients: asked.length };
  });
}

export type Answerer = { token: string } | { personId: number };

async function dbNow(trx: Trx): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`select now() as now`.execute(trx);
  return new Date(rows[0]!.now);
}

/**
 * Records a member's answer, once, before the deadline: through their link (which holds for that
 * member and question only) or signed in. When the answer settles the rule, the outcome is
 * recorded in the same transaction.
 */
export async function answerWrittenQuestion(
  db: Db,
  actor: Viewer,
  questionId: number,
  who: Answerer,
  input: { answer: WrittenAnswer; comment: string | null },
  hooks: WrittenHooks,
): Promise<{ settled: Settlement | null }> {
  return db.transaction().execute(async (trx) => {
    const q = await trx.selectFrom('written_question').selectAll().where('id', '=', questionId).forUpdate().executeTakeFirst();
    if (!q) throw new WrittenProblem('not_found', 'Frågan finns inte.');
    const recipients = trx.selectFrom('written_recipient').selectAll();
    let r;
    if ('token' in who) {
      r = await recipients.where('token_hash', '=', sessionId(who.token)).executeTakeFirst();
      if (!r) throw new WrittenProblem('invalid_link', 'Länken är ogiltig. Kontrollera att hela adressen från e-postmeddelandet kom med.');
      if (r.question_id !== questionId) throw new WrittenProblem('wrong_question', 'Länken gäller en annan fråga än den här och kan inte användas för att svara på den.');
    } else {
      r = await recipients.where('question_id', '=', questionId).where('person_id', '=', who.personId).executeTakeFirst();
      if (!r) throw new WrittenProblem('not_asked', 'Frågan är inte ställd till dig: bara organets ledamöter som fick den kan svara.');
    }
    if (r.answer !== null) throw new WrittenProblem('answered', 'Du har redan svarat på frågan. Ett svar kan inte ändras.');
    const now = await dbNow(trx);
    if (new Date(q.deadline) <= now || new Date(r.token_expires_at) <= now) throw new WrittenProblem('expired', 'Svarstiden har gått ut.');
    if (q.closed_at) throw new WrittenProblem('closed', 'Frågan är redan avgjord: inga fler svar tas emot.');

    const via = 'token' in who ? 'link' : 'signed-in';
    await trx
      .updateTable('written_recipient')
      .set({ answer: input.answer, comment: input.comment, answered_at: now, answered_via: via, answered_by: actor.kind === 'account' ? actor.accountId : null })
      .where('question_id', '=', questionId)
      .where('person_id', '=', r.person_id)
      .execute();
    await appendAudit(trx, actor, { action: 'written.answer', entity: 'written_question', entityId: questionId, after: { personId: r.person_id, name: r.name, answer: input.answer, comment: input.comment, via } });

    const all = await trx.selectFrom('written_recipient').select(['answer', 'chair']).where('question_id', '=', questionId).execute();
    const settled = settle(q.rule, all, false);
    if (settled) await recordOutcome(trx, actor, questionId, settled, 'rule', hooks);
    return { settled };
  });
}

async function recordOutcome(trx: Trx, actor: Viewer, questionId: number, s: Settlement, by: 'rule' | 'deadline', hooks: WrittenHooks): Promise<void> {
  await trx
    .updateTable('written_question')
    .set({ closed_at: sql`now()`, closed_by: by, outcome: s.outcome, outcome_reason: s.reason })
    .where('id', '=', questionId)
    .where('closed_at', 'is', null)
    .execute();
  const answers = await trx.selectFrom('written_recipient').select(['name', 'answer', 'comment']).where('question_id', '=', questionId).orderBy('position').execute();
  await appendAudit(trx, actor, {
    action: 'written.decide', entity: 'written_question', entityId: questionId,
    after: { outcome: s.outcome, reason: s.reason, by, answers: answers.filter((a) => a.answer).map((a) => ({ name: a.name, answer: a.answer, comment: a.comment })), notAnswered: answers.filter((a) => !a.answer).map((a) => a.name) },
  });
  await hooks.settled(trx, questionId);
}

/**
 * Records the outcome of a question whose deadline has passed (the closing job, scheduled at the
 * deadline when the question was sent). A question the rule already settled is left as it is.
 */
export async function closeAtDeadline(db: Db, questionId: number, hooks: WrittenHooks): Promise<'closed' | 'already-closed' | 'not-yet' | 'missing'> {
  return db.transaction().execute(async (trx) => {
    const q = await trx.selectFrom('written_question').select(['rule', 'deadline', 'closed_at']).where('id', '=', questionId).forUpdate().executeTakeFirst();
    if (!q) return 'missing';
    if (q.closed_at) return 'already-closed';
    if (new Date(q.deadline) > (await dbNow(trx))) return 'not-yet';
    const all = await trx.selectFrom('written_recipient').select(['answer', 'chair']).where('question_id', '=', questionId).execute();
    await recordOutcome(trx, SYSTEM, questionId, settle(q.rule, all, true)!, 'deadline', hooks);
    return 'closed';
  });
}

/** Takes the token out of a mail job that is done with it: only its hash is kept. */
export async function forgetLinkToken(trx: Trx, jobId: number): Promise<void> {
  await sql`update job set payload = payload - 'token' where id = ${jobId}`.execute(trx);
}

/** After a member's mail was sent: when, and the token out of the job. */
export async function recordRequestMailed(trx: Trx, questionId: number, personId: number, jobId: number): Promise<void> {
  await trx.updateTable('written_recipient').set({ mailed_at: sql`now()` }).where('question_id', '=', questionId).where('person_id', '=', personId).execute();
  await forgetLinkToken(trx, jobId);
}
