import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { BodySummary } from '../../../../src/domain/model';
import { RECOMMENDATION_KINDS } from '../../../../src/domain/recommendations';
import { ApiFailure, send, useApi } from '../../api';
import { useAuth } from '../../auth';
import { Load, usePageTitle } from '../../components/States';
import { svAdoption as t } from '../../i18n/sv';
import { DecisionPicker } from './DecisionPicker';
import { editableBodies } from './filters';

export function NewRecommendationPage() {
  usePageTitle(t.newTitle);
  const { me } = useAuth();
  const [bodies, reload] = useApi<BodySummary[]>('/api/bodies');
  return (
    <>
      <p className="breadcrumb"><Link to="/rekommendationer">{t.back}</Link></p>
      <h1>{t.newTitle}</h1>
      <p className="lead">{t.newIntro}</p>
      <Load value={bodies} retry={reload}>{(list) => <RecommendationForm bodies={editableBodies(me, list)} />}</Load>
    </>
  );
}

function RecommendationForm({ bodies }: { bodies: BodySummary[] }) {
  const navigate = useNavigate();
  // The editable bodies are known only once the session has loaded: default to the first then.
  const [chosenBody, setBodyId] = useState<number | null>(null);
  const bodyId = chosenBody ?? bodies[0]?.id ?? null;
  const [meetingId, setMeetingId] = useState<number | null>(null);
  const [decisionId, setDecisionId] = useState<number | null>(null);
  const [f, setF] = useState({ title: '', kind: 'strategi', localBody: 'fullmäktige', decidedOn: '', deadline: '', description: '' });
  const [error, setError] = useState<string | null>(null);
  const field = (k: keyof typeof f) => ({ id: `r-${k}`, value: f[k], onChange: (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value }) });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (bodyId === null) return;
    try {
      const res = await send<{ id: number }>('POST', `/api/bodies/${bodyId}/recommendations`, {
        decisionId, decidedOn: meetingId === null ? f.decidedOn || null : null, title: f.title, kind: f.kind, localBody: f.localBody,
        deadline: f.deadline || null, description: f.description,
      });
      navigate(`/rekommendationer/${res.id}`);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    }
  };
  return (
    <form className="form" onSubmit={submit}>
      {error && <p className="form-error" role="alert">{error}</p>}
      <label htmlFor="r-body">{t.recommendedBy}</label>
      <select id="r-body" value={bodyId ?? ''} onChange={(e) => { setBodyId(Number(e.target.value)); setMeetingId(null); setDecisionId(null); }}>
        {bodies.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
      </select>
      <DecisionPicker bodyId={bodyId} meetingId={meetingId} decisionId={decisionId} onMeeting={setMeetingId} onDecision={setDecisionId} />
      {meetingId === null && <><label htmlFor="r-decidedOn">{t.decidedOn}</label><input type="date" required {...field('decidedOn')} /></>}
      <label htmlFor="r-title">{t.what} <span className="hint">{t.whatHint}</span></label>
      <input required maxLength={500} {...field('title')} />
      <label htmlFor="r-kind">{t.kind}</label>
      <select {...field('kind')}>{RECOMMENDATION_KINDS.map((k) => <option key={k} value={k}>{t.kinds[k]}</option>)}</select>
      <label htmlFor="r-localBody">{t.localBody} <span className="hint">{t.localBodyHint}</span></label>
      <input required maxLength={200} {...field('localBody')} />
      <label htmlFor="r-deadline">{t.deadline}</label>
      <input type="date" {...field('deadline')} />
      <label htmlFor="r-description">{t.description}</label>
      <textarea rows={3} {...field('description')} />
      <button type="submit">{t.register}</button>
    </form>
  );
}
