// Case plans as iCalendar: what a calendar program reads from the feed.

import { describe, expect, it } from 'vitest';
import { renderPlanCalendar } from '../../src/render/case-planning-calendar.js';
import type { CasePlanView, StepView } from '../../src/domain/case-planning.js';

const lsg = { id: 1, name: 'Länssamverkansgruppen', slug: 'lsg', shortName: 'LSG' };
const samrad = { id: 2, name: 'Samråd hälsa, vård och omsorg', slug: 'samrad', shortName: 'SHVO' };

function step(position: number, body: typeof lsg, date: string, due: string, extra: Partial<StepView> = {}): StepView {
  return { position, kind: 'body', body, leadDays: 14, meetingId: 10 + position, meeting: null, plannedDate: date, date, documentsDue: due, warnings: [], ...extra } as StepView;
}

const plan: CasePlanView = {
  id: 7, title: 'Handlingsplan', description: '', visibility: 'public', version: 1, updatedAt: '', anchor: null, canEdit: false, warnings: [],
  steps: [
    step(0, lsg, '2026-03-13', '2026-02-27'),
    step(1, samrad, '2026-04-17', '2026-04-02', { warnings: [{ code: 'cancelled', step: 1, message: 'Samrådets möte är inställt.' }] }),
    { position: 2, kind: 'huvudman', date: '2027-01-15', warnings: [] },
  ],
};

function events(ics: string): Record<string, string>[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: Record<string, string>[] = [];
  let cur: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') cur = {};
    else if (line === 'END:VEVENT') {
      out.push(cur!);
      cur = null;
    }
    else if (cur) cur[line.slice(0, line.indexOf(':'))] = line.slice(line.indexOf(':') + 1);
  }
  return out;
}

describe('a case plan as a calendar', () => {
  it('has each step, each documents deadline and the huvudmän’s decision as all-day events with stable UIDs', () => {
    const e = events(renderPlanCalendar([plan], 'Ärendeplanering', { baseUrl: 'https://samverka.example.se' }));
    expect(e.map((x) => [x.UID, x['DTSTART;VALUE=DATE'], x.SUMMARY])).toEqual([
      ['case-plan-7-body-1@samverka', '20260313', 'Länssamverkansgruppen: Handlingsplan'],
      ['case-plan-7-body-1-documents@samverka', '20260227', 'Handlingar senast: Handlingsplan till Länssamverkansgruppen'],
      ['case-plan-7-body-2@samverka', '20260417', 'Samråd hälsa\\, vård och omsorg: Handlingsplan'],
      ['case-plan-7-body-2-documents@samverka', '20260402', 'Handlingar senast: Handlingsplan till Samråd hälsa\\, vård och omsorg'],
      ['case-plan-7-huvudman@samverka', '20270115', 'Huvudmännens beslut: Handlingsplan'],
    ]);
    expect(e[0]!['URL;VALUE=URI']).toBe('https://samverka.example.se/planering/7');
    expect(e[2]!.STATUS).toBe('CANCELLED');
    expect(e[2]!.DESCRIPTION).toContain('Varning: Samrådets möte är inställt.');
  });

  it('gives a body its own steps and deadlines, and a year only its dates', () => {
    expect(events(renderPlanCalendar([plan], 'LSG', { bodyId: 1 })).map((x) => x.UID)).toEqual(['case-plan-7-body-1@samverka', 'case-plan-7-body-1-documents@samverka']);
    expect(events(renderPlanCalendar([plan], '2027', { year: 2027 })).map((x) => x.UID)).toEqual(['case-plan-7-huvudman@samverka']);
  });
});
