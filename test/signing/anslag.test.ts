import { describe, expect, it } from 'vitest';
import { addDays, anslagDates, swedishDay } from '../../src/domain/anslag.js';

describe('anslag dates', () => {
  it('go up on the Swedish day of sealing and come down after the appeal time', () => {
    // 23:30 UTC on 25 February is already the 26th in Stockholm.
    expect(anslagDates(new Date('2024-02-25T23:30:00Z'), { usesAnslag: true, anslagDays: 21 })).toEqual({ from: '2024-02-26', to: '2024-03-18' });
    expect(swedishDay(new Date('2024-07-01T21:59:00Z'))).toBe('2024-07-01');
    expect(swedishDay(new Date('2024-07-01T22:00:00Z'))).toBe('2024-07-02');
  });

  it('are none for a body that does not announce its justering', () => {
    expect(anslagDates(new Date(), { usesAnslag: false, anslagDays: 21 })).toBeNull();
  });

  it('count calendar days across months and leap days', () => {
    expect(addDays('2024-02-20', 21)).toBe('2024-03-12');
    expect(addDays('2023-12-20', 21)).toBe('2024-01-10');
  });
});
