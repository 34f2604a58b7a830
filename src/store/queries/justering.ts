import { sql } from 'kysely';
import type { Candidate, ProtocolVersionRef, Round, Signatory } from '../../domain/justering-views.js';
import type { Participant } from '../../domain/model.js';
import type { Db } from '../db.js';

// Reading justering: rounds with their signatories and comments, the frozen versions, and who
// may be proposed as a signatory. Writes are in justering-write.ts.

type Reader = Pick<Db, 'selectFrom'>;

export interface SignatoryView extends Signatory {
  accountId: number | null;
}

export type RoundView = Round<SignatoryView>;

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** Every round of a meeting, newest first, with signatories in order and comments oldest first. */
export async function listRounds(db: Reader, meetingId: number): Promise<RoundView[]> {
  const rounds = await db
    .selectFrom('justering_round as r')
    .leftJoin('account as a', 'a.id', 'r.started_by')
    .select(['r.id', 'r.version', 'r.state', 'r.started_at', 'r.ended_at', 'r.seal_error', 'a.name as started_by'])
    .where('r.meeting_id', '=', meetingId)
    .orderBy('r.version', 'desc')
    .execute();
  if (rounds.length === 0) return [];
  const ids = rounds.map((r) => r.id);
  const signatories = await db.selectFrom('justering_signatory').selectAll().where('round_id', 'in', ids).orderBy('position').execute();
  const comments = await db
    .selectFrom('justering_comment as c')
    .innerJoin('justering_signatory as s', 's.id', 'c.signatory_id')
    .leftJoin('account as a', 'a.id', 'c.answered_by')
    .select(['c.id', 'c.round_id', 'c.signatory_id', 's.name as author', 'c.text', 'c.created_at', 'c.answer', 'c.answered_at', 'a.name as answered_by'])
    .where('c.round_id', 'in', ids)
    .orderBy('c.id')
    .execute();
  return rounds.map((r) => ({
    id: r.id,
    version: r.version,
    state: r.state,
    startedAt: iso(r.started_at)!,
    startedBy: r.started_by,
    endedAt: iso(r.ended_at),
    sealError: r.seal_error,
    signatories: signatories
      .filter((s) => s.round_id === r.id)
      .map((s) => ({
        id: s.id, position: s.position, personId: s.person_id, accountId: s.account_id, name: s.name, role: s.role, organization: s.organization,
        state: s.state, approvedAt: iso(s.approved_at), signedAt: iso(s.signed_at), method: s.method,
      })),
    comments: comments
      .filter((c) => c.round_id === r.id)
      .map((c) => ({
        id: c.id, signatoryId: c.signatory_id, author: c.author, text: c.text, createdAt: iso(c.created_at)!,
        answer: c.answer, answeredAt: iso(c.answered_at), answeredBy: c.answered_by,
      })),
  }));
}

/** Whether the person signs (or signed) some version of the meeting's protocol: they may read the justering. */
export async function isSignatoryOf(db: Reader, meetingId: number, personId: number): Promise<boolean> {
  const row = await db
    .selectFrom('justering_signatory as s')
    .innerJoin('justering_round as r', 'r.id', 's.round_id')
    .select('s.id')
    .where('r.meeting_id', '=', meetingId)
    .where('s.person_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listVersions(db: Reader, meetingId: number): Promise<ProtocolVersionRef[]> {
  const rows = await db
    .selectFrom('protocol_version as v')
    .leftJoin('account as a', 'a.id', 'v.created_by')
    .select(['v.version', 'v.created_at', 'a.name'])
    .where('v.meeting_id', '=', meetingId)
    .orderBy('v.version', 'desc')
    .execute();
  return rows.map((r) => ({ version: r.version, createdAt: iso(r.created_at)!, createdBy: r.name }));
}

/** One frozen version: the protocol JSON exactly as it was sent on justering. */
export async function getVersion(db: Reader, meetingId: number, version: number): Promise<{ version: number; createdAt: string; content: unknown } | null> {
  const row = await db
    .selectFrom('protocol_version')
    .select(['version', 'created_at', 'content'])
    .where('meeting_id', '=', meetingId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? { version: row.version, createdAt: iso(row.created_at)!, content: row.content } : null;
}

/** The enabled account of each person (the lowest id when a person has several). */
export async function accountsOfPeople(db: Reader, personIds: readonly number[]): Promise<Map<number, { id: number; email: string }>> {
  const out = new Map<number, { id: number; email: string }>();
  if (personIds.length === 0) return out;
  const rows = await db
    .selectFrom('account')
    .select(['id', 'email', 'person_id'])
    .where('person_id', 'in', [...personIds])
    .where('disabled', '=', false)
    .orderBy('id')
    .execute();
  for (const r of rows) if (r.person_id !== null && !out.has(r.person_id)) out.set(r.person_id, { id: r.id, email: r.email });
  return out;
}

/**
 * Who may be chosen as a signatory: the meeting's attendance (present and officials) and the
 * members of its bodies; and what the defaults are made from.
 */
export async function justeringSources(db: Reader, meetingId: number): Promise<{
  present: Participant[];
  officials: Participant[];
  justerareItemTexts: string[];
  candidates: Candidate[];
}> {
  const attendance = await db
    .selectFrom('attendance')
    .select(['list', 'person_id', 'name', 'party', 'organization', 'role', 'replaces_name', 'note', 'items_from', 'items_to'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
  const toParticipant = (a: (typeof attendance)[number]): Participant => ({
    name: a.name, personId: a.person_id, party: a.party, organization: a.organization, role: a.role,
    replaces: a.replaces_name, note: a.note, itemsFrom: a.items_from, itemsTo: a.items_to,
  });
  const item = await db
    .selectFrom('agenda_item as i')
    .leftJoin('decision as d', 'd.item_id', 'i.id')
    .select(['i.text', 'd.text as decision', sql<string>`array_to_string(d.clauses, E'\\n')`.as('clauses')])
    .where('i.meeting_id', '=', meetingId)
    .where('i.standard', '=', 'justerare')
    .execute();
  const members = await db
    .selectFrom('membership as ms')
    .innerJoin('person as p', 'p.id', 'ms.person_id')
    .innerJoin('meeting_body as mb', 'mb.body_id', 'ms.body_id')
    .innerJoin('meeting as m', 'm.id', 'mb.meeting_id')
    .select(['p.id', 'p.name', 'p.sort_key', sql<string | null>`coalesce(ms.organization, p.organization)`.as('organization')])
    .where('m.id', '=', meetingId)
    .where((eb) => eb.or([eb('ms.valid_to', 'is', null), eb('ms.valid_to', '>=', sql<string>`coalesce(m.meeting_date, current_date)`)]))
    .orderBy('p.sort_key')
    .execute();

  const candidates: Candidate[] = [];
  const seen = new Set<number>();
  for (const a of attendance.filter((x) => x.list !== 'absent')) {
    if (a.person_id === null || seen.has(a.person_id)) continue;
    seen.add(a.person_id);
    candidates.push({ personId: a.person_id, name: a.name, organization: a.organization, source: 'attendance', hasAccount: false });
  }
  for (const m of members) {
    if (seen.has(m.id)) continue;
    seen.add(m.id);
    candidates.push({ personId: m.id, name: m.name, organization: m.organization, source: 'member', hasAccount: false });
  }
  const accounts = await accountsOfPeople(db, [...seen]);
  for (const c of candidates) c.hasAccount = accounts.has(c.personId);

  return {
    present: attendance.filter((a) => a.list === 'present').map(toParticipant),
    officials: attendance.filter((a) => a.list === 'official').map(toParticipant),
    justerareItemTexts: item.flatMap((r) => [r.text, r.decision ?? '', r.clauses ?? '']).filter((t) => t.trim() !== ''),
    candidates,
  };
}

/** A person as the signature page names them: from the meeting's attendance when there, else the register. */
export async function peopleForSigning(db: Reader, meetingId: number, personIds: readonly number[]): Promise<Map<number, { name: string; organization: string | null }>> {
  const out = new Map<number, { name: string; organization: string | null }>();
  if (personIds.length === 0) return out;
  const people = await db.selectFrom('person').select(['id', 'name', 'organization']).where('id', 'in', [...personIds]).execute();
  for (const p of people) out.set(p.id, { name: p.name, organization: p.organization });
  const attending = await db
    .selectFrom('attendance')
    .select(['person_id', 'name', 'organization'])
    .where('meeting_id', '=', meetingId)
    .where('person_id', 'in', [...personIds])
    .orderBy('position')
    .execute();
  for (const a of attending.reverse()) {
    if (a.person_id !== null) out.set(a.person_id, { name: a.name, organization: a.organization ?? out.get(a.person_id)?.organization ?? null });
  }
  return out;
}

/** The password hash of an account, for signing with fresh authentication (null: signs in only through OIDC). */
export async function signingCredentials(db: Reader, accountId: number): Promise<{ passwordHash: string | null; email: string } | null> {
  const row = await db.selectFrom('account').select(['password_hash', 'email']).where('id', '=', accountId).where('disabled', '=', false).executeTakeFirst();
  return row ? { passwordHash: row.password_hash, email: row.email } : null;
}

/** The e-mail addresses of accounts, by id. */
export async function accountEmails(db: Reader, accountIds: readonly number[]): Promise<string[]> {
  if (accountIds.length === 0) return [];
  const rows = await db.selectFrom('account').select('email').where('id', 'in', [...accountIds]).where('disabled', '=', false).execute();
  return rows.map((r) => r.email);
}
