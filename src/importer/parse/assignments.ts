// Tasks given to a named body, group or person:
//   "X uppdras att …", "X får i uppdrag att …"           → X
//   "… uppdrar åt/till Y att …", "ger Y i uppdrag att …"  → Y
//   "återremittera ärendet till arbetsgruppen …"         → arbetsgruppen
//   "Koordinatorerna återkommer med …"                    → Koordinatorerna (a commitment to itself)
// Reports of tasks given earlier ("har fått i uppdrag", "har gett … i uppdrag") are not tasks.

import { subjectBefore } from './statements.js';
import { fold } from './text-utils.js';

export interface AssignmentHit {
  to: string;
  index: number; // where the assignment starts in the sentence (subject or verb)
}

const PASSIVE_TASK = /\b(?:uppdras|far i uppdrag|fick i uppdrag|ges i uppdrag|gavs i uppdrag|far uppdraget|fick uppdraget|ges uppdraget|gavs uppdraget|erhaller i uppdrag)\b/g;
const GIVE_TO = /\b(?:uppdrar|uppdrog|uppdra)\s+(?:at|till)\s+/g;
const GIVE_TASK = /\b(?:ger|gav|ge)\s+([^,.;:]{1,80}?)\s+(?:i\s+)?uppdrag(?:et)?\s+att\b/g;
const LEAVE_TASK = /\b(?:lamnar|lamnade|lamna|ger|gav|ge)\s+(?:ett\s+)?uppdrag(?:et)?\s+(?:till|at)\s+/g;
const REMIT = /\baterremitter(?:a|as|ades|ar|ade|eras)\b/g;
const COMMIT = /\b(?:aterkommer|aterrapporterar|rapporterar tillbaka|aterkopplar|(?:ska|skall|far|kommer att)\s+(?:aterkomma|aterrapportera))\b/g;
const RECEIVER_END = /,|\s+(?:med|for|som|att|i syfte|infor|och aterkommer|senast|till\s+(?:nasta|kommande))\b|[.;:!?]|$/;

function receiverAt(sentence: string, f: string, from: number): string | null {
  const rest = f.slice(from);
  const end = RECEIVER_END.exec(rest);
  const len = end ? end.index : rest.length;
  const to = sentence.slice(from, from + len).trim();
  if (!to || to.split(/\s+/).length > 10 || !/^[\p{L}\d]/u.test(to)) return null;
  return to;
}

function perfectBefore(f: string, index: number): boolean {
  const words = f.slice(Math.max(0, index - 40), index).split(/[^\p{L}]+/u).filter(Boolean);
  return words.slice(-3).some((w) => w === 'har' || w === 'hade');
}

export function findAssignments(sentence: string): AssignmentHit[] {
  const f = fold(sentence);
  if (/\?\s*$/.test(f)) return [];
  const hits: AssignmentHit[] = [];
  const push = (to: string | null, index: number): void => {
    if (to && !hits.some((h) => h.to === to)) hits.push({ to, index });
  };
  for (const m of f.matchAll(PASSIVE_TASK)) {
    if (perfectBefore(f, m.index)) continue;
    const to = subjectBefore(sentence, m.index);
    if (to) push(to, sentence.indexOf(to));
  }
  for (const m of f.matchAll(GIVE_TO)) {
    if (perfectBefore(f, m.index)) continue;
    push(receiverAt(sentence, f, m.index + m[0].length), m.index);
  }
  for (const m of f.matchAll(LEAVE_TASK)) {
    if (perfectBefore(f, m.index)) continue;
    push(receiverAt(sentence, f, m.index + m[0].length), m.index);
  }
  for (const m of f.matchAll(GIVE_TASK)) {
    if (perfectBefore(f, m.index)) continue;
    const start = m.index + m[0].indexOf(m[1]!);
    const to = sentence.slice(start, start + m[1]!.length).trim();
    if (to.split(/\s+/).length <= 10) push(to, m.index);
  }
  for (const m of f.matchAll(REMIT)) {
    if (perfectBefore(f, m.index)) continue;
    const after = f.slice(m.index + m[0].length, m.index + m[0].length + 80);
    const till = /\btill\s+/.exec(after);
    if (!till) continue;
    const from = m.index + m[0].length + till.index + till[0].length;
    push(receiverAt(sentence, f, from), m.index);
  }
  for (const m of f.matchAll(COMMIT)) {
    const to = subjectBefore(sentence, m.index);
    // A commitment needs a named subject: "Koordinatorerna", "Beredning vuxna och äldre".
    if (to && /^\p{Lu}/u.test(to)) push(to, sentence.indexOf(to));
  }
  return hits.sort((a, b) => a.index - b.index);
}
