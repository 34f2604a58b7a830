import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FieldError } from '../../src/domain/recommendations.js';
import { DUE_SOON_DAYS, addDays, dashboardScope, dueSoonUntil, dueState, percentOf, yearBounds } from '../../src/domain/dashboard.js';
import { reviewState } from '../../src/domain/governing-documents.js';

describe('due dates on the dashboard', () => {
  it('is overdue the day after the due date, soon up to and including the window’s last day, later beyond', () => {
    expect(dueState('2025-03-09', false, '2025-03-10')).toBe('overdue');
    expect(dueState('2025-03-10', false, '2025-03-10')).toBe('soon');
    expect(dueState(addDays('2025-03-10', DUE_SOON_DAYS), false, '2025-03-10')).toBe('soon');
    expect(dueState(addDays('2025-03-10', DUE_SOON_DAYS + 1), false, '2025-03-10')).toBe('later');
    expect(dueState(null, false, '2025-03-10')).toBe('none');
    expect(dueState('2020-01-01', true, '2025-03-10')).toBe('settled');
    expect(dueState('2025-03-20', false, '2025-03-10', 7)).toBe('later');
  });

  it('uses the register’s review window, so a review due soon is due soon in both places', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (offset) => {
        const today = '2025-06-15';
        const next = addDays(today, offset);
        const review = reviewState(next, today);
        const due = dueState(next, false, today);
        expect(review === 'ok' ? 'later' : review).toBe(due);
      }),
    );
  });

  it('counts days across month and year ends and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(dueSoonUntil('2025-01-01', 90)).toBe('2025-04-01');
    expect(yearBounds(2024)).toEqual(['2024-01-01', '2024-12-31']);
  });
});

describe('whose dashboard', () => {
  it('is the whole collaboration, one body or one huvudman — never a body and a huvudman at once', () => {
    expect(dashboardScope({})).toEqual({ kind: 'all' });
    expect(dashboardScope({ body: 3 })).toEqual({ kind: 'body', id: 3 });
    expect(dashboardScope({ huvudman: 7 })).toEqual({ kind: 'huvudman', id: 7 });
    expect(() => dashboardScope({ body: 3, huvudman: 7 })).toThrow(FieldError);
  });

  it('gives shares as whole per cent, and 0 of nothing as 0', () => {
    expect(percentOf(3, 16)).toBe(19);
    expect(percentOf(16, 16)).toBe(100);
    expect(percentOf(0, 0)).toBe(0);
  });
});
