import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CostSplitError, costSplitSheets, formatKronor, formatPercent, largestRemainder, parseKronor, parsePercent, splitCost, type SplitParty } from '../../src/domain/cost-split.js';

const region: SplitParty = { huvudmanId: 1, name: 'Region Västerbotten', kind: 'region', measure: null };
const kommun = (id: number, name: string, population: number | null): SplitParty => ({ huvudmanId: id, name, kind: 'kommun', measure: population === null ? null : BigInt(population) });
const half = { regionShareBp: 5000, municipalShareBp: 5000 };

describe('splitting a cost by the key', () => {
  it('gives the region its fixed share and the municipalities theirs by population, to the öre', () => {
    const parts = splitCost(100_000_00n, half, [region, kommun(2, 'Umeå kommun', 3), kommun(3, 'Åsele kommun', 1)]);
    expect(parts.map((p) => [p.name, p.amountOre])).toEqual([['Region Västerbotten', 50_000_00n], ['Umeå kommun', 37_500_00n], ['Åsele kommun', 12_500_00n]]);
  });

  it('hands the öre left over to the largest remainders, so the parts sum exactly', () => {
    // 100 öre in three equal thirds of the municipalities' whole share: 34 + 33 + 33.
    const parts = splitCost(100n, { regionShareBp: 0, municipalShareBp: 10_000 }, [region, kommun(2, 'A', 1), kommun(3, 'B', 1), kommun(4, 'C', 1)]);
    expect(parts.map((p) => p.amountOre)).toEqual([0n, 34n, 33n, 33n]);
    expect(largestRemainder(10n, [1n, 2n, 3n], 6n)).toEqual([2n, 3n, 5n]);
  });

  it('refuses shares that do not sum to 100 %', () => {
    expect(() => splitCost(1000n, { regionShareBp: 5000, municipalShareBp: 4000 }, [region, kommun(2, 'A', 1)])).toThrow(/90\s% tillsammans, inte 100 %/);
    const e = (() => { try { splitCost(1000n, { regionShareBp: 6000, municipalShareBp: 5000 }, [region]); } catch (err) { return err; } })();
    expect(e).toBeInstanceOf(CostSplitError);
    expect((e as CostSplitError).field).toBe('municipalShareBp');
  });

  it('names the municipality whose measure is missing', () => {
    expect(() => splitCost(1000n, half, [region, kommun(2, 'Umeå kommun', 10), kommun(3, 'Bjurholms kommun', null)])).toThrow('Bjurholms kommun saknar värde för fördelningsgrunden');
  });

  it('refuses a measure that is zero for every municipality, and a negative total', () => {
    expect(() => splitCost(1000n, half, [region, kommun(2, 'A', 0)])).toThrow(/noll för alla kommuner/);
    expect(() => splitCost(-1n, half, [region, kommun(2, 'A', 1)])).toThrow(/negativt/);
    // Nothing to split by is fine when the municipalities pay nothing.
    expect(splitCost(1000n, { regionShareBp: 10_000, municipalShareBp: 0 }, [region, kommun(2, 'A', 0)]).map((p) => p.amountOre)).toEqual([1000n, 0n]);
  });
});

describe('the split’s properties, for any key, total and populations', () => {
  const input = fc.record({
    total: fc.bigInt({ min: 0n, max: 10n ** 15n }),
    regionBp: fc.integer({ min: 0, max: 10_000 }),
    populations: fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 1, maxLength: 20 }),
  }).filter((i) => i.populations.some((p) => p > 0));
  const split = (i: { total: bigint; regionBp: number; populations: number[] }) =>
    splitCost(i.total, { regionShareBp: i.regionBp, municipalShareBp: 10_000 - i.regionBp }, [region, ...i.populations.map((p, n) => kommun(n + 2, `K${n}`, p))]);

  it('the parts sum exactly to the total', () => {
    fc.assert(fc.property(input, (i) => split(i).reduce((s, p) => s + p.amountOre, 0n) === i.total));
  });

  it('no part is negative', () => {
    fc.assert(fc.property(input, (i) => split(i).every((p) => p.amountOre >= 0n)));
  });

  it('a larger population never gets a smaller share', () => {
    fc.assert(fc.property(input, (i) => {
      const kommuner = split(i).filter((p) => p.kind === 'kommun');
      return kommuner.every((a) => kommuner.every((b) => !(a.measure! > b.measure!) || a.amountOre >= b.amountOre));
    }));
  });

  it('each part is within one öre of its exact share', () => {
    fc.assert(fc.property(input, (i) => {
      const sum = BigInt(i.populations.reduce((s, p) => s + p, 0));
      return split(i).every((p) => {
        const exactTimesD = p.kind === 'region' ? i.total * BigInt(i.regionBp) * sum : i.total * BigInt(10_000 - i.regionBp) * p.measure!;
        const d = 10_000n * sum;
        const diff = p.amountOre * d - exactTimesD;
        return diff > -d && diff < d;
      });
    }));
  });
});

describe('kronor and percent as Swedes write them', () => {
  it('formats öre as kronor with grouping and a decimal comma', () => {
    expect(formatKronor(123456789n)).toBe('1\u00a0234\u00a0567,89\u00a0kr');
    expect(formatKronor(5)).toBe('0,05\u00a0kr');
    expect(formatKronor(100_000_000_00n)).toBe('100\u00a0000\u00a0000,00\u00a0kr');
    expect(formatPercent(5000)).toBe('50\u00a0%');
    expect(formatPercent(3333)).toBe('33,33\u00a0%');
    expect(formatPercent(1250)).toBe('12,5\u00a0%');
  });

  it('reads an amount typed in kronor', () => {
    expect(parseKronor('1 234 567,89')).toBe(123456789n);
    expect(parseKronor('2500000')).toBe(250000000n);
    expect(parseKronor('12,5 kr')).toBe(1250n);
    expect(parseKronor('tolv')).toBeNull();
    expect(parseKronor('1,234')).toBeNull();
    expect([parsePercent('50'), parsePercent('33,33'), parsePercent('12.5 %'), parsePercent('100'), parsePercent('101'), parsePercent('1/2')]).toEqual([5000, 3333, 1250, 10_000, null, null]);
  });

  it('describes a stored split as sheets with a sum row', () => {
    const sheets = costSplitSheets({
      title: 'Vårdhygien 2025', body: { name: 'Länssamverkansgruppen' }, decidedOn: '2024-11-22', costYear: 2025, totalOre: 1000, regionShareBp: 5000, municipalShareBp: 5000, measureName: 'Folkmängd 2023',
      parts: [{ name: 'Region Västerbotten', kind: 'region', measure: null, amountOre: 500 }, { name: 'Åsele kommun', kind: 'kommun', measure: 2700, amountOre: 500 }],
    });
    expect(sheets.parts.columns.map((c) => c.header)).toEqual(['Huvudman', 'Typ', 'Folkmängd 2023', 'Andel', 'Belopp (kr)']);
    expect(sheets.parts.rows.at(-1)).toEqual(['Summa', null, 2700, 1, 1000]);
    expect(sheets.key.rows).toContainEqual(['Totalbelopp', '10,00\u00a0kr']);
  });
});
