import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { CasePlanView, PlanAnchor, StepView } from '../../../../src/domain/case-planning';
import { ApiFailure, send, useApi } from '../../api';
import { Load, usePageTitle } from '../../components/States';
import { svPlanning, svTrace } from '../../i18n/sv';
import { PlanForm } from './PlanForm';
import { YearWheel } from './YearWheel';
import { dayLabel, planWheels } from './wheel-model';
import './planning.css';

const t = svPlanning.plan;

export function CasePlanPage() {
  const { id = '' } = useParams();
  const [plan, retry] = useApi<CasePlanView>(`/api/case-plans/${encodeURIComponent(id)}`);
  return <Load value={plan} retry={retry}>{(p) => <Plan plan={p} reload={retry} />}</Load>;
}

function AnchorLink({ anchor }: { anchor: PlanAnchor }) {
  if (anchor.kind === 'recommendation') return <Link to={`/rekommendationer/${anchor.recommendationId}`}>{anchor.title}</Link>;
  const itemId = anchor.itemId;
  const title = anchor.kind === 'item' ? anchor.title : anchor.task;
  return itemId ? <><Link to={`/arenden/${itemId}`}>{title}</Link> ({svTrace.link.toLocaleLowerCase('sv')})</> : <>{title}</>;
}

function Step({ step }: { step: StepView }) {
  const heading = step.kind === 'huvudman' ? `${t.step(step.position + 1)}: ${t.decision}` : `${t.step(step.position + 1)}: ${step.body.name}`;
  return (
    <li className={step.warnings.length > 0 ? 'plan-step plan-step--warning' : 'plan-step'}>
      <h3>{heading}</h3>
      <dl className="plan-step__facts">
        {step.kind === 'huvudman' ? (
          <><dt>{t.decideBy}</dt><dd>{step.date ? <time dateTime={step.date}>{dayLabel(step.date)}</time> : t.noDate}</dd></>
        ) : (
          <>
            <dt>{t.meetingOn}</dt>
            <dd>
              {step.date === null ? t.noMeeting
                : step.meeting ? <Link to={`/moten/${step.meeting.id}`}><time dateTime={step.date}>{dayLabel(step.date)}</time></Link>
                : <><time dateTime={step.date}>{dayLabel(step.date)}</time> ({t.hiddenMeeting.toLocaleLowerCase('sv')})</>}
            </dd>
            {step.documentsDue && <><dt>{t.documentsDue}</dt><dd><time dateTime={step.documentsDue}>{dayLabel(step.documentsDue)}</time> ({t.leadDays(step.leadDays)})</dd></>}
          </>
        )}
      </dl>
      {step.warnings.length > 0 && (
        <ul className="plan-step__warnings">
          {step.warnings.map((w, i) => <li key={i}><strong>{t.warning}</strong> {w.message}</li>)}
        </ul>
      )}
    </li>
  );
}

function Plan({ plan, reload }: { plan: CasePlanView; reload: () => void }) {
  usePageTitle(t.title(plan.title));
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const wheels = planWheels(plan);
  const year = wheels[0]?.year ?? new Date().getFullYear();

  const remove = async () => {
    try {
      await send('DELETE', `/api/case-plans/${plan.id}`);
      navigate(`/arshjul?ar=${year}`);
    } catch (err) {
      setMessage({ text: err instanceof ApiFailure ? err.message : String(err), error: true });
    }
  };

  return (
    <>
      <p className="breadcrumb"><Link to={`/arshjul?ar=${year}`}>← {t.back}</Link></p>
      <h1>{t.title(plan.title)}</h1>
      <p className="lead">{t.intro}</p>
      {plan.description && <p>{plan.description}</p>}
      <p className="status">
        {t.visibility[plan.visibility]}
        {plan.anchor && <> · {t.anchor}: <AnchorLink anchor={plan.anchor} /></>}
      </p>
      {plan.warnings.length > 0 ? (
        <section className="notice notice--warning" aria-labelledby="plan-warnings">
          <h2 id="plan-warnings" className="h3">{t.warnings}</h2>
          <ul>{plan.warnings.map((w, i) => <li key={i}>{t.step(w.step + 1)}: {w.message}</li>)}</ul>
          {plan.canEdit && plan.warnings.some((w) => w.code === 'moved') && <p>{t.replan}</p>}
        </section>
      ) : <p className="notice">{t.allGood}</p>}
      {message && <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}

      {plan.canEdit && !editing && (
        <div className="plan-form__buttons">
          <button type="button" onClick={() => setEditing(true)}>{t.edit}</button>
          {confirming
            ? <><span>{t.confirmRemove}</span> <button type="button" onClick={remove}>{t.remove}</button> <button type="button" onClick={() => setConfirming(false)}>{t.cancelEdit}</button></>
            : <button type="button" onClick={() => setConfirming(true)}>{t.remove}</button>}
        </div>
      )}
      {editing ? (
        <section aria-labelledby="plan-edit">
          <h2 id="plan-edit">{t.edit}</h2>
          <PlanForm plan={plan} anchor={null} onSaved={() => { setEditing(false); setMessage({ text: svPlanning.form.saved, error: false }); reload(); }} />
          <button type="button" onClick={() => setEditing(false)}>{t.cancelEdit}</button>
        </section>
      ) : (
        <section aria-labelledby="plan-steps">
          <h2 id="plan-steps">{t.steps}</h2>
          <ol className="plan-steps">{plan.steps.map((s) => <Step key={s.position} step={s} />)}</ol>
        </section>
      )}

      {wheels.map((w) => (
        <section key={w.year} aria-labelledby={`plan-wheel-${w.year}`}>
          <h2 id={`plan-wheel-${w.year}`}>{t.wheel} {w.year}</h2>
          <YearWheel year={w.year} rings={w.rings} caption={`${svPlanning.wheel.figure(w.year)} ${t.wheelNote}`} highlightPlan={plan.id} />
        </section>
      ))}
    </>
  );
}
