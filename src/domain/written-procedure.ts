import { format } from 'date-fns';
import { sv } from 'date-fns/locale';
import { todayIso } from './assignments.js';
import { isIsoDate } from './dates.js';
import type { MembershipRole } from './model.js';
import { swedishTime } from './reminders.js';

// Beslut per capsulam (decisions by written procedure): a proposal put in writing to a body's
// voting members, answered ja / nej / avstår before a deadline, settled by the body's rule, and
// confirmed at the next meeting ("Anmälan av beslut fattade mellan sammanträdena").
//
// Decided here (the collaboration's bodies have no statute of their own on this):
// - Who is asked: the body's voting members on the day: ordförande, vice ordförande and ledamöter;
//   not ersättare, secretaries, coordinators, officials or adjungerade.
// - All must agree (alla måste vara eniga): every member answers and nobody says nej; abstaining
//   does not block, but someone must say ja. One nej settles it at once; at the deadline a member
//   who has not answered has not agreed.
// - A majority of the members (majoritet av ledamöterna): more than half of all members asked say
//   ja, not of those who answered. Settled as soon as ja has that majority, or can no longer get it.
// - The chair decides after consulting (ordföranden beslutar efter samråd): the members' answers
//   are advice, the chair's own answer is the decision, once everyone has answered or the deadline
//   has passed. A chair who abstains or does not answer decides nothing: the proposal falls.
// - Once settled, the question is closed: later answers are refused, and the decision records who
//   did not answer.

export const WRITTEN_RULES = ['unanimous', 'majority', 'chair'] as const;
export type WrittenRule = (typeof WRITTEN_RULES)[number];

export const WRITTEN_ANSWERS = ['yes', 'no', 'abstain'] as const; // ja | nej | avstår
export type WrittenAnswer = (typeof WRITTEN_ANSWERS)[number];

export type WrittenOutcome = 'approved' | 'rejected'; // bifallet | avslaget
/** What a list shows: still out for answers, or how it was settled. */
export type WrittenStatus = 'open' | WrittenOutcome;

export const RULE_TEXT: Record<WrittenRule, string> = {
  unanimous: 'alla måste vara eniga',
  majority: 'majoritet av ledamöterna',
  chair: 'ordföranden beslutar efter samråd',
};

export const ANSWER_TEXT: Record<WrittenAnswer, string> = { yes: 'ja', no: 'nej', abstain: 'avstår' };

/** The membership roles that are asked. */
export const VOTING_ROLES: readonly MembershipRole[] = ['ordförande', 'vice ordförande', 'ledamot'];

export interface Respondent {
  answer: WrittenAnswer | null; // null: not answered (yet)
  chair: boolean;
}

export interface Settlement {
  outcome: WrittenOutcome;
  reason: string; // one Swedish sentence for the record
}

export interface Tally {
  yes: number;
  no: number;
  abstain: number;
  missing: number;
  total: number;
}

export function tally(respondents: readonly Respondent[]): Tally {
  const count = (a: WrittenAnswer) => respondents.filter((r) => r.answer === a).length;
  const yes = count('yes');
  const no = count('no');
  const abstain = count('abstain');
  return { yes, no, abstain, missing: respondents.length - yes - no - abstain, total: respondents.length };
}

const members = (n: number) => (n === 1 ? '1 ledamot' : `${n} ledamöter`);
const counts = (t: Tally) => `${t.yes} ja, ${t.no} nej, ${t.abstain} avstår${t.missing ? `, ${t.missing} svarade inte` : ''}`;

/**
 * The outcome under the rule, or null while it is still open. `deadlinePassed`: no more answers
 * can come, so whatever is missing counts as not answered.
 */
export function settle(rule: WrittenRule, respondents: readonly Respondent[], deadlinePassed: boolean): Settlement | null {
  const t = tally(respondents);
  if (t.total === 0) return deadlinePassed ? { outcome: 'rejected', reason: 'Ingen ledamot tillfrågades.' } : null;
  const everyone = t.missing === 0;
  switch (rule) {
    case 'unanimous': {
      if (t.no > 0) return { outcome: 'rejected', reason: `Alla ledamöter var inte eniga: ${t.no === 1 ? '1 ledamot' : `${t.no} ledamöter`} svarade nej (${counts(t)}).` };
      if (everyone) {
        return t.yes > 0
          ? { outcome: 'approved', reason: t.abstain === 0 ? `Alla ${members(t.total)} svarade ja.` : `Ingen ledamot svarade nej (${counts(t)}).` }
          : { outcome: 'rejected', reason: `Ingen ledamot svarade ja (${counts(t)}).` };
      }
      if (!deadlinePassed) return null;
      return { outcome: 'rejected', reason: `Alla ledamöter svarade inte före svarstidens slut (${counts(t)}).` };
    }
    case 'majority': {
      const needed = Math.floor(t.total / 2) + 1;
      if (t.yes >= needed) return { outcome: 'approved', reason: `${t.yes} av ${members(t.total)} svarade ja, en majoritet av ledamöterna (${counts(t)}).` };
      if (t.yes + t.missing < needed || deadlinePassed) {
        return { outcome: 'rejected', reason: `Förslaget fick inte ja från en majoritet av ledamöterna: ${t.yes} av ${t.total} (${counts(t)}).` };
      }
      return null;
    }
    case 'chair': {
      if (!everyone && !deadlinePassed) return null;
      const chair = respondents.find((r) => r.chair)?.answer ?? null;
      if (chair === 'yes') return { outcome: 'approved', reason: `Ordföranden beslutade efter samråd att bifalla förslaget (${counts(t)}).` };
      if (chair === 'no') return { outcome: 'rejected', reason: `Ordföranden beslutade efter samråd att avslå förslaget (${counts(t)}).` };
      return { outcome: 'rejected', reason: `Ordföranden fattade inget beslut${chair === 'abstain' ? ' (avstod)' : ' före svarstidens slut'} (${counts(t)}).` };
    }
  }
}

/** Who decides under the chair rule: the ordförande, else the vice ordförande; null when the body has neither. */
export function chairOf<T extends { roles: readonly string[] }>(asked: readonly T[]): T | null {
  return asked.find((m) => m.roles.includes('ordförande')) ?? asked.find((m) => m.roles.includes('vice ordförande')) ?? null;
}

/** The role shown for a member asked: the strongest of their voting roles in the body. */
export function votingRole(roles: readonly string[]): MembershipRole | null {
  return VOTING_ROLES.find((r) => roles.includes(r)) ?? null;
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A deadline as written: "2024-11-12T12:00" is Swedish wall-clock time (what a date-time field
 * gives), or an instant with its offset ("…Z", "…+01:00"). Null when it is neither.
 */
export function parseDeadline(s: string): Date | null {
  const local = LOCAL.exec(s);
  if (local) {
    const [, day, hh, mm] = local;
    const h = Number(hh);
    const m = Number(mm);
    if (h > 23 || m > 59 || !isIsoDate(day!)) return null;
    return new Date(swedishTime(day!, h).getTime() + m * 60_000);
  }
  if (!ZONED.test(s)) return null;
  const at = Date.parse(s);
  return Number.isNaN(at) ? null : new Date(at);
}

const CLOCK = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "2024-11-12 kl. 12:00", in Swedish time. */
export function formatDeadline(at: Date): string {
  return `${todayIso(at)} kl. ${CLOCK.format(at)}`;
}

/** "november": the month an instant falls in, in Sweden. */
export function monthName(at: Date): string {
  return format(new Date(`${todayIso(at)}T12:00:00Z`), 'LLLL', { locale: sv });
}

const att = (clause: string) => (/^att\s/i.test(clause.trim()) ? clause.trim() : `att ${clause.trim()}`);

export interface DecidedQuestion {
  title: string;
  clauses: readonly string[];
  rule: WrittenRule;
  sentAt: Date;
  deadline: Date;
  closedAt: Date;
  outcome: WrittenOutcome;
  reason: string;
  answers: readonly { name: string; answer: WrittenAnswer | null; comment: string | null }[];
}

/**
 * How the confirming meeting records a decision taken by written procedure: a line for the item's
 * text in the words of the example protocols ("- Formalia av beslut gällande … via e-post i
 * november: …"), how it was decided, and the att-clause of the confirmation.
 */
export function confirmationRecord(q: DecidedQuestion): { text: string; clause: string } {
  const outcome = q.outcome === 'approved' ? 'Förslaget bifölls' : 'Förslaget avslogs';
  const clauses = q.clauses.length ? ` (${q.clauses.map(att).join('; ')})` : '';
  const answered = q.answers.filter((a) => a.answer !== null);
  const silent = q.answers.filter((a) => a.answer === null).map((a) => a.name);
  const answers = answered.map((a) => `${a.name} ${ANSWER_TEXT[a.answer!]}${a.comment ? ` (”${a.comment.replace(/\s+/g, ' ').trim()}”)` : ''}`);
  const how = [
    `Frågan skickades ${formatDeadline(q.sentAt)} till ${members(q.answers.length)} med svar senast ${formatDeadline(q.deadline)}. Beslutsregel: ${RULE_TEXT[q.rule]}.`,
    answers.length ? `Svar: ${answers.join('; ')}.` : 'Ingen ledamot svarade.',
    silent.length ? `Svarade inte: ${silent.join(', ')}.` : '',
    `${q.reason} Avgjort ${formatDeadline(q.closedAt)}.`,
  ].filter(Boolean);
  return {
    text: [`- Formalia av beslut gällande ${q.title.trim()} via e-post i ${monthName(q.closedAt)}: ${outcome}${clauses}.`, how.join(' ')].join('\n\n'),
    clause: `bekräfta beslutet per capsulam gällande ${q.title.trim()}`,
  };
}

/** The title of the item under which the next meeting confirms the decisions. */
export const CONFIRMATION_ITEM_TITLE = 'Anmälan av beslut fattade mellan sammanträdena';

export function isConfirmationItem(title: string): boolean {
  return title.trim().toLowerCase().startsWith(CONFIRMATION_ITEM_TITLE.toLowerCase());
}
