// The attendance lists: Närvarande, Frånvarande, Tjänstepersoner. One person per line:
//   Carin Nilsson (s) Umeå kommun, ordförande
//   Jens Wennberg (l) Region Västerbotten ersätter Lars Bäckström (c)
//   Andreas Lundgren (s), Umeå kommun, närvarande under punkten 4
//   Britta Edström, regional samverkanskoordinator        (officials: the title is the note)
//   Monica Wahlström FoU Socialtjänst                     (no comma: the organisation is found)

import type { PreviewParticipant } from '../../domain/protocol-preview.js';
import { classifyAffiliation, isNameToken, isPersonName, splitNameAndRest } from './people.js';
import { fuzzyLabel } from './text-utils.js';
import { matchBullet } from './blocks.js';

export type AttendanceList = 'present' | 'absent' | 'officials';

const HEADINGS: Record<string, AttendanceList> = {
  narvarande: 'present',
  'narvarande ledamoter': 'present',
  ledamoter: 'present',
  beslutande: 'present',
  'beslutande ledamoter': 'present',
  'tjanstgorande ersattare': 'present',
  'narvarande ersattare': 'present',
  'ej tjanstgorande ersattare': 'present',
  ersattare: 'present',
  deltagare: 'present',
  franvarande: 'absent',
  'franvarande ledamoter': 'absent',
  'anmalt forhinder': 'absent',
  'anmald franvaro': 'absent',
  forhinder: 'absent',
  tjanstepersoner: 'officials',
  tjansteman: 'officials',
  'ovriga narvarande': 'officials',
  'ovriga deltagare': 'officials',
  'ovriga deltagande': 'officials',
  'narvarande tjanstepersoner': 'officials',
};
const HEADING_KEYS = Object.keys(HEADINGS);

/** "Närvarande:", "Frånvarande", "Tjänstepersoner: Anna Andersson, …" → the list and what follows. */
export function matchAttendanceHeading(line: string): { list: AttendanceList; rest: string } | null {
  const m = /^([^:]{3,40}?)\s*(?::\s*(.*))?$/.exec(line.trim());
  if (!m) return null;
  const label = fuzzyLabel(m[1]!, HEADING_KEYS);
  if (!label) return null;
  return { list: HEADINGS[label]!, rest: (m[2] ?? '').trim() };
}

const PARTY = /\(\s*([\p{L}]{1,3}|-)\s*\)/u;
const REPLACES = /,?\s*\b(?:ersätter|ersatter|tjänstgör för|tjanstgor for|tjänstgörande för|i stället för|istället för|ersättare för|ersattare for)\s+([^,(]+?)\s*(?:\([^)]*\))?\s*(?=,|$)/iu;
const ROLE = /^((?:(?:förste|första|andre|andra|1:e|2:e)\s+)?(?:vice\s+)?ordförande|sekreterare|justerare|ledamot|tjänstgörande ersättare|ersättare|adjungerad)\b\s*(.*)$/iu;
const TRAILING_ROLE = /^(.*\S)\s+((?:(?:förste|första|andre|andra|1:e|2:e)\s+)?(?:vice\s+)?ordförande|sekreterare)$/iu;
const PRESENCE_NOTE = /\b(?:närvarande|narvarande|deltog|deltar|närvarade|lämnade|anslöt|ej närvarande|frånvarande|via teams|på distans|digitalt)\b|§|\bpunkt(?:en|erna)?\b/iu;

export function parseParticipant(rawLine: string, _list: AttendanceList): PreviewParticipant | null {
  let line = rawLine.trim();
  const bullet = matchBullet(line);
  if (bullet && !/^\d/.test(bullet.marker)) line = bullet.rest;
  if (!line || line.length > 250) return null;

  let name: string;
  let rest: string;
  let party: string | null = null;
  const pm = PARTY.exec(line);
  if (pm && pm.index > 0) {
    party = pm[1]!.toLowerCase();
    name = line.slice(0, pm.index).replace(/[,\s]+$/, '');
    rest = line.slice(pm.index + pm[0].length);
    const split = splitNameAndRest(name);
    if (split.rest) {
      // "Anna Andersson Umeå kommun (s)": the party came after the organisation.
      name = split.name;
      rest = split.rest + ', ' + rest;
    }
  } else {
    const comma = line.indexOf(',');
    const head = comma >= 0 ? line.slice(0, comma) : line;
    const split = splitNameAndRest(head.trim());
    name = split.name;
    rest = [split.rest, comma >= 0 ? line.slice(comma + 1) : ''].filter((s) => s.trim()).join(', ');
  }
  name = name.replace(/\s+/g, ' ').trim();
  if (!looksLikeName(name, party !== null)) return null;

  const p: PreviewParticipant = { name, party, organization: null, role: null, replaces: null, note: null };
  rest = rest.replace(/^[\s,;:–-]+/, '').trim();

  const rm = REPLACES.exec(rest);
  if (rm) {
    p.replaces = rm[1]!.trim();
    rest = (rest.slice(0, rm.index) + rest.slice(rm.index + rm[0].length)).trim();
  }

  const notes: string[] = [];
  for (let seg of rest.split(',').map((s) => s.trim()).filter(Boolean)) {
    seg = seg.replace(/[.;]+$/, '').trim();
    if (!seg) continue;
    const role = ROLE.exec(seg);
    if (role && !p.role) {
      p.role = role[1]!.toLowerCase();
      if (role[2]) notes.push(role[2].trim());
      continue;
    }
    if (PRESENCE_NOTE.test(seg)) {
      notes.push(seg);
      continue;
    }
    const trailing = TRAILING_ROLE.exec(seg);
    if (trailing && !p.role) {
      p.role = trailing[2]!.toLowerCase();
      seg = trailing[1]!;
    }
    const kind = classifyAffiliation(seg);
    if (kind === 'organization' && !p.organization) p.organization = seg;
    else notes.push(seg);
  }
  if (notes.length) p.note = notes.join(', ');
  return p;
}

function looksLikeName(name: string, hasParty: boolean): boolean {
  if (!name || name.length > 60) return false;
  if (isPersonName(name)) return true;
  // A first name alone is a name only when a party in parentheses follows it.
  return hasParty && name.split(' ').length === 1 && isNameToken(name);
}

export interface AttendanceResult {
  present: PreviewParticipant[];
  absent: PreviewParticipant[];
  officials: PreviewParticipant[];
  /** Indices of the lines that were read as attendance (headings and people). */
  used: Set<number>;
}

/**
 * Read the attendance lists from the lines before the first item. Lines before any heading count
 * as present when they look like people (a text that begins in the middle of a list); lines that
 * are neither people nor headings are left for the header parser.
 */
export function parseAttendance(lines: readonly string[], skip: ReadonlySet<number>): AttendanceResult {
  const res: AttendanceResult = { present: [], absent: [], officials: [], used: new Set() };
  let list: AttendanceList | null = null;
  // The entry last read, so that a wrapped line can be joined to it.
  const state: { last: { list: AttendanceList; raw: string } | null } = { last: null };
  for (let i = 0; i < lines.length; i++) {
    if (skip.has(i)) continue;
    const line = lines[i]!;
    if (!line) continue;
    const heading = matchAttendanceHeading(line);
    if (heading) {
      list = heading.list;
      res.used.add(i);
      state.last = null;
      if (heading.rest) {
        for (const part of splitInlineList(heading.rest)) {
          const p = parseParticipant(part, list);
          if (p) res[list].push(p);
        }
      }
      continue;
    }
    // A wrapped entry: "… vice ordförande tillika" / "justerare".
    const prevEntry = state.last;
    if (prevEntry && /^\p{Ll}/u.test(line) && !isNameToken(line.split(' ')[0]!)) {
      const entryList: AttendanceList = prevEntry.list;
      const target = res[entryList];
      const joined: string = prevEntry.raw + ' ' + line;
      const p = parseParticipant(joined, entryList);
      if (p && target.length) {
        target[target.length - 1] = p;
        state.last = { list: entryList, raw: joined };
        res.used.add(i);
        continue;
      }
    }
    const target: AttendanceList = list ?? 'present';
    const p = parseParticipant(line, target);
    const plausible = p && (list !== null || p.party !== null || p.organization !== null || p.role !== null);
    if (p && plausible) {
      res[target].push(p);
      res.used.add(i);
      state.last = { list: target, raw: line };
    } else {
      state.last = null;
    }
  }
  return res;
}

/** "Anna Andersson (s), Bo Berg (m)" on the heading's own line: split where a new name starts. */
function splitInlineList(s: string): string[] {
  if (!/[,;]/.test(s)) return [s];
  const parts = s.split(/\s*;\s*/);
  const out: string[] = [];
  for (const part of parts) {
    const segs = part.split(/,\s*/);
    let cur = '';
    for (const seg of segs) {
      const startsName = isPersonName(seg.replace(/\s*\(.*$/, '').trim());
      if (cur && startsName) {
        out.push(cur);
        cur = seg;
      } else cur = cur ? cur + ', ' + seg : seg;
    }
    if (cur) out.push(cur);
  }
  return out;
}

export function isAttendanceHeading(line: string): boolean {
  return matchAttendanceHeading(line) !== null;
}

