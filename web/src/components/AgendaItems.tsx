import type { ReactNode } from 'react';
import type { AgendaItem } from '../../../src/domain/model';
import type { CostSplit, Recommendation } from '../../../src/domain/follow-up-views';
import { useMaybe } from '../pages/followup/useMaybe';
import { AgendaItemView } from './AgendaItemView';

// The protocol's items with the follow-up their decisions made. Two requests per protocol (by
// meeting), not two per item; the API shows the public only what published minutes decided, and
// the protocol reads as before while they load or if they fail.

/** The protocol's items, each with the follow-up its decisions made; `afterDecision` adds to an item what its page offers there. */
export function AgendaItems({ agenda, meetingId, bodyName, afterDecision }: { agenda: AgendaItem[]; meetingId: number; bodyName: string; afterDecision?: (item: AgendaItem) => ReactNode }) {
  const recommendations = useMaybe<Recommendation[]>(`/api/recommendations?meeting=${meetingId}`) ?? [];
  const costSplits = useMaybe<CostSplit[]>(`/api/cost-splits?meeting=${meetingId}`) ?? [];
  return (
    <>
      {agenda.map((item) => (
        <AgendaItemView
          key={item.id}
          item={item}
          meetingId={meetingId}
          bodyName={bodyName}
          followUp={{ recommendations: recommendations.filter((r) => r.source?.itemId === item.id), costSplits: costSplits.filter((c) => c.source?.itemId === item.id) }}
        >
          {afterDecision?.(item)}
        </AgendaItemView>
      ))}
    </>
  );
}
