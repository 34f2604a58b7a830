// "Nästa möte": who meets next and when, as written.
//   "Fredag den 3 juni"                                         → this body, "Fredag den 3 juni"
//   "Systemledning den 16 mars och Länssamverkansgruppen den 6 maj" → two entries
//   "Samråd hälsa, vård och omsorg, fredag 23 maj"               → that body, "fredag 23 maj"
// A date with a year becomes ISO; without one it stays as written (never completed by guessing).

import type { PreviewNextMeeting } from '../../domain/protocol-preview.js';
import { findDateMentions } from './dates.js';
import { fold } from './text-utils.js';

export function isNextMeetingTitle(title: string): boolean {
  return /^(nasta|kommande) (mote|moten|sammantrade|sammantraden|motestid|motestider)\b/.test(fold(title).trim());
}

/** "Nästa möte: 2022-05-06" on a line of its own, anywhere. */
export function matchNextMeetingLine(line: string): string | null {
  const m = /^(?:nasta|kommande) (?:mote|sammantrade)\s*(?:ar|blir)?\s*[:\-–]?\s*(.+)$/.exec(fold(line));
  return m ? line.slice(line.length - m[1]!.length).trim() : null;
}

function cleanBody(s: string): string | null {
  const t = s
    // "Nästa sammanträde hålls den …" names no body; "Länssamverkansgruppen sammanträder …" does.
    .replace(/^(?:nästa|nasta|kommande)\s+(?:möte|mote|sammanträde|sammantrade)\b\s*/iu, '')
    .replace(/\s*\b(?:hålls|halls|äger rum|ager rum|sker|blir|är|ar|planeras|sammanträder|sammantrader|möts|mots|träffas|traffas)\b.*$/iu, '')
    .replace(/^(?:och|samt|,|;|\s)+/iu, '')
    .replace(/[\s,;:–-]+$/u, '')
    .replace(/\s+(?:den|på|pa|i)$/iu, '')
    .trim();
  return t && /\p{L}{2}/u.test(t) ? t : null;
}

export function parseNextMeetings(lines: readonly string[], defaultBody: string | null): PreviewNextMeeting[] {
  const out: PreviewNextMeeting[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const dates = findDateMentions(line);
    if (dates.length === 0) continue;
    let cursor = 0;
    for (let d = 0; d < dates.length; d++) {
      const date = dates[d]!;
      let bodyText = line.slice(cursor, date.index);
      // Between two dates the next body begins after "och" / "," / ";".
      if (d > 0) {
        const sep = /\s+(?:och|samt)\s+|[,;]\s*/iu.exec(bodyText);
        bodyText = sep ? bodyText.slice(sep.index + sep[0].length) : bodyText;
      }
      const body = cleanBody(bodyText);
      out.push({ body: body ?? defaultBody, date: date.iso ?? date.written });
      cursor = date.index + date.length;
    }
  }
  return out;
}
