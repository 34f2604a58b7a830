// parseProtocolText: the text of one protocol → ParsedProtocol (the preview of FORMAT.md plus
// item text, att-clauses, sub-points, OCR repairs and warnings).
//
// Order matters: OCR damage is repaired first so that headings are found; the items are found
// next (they bound everything else); what stands before the first item is the head and the
// attendance; what follows the last item's text may be the signature page.

import type { ParsedItem, ParsedProtocol, PreviewNextMeeting } from '../../domain/protocol-preview.js';
import { ImportError } from '../errors.js';
import { repairOcrLines, type RepairOptions } from '../repair/repair.js';
import { parseAttendance } from './attendance.js';
import { chooseBody } from './body.js';
import { parseHeader } from './header.js';
import { parseItem } from './items.js';
import { isNextMeetingTitle, matchNextMeetingLine, parseNextMeetings } from './next-meetings.js';
import { toLines } from './normalize.js';
import { findHeadings } from './segment.js';
import { findSignatureStart, parseSignatures } from './signatures.js';

export interface ParseOptions {
  /** OCR repair: false to switch it off; otherwise options for the lexicon. */
  repair?: RepairOptions | false;
}

/** Page furniture that survives text extraction: "Sidan 2 av 7", "3/8", "- 4 -". */
const PAGE_NUMBER = /^(?:(?:sida|sidan|page|s\.)\s*\d{1,4}(?:\s*(?:av|of|\/)\s*\d{1,4})?|\d{1,4}\s*(?:\/|av|of)\s*\d{1,4}|[-–]\s*\d{1,4}\s*[-–])$/iu;

export function parseProtocolText(text: string, source: string, opts: ParseOptions = {}): ParsedProtocol {
  if (typeof text !== 'string' || !text.trim()) throw new ImportError('empty', undefined, { file: source });
  const warnings: string[] = [];
  let lines = toLines(text).map((l) => (PAGE_NUMBER.test(l) ? '' : l));

  let repairs: ParsedProtocol['repairs'] = [];
  if (opts.repair !== false) {
    const r = repairOcrLines(lines, opts.repair ?? {});
    lines = r.lines;
    repairs = r.repairs;
    const unsure = repairs.filter((x) => !x.certain).length;
    if (r.damaged) warnings.push(`the text looks OCR-damaged: ${repairs.length} words repaired${unsure ? `, ${unsure} of them uncertain` : ''}`);
  }

  const all = findHeadings(lines, lines.length);
  if (all.length === 0) {
    throw new ImportError('no_items', 'No numbered agenda items (like "1. Godkännande av dagordning") were found.', { file: source });
  }
  const sigStart = findSignatureStart(lines, all[all.length - 1]!.line + 1);
  const headings = all.filter((h) => h.line < sigStart);

  const preamble = lines.slice(0, headings[0]!.line);
  const header = parseHeader(preamble);
  const attendance = parseAttendance(preamble, header.used);

  const items: ParsedItem[] = [];
  const subjects: string[] = [];
  const nextMeetingLines: string[][] = [];
  headings.forEach((h, k) => {
    const end = k + 1 < headings.length ? headings[k + 1]!.line : sigStart;
    const parsed = parseItem(lines, h, end);
    items.push(parsed.item);
    subjects.push(...parsed.subjects);
    if (isNextMeetingTitle(parsed.item.title)) nextMeetingLines.push(parsed.bodyLines);
  });

  const body = chooseBody(header.titleBody, subjects);
  if (!body) warnings.push('no deciding body found: neither a title nor a decision names it');

  const nextMeetings: PreviewNextMeeting[] = [];
  for (const block of nextMeetingLines) nextMeetings.push(...parseNextMeetings(block, body));
  if (nextMeetingLines.length === 0) {
    for (const line of lines.slice(0, sigStart)) {
      const rest = matchNextMeetingLine(line);
      if (rest) nextMeetings.push(...parseNextMeetings([rest], body));
    }
  }

  if (!header.date) warnings.push('no date in the text: stored with the date unknown');
  if (header.itemRange) {
    const numbers = items.map((i) => i.number);
    const { from, to } = header.itemRange;
    if (numbers[0] !== from || numbers[numbers.length - 1] !== to) {
      warnings.push(`the head lists items ${from}-${to} but items ${numbers[0]}-${numbers[numbers.length - 1]} were found`);
    }
  }

  return {
    source,
    body,
    title: header.title,
    diaryNumber: header.diaryNumber,
    date: header.date,
    startTime: header.startTime,
    endTime: header.endTime,
    place: header.place,
    attendance: { present: attendance.present, absent: attendance.absent, officials: attendance.officials },
    items,
    signatures: parseSignatures(lines.slice(sigStart)),
    nextMeetings,
    repairs,
    warnings,
  };
}
