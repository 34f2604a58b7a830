// Meetings as iCalendar (RFC 5545) through ical-generator: one VEVENT per meeting, for a single
// meeting (export) or a body's year (a feed a calendar app can subscribe to).
//
// UIDs are stable (meeting-<id>@samverka), so a re-downloaded or subscribed calendar updates its
// events instead of adding copies. Times are the meeting's wall-clock time in Europe/Stockholm,
// with the zone's VTIMEZONE included so that clients outside Sweden show them right.

import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import type { MeetingSummary, Protocol } from '../domain/model.js';
import { shortTime } from '../domain/dates.js';
import { SV } from './texts.js';

export const TIME_ZONE = 'Europe/Stockholm';

export interface CalendarOptions {
  /** Where the web app is, for each event's link: "https://samverka.example.se". */
  baseUrl?: string;
}

export function meetingUid(id: number): string {
  return `meeting-${id}@samverka`;
}

function bodyOf(m: MeetingSummary): string {
  return m.bodyNameAtTheTime ?? m.bodies.find((b) => b.primary)?.name ?? m.bodies[0]?.name ?? 'Samverka';
}

export function meetingSummaryLine(m: MeetingSummary): string {
  const own = m.title && !/^(protokoll|kallelse)\b/i.test(m.title) ? m.title : SV.meeting;
  return `${bodyOf(m)}: ${own}`;
}

function description(m: MeetingSummary | Protocol): string | null {
  if (!('agenda' in m) || m.agenda.length === 0) return null;
  const items = m.agenda.map((i) => `${i.number !== null ? `${i.number}. ` : ''}${i.title}`);
  return `${SV.calendarItems}:\n${items.join('\n')}`;
}

/** "2024-02-23T09:00:00" without a zone: ical-generator writes it as wall-clock time in TIME_ZONE. */
function wallClock(date: string, time: string | null): string {
  return `${date}T${shortTime(time) ?? '00:00'}:00`;
}

/** Adds the meeting to the calendar; a meeting whose date is unknown has no place in one. */
export function meetingEvent(cal: ICalCalendar, m: MeetingSummary | Protocol, opts: CalendarOptions = {}): void {
  if (!m.date) return;
  const timed = m.startTime !== null;
  const url = opts.baseUrl ? `${opts.baseUrl.replace(/\/$/, '')}/moten/${m.id}` : null;
  cal.createEvent({
    id: meetingUid(m.id),
    start: wallClock(m.date, m.startTime),
    end: timed && m.endTime ? wallClock(m.date, m.endTime) : null,
    allDay: !timed,
    timezone: TIME_ZONE,
    summary: meetingSummaryLine(m),
    location: m.place ?? null,
    description: [description(m), url ? `${SV.calendarLink}: ${url}` : null].filter(Boolean).join('\n\n') || null,
    url,
    status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

export function renderCalendar(meetings: readonly (MeetingSummary | Protocol)[], name: string, opts: CalendarOptions = {}): string {
  const cal = ical({
    name,
    prodId: { company: 'Samverka', product: 'Samverka', language: 'SV' },
    method: ICalCalendarMethod.PUBLISH,
    // Each event carries the zone; naming it for the whole calendar too would make ical-generator
    // write DTSTAMP as local time, where RFC 5545 wants UTC.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  for (const m of meetings) meetingEvent(cal, m, opts);
  return cal.toString();
}
