import { formatKronor } from '../../../../src/domain/cost-split';
import { svCostSplit as t } from '../../i18n/sv';
import type { CostSplitPart } from '../../../../src/domain/follow-up-views';

const number = new Intl.NumberFormat('sv-SE');
const percent = new Intl.NumberFormat('sv-SE', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The parts of a split: measure, share of the total and amount, with a sum row. */
export function CostSplitTable({ title, measureName, totalOre, parts }: { title: string; measureName: string; totalOre: number; parts: CostSplitPart[] }) {
  const share = (ore: number) => percent.format(totalOre === 0 ? 0 : ore / totalOre);
  const measureSum = parts.reduce((s, p) => s + (p.measure ?? 0), 0);
  return (
    <div className="table-wrap">
      <table className="cost-split">
        <caption>{t.caption(title)}</caption>
        <thead><tr><th scope="col">{t.huvudman}</th><th scope="col">{t.kind}</th><th scope="col" className="num">{measureName}</th><th scope="col" className="num">{t.share}</th><th scope="col" className="num">{t.amount}</th></tr></thead>
        <tbody>
          {parts.map((p) => (
            <tr key={p.huvudmanId}>
              <th scope="row">{p.name}</th>
              <td>{p.kind === 'region' ? t.region : t.kommun}</td>
              <td className="num">{p.measure === null ? '–' : number.format(p.measure)}</td>
              <td className="num">{share(p.amountOre)}</td>
              <td className="num">{formatKronor(p.amountOre)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t.sum}</th>
            <td />
            <td className="num">{number.format(measureSum)}</td>
            <td className="num">{share(parts.reduce((s, p) => s + p.amountOre, 0))}</td>
            <td className="num">{formatKronor(parts.reduce((s, p) => s + p.amountOre, 0))}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
