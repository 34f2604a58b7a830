// The reminder e-mail (påminnelse): one per recipient and day, listing everything of theirs that
// falls due soon or has just become overdue, each with a link to its page. Plain text for every
// mail program, and the same as HTML.

import { formatLongDate } from '../domain/dates.js';
import { daysBetween, type ReminderItem, type ThingKind } from '../domain/reminders.js';
import type { MailMessage } from './mailer.js';

const SECTIONS: Record<ThingKind, { heading: string; due: string }> = {
  assignment: { heading: 'Uppdrag', due: 'Ska vara klart' },
  recommendation: { heading: 'Rekommendationer till huvudmännen', due: 'Huvudmännen ska ha beslutat senast' },
  'fund-report': { heading: 'Återrapportering av statsbidrag', due: 'Ska lämnas senast' },
  'document-review': { heading: 'Styrdokument att revidera', due: 'Ska revideras senast' },
};

/** "om 3 dagar", "i dag", "försenat sedan i går" — counted from the day of the e-mail. */
export function relativeDue(due: string, day: string): string {
  const n = daysBetween(day, due);
  if (n > 1) return `om ${n} dagar`;
  if (n === 1) return 'i morgon';
  if (n === 0) return 'i dag';
  if (n === -1) return 'försenat sedan i går';
  return `försenat sedan ${-n} dagar`;
}

function dueLine(item: ReminderItem, day: string): string {
  return `${SECTIONS[item.kind].due} ${formatLongDate(item.due, true)} (${relativeDue(item.due, day)})`;
}

function groups(items: readonly ReminderItem[]): [ThingKind, ReminderItem[]][] {
  return (Object.keys(SECTIONS) as ThingKind[]).map((k) => [k, items.filter((i) => i.kind === k)] as [ThingKind, ReminderItem[]]).filter(([, list]) => list.length > 0);
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function reminderSubject(items: readonly ReminderItem[], day: string): string {
  const overdue = items.filter((i) => daysBetween(day, i.due) < 0).length;
  const what = items.length === 1 ? '1 sak att följa upp' : `${items.length} saker att följa upp`;
  return `Påminnelse från Samverka: ${what}${overdue > 0 ? `, ${overdue} försenad${overdue === 1 ? '' : 'e'}` : ''}`;
}

/** The e-mail for `to` on `day`; links start at `baseUrl` (PUBLIC_URL, or the local address). */
export function reminderMail(to: string, day: string, items: readonly ReminderItem[], baseUrl: string): MailMessage {
  const base = baseUrl.replace(/\/+$/, '');
  const intro = `Det här är en påminnelse från Samverka, ${formatLongDate(day, true)}, om det som snart ska vara klart eller har blivit försenat.`;
  const footer = 'Du får påminnelsen som sekreterare eller koordinator i det organ som svarar för uppföljningen. ' +
    'Påminnelser skickas några dagar före sista dagen och dagen efter att den har passerat.';

  const text = [
    'Hej!', '', intro, '',
    ...groups(items).flatMap(([kind, list]) => [
      SECTIONS[kind].heading,
      ...list.flatMap((i) => [`- ${i.title}`, `  ${i.context}`, `  ${dueLine(i, day)}`, `  ${base}${i.path}`]),
      '',
    ]),
    footer, '',
  ].join('\n');

  const html = [
    '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Påminnelse från Samverka</title></head><body>',
    `<p>Hej!</p><p>${escape(intro)}</p>`,
    ...groups(items).map(([kind, list]) => `<h2>${escape(SECTIONS[kind].heading)}</h2><ul>${list
      .map((i) => `<li><a href="${escape(base + i.path)}">${escape(i.title)}</a><br>${escape(i.context)}<br>${escape(dueLine(i, day))}</li>`)
      .join('')}</ul>`),
    `<p>${escape(footer)}</p></body></html>`,
  ].join('\n');

  return { to: [to], subject: reminderSubject(items, day), text, html };
}
