import { describe, expect, it } from 'vitest';
import { closableBy, closesAssignment, closingDecision } from '../../src/domain/assignment-closing.js';
import { receiverHuvudman } from '../../src/domain/huvudman-match.js';

// Follow-up gaps: a report-back item's decision that closes its assignment, and the huvudman an
// assignment's receiver text names.

const d = (text: string, clauses: string[] = [], outcome: 'informed' | 'filed' | 'referred-back' | 'withdrawn' | null = null) => ({ text, clauses, outcome });

describe('a decision that closes the assignment it reports on', () => {
  it.each([
    'Länssamverkansgruppen beslutar att anse uppdraget slutfört.',
    'Uppdraget anses slutfört.',
    'Uppdraget anses därmed som slutfört.',
    'Återredovisningen godkänns och uppdraget förklaras avslutat.',
    'Återrapporteringen godkänns.',
    'Samrådet beslutar att godkänna återredovisningen.',
    'Länssamverkansgruppen beslutar att avsluta uppdraget.',
    'Uppdraget är genomfört.',
  ])('closes: %s', (text) => {
    expect(closesAssignment(d(text))).toBe(true);
  });

  it('closes by an att-clause, as the editor writes them', () => {
    expect(closesAssignment(d('Länssamverkansgruppen beslutar att lägga återrapporteringen till handlingarna att anse uppdraget slutfört', ['lägga återrapporteringen till handlingarna', 'anse uppdraget slutfört']))).toBe(true);
  });

  it.each([
    'Återrapporteringen läggs till handlingarna.',
    'Informationen godkänns.',
    'Uppdraget anses inte slutfört; beredningen återkommer i juni.',
    'Länssamverkansgruppen beslutar att inte godkänna återredovisningen.',
    'Uppdraget kvarstår.',
    'Ärendet återremitteras till Beredning barn och unga.',
    'Rapporten från uppdraget i Skellefteå presenterades.',
  ])('does not close: %s', (text) => {
    expect(closesAssignment(d(text))).toBe(false);
  });

  it('not when the outcome is a referral back or withdrawal', () => {
    expect(closesAssignment(d('Uppdraget anses slutfört.', [], 'referred-back'))).toBe(false);
    expect(closesAssignment(d('Uppdraget anses slutfört.', [], 'withdrawn'))).toBe(false);
  });

  it('the first closing decision of an item', () => {
    const decisions = [d('Informationen godkänns.'), { ...d('Återredovisningen godkänns.'), id: 7 }];
    expect(closingDecision(decisions)).toMatchObject({ text: 'Återredovisningen godkänns.' });
    expect(closingDecision([d('Informationen godkänns.')])).toBeNull();
  });

  it('closes open and reported assignments, not unconfirmed, withdrawn or done ones', () => {
    expect(closableBy('open')).toBe(true);
    expect(closableBy('reported')).toBe(true);
    expect(closableBy('unconfirmed')).toBe(false);
    expect(closableBy('withdrawn')).toBe(false);
    expect(closableBy('done')).toBe(false);
  });
});

describe('the huvudman an assignment goes to', () => {
  const list = [
    { id: 1, name: 'Region Västerbotten', shortName: 'RV', kind: 'region' as const },
    { id: 2, name: 'Umeå kommun', shortName: 'Umeå', kind: 'kommun' as const },
    { id: 3, name: 'Bjurholms kommun', shortName: 'Bjurholm', kind: 'kommun' as const },
    { id: 4, name: 'Vännäs kommun', shortName: 'Vännäs', kind: 'kommun' as const },
    { id: 5, name: 'Skellefteå kommun', shortName: 'Skellefteå', kind: 'kommun' as const },
  ];

  it.each([
    ['Umeå kommun', 2], ['umeå kommun', 2], ['Umeå', 2], ['Umea kommun', 2], ['  Umeå  kommun. ', 2],
    ['Bjurholms kommun', 3], ['Bjurholm kommun', 3], ['Bjurholm', 3],
    ['Region Västerbotten', 1], ['RV', 1], ['regionen', 1], ['Västerbottens läns landsting', 1],
    ['Vännäs kommun', 4], ['Skellefteå kommun', 5],
  ])('"%s" is huvudman %i', (text, id) => {
    expect(receiverHuvudman(text, list)).toBe(id);
  });

  it.each([
    'kommunerna', 'Kommunerna', 'respektive huvudman', 'samtliga kommuner', 'Umeå och Vännäs kommuner', 'Socialtjänsten i Umeå kommun',
    'Beredning barn och unga', 'Länssamverkansgruppen', '', 'kommunen',
  ])('"%s" is not one huvudman', (text) => {
    expect(receiverHuvudman(text, list)).toBeNull();
  });

  it('"regionen" only where there is exactly one region', () => {
    expect(receiverHuvudman('regionen', [...list, { id: 9, name: 'Region Norrbotten', shortName: 'RN', kind: 'region' }])).toBeNull();
    expect(receiverHuvudman('Region Norrbotten', [...list, { id: 9, name: 'Region Norrbotten', shortName: 'RN', kind: 'region' }])).toBe(9);
  });
});
