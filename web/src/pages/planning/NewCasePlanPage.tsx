import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApi } from '../../api';
import { useAuth } from '../../auth';
import { Load, usePageTitle } from '../../components/States';
import { svPlanning } from '../../i18n/sv';
import { PlanForm } from './PlanForm';
import { mayPlan } from './YearWheelPage';
import './planning.css';

const t = svPlanning.form;

export function NewCasePlanPage() {
  usePageTitle(t.newTitle);
  const { me } = useAuth();
  const [params] = useSearchParams();
  const itemId = Number(params.get('arende')) || null;
  return (
    <>
      <p className="breadcrumb"><Link to="/arshjul">← {svPlanning.plan.back}</Link></p>
      <h1>{t.newTitle}</h1>
      <p className="lead">{t.intro}</p>
      {me === null ? null : !mayPlan(me) ? <p><Link to="/logga-in">{t.signIn}</Link></p>
        : itemId ? <Anchored itemId={itemId} /> : <NewPlan anchor={null} />}
    </>
  );
}

/** Planning the road ahead of a case that is already in a protocol (from its trace). */
function Anchored({ itemId }: { itemId: number }) {
  const [trace, retry] = useApi<{ itemId: number; title: string }[]>(`/api/items/${itemId}/trace`);
  return <Load value={trace} retry={retry}>{(entries) => <NewPlan anchor={{ itemId, title: entries.find((e) => e.itemId === itemId)?.title ?? '' }} />}</Load>;
}

function NewPlan({ anchor }: { anchor: { itemId: number; title: string } | null }) {
  const navigate = useNavigate();
  return <PlanForm plan={null} anchor={anchor} onSaved={(id) => navigate(`/planering/${id}`)} />;
}
