import { describe, expect, it } from 'vitest';
import { bodyFromTitle, parseHeader } from '../../src/importer/parse/header.js';
import { parseProtocolText } from '../../src/importer/parse/index.js';

describe('the head of a protocol', () => {
  it('reads title, Dnr, date, times, place and the item range', () => {
    const h = parseHeader(['Protokoll Samråd vård och omsorg', 'Dnr. HSN 21-1 2022', 'Datum och tid: 2022-03-16 kl. 8.30-12.00', 'Plats: Teams', 'Ärenden: 1-11']);
    expect(h).toMatchObject({
      title: 'Protokoll Samråd vård och omsorg', titleBody: 'Samråd vård och omsorg', diaryNumber: 'HSN 21-1 2022',
      date: '2022-03-16', startTime: '08:30', endTime: '12:00', place: 'Teams', itemRange: { from: 1, to: 11 },
    });
  });

  it('reads a written date and a separate time line', () => {
    const h = parseHeader(['SAMMANTRÄDESPROTOKOLL', 'Sammanträdesdatum: 14 september 2023', 'Tid: 13.00–16.30', 'Diarienummer: SN 2023/45']);
    expect(h).toMatchObject({ date: '2023-09-14', startTime: '13:00', endTime: '16:30', diaryNumber: 'SN 2023/45' });
  });

  it('reads the place from "Plats och tid" without the time', () => {
    const h = parseHeader(['Plats och tid: Stadshuset, Skellefteå, 2023-05-06 kl 9-12']);
    expect(h).toMatchObject({ place: 'Stadshuset, Skellefteå', date: '2023-05-06', startTime: '09:00', endTime: '12:00' });
  });

  it('a label on one line and its value on the next (a table) is read', () => {
    expect(parseHeader(['Plats', 'Kommunhuset']).place).toBe('Kommunhuset');
  });

  it('an impossible date is not a date', () => {
    expect(parseHeader(['Datum: 2022-02-30']).date).toBeNull();
  });

  it('the body is taken from titles of several shapes', () => {
    expect(bodyFromTitle('Protokoll från Länssamverkansgruppens möte 2023-05-06')).toBe('Länssamverkansgruppen');
    expect(bodyFromTitle('LÄNSSAMVERKANSGRUPPEN - PROTOKOLL')).toBe('Länssamverkansgruppen');
    expect(bodyFromTitle('Protokoll')).toBeNull();
  });

  it('no date in the text gives null and a warning; a date in the body is never taken', () => {
    const parsed = parseProtocolText('1. Nästa möte\nNästa möte den 6 maj 2022.\n', 'x.txt');
    expect(parsed.date).toBeNull();
    expect(parsed.warnings).toContain('no date in the text: stored with the date unknown');
  });

  it('the item range in the head is checked against the items found', () => {
    const parsed = parseProtocolText('Ärenden: 1-3\n\n1. Första punkten\nText.\n\n2. Andra punkten\nText.\n', 'x.txt');
    expect(parsed.warnings.some((w) => w.includes('items 1-3'))).toBe(true);
  });
});
