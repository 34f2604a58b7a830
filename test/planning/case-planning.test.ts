// The rules of case planning: when documents are due, what makes a path impossible, and what a
// moved or cancelled meeting does to a plan.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays, derivePlan, documentsDue, easterSunday, genitive, isWorkingDay, pathProblems, refusesSaving, suggestMeeting, swedishHolidays, yearFraction,
  type PlannedStep, type StepInput,
} from '../../src/domain/case-planning.js';

const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const names: Record<number, string> = { 1: 'Beredning vuxna och äldre', 2: 'Länssamverkansgruppen', 3: 'Samråd hälsa, vård och omsorg' };
const nameOf = (id: number) => names[id] ?? `Organ ${id}`;

function body(bodyId: number, date: string | null, extra: Partial<Extract<PlannedStep, { kind: 'body' }>> = {}): PlannedStep {
  return { kind: 'body', bodyId, bodyName: nameOf(bodyId), leadDays: 14, meeting: date ? { date, status: 'planned' } : null, plannedDate: date, ...extra };
}

describe('the documents deadline', () => {
  it('is counted in calendar days before the meeting', () => {
    expect(documentsDue('2026-03-20', 14)).toBe('2026-03-06'); // a Friday, two weeks before a Friday
    expect(documentsDue('2026-03-20', 0)).toBe('2026-03-20');
  });

  it('moves back to the working day before a weekend or holiday', () => {
    expect(documentsDue('2026-03-23', 2)).toBe('2026-03-20'); // Saturday → Friday
    // Påskdagen 2026 is 5 April: Easter Monday, Sunday, Saturday and Good Friday are passed over.
    expect(documentsDue('2026-04-10', 4)).toBe('2026-04-02');
    expect(documentsDue('2026-06-26', 7)).toBe('2026-06-18'); // midsommarafton 19 June
    expect(documentsDue('2027-01-08', 14)).toBe('2026-12-23'); // christmas eve is kept as a holiday
  });

  it('is always a working day, never after the lead time, and at most a long weekend earlier', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 90 }), (meeting, lead) => {
        const due = documentsDue(meeting, lead);
        expect(isWorkingDay(due)).toBe(true);
        expect(due <= addDays(meeting, -lead)).toBe(true);
        expect(due >= addDays(meeting, -lead - 5)).toBe(true);
      }),
    );
  });

  it('knows Easter and the Swedish holidays', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    const h = swedishHolidays(2026);
    for (const d of ['2026-01-01', '2026-01-06', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-06-06', '2026-06-19', '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31']) {
      expect(h.has(d), d).toBe(true);
    }
    expect(isWorkingDay('2026-04-07')).toBe(true);
  });
});

describe('a path that loops', () => {
  it('is refused when a body comes twice in a row, or comes back later', () => {
    const twice: StepInput[] = [{ kind: 'body', bodyId: 1, meetingId: null }, { kind: 'body', bodyId: 1, meetingId: null }];
    expect(pathProblems(twice, nameOf).map((p) => p.message)).toEqual(['Steg 2: Beredning vuxna och äldre kommer två gånger i rad. Vägen får inte gå i en slinga.']);
    const cycle: StepInput[] = [1, 2, 3, 2].map((bodyId) => ({ kind: 'body', bodyId, meetingId: null }));
    expect(pathProblems(cycle, nameOf).map((p) => p.message)).toEqual([
      'Steg 4: vägen går tillbaka till Länssamverkansgruppen (steg 2) och bildar en slinga. Varje organ kan bara finnas en gång i vägen.',
    ]);
  });

  it('is named for every path with a body twice, and only for those', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }), (bodies) => {
        const steps: StepInput[] = bodies.map((bodyId) => ({ kind: 'body', bodyId, meetingId: null }));
        const loops = pathProblems(steps, nameOf).some((p) => p.code === 'loop');
        expect(loops).toBe(new Set(bodies).size < bodies.length);
        const warned = derivePlan(bodies.map((b) => body(b, null))).some((d) => d.warnings.some((w) => w.code === 'loop'));
        expect(warned).toBe(loops);
      }),
    );
  });

  it('puts each huvudman’s decision last, and needs a body', () => {
    expect(pathProblems([], nameOf).map((p) => p.code)).toEqual(['empty']);
    expect(pathProblems([{ kind: 'huvudman', date: null }], nameOf).map((p) => p.code)).toEqual(['no-body']);
    const early: StepInput[] = [{ kind: 'huvudman', date: null }, { kind: 'body', bodyId: 1, meetingId: null }];
    expect(pathProblems(early, nameOf).map((p) => p.message)).toEqual(['Steg 1: huvudmännens beslut kan bara vara det sista steget.']);
  });
});

describe('a planned path', () => {
  const chain = [body(1, '2026-02-10'), body(2, '2026-03-13'), body(3, '2026-04-17'), { kind: 'huvudman', date: '2026-12-31' } as PlannedStep];

  it('gives each step its date and documents deadline, and nothing to warn about when it holds', () => {
    const d = derivePlan(chain);
    expect(d.map((s) => [s.date, s.documentsDue])).toEqual([
      ['2026-02-10', '2026-01-27'], ['2026-03-13', '2026-02-27'], ['2026-04-17', '2026-04-02'], ['2026-12-31', null],
    ]);
    expect(d.flatMap((s) => s.warnings)).toEqual([]);
  });

  it('warns when a meeting was moved after planning, and when the move puts a step before the one it feeds', () => {
    const moved = [chain[0]!, body(2, '2026-02-06', { plannedDate: '2026-03-13' }), chain[2]!];
    const w = derivePlan(moved).flatMap((s) => s.warnings);
    expect(w.map((x) => [x.step, x.code])).toEqual([[1, 'moved'], [1, 'order']]);
    expect(w[0]!.message).toBe('Länssamverkansgruppens möte har flyttats från 2026-03-13 till 2026-02-06 sedan planen gjordes.');
    expect(w[1]!.message).toBe('Länssamverkansgruppens möte 2026-02-06 ligger inte efter Beredning vuxna och äldres möte 2026-02-10, som steget bygger på.');
    expect(w.filter(refusesSaving).map((x) => x.code)).toEqual(['order']);
  });

  it('warns about a cancelled meeting and measures the next step against the one before it', () => {
    const cancelled = [chain[0]!, body(2, '2026-03-13', { meeting: { date: '2026-03-13', status: 'cancelled' } }), body(3, '2026-02-20')];
    const w = derivePlan(cancelled).flatMap((s) => s.warnings);
    expect(w.map((x) => [x.step, x.code])).toEqual([[1, 'cancelled'], [2, 'documents-before-previous']]);
    expect(w[0]!.message).toBe('Länssamverkansgruppens möte 2026-03-13 är inställt. Välj ett annat möte.');
  });

  it('warns when documents are due before the step that feeds them has met, and when a step has no meeting', () => {
    const tight = derivePlan([body(1, '2026-03-10'), body(2, '2026-03-13'), body(3, null)]).flatMap((s) => s.warnings);
    expect(tight.map((x) => x.message)).toEqual([
      'Handlingarna till Länssamverkansgruppen ska vara inne 2026-02-27, före Beredning vuxna och äldres möte 2026-03-10.',
      'Inget möte i årsplanen är valt för Samråd hälsa, vård och omsorg.',
    ]);
    expect(tight.some(refusesSaving)).toBe(false);
  });

  it('finds a step out of order wherever it is, and only then', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 365 }), { minLength: 1, maxLength: 6 }), (offsets) => {
        const dates = offsets.map((o) => addDays('2026-01-01', o));
        const d = derivePlan(dates.map((date, i) => body(i + 1, date, { leadDays: 0 })));
        const outOfOrder = dates.some((date, i) => i > 0 && date <= dates.slice(0, i).reduce((a, b) => (a > b ? a : b)));
        expect(d.some((s) => s.warnings.some((w) => w.code === 'order'))).toBe(outOfOrder);
      }),
    );
  });

  it('wants the huvudmän to decide after the last body, and a date for it', () => {
    expect(derivePlan([body(1, '2026-03-10'), { kind: 'huvudman', date: '2026-03-10' }]).flatMap((s) => s.warnings).map((w) => w.code)).toEqual(['order']);
    expect(derivePlan([body(1, '2026-03-10'), { kind: 'huvudman', date: null }]).flatMap((s) => s.warnings).map((w) => w.code)).toEqual(['no-date']);
  });
});

describe('helpers for the planner and the wheel', () => {
  const meetings = [{ date: '2026-02-20', status: 'planned' as const }, { date: '2026-03-13', status: 'cancelled' as const }, { date: '2026-04-17', status: 'planned' as const }, { date: '2026-03-27', status: 'planned' as const }];

  it('suggests the first meeting whose documents are due after the step before has met', () => {
    expect(suggestMeeting(meetings, 14, '2026-02-10', '2026-01-01')?.date).toBe('2026-03-27'); // 20 Feb: documents due 6 Feb; 13 Mar cancelled
    expect(suggestMeeting(meetings, 14, null, '2026-03-01')?.date).toBe('2026-03-27');
    expect(suggestMeeting(meetings, 14, '2026-05-01', '2026-01-01')).toBeNull();
  });

  it('places a date on the year: 1 January at the top, growing through the year', () => {
    expect(yearFraction('2026-01-01')).toBe(0);
    expect(yearFraction('2026-07-02')).toBeCloseTo(182 / 365);
    fc.assert(fc.property(isoDate, fc.integer({ min: 1, max: 365 }), (a, days) => {
      const b = addDays(a, days);
      fc.pre(a.slice(0, 4) === b.slice(0, 4));
      expect(yearFraction(a)).toBeLessThan(yearFraction(b));
      expect(yearFraction(b)).toBeLessThan(1);
    }));
  });

  it('writes the genitive the Swedish way', () => {
    expect(genitive('Länssamverkansgruppen')).toBe('Länssamverkansgruppens');
    expect(genitive('Samråd hälsa, vård och omsorg')).toBe('Samråd hälsa, vård och omsorgs');
    expect(genitive('Umeå kommuns')).toBe('Umeå kommuns');
  });
});
