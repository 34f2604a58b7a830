import { describe, expect, it } from 'vitest';
import { stockholmDateTime } from '../../src/opendata/time.js';
import { collaborationName } from '../../src/opendata/map-org.js';
import { PersonSchema, SCHEMAS_BY_TYPE } from '../../src/opendata/schemas.js';
import { officialTypes } from './validate.js';

// The parts of the OParl mapping that need no database.

describe('meeting times', () => {
  it('carry Stockholm’s offset of the day: CET in winter, CEST in summer', () => {
    expect(stockholmDateTime('2024-02-23', '09:00')).toBe('2024-02-23T09:00:00+01:00');
    expect(stockholmDateTime('2024-06-14', '13:30:00')).toBe('2024-06-14T13:30:00+02:00');
  });

  it('take the right offset on the days the clocks change', () => {
    expect(stockholmDateTime('2024-03-31', '01:30')).toBe('2024-03-31T01:30:00+01:00');
    expect(stockholmDateTime('2024-03-31', '09:00')).toBe('2024-03-31T09:00:00+02:00');
    expect(stockholmDateTime('2024-10-27', '09:00')).toBe('2024-10-27T09:00:00+01:00');
  });

  it('give no date-time without a date or a time', () => {
    expect(stockholmDateTime(null, '09:00')).toBeNull();
    expect(stockholmDateTime('2024-02-23', null)).toBeNull();
    expect(stockholmDateTime('23 februari', '09:00')).toBeNull();
  });
});

describe('the collaboration’s name', () => {
  it('is made from its huvudmän', () => {
    const h = (name: string, kind: 'region' | 'kommun') => ({ id: 1, name, shortName: name, kind, population: [] });
    expect(collaborationName([h('Region Västerbotten', 'region'), h('Umeå kommun', 'kommun'), h('Vännäs kommun', 'kommun')])).toBe('Region Västerbotten och 2 kommuner i samverkan');
    expect(collaborationName([])).toBe('Samverkan');
  });
});

describe('the zod schemas', () => {
  it('exist for every type of the official OParl schemas', () => {
    expect(Object.keys(SCHEMAS_BY_TYPE).sort()).toEqual(officialTypes().sort());
  });

  it('refuse a property the mapping does not declare, such as an e-mail address', () => {
    const person = { id: 'https://x.se/oparl/v1/person/1', type: 'https://schema.oparl.org/1.1/Person', body: 'https://x.se/oparl/v1/body/samverkan', name: 'Carin Nilsson', membership: [] };
    expect(PersonSchema.safeParse(person).success).toBe(true);
    expect(PersonSchema.safeParse({ ...person, email: ['carin@umea.se'] }).success).toBe(false);
  });
});
