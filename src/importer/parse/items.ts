// One agenda item from its heading to the next: title (which may wrap onto a second line),
// kind, presenters, sub-points, text, decisions and assignments.

import type { ItemKind, ParsedItem, PreviewPresenter } from '../../domain/protocol-preview.js';
import { buildBlocks, type Block, type SourceLine } from './blocks.js';
import { readStatements } from './decisions.js';
import { matchPresenterLine, parsePresenters, presenterLineContinues } from './presenters.js';
import { matchKindLine, type Heading } from './segment.js';
import { endsSentence, endsWithContinuingWord, fold, joinLine } from './text-utils.js';

export interface ItemParse {
  item: ParsedItem;
  subjects: string[]; // subjects of active decision statements
  bodyLines: string[]; // the item's lines after the heading, for "Nästa möte"
}

const TITLE_KIND = /\s*(?:[-–—:]\s*|\(\s*)(skriftligt\s+)?(besluts|informations)arende\s*\)?\s*$/;

function kindOf(label: string): { kind: ItemKind | null; written: boolean } {
  const written = label.startsWith('skriftligt');
  if (label.includes('besluts')) return { kind: 'decision', written };
  if (label.includes('informations')) return { kind: 'information', written };
  return { kind: null, written };
}

function cleanTitle(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/[\s|:;,.·•_-]+$/u, '')
    .trim();
}

function continuesTitle(title: string, next: string): boolean {
  if (!next || matchKindLine(next) || matchPresenterLine(next) !== null) return false;
  if (/^\(.*\)$/.test(next) && next.length <= 100) return true;
  if (/^[–—]\s*\S/.test(next) && next.length <= 100) return true;
  if (/^\p{Ll}/u.test(next) && next.length <= 80 && !endsSentence(title) && !/[.!?]$/.test(next)) {
    return endsWithContinuingWord(title) || title.length >= 45;
  }
  return false;
}

const LETTER_SUBPOINT = /^(?:[-–•]\s*)?(\p{Ll}\))\s+(.+)$/u;
const DASH_SUBPOINT = /^[-–•]\s*(\p{Lu}.{1,88})$/u;

export function parseItem(lines: readonly string[], heading: Heading, end: number): ItemParse {
  let title = heading.title;
  let kind: ItemKind | null = null;
  let written = false;
  const tk = TITLE_KIND.exec(fold(title));
  if (tk) {
    ({ kind, written } = kindOf((tk[1] ? 'skriftligt ' : '') + tk[2] + 'arende'));
    title = title.slice(0, tk.index);
  }
  let j = heading.line + heading.span;
  if (j < end && lines[j] && continuesTitle(title, lines[j]!)) {
    title = joinLine(title, lines[j]!);
    j++;
  }

  const presenters: PreviewPresenter[] = [];
  const subPoints: { label: string; title: string }[] = [];
  const content: SourceLine[] = [];
  const subPointAt: { line: number; text: string }[] = [];
  const bodyLines: string[] = [];
  let kindSeen = kind !== null;
  for (; j < end; j++) {
    const line = lines[j]!;
    bodyLines.push(line);
    if (!line) {
      content.push({ text: '', no: j + 1 });
      continue;
    }
    const kl = matchKindLine(line);
    if (kl) {
      if (!kindSeen) {
        ({ kind, written } = kindOf(kl));
        kindSeen = true;
      }
      content.push({ text: '', no: j + 1, hardBreak: true });
      continue;
    }
    let pv = matchPresenterLine(line);
    if (pv !== null) {
      while (presenterLineContinues(pv) && j + 1 < end && lines[j + 1] && !matchKindLine(lines[j + 1]!)) {
        pv = (pv + ' ' + lines[j + 1]!).trim();
        bodyLines.push(lines[j + 1]!);
        j++;
        if (pv.length > 400) break;
      }
      for (const p of parsePresenters(pv)) {
        if (!presenters.some((q) => fold(q.name) === fold(p.name))) presenters.push(p);
      }
      content.push({ text: '', no: j + 1, hardBreak: true });
      continue;
    }
    const letter = LETTER_SUBPOINT.exec(line);
    const dash = letter ? null : DASH_SUBPOINT.exec(line);
    if (letter || (dash && isSubPointHeading(lines, j, end, dash[1]!))) {
      const label = letter ? letter[1]! : '-';
      const t = (letter ? letter[2]! : dash![1]!).trim();
      subPoints.push({ label, title: t });
      subPointAt.push({ line: j + 1, text: letter ? `${label} ${t}` : t });
      content.push({ text: '', no: j + 1, hardBreak: true });
      continue;
    }
    content.push({ text: line, no: j + 1 });
  }

  const blocks = buildBlocks(content);
  const statements = readStatements(blocks);
  const item: ParsedItem = {
    number: heading.number,
    title: cleanTitle(title),
    kind,
    written,
    presenters,
    decisions: statements.decisions,
    assignments: statements.assignments,
    text: renderText(blocks, subPointAt),
    subPoints,
  };
  return { item, subjects: statements.subjects, bodyLines };
}

/** "- Modellområde Södra Lappland" is a sub-point when its own kind or presenter line follows. */
function isSubPointHeading(lines: readonly string[], j: number, end: number, text: string): boolean {
  if (/[.!?;,:]$/.test(text.trim())) return false;
  for (let k = j + 1; k < Math.min(end, j + 4); k++) {
    const l = lines[k];
    if (!l) continue;
    return matchKindLine(l) !== null || matchPresenterLine(l) !== null;
  }
  return false;
}

function renderText(blocks: readonly Block[], subPoints: readonly { line: number; text: string }[]): string {
  const parts: { line: number; text: string; bullet: boolean }[] = [
    ...blocks.map((b) => ({
      line: b.line,
      text: b.kind === 'bullet' ? `${/^\d/.test(b.marker ?? '') ? b.marker : '-'} ${b.text}` : b.text,
      bullet: b.kind === 'bullet',
    })),
    ...subPoints.map((s) => ({ line: s.line, text: s.text, bullet: false })),
  ].sort((a, b) => a.line - b.line);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (i > 0) out += p.bullet && parts[i - 1]!.bullet ? '\n' : '\n\n';
    out += p.text;
  }
  return out;
}
