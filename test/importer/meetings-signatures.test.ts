import { describe, expect, it } from 'vitest';
import { isoDateTime } from '../../src/importer/parse/dates.js';
import { parseNextMeetings } from '../../src/importer/parse/next-meetings.js';
import { parseSignatures } from '../../src/importer/parse/signatures.js';
import { parseProtocolText } from '../../src/importer/parse/index.js';

describe('Nästa möte', () => {
  it('two bodies with their dates in one sentence are two entries', () => {
    expect(parseNextMeetings(['Systemledning den 16 mars och Länssamverkansgruppen den 6 maj.'], 'LSG')).toEqual([
      { body: 'Systemledning', date: '16 mars' },
      { body: 'Länssamverkansgruppen', date: '6 maj' },
    ]);
  });

  it('a bare date belongs to the protocol\'s own body', () => {
    expect(parseNextMeetings(['Fredag den 3 juni'], 'Samråd vård och omsorg')).toEqual([{ body: 'Samråd vård och omsorg', date: 'Fredag den 3 juni' }]);
  });

  it('"<body>, <weekday> <date>" keeps the comma inside the body name', () => {
    expect(parseNextMeetings(['Samråd hälsa, vård och omsorg, fredag 23 maj', 'Systemledning tillsammans med Samråd hälsa, vård och omsorg, fredag 23 maj'], null)).toEqual([
      { body: 'Samråd hälsa, vård och omsorg', date: 'fredag 23 maj' },
      { body: 'Systemledning tillsammans med Samråd hälsa, vård och omsorg', date: 'fredag 23 maj' },
    ]);
  });

  it('a full date with a year becomes ISO; "Nästa sammanträde hålls" names no body', () => {
    expect(parseNextMeetings(['Nästa sammanträde hålls den 12 oktober 2023 kl. 13.00.'], 'Socialnämnden')).toEqual([{ body: 'Socialnämnden', date: '2023-10-12' }]);
    expect(parseNextMeetings(['2023-09-08, Teams'], 'LSG')).toEqual([{ body: 'LSG', date: '2023-09-08' }]);
  });

  it('comes from the "Nästa möte" item', () => {
    const parsed = parseProtocolText('1. Godkännande\nLänssamverkansgruppen godkände dagordningen.\n2. Nästa möte\nFredag den 3 juni\n', 'x');
    expect(parsed.nextMeetings).toEqual([{ body: 'Länssamverkansgruppen', date: 'Fredag den 3 juni' }]);
  });
});

describe('signatures', () => {
  it('an e-signature page gives names in normal capitals, roles and times with offset', () => {
    const sigs = parseSignatures([
      'UNDERSKRIFTSSIDA', 'NAMN: Anna Katarina Lindahl', 'TITEL, ORGANISATION: sekreterare, Samråd vård och omsorg',
      'IDENTIFIKATIONSTYP: Svensk e-legitimation', 'DATUM & TID: 2022-03-21 13:40:17 +01:00', '',
      'NAMN: ANNA-LENA DANIELSSON', 'TITEL, ORGANISATION: justerare, Samråd vård och omsorg', 'DATUM & TID: 2022-03-21 13:43:12 +01:00',
    ]);
    expect(sigs).toEqual([
      { name: 'Anna Katarina Lindahl', role: 'sekreterare', signedAt: '2022-03-21T13:40:17+01:00' },
      { name: 'Anna-Lena Danielsson', role: 'justerare', signedAt: '2022-03-21T13:43:12+01:00' },
    ]);
  });

  it('a time without an offset is given Swedish time, summer or winter', () => {
    expect(isoDateTime('2022-03-21 13:40')).toBe('2022-03-21T13:40:00+01:00');
    expect(isoDateTime('2022-06-21 13:40:05')).toBe('2022-06-21T13:40:05+02:00');
    expect(isoDateTime('2022-10-30 01:30')).toBe('2022-10-30T01:30:00+02:00');
    expect(isoDateTime('2022-10-30 04:00')).toBe('2022-10-30T04:00:00+01:00');
  });

  it('a paper protocol\'s "Vid protokollet" and "Justeras" give the signers', () => {
    expect(parseSignatures(['Vid protokollet', 'Olle Berg', '', 'Justeras', 'Åsa Öberg, ordförande', 'Göran Ärlig'])).toEqual([
      { name: 'Olle Berg', role: 'sekreterare', signedAt: null },
      { name: 'Åsa Öberg', role: 'ordförande', signedAt: null },
      { name: 'Göran Ärlig', role: 'justerare', signedAt: null },
    ]);
  });
});
