import { describe, expect, it } from 'vitest';
import { dayBefore, placeVersion, reviewState, versionOn, versionProblem } from '../../src/domain/governing-documents.js';

describe('governing document versions', () => {
  const v1 = { id: 1, decidedOn: '2019-05-10', validFrom: '2019-07-01', validTo: null };
  it('a new version closes the open one the day before it starts', () => {
    expect(placeVersion([v1], { decidedOn: '2023-03-10', validFrom: '2023-04-01', validTo: null })).toBe(1);
    expect(dayBefore('2023-03-01')).toBe('2023-02-28');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });

  it('refuses a version that starts before the latest', () => {
    expect(() => placeVersion([v1], { decidedOn: '2019-01-01', validFrom: '2019-02-01', validTo: null })).toThrow(/efter 2019-07-01/);
  });

  it('leaves an already ended version as it is', () => {
    expect(placeVersion([{ ...v1, validTo: '2020-12-31' }], { decidedOn: '2023-01-01', validFrom: '2023-01-01', validTo: null })).toBeNull();
  });

  it('checks the dates', () => {
    expect(versionProblem({ decidedOn: '2023-02-30', validFrom: '2023-03-01', validTo: null })?.field).toBe('decidedOn');
    expect(versionProblem({ decidedOn: '2023-02-01', validFrom: '2023-03-01', validTo: '2023-01-01' })?.field).toBe('validTo');
    expect(versionProblem({ decidedOn: '2023-02-01', validFrom: '2023-03-01', validTo: null })).toBeNull();
  });

  it('finds the version valid on a day', () => {
    const versions = [{ ...v1, validTo: '2023-03-31' }, { id: 2, decidedOn: '2023-03-10', validFrom: '2023-04-01', validTo: null }];
    expect(versionOn(versions, '2020-01-01')?.id).toBe(1);
    expect(versionOn(versions, '2023-04-01')?.id).toBe(2);
    expect(versionOn(versions, '2019-01-01')).toBeNull();
  });

  it('tells when a review is coming up or past', () => {
    expect(reviewState(null, '2024-01-01')).toBe('none');
    expect(reviewState('2023-12-31', '2024-01-01')).toBe('overdue');
    expect(reviewState('2024-03-01', '2024-01-01')).toBe('soon');
    expect(reviewState('2024-06-01', '2024-01-01')).toBe('ok');
    expect(reviewState('2024-06-01', '2024-01-01', 180)).toBe('soon');
  });
});
