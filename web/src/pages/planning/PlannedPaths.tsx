import { Link } from 'react-router';
import type { CasePlanView } from '../../../../src/domain/case-planning';
import { useApi } from '../../api';
import { useAuth } from '../../auth';
import { svPlanning } from '../../i18n/sv';
import { dayLabel } from './wheel-model';
import { mayPlan } from './YearWheelPage';

// Beside the trace of what happened to a case: the path planned for it from here on.

const t = svPlanning.plan;

export function PlannedPaths({ itemIds, startId }: { itemIds: number[]; startId: number }) {
  const { me } = useAuth();
  const [plans] = useApi<CasePlanView[]>(`/api/case-plans?items=${itemIds.slice(0, 40).join(',')}`);
  const list = plans.state === 'ready' ? plans.data : [];
  if (list.length === 0 && !mayPlan(me)) return null;
  return (
    <section aria-labelledby="planned-paths" className="planned-paths">
      <h2 id="planned-paths">{t.plannedPaths}</h2>
      {list.map((p) => (
        <div key={p.id}>
          <h3><Link to={`/planering/${p.id}`}>{p.title}</Link></h3>
          <ol className="planned-paths__steps">
            {p.steps.map((s) => (
              <li key={s.position}>
                {s.kind === 'huvudman' ? t.decision : s.body.name}
                {s.date && <> – <time dateTime={s.date}>{dayLabel(s.date)}</time></>}
                {s.warnings.length > 0 && <> <strong>{t.warning}</strong> {s.warnings.map((w) => w.message).join(' ')}</>}
              </li>
            ))}
          </ol>
        </div>
      ))}
      {mayPlan(me) && <p><Link to={`/planering/ny?arende=${startId}`}>{t.planAhead}</Link></p>}
    </section>
  );
}
