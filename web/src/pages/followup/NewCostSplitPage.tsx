import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { BodySummary } from '../../../../src/domain/model';
import { parseKronor, parsePercent } from '../../../../src/domain/cost-split';
import { ApiFailure, send, useApi } from '../../api';
import { useAuth } from '../../auth';
import { Load, usePageTitle } from '../../components/States';
import { svCostSplit as t } from '../../i18n/sv';
import { CostSplitTable } from './CostSplitTable';
import { DecisionPicker } from './DecisionPicker';
import { editableBodies } from './filters';
import type { CostSplit, CostSplitPart, HuvudmanRef } from '../../../../src/domain/follow-up-views';

export function NewCostSplitPage() {
  usePageTitle(t.newTitle);
  const { me } = useAuth();
  const [bodies, reload] = useApi<BodySummary[]>('/api/bodies');
  const [huvudman] = useApi<HuvudmanRef[]>('/api/huvudman');
  return (
    <>
      <p className="breadcrumb"><Link to="/kostnadsfordelning">{t.back}</Link></p>
      <h1>{t.newTitle}</h1>
      <Load value={bodies} retry={reload}>
        {(list) => <CostSplitForm bodies={editableBodies(me, list)} kommuner={huvudman.state === 'ready' ? huvudman.data.filter((h) => h.kind === 'kommun') : []} />}
      </Load>
    </>
  );
}

function CostSplitForm({ bodies, kommuner }: { bodies: BodySummary[]; kommuner: HuvudmanRef[] }) {
  const navigate = useNavigate();
  // The editable bodies are known only once the session has loaded: default to the first then.
  const [chosenBody, setBodyId] = useState<number | null>(null);
  const bodyId = chosenBody ?? bodies[0]?.id ?? null;
  const [meetingId, setMeetingId] = useState<number | null>(null);
  const [decisionId, setDecisionId] = useState<number | null>(null);
  const [f, setF] = useState({ title: '', costYear: '', total: '', region: '50', municipal: '50', decidedOn: '', measure: 'population', populationYear: '', measureName: '' });
  // Until the user types a year: the latest year every municipality has a population for.
  const latest = kommuner.length ? Math.min(...kommuner.map((k) => Math.max(0, ...(k.population ?? []).map((p) => p.year)))) : 0;
  const populationYear = f.populationYear || (latest > 0 ? String(latest) : '');
  const [values, setValues] = useState<Record<number, string>>({});
  const [preview, setPreview] = useState<CostSplitPart[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const field = (k: keyof typeof f) => ({ id: `k-${k}`, value: f[k], onChange: (e: { target: { value: string } }) => { setF({ ...f, [k]: e.target.value }); setPreview(null); } });

  /** The key as the API takes it, or a message saying what to correct. */
  const key = (): { ok: true; body: Record<string, unknown> } | { ok: false; message: string } => {
    const total = parseKronor(f.total);
    if (total === null || total > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: t.badAmount };
    const region = parsePercent(f.region);
    const municipal = parsePercent(f.municipal);
    if (region === null || municipal === null) return { ok: false, message: t.badShare };
    const measure = f.measure === 'population'
      ? { kind: 'population', year: Number(populationYear) }
      : { kind: 'custom', name: f.measureName, values: kommuner.filter((k) => (values[k.id] ?? '').trim() !== '').map((k) => ({ huvudmanId: k.id, value: Number(values[k.id]) })) };
    return { ok: true, body: { totalOre: Number(total), regionShareBp: region, municipalShareBp: municipal, measure } };
  };
  const run = async (save: boolean) => {
    const k = key();
    if (!k.ok) return setError(k.message);
    try {
      if (!save) {
        setPreview((await send<{ parts: CostSplitPart[] }>('POST', '/api/cost-splits/preview', k.body)).parts);
      } else if (bodyId !== null) {
        const created = await send<CostSplit>('POST', `/api/bodies/${bodyId}/cost-splits`, {
          ...k.body, title: f.title, costYear: f.costYear ? Number(f.costYear) : null, decisionId, decidedOn: meetingId === null ? f.decidedOn || null : null,
        });
        navigate(`/kostnadsfordelning/${created.id}`);
      }
      setError(null);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(true);
  };
  const total = parseKronor(f.total);
  return (
    <>
      <form className="form" onSubmit={submit}>
        {error && <p className="form-error" role="alert">{error}</p>}
        <label htmlFor="k-body">{t.body}</label>
        <select id="k-body" value={bodyId ?? ''} onChange={(e) => { setBodyId(Number(e.target.value)); setMeetingId(null); setDecisionId(null); }}>
          {bodies.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
        </select>
        <DecisionPicker bodyId={bodyId} meetingId={meetingId} decisionId={decisionId} onMeeting={setMeetingId} onDecision={setDecisionId} />
        {meetingId === null && <><label htmlFor="k-decidedOn">{t.decidedOnLabel}</label><input type="date" required {...field('decidedOn')} /></>}
        <label htmlFor="k-title">{t.titleLabel} <span className="hint">{t.titleHint}</span></label>
        <input required maxLength={300} {...field('title')} />
        <label htmlFor="k-costYear">{t.year}</label>
        <input inputMode="numeric" pattern="\d{4}" {...field('costYear')} />
        <label htmlFor="k-total">{t.totalLabel} <span className="hint">{t.totalHint}</span></label>
        <input required inputMode="decimal" {...field('total')} />
        <p className="hint" id="k-share-hint">{t.shareHint}</p>
        <label htmlFor="k-region">{t.regionShare}</label>
        <input required inputMode="decimal" aria-describedby="k-share-hint" {...field('region')} />
        <label htmlFor="k-municipal">{t.municipalShare}</label>
        <input required inputMode="decimal" aria-describedby="k-share-hint" {...field('municipal')} />
        <fieldset className="subform">
          <legend>{t.measure}</legend>
          <label className="checkbox"><input type="radio" name="measure" value="population" checked={f.measure === 'population'} onChange={() => setF({ ...f, measure: 'population' })} /> {t.population}</label>
          <label className="checkbox"><input type="radio" name="measure" value="custom" checked={f.measure === 'custom'} onChange={() => setF({ ...f, measure: 'custom' })} /> {t.otherMeasure}</label>
          {f.measure === 'population' ? (
            <><label htmlFor="k-populationYear">{t.populationYear}</label><input required inputMode="numeric" pattern="\d{4}" {...field('populationYear')} value={populationYear} /></>
          ) : (
            <>
              <label htmlFor="k-measureName">{t.measureName}</label>
              <input required maxLength={100} {...field('measureName')} />
              {kommuner.map((k) => (
                <span key={k.id} className="measure-row">
                  <label htmlFor={`k-v-${k.id}`}>{k.name}</label>
                  <input id={`k-v-${k.id}`} inputMode="numeric" pattern="\d*" value={values[k.id] ?? ''} onChange={(e) => { setValues({ ...values, [k.id]: e.target.value }); setPreview(null); }} />
                </span>
              ))}
            </>
          )}
        </fieldset>
        <span className="button-row">
          <button type="button" className="secondary" onClick={() => void run(false)}>{t.preview}</button>
          <button type="submit">{t.save}</button>
        </span>
      </form>
      {preview && total !== null && <CostSplitTable title={f.title || t.cost} measureName={f.measure === 'population' ? `${t.population} ${populationYear}` : f.measureName} totalOre={Number(total)} parts={preview} />}
    </>
  );
}
