// Small formatting helpers for the rendered documents: escaping, Swedish dates and times, and
// control over where a printed line may wrap.
//
// Why wrapping matters: a protocol printed here must read back through the importer, which sees
// only the lines of the PDF's text layer. The importer decides from a line's first word whether it
// continues the line above (lower case: yes; a capital: maybe a new paragraph, heading or person).
// So lines are allowed to wrap only before words that make the continuation unmistakable; the
// words in between are held together with nowrap spans (not no-break spaces, which would change
// the text that is read back).

import { formatLongDate, shortTime } from '../domain/dates.js';

export function esc(s: string | null | undefined): string {
  return (s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * - text: bullets and open paragraphs; a wrap before a lower-case word, a year, or after a comma or
 *   a word that cannot end a sentence ("och", "att" …)
 * - prose: a paragraph that ends a sentence; also a wrap between two sentences
 * - strict: attendance lines and titles; a wrap only before a lower-case word
 * - list: presenter lines; a wrap only after a comma or "och"
 */
export type WrapMode = 'prose' | 'text' | 'strict' | 'list';

// The importer joins a line ending in one of these to the next (a subset of its own list).
const CONTINUING = new Set(['och', 'i', 'för', 'av', 'att', 'med', 'till', 'på', 'om', 'som', 'samt', 'eller', 'från', 'vid', 'inom', 'mellan']);

function mayBreakBefore(prev: string, next: string, mode: WrapMode): boolean {
  if (mode === 'list') return prev.endsWith(',') || /^(och|samt)$/i.test(prev);
  if (/^\p{Ll}/u.test(next)) return true;
  if (mode === 'strict') return false;
  // "3. Tala om suicid" at a line start would look like an agenda item: only years may begin a line.
  if (/^\d{4}/.test(next)) return true;
  // Inside a paragraph a line may begin a sentence; only the paragraph's last line could then
  // look like a heading, and that line ends with the paragraph's full stop.
  if (mode === 'prose' && /[.!?]["”’)]*$/.test(prev) && /^\p{Lu}/u.test(next)) return true;
  return prev.endsWith(',') || CONTINUING.has(prev.toLowerCase());
}

/** Escaped HTML of one line of text that wraps only where `mode` allows (see above). */
export function wrapText(text: string, mode: WrapMode = 'text'): string {
  const words = text.split(/\s+/).filter(Boolean);
  const runs: string[][] = [];
  for (const [i, w] of words.entries()) {
    if (i > 0 && !mayBreakBefore(words[i - 1]!, w, mode)) runs[runs.length - 1]!.push(w);
    else runs.push([w]);
  }
  // A hyphen or dash inside a word is a wrap opportunity for the browser: keep such words whole
  // too ("Anna-Lena", "2025–2030"), or the importer would rejoin them differently.
  return runs
    .map((run) => {
      const html = esc(run.join(' '));
      return run.length > 1 || /[-–—/]/.test(run[0]!) ? `<span class="nw">${html}</span>` : html;
    })
    .join(' ');
}

/** "2024-02-23 kl. 09.00–12.00" (Swedish clock times use a period). */
export function dateAndTime(date: string | null, start: string | null, end: string | null): string {
  const t = (s: string | null) => shortTime(s)?.replace(':', '.') ?? null;
  const from = t(start);
  const to = t(end);
  const time = from ? ` kl. ${from}${to ? `–${to}` : ''}` : '';
  return `${date ?? ''}${time}`.trim();
}

/** "fredag 23 februari 2024", or null without a date. */
export function longDate(date: string | null): string | null {
  return date ? formatLongDate(date, true) : null;
}

const STOCKHOLM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as Swedish wall-clock time with its offset: "2022-03-21 13:40:17 +01:00". */
export function stockholmTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = Object.fromEntries(STOCKHOLM.formatToParts(at).map((p) => [p.type, p.value]));
  const wall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  const offsetMin = Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${offset}`;
}

/** The paragraphs of a stored text (blank-line separated), each split into its lines. */
export function paragraphs(text: string): string[][] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean))
    .filter((p) => p.length > 0);
}

/** Same text, ignoring how it is spaced: for "does this text already say that?". */
export function normalised(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}
