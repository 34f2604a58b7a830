// A meeting's protocol as one standalone HTML document (A4, inline styles, no scripts), in three
// variants: the protocol, the notice (kallelse) and an extract of some items (protokollsutdrag).
// The same HTML is printed to PDF by ./pdf.ts.
//
// The layout follows the collaboration's own protocols closely enough that the importer reads a
// printed protocol back to the same structure (test/render/round-trip.test.ts): the head is
// "Protokoll <organ>" and labelled lines, attendance one person per line, items "40. Title".

import type { Protocol } from '../domain/model.js';
import { attendanceHtml, signaturesHtml } from './people.js';
import { dateAndTime, esc, longDate, wrapText } from './format.js';
import { isNextMeetingItem, itemHtml, nextMeetingLine } from './items.js';
import type { PageFurniture } from './pdf.js';
import { DOCUMENT_CSS } from './styles.js';
import { SV } from './texts.js';

export interface RenderOptions {
  extractItems?: number[]; // protokollsutdrag: only these item numbers
  notice?: boolean; // kallelse
  draftMark?: boolean; // default: marked when the meeting is not published
  /**
   * A same-origin copy of the stylesheet, for when the API serves the document as a page: the
   * app's Content-Security-Policy allows no inline styles. The inline copy stays for the
   * downloaded file and the PDF.
   */
  stylesheetHref?: string;
}

export type DocumentKind = 'protocol' | 'notice' | 'extract';

export function documentKind(opts: RenderOptions): DocumentKind {
  if (opts.notice) return 'notice';
  return opts.extractItems ? 'extract' : 'protocol';
}

/** The deciding body's name as it was on the meeting's date. */
export function bodyNameOf(p: Protocol): string {
  return p.bodyNameAtTheTime ?? p.bodies.find((b) => b.primary)?.name ?? p.bodies[0]?.name ?? '';
}

export function isDraft(p: Protocol): boolean {
  return p.status !== 'published';
}

/**
 * What the PDF's running header and footer say: the organ and the date, the document's state and
 * Dnr above; the signature boxes of a Swedish protocol below (the page number comes under them).
 *
 * Shaped for the importer, which drops lines repeated within the top and bottom three lines of
 * the pages: two header rows and three footer rows (the last the page number) leave little page
 * content in reach of that rule, and the stylesheet keeps repeatable lines (decisions) from
 * beginning a page. Rows begin with capitals, a date or a lower-case word, never with a name or
 * "Protokoll <organ>", so that in a one-page PDF, whose header is not removed as repeated, they are
 * not read as a person or the title; and the title line differs enough from every row that it is
 * not dropped as one of them.
 */
export function pageFurniture(p: Protocol, kind: DocumentKind, draft: boolean): PageFurniture {
  const state =
    kind === 'notice' ? SV.noticeState : kind === 'extract' ? SV.extractState : p.signatures.length ? SV.signedState : SV.unsignedState;
  const word = kind === 'notice' ? SV.notice : kind === 'extract' ? SV.extract : SV.protocol;
  const boxes: [string, string] = kind === 'notice' ? [SV.noticeAbsenceShort, ''] : [SV.adjusterInitials, SV.extractCertificationBox];
  return {
    header: [
      [bodyNameOf(p).toUpperCase(), p.date ?? SV.dateUnknown],
      [`${draft ? `${SV.draft} – ` : ''}${state}`, p.diaryNumber ? `Dnr ${p.diaryNumber}` : ''],
    ],
    footer: [boxes, [`${word} ${p.date ?? ''}`.trim(), draft ? SV.draft : '']],
  };
}

/** The title on one line whatever the organ's name: the importer reads the organ from it. */
function titleHtml(word: string, body: string): string {
  const text = `${word} ${body}`.trim();
  // 18 pt fits about 42 characters of bold text on the page's width, 10 pt about 76.
  const size = [18, 16, 14, 12].find((pt) => text.length * pt <= 760) ?? 10;
  return `<h1 class="t${size}">${esc(text)}</h1>`;
}

function factsHtml(p: Protocol, kind: DocumentKind, extract: number[]): string {
  const rows: [string, string][] = [];
  if (p.diaryNumber) rows.push([SV.diaryNumber, p.diaryNumber]);
  const when = dateAndTime(p.date, p.startTime, p.endTime);
  rows.push([SV.dateAndTime, when || SV.notGiven]);
  if (p.place) rows.push([SV.place, p.place]);
  const numbers = p.agenda.map((i) => i.number).filter((n): n is number => n !== null);
  if (kind === 'extract') rows.push([SV.extractItems, extract.join(', ')]);
  else if (numbers.length) rows.push([SV.items, numbers.length > 1 ? `${numbers[0]}–${numbers[numbers.length - 1]}` : String(numbers[0])]);
  // Without a "Nästa möte" item the next meetings go in the head, where they are read back too.
  if (kind === 'protocol' && !p.agenda.some(isNextMeetingItem)) {
    for (const n of p.nextMeetings) rows.push([SV.nextMeeting, nextMeetingLine(n)]);
  }
  const tr = rows.map(([label, value]) => `<tr><th>${esc(label)}</th><td>${wrapText(value, 'strict')}</td></tr>`).join('');
  return `<table class="facts">${tr}</table>`;
}

function headHtml(p: Protocol, kind: DocumentKind, draft: boolean, extract: number[]): string {
  const body = bodyNameOf(p);
  const banner = draft ? `<p class="draft-banner">${esc(kind === 'notice' ? SV.noticeDraftBanner : SV.draftBanner)}</p>` : '';
  // An extract keeps the protocol's title line ("Protokoll <organ>") so it reads as what it is
  // taken from; the word "Protokollsutdrag" stands above it.
  const over = kind === 'extract' ? `<p class="subtitle"><strong>${esc(SV.extract.toUpperCase())}</strong></p>` : '';
  const word = kind === 'notice' ? SV.notice : SV.protocol;
  const date = longDate(p.date);
  const subtitle = p.title && !/^(protokoll|kallelse)\b/i.test(p.title) && p.title !== body ? `<p class="subtitle">${wrapText(p.title, 'strict')}</p>` : '';
  return `<header class="doc-head">${banner}${over}${titleHtml(word, body)}
${date ? `<p class="long-date">${esc(date)}</p>` : ''}${subtitle}
${factsHtml(p, kind, extract)}</header>`;
}

export function renderProtocolHtml(p: Protocol, opts: RenderOptions = {}): string {
  const kind = documentKind(opts);
  const draft = opts.draftMark ?? isDraft(p);
  const extract = opts.extractItems ?? [];
  const bodyName = bodyNameOf(p);
  const items = kind === 'extract' ? p.agenda.filter((i) => i.number !== null && extract.includes(i.number)) : p.agenda;
  const itemOpts = { bodyName, notice: kind === 'notice', nextMeetings: p.nextMeetings };

  const sections: string[] = [headHtml(p, kind, draft, extract)];
  if (kind === 'notice') sections.push(`<p class="notice-intro">${esc(SV.noticeIntro(bodyName))} ${esc(SV.noticeAbsence)}</p>`, `<h2 class="list-head">${esc(SV.noticeAgenda)}</h2>`);
  if (kind === 'protocol') sections.push(attendanceHtml(p));
  sections.push(items.length ? items.map((i) => itemHtml(i, itemOpts)).join('\n') : `<p>${esc(SV.noItems)}</p>`);
  if (kind !== 'notice') sections.push(signaturesHtml(p));
  if (kind === 'extract') {
    sections.push(`<section class="certification"><p class="sig-label">${esc(SV.extractCertification)}</p>
<p>${esc(SV.extractCertificationText)}</p>
<div class="sign-row"><div class="sign"><div class="sign-line"></div><p>${esc(SV.nameClarification)}</p></div></div></section>`);
  }

  const furniture = pageFurniture(p, kind, draft);
  const docTitle = `${kind === 'notice' ? SV.notice : kind === 'extract' ? SV.extract : SV.protocol} ${bodyName}${p.date ? ` ${p.date}` : ''}`;
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="samverka-page" content="${esc(JSON.stringify(furniture))}">
<title>${esc(docTitle)}</title>
${opts.stylesheetHref ? `<link rel="stylesheet" href="${esc(opts.stylesheetHref)}">\n` : ''}<style>${DOCUMENT_CSS}</style>
</head>
<body class="${kind}${draft ? ' draft' : ''}">
${sections.filter(Boolean).join('\n')}
</body>
</html>
`;
}
