import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { CasePlanView, PlannedStep, StepInput } from '../../../../src/domain/case-planning';
import { derivePlan, documentsDue, pathProblems, suggestMeeting } from '../../../../src/domain/case-planning';
import { todayIso } from '../../../../src/domain/assignments';
import { formatLongDate } from '../../../../src/domain/dates';
import type { MeetingStatus } from '../../../../src/domain/model';
import { ApiFailure, send, useApi } from '../../api';
import { Load } from '../../components/States';
import { sv, svPlanning } from '../../i18n/sv';

// The planner: a title, who may see the plan, and the path — a body and a meeting from its year
// plan for each step, each huvudman's decision last. The deadlines and what is wrong with the path
// are worked out as the secretary chooses (with the same rules the server applies on saving).

const t = svPlanning.form;

interface Option {
  id: number; name: string; slug: string; shortName: string | null; leadDays: number; canEdit: boolean;
  meetings: { id: number; date: string; status: MeetingStatus }[];
}

type Draft =
  | { key: number; kind: 'body'; bodyId: number | null; meetingId: number | null; knownDate: string | null }
  | { key: number; kind: 'huvudman'; date: string };

let nextKey = 1;

function draftsOf(plan: CasePlanView | null, options: Option[]): Draft[] {
  if (plan) {
    return plan.steps.map((s) => (s.kind === 'huvudman'
      ? { key: nextKey++, kind: 'huvudman', date: s.date ?? '' }
      : { key: nextKey++, kind: 'body', bodyId: s.body.id, meetingId: s.meetingId, knownDate: s.date }));
  }
  const own = options.find((o) => o.canEdit) ?? null;
  const meeting = own ? suggestMeeting(own.meetings, own.leadDays, null, todayIso()) : null;
  return [{ key: nextKey++, kind: 'body', bodyId: own?.id ?? null, meetingId: meeting?.id ?? null, knownDate: meeting?.date ?? null }];
}

export interface Saved {
  id: number;
}

export function PlanForm({ plan, anchor, onSaved }: { plan: CasePlanView | null; anchor: { itemId: number; title: string } | null; onSaved: (id: number) => void }) {
  const thisYear = new Date().getFullYear();
  const firstYear = plan?.steps.map((s) => s.date).filter((d): d is string => !!d).map((d) => Number(d.slice(0, 4))).sort()[0] ?? thisYear;
  const from = Math.min(thisYear, firstYear);
  const [options, retry] = useApi<Option[]>(`/api/case-planning/options?from=${from}&to=${from + 2}`);
  return <Load value={options} retry={retry}>{(o) => <Form plan={plan} anchor={anchor} options={o} onSaved={onSaved} />}</Load>;
}

function Form({ plan, anchor, options, onSaved }: { plan: CasePlanView | null; anchor: { itemId: number; title: string } | null; options: Option[]; onSaved: (id: number) => void }) {
  const id = useId();
  const [title, setTitle] = useState(plan?.title ?? anchor?.title ?? '');
  const [description, setDescription] = useState(plan?.description ?? '');
  const [visibility, setVisibility] = useState<'members' | 'public'>(plan?.visibility ?? 'members');
  const [steps, setSteps] = useState<Draft[]>(() => draftsOf(plan, options));
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const byId = useMemo(() => new Map(options.map((o) => [o.id, o])), [options]);
  useEffect(() => setMessage(null), [steps]); // a refusal is about the path as it was

  const dateOf = (s: Draft & { kind: 'body' }) => byId.get(s.bodyId ?? -1)?.meetings.find((m) => m.id === s.meetingId) ?? (s.meetingId !== null && s.knownDate ? { id: s.meetingId, date: s.knownDate, status: 'planned' as MeetingStatus } : null);
  const inputs: StepInput[] = steps.map((s) => (s.kind === 'huvudman' ? { kind: 'huvudman', date: s.date || null } : { kind: 'body', bodyId: s.bodyId ?? 0, meetingId: s.meetingId }));
  const planned: PlannedStep[] = steps.map((s) => {
    if (s.kind === 'huvudman') return { kind: 'huvudman', date: s.date || null };
    const m = dateOf(s);
    const body = byId.get(s.bodyId ?? -1);
    return { kind: 'body', bodyId: s.bodyId ?? 0, bodyName: body?.name ?? '', leadDays: body?.leadDays ?? 14, meeting: m ? { date: m.date, status: m.status } : null, plannedDate: m?.date ?? null };
  });
  const problems = steps.some((s) => s.kind === 'body' && s.bodyId === null) ? [] : [
    ...pathProblems(inputs, (b) => byId.get(b)?.name ?? '').map((p) => p.message),
    ...derivePlan(planned).flatMap((d) => d.warnings).filter((w) => w.code !== 'loop').map((w) => `${svPlanning.plan.step(w.step + 1)}: ${w.message}`),
  ];

  const update = (key: number, change: (s: Draft) => Draft) => setSteps((all) => all.map((s) => (s.key === key ? change(s) : s)));
  const previousDate = (index: number) => {
    for (let i = index - 1; i >= 0; i--) {
      const s = steps[i]!;
      const d = s.kind === 'huvudman' ? s.date : dateOf(s)?.date;
      if (d) return d;
    }
    return null;
  };
  const chooseBody = (index: number, key: number, bodyId: number | null) => {
    const body = bodyId === null ? null : byId.get(bodyId);
    const m = body ? suggestMeeting(body.meetings, body.leadDays, previousDate(index), todayIso()) : null;
    update(key, () => ({ key, kind: 'body', bodyId, meetingId: m?.id ?? null, knownDate: m?.date ?? null }));
  };
  const hasDecision = steps.some((s) => s.kind === 'huvudman');
  const addStep = () => setSteps((all) => {
    const body = { key: nextKey++, kind: 'body' as const, bodyId: null, meetingId: null, knownDate: null };
    return hasDecision ? [...all.slice(0, -1), body, all.at(-1)!] : [...all, body];
  });
  const move = (index: number) => setSteps((all) => all.map((s, i) => (i === index - 1 ? all[index]! : i === index ? all[index - 1]! : s)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const own = steps.find((s) => s.kind === 'body' && s.bodyId !== null && byId.get(s.bodyId)?.canEdit);
    if (!own || own.kind !== 'body') return setMessage({ text: t.notYours, error: true });
    // Re-planning keeps what the plan belongs to (which this reader may not even be able to see).
    const body = { title, description, visibility, ...(plan ? {} : { anchor: anchor ? { itemId: anchor.itemId } : null }), steps: inputs };
    setBusy(true);
    try {
      if (plan) {
        await send('PUT', `/api/case-plans/${plan.id}`, { ...body, version: plan.version });
        onSaved(plan.id);
      } else {
        const res = await send<Saved>('POST', `/api/bodies/${own.bodyId}/case-plans`, body);
        onSaved(res.id);
      }
    } catch (err) {
      setMessage({ text: err instanceof ApiFailure ? (err.status === 409 ? t.conflict : err.message) : String(err), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} className="plan-form">
      <div className="field field--wide">
        <label htmlFor={`${id}-title`}>{t.caseTitle}</label>
        <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={300} />
      </div>
      {anchor && <p>{t.anchor(anchor.title)}</p>}
      <div className="field field--wide">
        <label htmlFor={`${id}-desc`}>{t.description}</label>
        <textarea id={`${id}-desc`} value={description} onChange={(e) => setDescription(e.target.value)} rows={3} maxLength={5000} />
      </div>
      <fieldset className="plan-form__choice">
        <legend>{t.visibility}</legend>
        <label><input type="radio" name={`${id}-vis`} checked={visibility === 'members'} onChange={() => setVisibility('members')} /> {t.members}</label>
        <label><input type="radio" name={`${id}-vis`} checked={visibility === 'public'} onChange={() => setVisibility('public')} /> {t.public}</label>
      </fieldset>

      <h2>{t.steps}</h2>
      <ol className="plan-form__steps">
        {steps.map((s, i) => {
          const label = svPlanning.plan.step(i + 1);
          const controls = (
            <div className="plan-form__buttons">
              {i > 0 && s.kind === 'body' && (
                <button type="button" className="small" onClick={() => move(i)}>{t.up}<span className="visually-hidden"> ({label})</span></button>
              )}
              {steps.length > 1 && <button type="button" className="small" onClick={() => setSteps((all) => all.filter((x) => x.key !== s.key))}>{t.removeStep}<span className="visually-hidden"> ({label})</span></button>}
            </div>
          );
          if (s.kind === 'huvudman') {
            return (
              <li key={s.key}>
                <fieldset>
                  <legend>{label}: {t.huvudman}</legend>
                  <div className="field">
                    <label htmlFor={`${id}-${s.key}-date`}>{t.date}</label>
                    <input id={`${id}-${s.key}-date`} type="date" value={s.date} onChange={(e) => update(s.key, () => ({ ...s, date: e.target.value }))} />
                  </div>
                  {controls}
                </fieldset>
              </li>
            );
          }
          const body = s.bodyId === null ? null : byId.get(s.bodyId) ?? null;
          const meeting = dateOf(s);
          const meetings = [...(body?.meetings ?? [])];
          if (meeting && !meetings.some((m) => m.id === meeting.id)) meetings.push(meeting);
          meetings.sort((a, b) => a.date.localeCompare(b.date));
          return (
            <li key={s.key}>
              <fieldset>
                <legend>{label}</legend>
                <div className="plan-form__row">
                  <div className="field">
                    <label htmlFor={`${id}-${s.key}-body`}>{t.body} <span className="visually-hidden">({label})</span></label>
                    <select id={`${id}-${s.key}-body`} value={s.bodyId ?? ''} required onChange={(e) => chooseBody(i, s.key, e.target.value ? Number(e.target.value) : null)}>
                      <option value="">{t.chooseBody}</option>
                      {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`${id}-${s.key}-meeting`}>{t.meeting} <span className="visually-hidden">({label})</span></label>
                    <select id={`${id}-${s.key}-meeting`} value={s.meetingId ?? ''} disabled={!body} onChange={(e) => {
                      const m = meetings.find((x) => x.id === Number(e.target.value));
                      update(s.key, () => ({ ...s, meetingId: m?.id ?? null, knownDate: m?.date ?? null }));
                    }}>
                      <option value="">{t.noMeeting}</option>
                      {meetings.map((m) => (
                        <option key={m.id} value={m.id}>{m.date}, {formatLongDate(m.date)}{m.status === 'cancelled' ? ` (${t.cancelled})` : m.status !== 'planned' ? ` (${sv.status[m.status]?.toLocaleLowerCase('sv')})` : ''}</option>
                      ))}
                    </select>
                  </div>
                </div>
                {body && meeting && <p className="plan-form__due">{t.due(documentsDue(meeting.date, body.leadDays), body.leadDays)}</p>}
                {controls}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="plan-form__buttons">
        <button type="button" onClick={addStep} disabled={steps.length >= 12}>{t.addStep}</button>
        {!hasDecision && <button type="button" onClick={() => setSteps((all) => [...all, { key: nextKey++, kind: 'huvudman', date: '' }])}>{t.addDecision}</button>}
      </div>

      <div className={problems.length > 0 ? 'notice notice--warning' : 'notice'} role="status" aria-live="polite">
        <p className="label">{t.check}</p>
        {problems.length === 0 ? <p>{t.ok}</p> : <ul>{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>}
      </div>
      {message && <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <button type="submit" disabled={busy}>{busy ? t.saving : t.save}</button>
    </form>
  );
}
