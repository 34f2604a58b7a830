// Meetings as iCalendar: what a calendar program reads from the file.

import { describe, expect, it } from 'vitest';
import { meetingUid, renderCalendar } from '../../src/render/calendar.js';
import type { MeetingSummary, Protocol } from '../../src/domain/model.js';

function meeting(extra: Partial<MeetingSummary> = {}): MeetingSummary {
  return {
    id: 7, title: 'Protokoll Länssamverkansgruppen', date: '2024-02-23', dateUnknown: false, startTime: '09:00', endTime: '12:00',
    place: 'Regionens hus, Umeå', status: 'published', origin: 'native',
    bodies: [{ id: 1, slug: 'lsg', name: 'Länssamverkansgruppen', primary: true }], bodyNameAtTheTime: 'Länssamverkansgruppen',
    items: { first: 40, last: 41, count: 2 }, ...extra,
  };
}

const withAgenda = {
  ...meeting(),
  agenda: [
    { id: 1, number: 40, title: 'Godkännande av föredragningslista' },
    { id: 2, number: 41, title: 'Regionala strategin för suicidprevention' },
  ],
} as unknown as Protocol;

/** The calendar's lines with folded lines joined again (RFC 5545 §3.1). */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}

function events(ics: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let cur: Record<string, string> | null = null;
  for (const line of unfold(ics)) {
    if (line === 'BEGIN:VEVENT') cur = {};
    else if (line === 'END:VEVENT') {
      out.push(cur!);
      cur = null;
    } else if (cur) {
      const at = line.indexOf(':');
      cur[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}

describe('a meeting as a calendar event', () => {
  const ics = renderCalendar([withAgenda], 'Länssamverkansgruppen', { baseUrl: 'https://samverka.example.se' });

  it('is a well-formed calendar with the Stockholm time zone', () => {
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('TZID:Europe/Stockholm');
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('has a stable UID, Swedish wall-clock times, summary, place, items and link', () => {
    const [e] = events(ics);
    expect(e!.UID).toBe('meeting-7@samverka');
    expect(e!['DTSTART;TZID=Europe/Stockholm']).toBe('20240223T090000');
    expect(e!['DTEND;TZID=Europe/Stockholm']).toBe('20240223T120000');
    expect(e!.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
    expect(e!.SUMMARY).toBe('Länssamverkansgruppen: Möte');
    expect(e!.LOCATION).toBe('Regionens hus\\, Umeå');
    expect(e!.DESCRIPTION).toContain('40. Godkännande av föredragningslista\\n41. Regionala strategin för suicidprevention');
    expect(e!['URL;VALUE=URI']).toBe('https://samverka.example.se/moten/7');
  });

  it('keeps the same UID when the calendar is made again', () => {
    const again = events(renderCalendar([withAgenda], 'Länssamverkansgruppen'));
    expect(again[0]!.UID).toBe(meetingUid(7));
  });

  it('does not depend on the server’s time zone', () => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const [e] = events(renderCalendar([withAgenda], 'x'));
      expect(e!['DTSTART;TZID=Europe/Stockholm']).toBe('20240223T090000');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

describe('a body’s calendar', () => {
  it('has one event per dated meeting: a seminar’s own title, a meeting without time as all-day, cancelled ones cancelled', () => {
    const ics = renderCalendar(
      [
        meeting({ id: 1 }),
        meeting({ id: 2, title: 'Ledningsseminarium', date: '2024-05-31', startTime: null, endTime: null, place: 'Lycksele' }),
        meeting({ id: 3, date: '2024-09-20', status: 'cancelled' }),
        meeting({ id: 4, date: null, dateUnknown: true }),
      ],
      'Länssamverkansgruppen 2024',
    );
    const list = events(ics);
    expect(list.map((e) => e.UID)).toEqual(['meeting-1@samverka', 'meeting-2@samverka', 'meeting-3@samverka']);
    expect(list[1]!.SUMMARY).toBe('Länssamverkansgruppen: Ledningsseminarium');
    expect(list[1]!['DTSTART;VALUE=DATE']).toBe('20240531');
    expect(list[2]!.STATUS).toBe('CANCELLED');
    expect(unfold(ics)).toContain('X-WR-CALNAME:Länssamverkansgruppen 2024');
  });
});
