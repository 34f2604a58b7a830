import { describe, expect, it } from 'vitest';
import { decisionText, insertionIndex, nextItemNumber, outcomeText, renumber, standardAgenda } from '../../src/domain/agenda.js';

describe('the agenda', () => {
  it('has the standard items around the body’s own, with referrals to the other body', () => {
    const { before, after } = standardAgenda({ referralsTo: 'Samråd hälsa, vård och omsorg' });
    expect(before.map((i) => i.title)).toEqual(['Godkännande av föredragningslista', 'Val av justerare', 'Föregående protokoll']);
    expect(after.map((i) => i.title)).toEqual([
      'Ärenden till Samråd hälsa, vård och omsorg',
      'Övriga frågor',
      'Genomgång och sammanfattning av beslut',
      'Nästa möte',
    ]);
    expect(standardAgenda({ referralsTo: null, agendaWord: 'dagordning' }).before[0]?.title).toBe('Godkännande av dagordning');
  });

  it('continues the body’s numbering through the year', () => {
    expect(nextItemNumber(null)).toBe(1);
    expect(nextItemNumber(39)).toBe(40);
    expect(renumber([{ t: 'a' }, { t: 'b' }], 40).map((i) => i.number)).toEqual([40, 41]);
  });

  it('puts a new item before the closing standard items', () => {
    const items = [{ standard: 'approve-agenda' as const }, { standard: null }, { standard: 'other-questions' as const }, { standard: 'next-meeting' as const }];
    expect(insertionIndex(items)).toBe(2);
    expect(insertionIndex([{ standard: null }])).toBe(1);
  });

  it('writes decisions as protocols do', () => {
    expect(decisionText('Länssamverkansgruppen', ['anta strategin', 'att uppdra till Beredning barn och unga att följa implementeringen'])).toBe(
      'Länssamverkansgruppen beslutade att anta strategin att uppdra till Beredning barn och unga att följa implementeringen',
    );
    expect(outcomeText('informed', 'Samråd hälsa, vård och omsorg')).toBe('Samråd hälsa, vård och omsorg godkände informationen.');
    expect(outcomeText('referred-back', 'LSG', 'arbetsgruppen')).toBe('Ärendet återremitteras till arbetsgruppen.');
  });
});
