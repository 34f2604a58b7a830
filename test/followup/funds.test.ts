import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applicationStatus, checkAssessment, fundTotals, isReportOverdue } from '../../src/domain/funds.js';

const apps = [
  { id: 1, project: 'Suicidprevention i skolan', askedOre: 500_000_00, proposedOre: null, grantedOre: null },
  { id: 2, project: 'Psykisk hälsa hos äldre', askedOre: 300_000_00, proposedOre: null, grantedOre: 100_000_00 },
];

describe('funds', () => {
  it('an application is in, proposed, granted, or rejected (granted 0 kr)', () => {
    expect(applicationStatus({ askedOre: 1, proposedOre: null, grantedOre: null })).toBe('submitted');
    expect(applicationStatus({ askedOre: 1, proposedOre: 1, grantedOre: null })).toBe('proposed');
    expect(applicationStatus({ askedOre: 1, proposedOre: 1, grantedOre: 1 })).toBe('granted');
    expect(applicationStatus({ askedOre: 1, proposedOre: 1, grantedOre: 0 })).toBe('rejected');
  });

  it('refuses more than was asked, an application of another call, and a decision beyond the call', () => {
    expect(() => checkAssessment('proposal', { amountOre: 1_000_000_00 }, apps, [{ applicationId: 1, amountOre: 500_000_01 }])).toThrow(/Suicidprevention i skolan: mer än de 500\s000,00\skr som söktes/);
    expect(() => checkAssessment('decision', { amountOre: 1_000_000_00 }, apps, [{ applicationId: 9, amountOre: 1 }])).toThrow(/hör inte till utlysningen/);
    // 450 000 + the 100 000 already granted to the other is more than the call's 500 000.
    expect(() => checkAssessment('decision', { amountOre: 500_000_00 }, apps, [{ applicationId: 1, amountOre: 450_000_00 }])).toThrow(/beviljat 550\s000,00\skr är mer än utlysningens 500\s000,00\skr/);
    expect(() => checkAssessment('decision', { amountOre: 500_000_00 }, apps, [{ applicationId: 1, amountOre: 400_000_00 }])).not.toThrow();
    // A proposal may exceed the call (the body decides).
    expect(() => checkAssessment('proposal', { amountOre: 1 }, apps, [{ applicationId: 1, amountOre: 500_000_00 }])).not.toThrow();
  });

  it('a report is overdue after its due date until it comes', () => {
    expect(isReportOverdue({ dueDate: '2024-03-31', submittedOn: null }, '2024-04-01')).toBe(true);
    expect(isReportOverdue({ dueDate: '2024-03-31', submittedOn: '2024-04-02' }, '2024-04-05')).toBe(false);
  });

  it('totals per year and fund, and a joint grant in equal parts per huvudman that sum to the grant', () => {
    const umea = { huvudmanId: 1, name: 'Umeå kommun' };
    const vannas = { huvudmanId: 2, name: 'Vännäs kommun' };
    const asele = { huvudmanId: 3, name: 'Åsele kommun' };
    const { funds, huvudman } = fundTotals([
      { fund: 'Psykisk hälsa', year: 2024, amountOre: 1000, applications: [
        { applicants: [umea, vannas, asele], askedOre: 900, proposedOre: 700, grantedOre: 100 },
        { applicants: [umea], askedOre: 200, proposedOre: null, grantedOre: 0 },
      ] },
    ]);
    expect(funds).toEqual([{ fund: 'Psykisk hälsa', year: 2024, callsOre: 1000, askedOre: 1100, proposedOre: 700, grantedOre: 100 }]);
    expect(huvudman.map((h) => [h.name, h.grantedOre])).toEqual([['Umeå kommun', 34], ['Vännäs kommun', 33], ['Åsele kommun', 33]]);
  });

  it('per-huvudman totals always add up to what was granted', () => {
    fc.assert(fc.property(fc.array(fc.record({ grant: fc.integer({ min: 0, max: 1e9 }), n: fc.integer({ min: 1, max: 16 }) }), { maxLength: 10 }), (grants) => {
      const { funds, huvudman } = fundTotals([{ fund: 'F', year: 2024, amountOre: 0, applications: grants.map((g) => ({ applicants: Array.from({ length: g.n }, (_, i) => ({ huvudmanId: i, name: `H${i}` })), askedOre: g.grant, proposedOre: null, grantedOre: g.grant })) }]);
      return huvudman.reduce((s, h) => s + h.grantedOre, 0) === (funds[0]?.grantedOre ?? 0);
    }));
  });
});
