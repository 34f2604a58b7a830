// The agenda items of a protocol or a notice: "40. Title", kind, presenters, text, decisions with
// their att-clauses, assignments.

import type { AgendaItem, NextMeeting, Presenter } from '../domain/model.js';
import { isInText, layoutDecision, taskPhrase, unstatedAssignments } from './decision-layout.js';
import { esc, longDate, normalised, paragraphs, wrapText } from './format.js';
import { SV } from './texts.js';
import { statementsHtml, votesHtml } from './votes.js';
import { immediateJusteringHtml } from './immediate-justering.js';

export interface ItemOptions {
  bodyName: string;
  notice: boolean; // kallelse: proposals instead of text and decisions
  nextMeetings: NextMeeting[];
}

export function kindLabel(item: AgendaItem): string | null {
  if (item.kind === 'decision') return item.written ? SV.writtenDecisionItem : SV.decisionItem;
  if (item.kind === 'information') return item.written ? SV.writtenInformationItem : SV.informationItem;
  return item.written ? SV.writtenItem : null;
}

/** "Katarina Lindahl, regional samverkanskoordinator och Britta Edström". */
export function presenterList(presenters: readonly Presenter[]): string {
  const parts = presenters.map((p) => (p.title ? `${p.name}, ${p.title}` : p.name));
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} och ${parts[parts.length - 1]}`;
}

// A bullet as the importer keeps it: "- text", "• text", "1. text", "a) text".
const BULLET = /^([-–—•·*]|\d{1,2}[.)]|\p{Ll}\))\s+(.*)$/u;

const ENDS_SENTENCE = /[.!?:;]["”’)\]]*$/;

/**
 * The item's text as paragraphs and bullet lists. A paragraph that only repeats a decision printed
 * below it is left out: the importer keeps a decision's att-clause bullets in the item's text too.
 */
function textHtml(text: string, decisions: readonly string[]): string {
  const said = decisions.map(normalised);
  const repeats = (lines: string[]) => {
    const p = normalised(lines.map((l) => l.replace(BULLET, '$2')).join(' '));
    return p.length > 20 && said.some((d) => d.includes(p));
  };
  return paragraphs(text)
    .filter((lines) => !repeats(lines))
    .map((lines) => {
      // A paragraph that does not end a sentence must not end a page: after a page break the
      // importer joins it to the next paragraph.
      const open = ENDS_SENTENCE.test(lines[lines.length - 1]!) ? '' : ' open';
      if (!lines.every((l) => BULLET.test(l))) return `<p class="para${open}">${wrapText(lines.join(' '), open ? 'text' : 'prose')}</p>`;
      const items = lines.map((l) => {
        const [, mark, rest] = BULLET.exec(l)!;
        const shown = /^[-–—•·*]$/.test(mark!) ? '–' : mark!;
        return `<p class="bullet"><span class="mark">${esc(shown)}</span> ${wrapText(rest!)}</p>`;
      });
      return `<div class="bullets${open}">${items.join('')}</div>`;
    })
    .join('\n');
}

function decisionsHtml(item: AgendaItem, bodyName: string): string {
  return item.decisions
    .filter((d) => !isInText(d, item))
    .map((d) => {
      const { intro, bullets } = layoutDecision(d, bodyName);
      // No "Beslut:" label in the text: the importer would keep it in the item's text. The rule
      // beside the decision marks it for the reader.
      const list = bullets.map((b) => `<p class="att"><span class="mark">•</span> ${wrapText(b)}</p>`).join('');
      const ends = ENDS_SENTENCE.test(bullets.length ? bullets[bullets.length - 1]! : intro);
      return `<div class="decision${ends ? '' : ' open'}"><p>${wrapText(intro, ends && !bullets.length ? 'prose' : 'text')}</p>${list}</div>`;
    })
    .join('\n');
}

function assignmentsHtml(item: AgendaItem): string {
  const own = unstatedAssignments(item);
  if (own.length === 0) return '';
  const lines = own.map((a) => {
    const due = a.dueDate ? longDate(a.dueDate) : a.dueText;
    return `<p>${wrapText(`${SV.assignment(a.to, taskPhrase(a.task))}.${due ? ` ${SV.assignmentDue(due)}` : ''}`)}</p>`;
  });
  return `<div class="assignments"><p class="label">${esc(SV.assignmentsLabel)}</p>${lines.join('')}</div>`;
}

export function isNextMeetingItem(item: AgendaItem): boolean {
  return /^(nästa|kommande) (möte|sammanträde)/i.test(item.title.trim());
}

/** "Länssamverkansgruppen, fredag 19 april 2024": read back as body and date by the importer. */
export function nextMeetingLine(n: NextMeeting): string {
  const when = n.date && (n.dateText === n.date || !n.dateText) ? longDate(n.date)! : n.dateText;
  return n.body ? `${n.body}, ${when}` : when;
}

/** The next meetings that the item's own text does not already give. */
function nextMeetingsHtml(item: AgendaItem, meetings: NextMeeting[]): string {
  const said = normalised(item.text);
  const missing = meetings.filter((n) => !said.includes(normalised(n.dateText)));
  return missing.map((n) => `<p>${wrapText(nextMeetingLine(n))}</p>`).join('\n');
}

export function itemHtml(item: AgendaItem, opts: ItemOptions): string {
  const number = item.number !== null ? `<span class="no">${item.number}.</span> ` : '';
  const kind = kindLabel(item);
  const parts = [
    `<h2 class="item-title">${number}<span class="title">${wrapText(item.title, 'strict')}</span></h2>`,
    kind ? `<p class="kind">${esc(kind)}</p>` : '',
    item.presenters.length ? `<p class="presenters">${esc(SV.presenters)} ${wrapText(presenterList(item.presenters), 'list')}</p>` : '',
  ];
  if (opts.notice) {
    if (item.subPoints.length) parts.push(item.subPoints.map((s) => `<p class="sub">${wrapText(`${s.label === '-' ? '–' : s.label} ${s.title}`)}</p>`).join(''));
    if (item.proposal) parts.push(`<div class="proposal"><p class="label">${esc(SV.proposalLabel)}</p><p>${wrapText(item.proposal)}</p></div>`);
  } else {
    parts.push(textHtml(item.text, item.decisions.filter((d) => !isInText(d, item)).map((d) => d.text)));
    if (isNextMeetingItem(item)) parts.push(nextMeetingsHtml(item, opts.nextMeetings));
    parts.push(votesHtml(item, opts.bodyName), decisionsHtml(item, opts.bodyName), assignmentsHtml(item), statementsHtml(item), immediateJusteringHtml(item));
  }
  return `<article class="item">\n${parts.filter(Boolean).join('\n')}\n</article>`;
}
