// Dates and times as Swedish protocols write them: "2022-03-16", "16 mars 2022",
// "fredag den 3 juni", "kl. 8.30-12.00". Nothing is completed by guessing: a date without a year
// stays as written.

import { fold } from './text-utils.js';

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, feb: 2, mars: 3, mar: 3, april: 4, apr: 4, maj: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, augusti: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH_ALT = 'januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec';
const WEEKDAY_ALT = 'mandag|tisdag|onsdag|torsdag|fredag|lordag|sondag';

function pad(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isoDate(y: number, m: number, d: number): string | null {
  return validDate(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** The first full date (with year) in the text, as ISO. */
export function findFullDate(text: string): { iso: string; index: number; length: number } | null {
  const f = fold(text);
  const iso = /\b((?:19|20|21)\d{2})-(\d{1,2})-(\d{1,2})\b/.exec(f);
  const written = new RegExp(`\\b(\\d{1,2})(?:\\s*:e|\\s*:a)?\\s+(${MONTH_ALT})\\.?\\s+((?:19|20|21)\\d{2})\\b`).exec(f);
  const numeric = /\b(\d{1,2})\/(\d{1,2})[ ,]+((?:19|20|21)\d{2})\b/.exec(f);
  const found: { iso: string; index: number; length: number }[] = [];
  if (iso) {
    const v = isoDate(+iso[1]!, +iso[2]!, +iso[3]!);
    if (v) found.push({ iso: v, index: iso.index, length: iso[0].length });
  }
  if (written) {
    const v = isoDate(+written[3]!, MONTHS[written[2]!]!, +written[1]!);
    if (v) found.push({ iso: v, index: written.index, length: written[0].length });
  }
  if (numeric) {
    const v = isoDate(+numeric[3]!, +numeric[2]!, +numeric[1]!);
    if (v) found.push({ iso: v, index: numeric.index, length: numeric[0].length });
  }
  found.sort((a, b) => a.index - b.index);
  return found[0] ?? null;
}

function hhmm(h: string, m: string | undefined): string | null {
  const hour = +h;
  const min = m === undefined ? 0 : +m;
  if (hour > 24 || min > 59) return null;
  return `${pad(hour)}:${pad(min)}`;
}

/** "kl. 8.30-12.00", "08:30–12:00", "kl 13-15" → start and end. */
export function findTimeRange(text: string): { start: string | null; end: string | null; index: number; length: number } | null {
  const range = /(?:\bkl\.?\s*)?\b(\d{1,2})(?:[.:](\d{2}))?\s*(?:-|–|—|till)\s*(?:kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?\b/i;
  const f = fold(text);
  // A range needs minutes or "kl." so that "1-11" or a date is not read as a time.
  for (let from = 0; from < f.length; ) {
    const m = range.exec(f.slice(from));
    if (!m) break;
    const hasKl = /kl/i.test(m[0]);
    const at = from + m.index;
    const before = f.slice(Math.max(0, at - 1), at);
    if ((hasKl || m[2] !== undefined || m[4] !== undefined) && !/[\d-]/.test(before)) {
      const start = hhmm(m[1]!, m[2]);
      const end = hhmm(m[3]!, m[4]);
      if (start && end) return { start, end, index: at, length: m[0].length };
    }
    from = at + m[0].length;
  }
  const single = /\bkl\.?\s*(\d{1,2})(?:[.:](\d{2}))?\b/i.exec(f);
  if (single) {
    const start = hhmm(single[1]!, single[2]);
    if (start) return { start, end: null, index: single.index, length: single[0].length };
  }
  return null;
}

export interface DateMention {
  index: number; // where the written date starts (weekday included)
  length: number;
  written: string; // as written, without a leading "den"
  iso: string | null; // when the text gives the year
  leadingDen: boolean; // "Systemledning den 16 mars": "den" joins body and date
}

/** Every date in a line: "fredag 23 maj", "den 16 mars", "Fredag den 3 juni", "2022-05-06". */
export function findDateMentions(text: string): DateMention[] {
  const f = fold(text);
  const re = new RegExp(
    `(\\bden\\s+)?((?:\\b(?:${WEEKDAY_ALT})\\s+(?:den\\s+)?)?\\b(\\d{1,2})(?:\\s*:e|\\s*:a)?\\s+(${MONTH_ALT})\\b\\.?(?:\\s+((?:19|20|21)\\d{2})\\b)?)` +
      `|(\\b(?:${WEEKDAY_ALT})\\s+)?\\b((?:19|20|21)\\d{2})-(\\d{1,2})-(\\d{1,2})\\b`,
    'g',
  );
  const out: DateMention[] = [];
  for (const m of f.matchAll(re)) {
    const at = m.index;
    if (m[2] !== undefined) {
      const start = at + (m[1]?.length ?? 0);
      const written = text.slice(start, start + m[2].length).replace(/\.$/, '');
      const iso = m[5] ? isoDate(+m[5], MONTHS[m[4]!]!, +m[3]!) : null;
      out.push({ index: at, length: m[0].length, written, iso, leadingDen: m[1] !== undefined });
    } else {
      const iso = isoDate(+m[7]!, +m[8]!, +m[9]!);
      const written = text.slice(at, at + m[0].length);
      out.push({ index: at, length: m[0].length, written, iso, leadingDen: false });
    }
  }
  return out;
}

/** "2022-03-21 13:40:17 +01:00" → "2022-03-21T13:40:17+01:00"; without an offset, Swedish time. */
export function isoDateTime(text: string): string | null {
  const m = /((?:19|20|21)\d{2})-(\d{2})-(\d{2})[ T]+(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?/i.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  if (!validDate(+y!, +mo!, +d!) || +h! > 23 || +mi! > 59) return null;
  const time = `${pad(+h!)}:${mi}:${s ?? '00'}`;
  let offset = m[7];
  if (!offset) offset = stockholmOffset(+y!, +mo!, +d!, +h!);
  else if (/^(z|utc|gmt)$/i.test(offset)) offset = '+00:00';
  else if (!offset.includes(':')) offset = offset.slice(0, 3) + ':' + offset.slice(3);
  return `${y}-${mo}-${d}T${time}${offset}`;
}

/** Central European time with EU summer time: last Sunday of March to last Sunday of October. */
function stockholmOffset(y: number, m: number, d: number, h: number): string {
  const lastSunday = (month: number): number => {
    const last = new Date(Date.UTC(y, month, 0));
    return last.getUTCDate() - last.getUTCDay();
  };
  const dayKey = m * 100 + d;
  const start = 300 + lastSunday(3);
  const end = 1000 + lastSunday(10);
  let summer = dayKey > start && dayKey < end;
  if (dayKey === start) summer = h >= 2;
  if (dayKey === end) summer = h < 3;
  return summer ? '+02:00' : '+01:00';
}
