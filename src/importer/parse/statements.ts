// Recognising what a sentence does: record a decision, give a task. Matching runs on the folded
// text (lower case, no diacritics, same positions) so that "godkande" from OCR still counts.

import { fold } from './text-utils.js';

// Finite verb forms by which a body records a decision in its own name (preterite or present).
// Supine forms ("har beslutat", "har godkänt") report earlier decisions and are deliberately absent.
const ACTIVE_DECISION =
  /\b(?:beslutade|beslutar|beslot|godkande|godkanner|faststallde|faststaller|antog|noterade|noterar|tillstyrkte|tillstyrker|avslog|avslar|bifoll|bifaller|utsag|utser|aterremitterade|aterremitterar|stallde sig bakom|staller sig bakom|tog del av|tar del av|tackade for|tackar for|lade (?:\S+ ){0,3}?till handlingarna|lagger (?:\S+ ){0,3}?till handlingarna)\b/;
const PASSIVE_DECISION =
  /\b(?:beslutades|beslutas|godkandes|godkanns|faststalldes|faststalls|antogs|lades till handlingarna|laggs till handlingarna|beviljades|bifolls|avslogs|valdes|utsags|noterades|tillstyrktes)\b/;
// "Ansökan beviljad enligt …", "Ärendet utgår": only right after a short subject.
const SHORT_SUBJECT_DECISION = /\b(?:beviljad|beviljade|beviljat|avslagen|bifallen|godkand|utgar|utgick)\b/;

const SUBORDINATORS = new Set(['som', 'vilket', 'vilka', 'nar', 'da', 'dar', 'om', 'innan', 'sedan', 'eftersom', 'hur', 'huruvida']);

export interface VerbHit {
  index: number; // in the sentence
  length: number;
  active: boolean;
}

function wordsBefore(folded: string, index: number): string[] {
  return folded.slice(0, index).split(/[^\p{L}\d]+/u).filter(Boolean);
}

/** The decision verb of a clause, when the clause is a decision statement. */
export function findDecisionVerb(sentence: string): VerbHit | null {
  const f = fold(sentence);
  if (/\?\s*$/.test(f)) return null;
  if (/^\s*forslag till beslut\b/.test(f)) return null;
  // Clauses: "Formalia av beslut …: Ansökan beviljad …" decides in its second clause.
  let offset = 0;
  for (const clause of f.split(/(?<=[:;])/)) {
    const hit = decisionVerbInClause(clause);
    if (hit) return { ...hit, index: hit.index + offset };
    offset += clause.length;
  }
  return null;
}

function decisionVerbInClause(clause: string): VerbHit | null {
  const candidates: VerbHit[] = [];
  const a = ACTIVE_DECISION.exec(clause);
  if (a) candidates.push({ index: a.index, length: a[0].length, active: true });
  const p = PASSIVE_DECISION.exec(clause);
  if (p) candidates.push({ index: p.index, length: p[0].length, active: false });
  candidates.sort((x, y) => x.index - y.index);
  for (const c of candidates) {
    const before = wordsBefore(clause, c.index);
    if (before.length === 0 && c.active) continue; // a verb needs its subject
    if (before.length > 12) continue;
    const prev = before[before.length - 1];
    if (prev && SUBORDINATORS.has(prev)) continue;
    if (before.slice(-3).some((w) => w === 'har' || w === 'hade' || w === 'ska' || w === 'skall' || w === 'kommer')) continue;
    return c;
  }
  const s = SHORT_SUBJECT_DECISION.exec(clause);
  if (s) {
    const before = wordsBefore(clause, s.index);
    const after = clause.slice(s.index + s[0].length).trim();
    // "beviljade UPH-medel" is an adjective before a noun, not a statement.
    if (/^(?:utgar|utgick)$/.test(s[0]) && /^(?:i?fran|ut)\b/.test(after)) return null;
    const adjectival = /^(?:beviljade|godkand)$/.test(s[0]) && /^\p{L}/u.test(after) && !/^(?:enligt|av|med|i|for|pa|till|utan)\b/u.test(after);
    if (before.length >= 1 && before.length <= 3 && !adjectival) return { index: s.index, length: s[0].length, active: false };
  }
  return null;
}

const LEADING_FILLER = /^(?:och|samt|att|men|därefter|vidare|sedan|också|även|dessutom|slutligen|därför|då|-|–|•)\s+/iu;
const PRONOUNS = new Set([
  'det', 'den', 'detta', 'denna', 'dessa', 'de', 'man', 'vi', 'ni', 'han', 'hon', 'som', 'vilket', 'vilka',
  'fragan', 'arendet', 'punkten', 'beslutet', 'informationen', 'allt', 'alla', 'ingen', 'nagon', 'mötet', 'motet',
]);

/**
 * The subject in front of a verb: from the last clause boundary (sentence start, ":", ";",
 * "att", "samt") to the verb. "Samråd hälsa, vård och omsorg godkände" keeps its comma.
 */
export function subjectBefore(sentence: string, verbIndex: number): string | null {
  const f = fold(sentence.slice(0, verbIndex));
  let start = 0;
  for (const m of f.matchAll(/[:;]\s*|\batt\s+|\bsamt\s+/g)) start = m.index + m[0].length;
  let subject = sentence.slice(start, verbIndex).trim();
  for (let i = 0; i < 3 && LEADING_FILLER.test(subject); i++) subject = subject.replace(LEADING_FILLER, '');
  subject = subject.replace(/^[-–•*\s]+/, '').replace(/[\s,]+$/, '').trim();
  if (!subject || !/^[\p{L}\d]/u.test(subject)) return null;
  const words = subject.split(/\s+/);
  if (words.length > 10) return null;
  const first = fold(words[0]!);
  const last = fold(words[words.length - 1]!);
  if (words.length === 1 && PRONOUNS.has(first)) return null;
  if (PRONOUNS.has(last) || SUBORDINATORS.has(last)) return null;
  if (/^(?:det|den|detta|man|vi)$/.test(first)) return null;
  return subject;
}

/** The deciding body named by an active decision statement: "Länssamverkansgruppen beslutade …". */
export function decidingSubject(sentence: string): string | null {
  const hit = findDecisionVerb(sentence);
  if (!hit || !hit.active) return null;
  const subject = subjectBefore(sentence, hit.index);
  if (!subject || !/^\p{Lu}/u.test(subject)) return null;
  return subject;
}
