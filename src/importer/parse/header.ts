// The protocol's head: "Protokoll <body>", "Dnr.", "Datum och tid:", "Plats:", "Ärenden: 1-11".
// Values are read only from labelled lines (or the title line): a date is never guessed.

import { findFullDate, findTimeRange } from './dates.js';
import { fold, fuzzyLabel, isAllCaps, stripTrailingPunct } from './text-utils.js';

export interface Header {
  title: string | null;
  titleBody: string | null; // the body named in the title
  diaryNumber: string | null;
  date: string | null;
  startTime: string | null;
  endTime: string | null;
  place: string | null;
  itemRange: { from: number; to: number } | null; // "Ärenden: 1-11"
  used: Set<number>;
}

type Label = 'dnr' | 'date' | 'time' | 'place' | 'placeTime' | 'items';

const LABELS: Record<string, Label> = {
  dnr: 'dnr',
  diarienummer: 'dnr',
  diarienr: 'dnr',
  'dnr nr': 'dnr',
  datum: 'date',
  'datum och tid': 'date',
  'datum, tid': 'date',
  'datum tid': 'date',
  'tid och datum': 'date',
  sammantradesdatum: 'date',
  motesdatum: 'date',
  'dag och tid': 'date',
  tid: 'time',
  klockslag: 'time',
  plats: 'place',
  motesplats: 'place',
  lokal: 'place',
  'plats och tid': 'placeTime',
  'tid och plats': 'placeTime',
  'datum och plats': 'placeTime',
  'datum, tid och plats': 'placeTime',
  'tid, datum och plats': 'placeTime',
  arenden: 'items',
  paragrafer: 'items',
};
const LABEL_KEYS = Object.keys(LABELS);

function matchLabel(line: string): { label: Label; value: string } | null {
  // "Dnr. HSN 21-1 2022" has no colon; "Datum och tid: …" has one.
  const colon = /^([^:]{2,30}?)\s*:\s*(.*)$/.exec(line);
  if (colon) {
    const key = fuzzyLabel(colon[1]!.replace(/\.$/, ''), LABEL_KEYS);
    if (key) return { label: LABELS[key]!, value: colon[2]!.trim() };
  }
  const dnr = /^(dnr|diarienr|diarienummer)\b\.?\s*(?:nr\.?\s*)?(.+)$/i.exec(line);
  if (dnr) return { label: 'dnr', value: dnr[2]!.trim() };
  const bare = fuzzyLabel(line.replace(/[.:]$/, ''), LABEL_KEYS);
  if (bare) return { label: LABELS[bare]!, value: '' };
  return null;
}

// Matched on folded text (no diacritics).
const TITLE = /^(?:protokoll|motesprotokoll|sammantradesprotokoll|minnesanteckningar|protocol)\b|\bprotokoll$/iu;

export function isTitleLine(line: string): boolean {
  return line.length <= 140 && TITLE.test(fold(line).replace(/[^\p{L}\d\s-]+$/u, ''));
}

/** "Protokoll Samråd vård och omsorg" → "Samråd vård och omsorg"; "LSG - PROTOKOLL" → "LSG". */
export function bodyFromTitle(title: string): string | null {
  let s = title
    .replace(/^(?:protokoll|mötesprotokoll|sammanträdesprotokoll|minnesanteckningar)\b\s*/iu, '')
    .replace(/\s*[-–—:|]?\s*protokoll$/iu, '')
    .replace(/^(?:från|för|vid|över)\s+/iu, '')
    .replace(/^[-–—:|\s]+|[-–—:|\s]+$/gu, '');
  const date = findFullDate(s);
  if (date) s = (s.slice(0, date.index) + s.slice(date.index + date.length)).trim();
  s = s.replace(/\s+(?:den|datum)?\s*$/iu, '');
  // "Länssamverkansgruppens möte" / "sammanträde" → the body itself.
  const meeting = /^(.+?)s?\s+(?:möte|sammanträde|sammanträden)\b.*$/iu.exec(s);
  if (meeting && /s\s+(?:möte|sammanträde)/iu.test(s)) s = meeting[1]!;
  s = stripTrailingPunct(s.replace(/^[-–—,\s]+/, ''));
  if (!s || !/\p{L}{2}/u.test(s)) return null;
  if (isAllCaps(s) && s.length > 5) s = s[0]! + s.slice(1).toLowerCase();
  return s;
}

export function parseHeader(lines: readonly string[]): Header {
  const h: Header = {
    title: null, titleBody: null, diaryNumber: null, date: null, startTime: null, endTime: null,
    place: null, itemRange: null, used: new Set(),
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    if (!h.title && isTitleLine(line)) {
      h.title = line;
      h.titleBody = bodyFromTitle(line);
      h.used.add(i);
      const d = findFullDate(line);
      if (d && !h.date) h.date = d.iso;
      continue;
    }
    const m = matchLabel(line);
    if (!m) continue;
    let value = m.value;
    // "Plats" on one line and "Teams" on the next (a table's two columns).
    if (!value && i + 1 < lines.length && lines[i + 1] && !matchLabel(lines[i + 1]!)) {
      value = lines[i + 1]!;
      h.used.add(i + 1);
    }
    h.used.add(i);
    readValue(h, m.label, value);
  }
  return h;
}

function readValue(h: Header, label: Label, value: string): void {
  switch (label) {
    case 'dnr':
      if (!h.diaryNumber && value) h.diaryNumber = stripTrailingPunct(value);
      return;
    case 'items': {
      const r = /(\d{1,3})\s*[-–—]\s*(\d{1,3})/.exec(value);
      if (r && !h.itemRange) h.itemRange = { from: +r[1]!, to: +r[2]! };
      return;
    }
    case 'place':
      if (!h.place && value) h.place = stripTrailingPunct(value);
      return;
    case 'date':
    case 'time':
    case 'placeTime': {
      let rest = value;
      const d = findFullDate(rest);
      if (d) {
        if (!h.date) h.date = d.iso;
        rest = rest.slice(0, d.index) + ' ' + rest.slice(d.index + d.length);
      }
      const t = findTimeRange(rest);
      if (t) {
        if (!h.startTime) h.startTime = t.start;
        if (!h.endTime) h.endTime = t.end;
        rest = rest.slice(0, t.index) + ' ' + rest.slice(t.index + t.length);
      }
      if (label === 'placeTime') {
        const place = stripTrailingPunct(rest.replace(/\b(?:kl\.?|den|klockan)\b/giu, ' ').replace(/^[\s,;–-]+/, '').replace(/\s+/g, ' '));
        if (place && !h.place && /\p{L}{2}/u.test(place)) h.place = place;
      }
      return;
    }
  }
}
