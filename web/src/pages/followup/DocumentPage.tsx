import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { BodySummary } from '../../../../src/domain/model';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS } from '../../../../src/domain/governing-documents';
import { ApiFailure, send, useApi } from '../../api';
import { useAuth } from '../../auth';
import { currentCsrfToken } from '../../csrf';
import { canEditBody } from '../../permissions';
import { Load, usePageTitle } from '../../components/States';
import { svAdoption, svRegister as t } from '../../i18n/sv';
import { DecisionPicker } from './DecisionPicker';
import { ReviewBadge } from './ReviewBadge';
import type { GoverningDocument } from '../../../../src/domain/follow-up-views';

export function DocumentPage() {
  const { id = '' } = useParams();
  const [doc, reload] = useApi<GoverningDocument>(`/api/governing-documents/${encodeURIComponent(id)}`);
  return <Load value={doc} retry={reload}>{(d) => <DocumentView doc={d} reload={reload} />}</Load>;
}

function DocumentView({ doc, reload }: { doc: GoverningDocument; reload: () => void }) {
  usePageTitle(doc.title);
  const { me } = useAuth();
  const editable = canEditBody(me, doc.body.id);
  const [editingDetails, setEditingDetails] = useState(false);
  return (
    <>
      <p className="breadcrumb"><Link to="/styrdokument">{t.back}</Link></p>
      <h1>{doc.title}</h1>
      <dl className="facts">
        <dt>{t.kind}</dt><dd>{DOCUMENT_KIND_LABELS[doc.kind]}</dd>
        <dt>{t.owner}</dt><dd>{doc.body.name}</dd>
        <dt>{t.current}</dt><dd>{doc.current ? `${doc.current.label}, ${t.validFrom.toLocaleLowerCase('sv')} ${doc.current.validFrom}` : t.noCurrent}</dd>
        <dt>{t.nextReview}</dt><dd>{doc.nextReview ?? '–'} <ReviewBadge state={doc.review} /></dd>
        {doc.description && <><dt>{t.description}</dt><dd>{doc.description}</dd></>}
      </dl>
      {editable && (editingDetails
        ? <DetailsForm doc={doc} onDone={() => { setEditingDetails(false); reload(); }} />
        : <p><button type="button" className="secondary" onClick={() => setEditingDetails(true)}>{t.editDocument}</button></p>)}
      <h2>{t.versions}</h2>
      {doc.versions.length === 0 ? <p>{t.noCurrent}</p> : (
        <div className="table-wrap">
          <table>
            <thead><tr><th scope="col">{t.version}</th><th scope="col">{t.decidedBy}</th><th scope="col">{t.validFrom}</th><th scope="col">{t.validTo}</th><th scope="col">{t.file}</th><th scope="col">{t.adoption}</th></tr></thead>
            <tbody>
              {doc.versions.map((v) => (
                <tr key={v.id}>
                  <th scope="row">{v.label}</th>
                  <td>
                    {v.decidedBy.name}, {v.source ? <Link to={`/moten/${v.source.meetingId}#punkt-${v.source.itemNumber ?? ''}`}>{svAdoption.sourceLink(v.decidedOn, v.source.itemNumber)}</Link> : v.decidedOn}
                  </td>
                  <td className="date">{v.validFrom}</td>
                  <td className="date">{v.validTo ?? t.untilFurther}</td>
                  <td>{v.file ? <a href={`/api/governing-documents/${doc.id}/versions/${v.id}/file`} download>{t.download(v.file.filename)}</a> : '–'}</td>
                  <td>{v.recommendation ? <Link to={`/rekommendationer/${v.recommendation.id}`}>{t.adoptionText(v.recommendation.adopted, v.recommendation.total)}</Link> : t.notRecommended}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editable && <VersionForm doc={doc} onDone={reload} />}
      {editable && doc.versions.length > 0 && <UploadForm doc={doc} onDone={reload} />}
    </>
  );
}

function VersionForm({ doc, onDone }: { doc: GoverningDocument; onDone: () => void }) {
  const [bodies] = useApi<BodySummary[]>('/api/bodies');
  const [decidedBy, setDecidedBy] = useState(doc.body.id);
  const [meetingId, setMeetingId] = useState<number | null>(null);
  const [decisionId, setDecisionId] = useState<number | null>(null);
  const [f, setF] = useState({ label: '', decidedOn: '', validFrom: '', validTo: '', recommend: false, localBody: 'fullmäktige', deadline: '' });
  const [error, setError] = useState<string | null>(null);
  const field = (k: 'label' | 'decidedOn' | 'validFrom' | 'validTo' | 'localBody' | 'deadline') => ({ id: `v-${k}`, value: f[k], onChange: (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value }) });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await send('POST', `/api/bodies/${doc.body.id}/governing-documents/${doc.id}/versions`, {
        label: f.label, decidedByBodyId: decidedBy, decisionId, decidedOn: meetingId === null ? f.decidedOn || null : null, validFrom: f.validFrom || null, validTo: f.validTo || null,
        recommend: f.recommend ? { localBody: f.localBody, deadline: f.deadline || null } : null,
      });
      setError(null);
      setF({ ...f, label: '', decidedOn: '', validFrom: '', validTo: '' });
      onDone();
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby="v-heading">
      <h2 id="v-heading">{t.addVersion}</h2>
      {error && <p className="form-error" role="alert">{error}</p>}
      <label htmlFor="v-label">{t.versionLabel}</label>
      <input required maxLength={50} {...field('label')} />
      <label htmlFor="v-body">{t.decidedByLabel}</label>
      <select id="v-body" value={decidedBy} onChange={(e) => { setDecidedBy(Number(e.target.value)); setMeetingId(null); setDecisionId(null); }}>
        {bodies.state === 'ready' ? bodies.data.map((b) => <option key={b.id} value={b.id}>{b.name}</option>) : <option value={doc.body.id}>{doc.body.name}</option>}
      </select>
      <DecisionPicker bodyId={decidedBy} meetingId={meetingId} decisionId={decisionId} onMeeting={setMeetingId} onDecision={setDecisionId} />
      {meetingId === null && <><label htmlFor="v-decidedOn">{t.decidedOn}</label><input type="date" required {...field('decidedOn')} /></>}
      <label htmlFor="v-validFrom">{t.validFrom} <span className="hint">{t.validFromHint}</span></label>
      <input type="date" {...field('validFrom')} />
      <label htmlFor="v-validTo">{t.validTo}</label>
      <input type="date" {...field('validTo')} />
      <label className="checkbox"><input type="checkbox" checked={f.recommend} onChange={(e) => setF({ ...f, recommend: e.target.checked })} /> {t.recommend}</label>
      {f.recommend && (
        <>
          <label htmlFor="v-localBody">{t.localBody}</label>
          <input required {...field('localBody')} />
          <label htmlFor="v-deadline">{t.deadline}</label>
          <input type="date" {...field('deadline')} />
        </>
      )}
      <button type="submit">{t.save}</button>
    </form>
  );
}

function UploadForm({ doc, onDone }: { doc: GoverningDocument; onDone: () => void }) {
  const [versionId, setVersionId] = useState(doc.versions[0]!.id);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    form.set('versionId', String(versionId));
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = currentCsrfToken();
    if (token) headers['X-CSRF-Token'] = token;
    const res = await fetch(`/api/bodies/${doc.body.id}/governing-documents/${doc.id}/documents`, { method: 'POST', headers, body: form });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message: string } } | null;
      return setError(body?.error?.message ?? res.statusText);
    }
    setError(null);
    onDone();
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby="u-heading">
      <h2 id="u-heading">{t.upload}</h2>
      {error && <p className="form-error" role="alert">{error}</p>}
      <label htmlFor="u-version">{t.chooseVersion}</label>
      <select id="u-version" value={versionId} onChange={(e) => setVersionId(Number(e.target.value))}>
        {doc.versions.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}
      </select>
      <label htmlFor="u-file">{t.file} <span className="hint">{t.uploadHint}</span></label>
      <input id="u-file" name="file" type="file" required accept=".pdf,.docx,.xlsx" />
      <button type="submit">{t.uploadButton}</button>
    </form>
  );
}

function DetailsForm({ doc, onDone }: { doc: GoverningDocument; onDone: () => void }) {
  const [f, setF] = useState({ title: doc.title, kind: doc.kind as string, description: doc.description, nextReview: doc.nextReview ?? '' });
  const [error, setError] = useState<string | null>(null);
  const field = (k: keyof typeof f) => ({ id: `dd-${k}`, value: f[k], onChange: (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value }) });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await send('PUT', `/api/bodies/${doc.body.id}/governing-documents/${doc.id}`, { ...f, nextReview: f.nextReview || null });
      onDone();
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby="dd-heading">
      <h2 id="dd-heading">{t.editDocument}</h2>
      {error && <p className="form-error" role="alert">{error}</p>}
      <label htmlFor="dd-title">{t.titleLabel}</label>
      <input required maxLength={300} {...field('title')} />
      <label htmlFor="dd-kind">{t.kind}</label>
      <select {...field('kind')}>{DOCUMENT_KINDS.map((k) => <option key={k} value={k}>{DOCUMENT_KIND_LABELS[k]}</option>)}</select>
      <label htmlFor="dd-nextReview">{t.nextReview}</label>
      <input type="date" {...field('nextReview')} />
      <label htmlFor="dd-description">{t.description}</label>
      <textarea rows={3} {...field('description')} />
      <span className="button-row">
        <button type="submit">{t.save}</button>
        <button type="button" className="secondary" onClick={onDone}>{svAdoption.cancel}</button>
      </span>
    </form>
  );
}
