import { Link } from 'react-router';
import type { CostSplit, Recommendation } from '../../../src/domain/follow-up-views';
import { formatKronor } from '../../../src/domain/cost-split';
import { svDashboard } from '../i18n/sv';

// What the protocol's decisions set going after the meeting: recommendations to the huvudmän and
// cost splits, under the item that decided them (loaded by AgendaItems).

export interface ItemFollowUps {
  recommendations: Recommendation[];
  costSplits: CostSplit[];
}

const t = svDashboard.item;

export function ItemFollowUp({ followUp, itemNumber }: { followUp: ItemFollowUps; itemNumber: number | null }) {
  const where = itemNumber !== null ? `, punkt ${itemNumber}` : '';
  return (
    <>
      {followUp.recommendations.length > 0 && (
        <section className="item-followup" aria-label={`${t.recommendations}${where}`}>
          <h4>{t.recommendations}</h4>
          <ul>
            {followUp.recommendations.map((r) => (
              <li key={r.id}>
                <Link to={`/rekommendationer/${r.id}`}>{t.recommendation(r.title, r.progress.counts.adopted, r.progress.total)}</Link>
                {r.deadline && <> ({t.deadline(r.deadline)})</>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {followUp.costSplits.length > 0 && (
        <section className="item-followup" aria-label={`${t.costSplits}${where}`}>
          <h4>{t.costSplits}</h4>
          <ul>
            {followUp.costSplits.map((c) => (
              <li key={c.id}><Link to={`/kostnadsfordelning/${c.id}`}>{t.costSplit(c.title)}</Link> ({formatKronor(c.totalOre)})</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
