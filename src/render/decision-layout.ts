// How a decision and an item's assignments are laid out on paper, so that a reader sees
// "<Organ> beslutade" with its att-clauses as a list, and the importer reads back the same decision
// text, clauses and receivers.

import type { AgendaItem, Assignment, Decision } from '../domain/model.js';
import { normalised } from './format.js';

export interface DecisionLayout {
  intro: string; // the statement: "Länssamverkansgruppen beslutade"
  bullets: string[]; // each att-clause as printed: "att anta strategin"
}

const ATT = /^att\s+/i;

/**
 * Splits a decision into its statement and its att-clauses when the text is exactly that (the
 * importer joins "X beslutar:" and its bullets with single spaces). A decision whose text does not
 * contain its clauses (written in the minutes editor as a statement plus clauses) gets them
 * appended; anything else is printed as written, one paragraph.
 */
export function layoutDecision(d: Decision, bodyName: string): DecisionLayout {
  const text = d.text.replace(/\s+/g, ' ').trim();
  const clauses = d.clauses.map((c) => c.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (clauses.length === 0) return { intro: text, bullets: [] };
  if (clauses.every((c) => !text.includes(c))) {
    return { intro: text || `${bodyName} beslutade`, bullets: clauses.map((c) => (ATT.test(c) ? c : `att ${c}`)) };
  }
  // One clause inside a sentence ("… beslutade att genomföra seminariet i Lycksele.") reads best as
  // the sentence it is.
  if (clauses.length < 2) return { intro: text, bullets: [] };
  const split = splitAtClauses(text, clauses);
  return split ?? { intro: text, bullets: [] };
}

function splitAtClauses(text: string, clauses: string[]): DecisionLayout | null {
  const starts: number[] = [];
  let pos = 0;
  for (const c of clauses) {
    const at = text.indexOf(c, pos);
    if (at < 0) return null;
    starts.push(text.slice(0, at).toLowerCase().endsWith('att ') ? at - 4 : at);
    pos = at + c.length;
  }
  const intro = text.slice(0, starts[0]).trim();
  const bullets = starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length).trim());
  const exact = bullets.every((b, i) => b.replace(ATT, '') === clauses[i]) && [intro, ...bullets].join(' ') === text;
  // A clause without "att" is read as part of the list only after "beslutar:" or "… att".
  const listIntro = /(?::|\batt)$/i.test(intro) || bullets.every((b) => ATT.test(b));
  return intro && exact && listIntro ? { intro, bullets } : null;
}

/**
 * The assignments the item's text and decisions do not already state. Those that are stated (every
 * imported one) are read back from the decision; the others are printed as sentences of their own.
 */
export function unstatedAssignments(item: AgendaItem): Assignment[] {
  const said = normalised([item.text, ...item.decisions.map((d) => d.text)].join(' '));
  return item.assignments.filter((a) => !(said.includes(normalised(a.task)) && said.includes(normalised(a.to))));
}

/** "följa implementeringen" from "Att följa implementeringen." as a task written in an editor. */
export function taskPhrase(task: string): string {
  const t = task.trim().replace(ATT, '').replace(/[.\s]+$/, '');
  return /^\p{Lu}\p{Ll}/u.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t;
}

/** Decisions that the item's text already contains (the importer left them in a longer paragraph). */
export function isInText(d: Decision, item: AgendaItem): boolean {
  const t = normalised(d.text);
  return t.length > 0 && normalised(item.text).includes(t);
}
