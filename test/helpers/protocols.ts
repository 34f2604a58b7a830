import type { ParsedItem, ParsedProtocol, PreviewParticipant } from '../../src/domain/protocol-preview.js';

// Parsed protocols built by hand, so that store and API tests do not depend on the parser.

export function participant(name: string, extra: Partial<PreviewParticipant> = {}): PreviewParticipant {
  return { name, party: null, organization: null, role: null, replaces: null, note: null, ...extra };
}

export function item(number: number, title: string, extra: Partial<ParsedItem> = {}): ParsedItem {
  return { number, title, kind: null, written: false, presenters: [], decisions: [], assignments: [], text: '', subPoints: [], ...extra };
}

export function parsedProtocol(extra: Partial<ParsedProtocol> = {}): ParsedProtocol {
  return {
    source: 'test.txt',
    body: 'Länssamverkansgruppen',
    title: 'Protokoll Länssamverkansgruppen',
    diaryNumber: 'LSG 2024-1',
    date: '2024-02-23',
    startTime: '09:00',
    endTime: '12:00',
    place: 'Teams',
    attendance: {
      present: [
        participant('Carin Nilsson', { party: 's', organization: 'Umeå kommun', role: 'ordförande' }),
        participant('Jens Wennberg', { party: 'l', organization: 'Region Västerbotten', replaces: 'Lars Bäckström' }),
        participant('Moa Brydsten', { party: 's', organization: 'Umeå kommun', note: 'närvarande under punkten 4' }),
      ],
      absent: [participant('Lars Bäckström', { party: 'c', organization: 'Region Västerbotten' })],
      officials: [participant('Katarina Lindahl', { note: 'regional samverkanskoordinator' })],
    },
    items: [
      item(40, 'Godkännande av föredragningslista', { decisions: [{ text: 'Föredragningslistan godkändes.', clauses: [] }] }),
      item(41, 'Regionala strategin för suicidprevention', {
        kind: 'decision',
        presenters: [{ name: 'Emma Wasara', title: 'strateg' }],
        text: 'Strategin har reviderats.\n\nDen anger inriktningen för länets arbete.',
        decisions: [
          {
            text: 'Länssamverkansgruppen beslutade att anta strategin att uppdra till Beredning barn och unga att följa implementeringen.',
            clauses: ['anta strategin', 'uppdra till Beredning barn och unga att följa implementeringen.'],
          },
        ],
        assignments: [{ to: 'Beredning barn och unga', text: 'uppdra till Beredning barn och unga att följa implementeringen.' }],
      }),
      item(42, 'Nästa möte'),
    ],
    signatures: [{ name: 'Carin Nilsson', role: 'ordförande', signedAt: '2024-02-26T10:00:00+01:00' }],
    nextMeetings: [{ body: 'Länssamverkansgruppen', date: '2024-04-19' }],
    repairs: [{ original: 'halsa', repaired: 'hälsa', line: 3, certain: true }],
    warnings: [],
    ...extra,
  };
}

export function sourceOf(text: string, filename = 'test.txt') {
  return { filename, mediaType: 'text/plain; charset=utf-8', bytes: new TextEncoder().encode(text), text };
}
