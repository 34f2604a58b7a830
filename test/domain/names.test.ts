import { describe, expect, it } from 'vitest';
import { matchKey, slugify, swedishSortKey } from '../../src/domain/names.js';
import { bodyKindFromName } from '../../src/domain/body-kind.js';
import { formatLongDate } from '../../src/domain/dates.js';
import { presentForItems, validateProtocolDraft } from '../../src/domain/protocol-draft.js';

describe('Swedish names', () => {
  it('sorts å, ä, ö after z, in that order, under byte-wise comparison', () => {
    const names = ['Örnsköldsvik', 'Åsele', 'Ängelholm', 'Zinkgruvan', 'Umeå', 'Ödeshög'];
    const sorted = [...names].sort((a, b) => (swedishSortKey(a) < swedishSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(['Umeå', 'Zinkgruvan', 'Åsele', 'Ängelholm', 'Ödeshög', 'Örnsköldsvik']);
  });

  it('matches names regardless of case, accents and punctuation', () => {
    expect(matchKey('Samråd hälsa, vård och omsorg')).toBe(matchKey('SAMRAD HALSA VARD OCH OMSORG'));
    expect(slugify('Samråd hälsa, vård och omsorg')).toBe('samrad-halsa-vard-och-omsorg');
  });

  it('gives a new body the kind its name says', () => {
    expect(bodyKindFromName('Beredning vuxna och äldre')).toBe('beredning');
    expect(bodyKindFromName('Hjälpmedelsrådet')).toBe('råd');
    expect(bodyKindFromName('Samverkansråd patientsäkerhet')).toBe('råd');
    expect(bodyKindFromName('Arbetsgrupp NPF')).toBe('arbetsgrupp');
  });
});

describe('dates', () => {
  it('writes a date as Swedes read it in running text', () => {
    expect(formatLongDate('2024-02-23')).toBe('fredag 23 februari');
    expect(formatLongDate('2022-03-16', true)).toBe('onsdag 16 mars 2022');
  });
});

describe('protocol rules', () => {
  it('reads "närvarande under punkten 4" as present for item 4 only', () => {
    expect(presentForItems('närvarande under punkten 4')).toEqual({ from: 4, to: 4 });
    expect(presentForItems('närvarande under punkterna 4–6')).toEqual({ from: 4, to: 6 });
    expect(presentForItems('tillika justerare')).toBeNull();
  });

  it('refuses duplicate item numbers and an assignment without a receiver', () => {
    const base = { title: null, date: '2024-02-23', startTime: null, endTime: null, place: null, diaryNumber: null, participants: [], signatures: [], nextMeetings: [] };
    const it0 = { number: 10, title: 'A', kind: null, written: false, text: '', proposal: null, subPoints: [], presenters: [], decisions: [], assignments: [] };
    expect(validateProtocolDraft({ ...base, items: [it0, { ...it0, title: 'B' }] })).toEqual(['item number 10 appears twice']);
    const withAssignment = { ...it0, assignments: [{ to: ' ', task: 'Gör det', dueText: null, dueDate: '2024-01-01', decisionIndex: null }] };
    expect(validateProtocolDraft({ ...base, items: [withAssignment] })).toEqual([
      'an assignment in item 10 has no receiver',
      'an assignment in item 10 is due before its decision',
    ]);
  });
});
