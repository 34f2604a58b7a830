import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiFailure, send, useApi } from '../../api';
import { useAuth } from '../../auth';
import { canEditBody } from '../../permissions';
import { Load, usePageTitle } from '../../components/States';
import { svAdoption as t } from '../../i18n/sv';
import { AdoptionStatusText } from './AdoptionStatusText';
import { RECOMMENDATION_KINDS } from '../../../../src/domain/recommendations';
import type { Adoption, AdoptionStatus, Recommendation } from '../../../../src/domain/follow-up-views';

export function RecommendationPage() {
  const { id = '' } = useParams();
  const [rec, reload] = useApi<Recommendation>(`/api/recommendations/${encodeURIComponent(id)}`);
  return <Load value={rec} retry={reload}>{(r) => <RecommendationView rec={r} reload={reload} />}</Load>;
}

function RecommendationView({ rec, reload }: { rec: Recommendation; reload: () => void }) {
  usePageTitle(rec.title);
  const { me } = useAuth();
  const navigate = useNavigate();
  const editable = canEditBody(me, rec.body.id);
  const [editing, setEditing] = useState(false);
  const [editingDetails, setEditingDetails] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    if (!window.confirm(t.removeConfirm)) return;
    try {
      await send('DELETE', `/api/bodies/${rec.body.id}/recommendations/${rec.id}`);
      navigate('/rekommendationer');
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    }
  };
  return (
    <>
      <p className="breadcrumb"><Link to="/rekommendationer">{t.back}</Link></p>
      <h1>{rec.title}</h1>
      <dl className="facts">
        <dt>{t.kind}</dt><dd>{t.kinds[rec.kind] ?? rec.kind}</dd>
        <dt>{t.recommendedBy}</dt><dd>{rec.body.name}</dd>
        <dt>{t.decidedOn}</dt><dd>{rec.decidedOn}</dd>
        <dt>{t.source}</dt>
        <dd>{rec.source ? <Link to={`/moten/${rec.source.meetingId}#punkt-${rec.source.itemNumber ?? ''}`}>{t.sourceLink(rec.source.meetingDate ?? '', rec.source.itemNumber)}: {rec.source.itemTitle}</Link> : t.byHand}</dd>
        <dt>{t.localBody}</dt><dd>{rec.localBody}</dd>
        <dt>{t.deadline}</dt><dd>{rec.deadline ?? t.noDeadline}</dd>
        {rec.description && <><dt>{t.description}</dt><dd>{rec.description}</dd></>}
      </dl>
      {editable && (editingDetails
        ? <DetailsForm rec={rec} onDone={() => { setEditingDetails(false); reload(); }} />
        : <p><button type="button" className="secondary" onClick={() => setEditingDetails(true)}>{t.editDetails}</button></p>)}
      <p>{t.progress(rec.progress.counts.adopted, rec.progress.total)}</p>
      {error && <p className="form-error" role="alert">{error}</p>}
      {editing ? (
        <AdoptionEditor rec={rec} onDone={() => { setEditing(false); reload(); }} />
      ) : (
        <>
          {editable && <p><button type="button" onClick={() => setEditing(true)}>{t.edit}</button></p>}
          <AdoptionTable rows={rec.adoptions} />
          {editable && <p><button type="button" className="danger" onClick={remove}>{t.remove}</button></p>}
        </>
      )}
    </>
  );
}

function AdoptionTable({ rows }: { rows: Adoption[] }) {
  return (
    <div className="table-wrap">
      <table>
        <thead><tr><th scope="col">{t.huvudman}</th><th scope="col">{t.status}</th><th scope="col">{t.localDate}</th><th scope="col">{t.decidingBody}</th><th scope="col">{t.diaryNumber}</th><th scope="col">{t.url}</th></tr></thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.huvudmanId}>
              <th scope="row"><Link to={`/huvudman/${a.huvudmanId}`}>{a.huvudman}</Link></th>
              <td><AdoptionStatusText status={a.status} overdue={a.overdue} /></td>
              <td className="date">{a.decidedOn ?? '–'}</td>
              <td>{a.decidingBody ?? '–'}</td>
              <td>{a.diaryNumber ?? '–'}</td>
              <td>{a.url ? <a href={a.url} rel="noopener noreferrer">{t.open}<span className="visually-hidden">: {a.huvudman}</span></a> : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Row = { huvudmanId: number; status: AdoptionStatus; decidedOn: string; decidingBody: string; diaryNumber: string; url: string };
const toRow = (a: Adoption): Row => ({ huvudmanId: a.huvudmanId, status: a.status, decidedOn: a.decidedOn ?? '', decidingBody: a.decidingBody ?? '', diaryNumber: a.diaryNumber ?? '', url: a.url ?? '' });

/** Every huvudman's row as form fields; saving sends the changed rows, all or none. */
function AdoptionEditor({ rec, onDone }: { rec: Recommendation; onDone: () => void }) {
  const original = rec.adoptions.map(toRow);
  const [rows, setRows] = useState<Row[]>(original);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (i: number, change: Partial<Row>) => setRows((rs) => rs.map((r, n) => (n === i ? { ...r, ...change } : r)));
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const changed = rows.filter((r, i) => JSON.stringify(r) !== JSON.stringify(original[i]));
    if (changed.length === 0) return setError(t.noChanges);
    setBusy(true);
    try {
      const blank = (s: string) => (s.trim() === '' ? null : s.trim());
      await send('PUT', `/api/recommendations/${rec.id}/adoptions`, {
        rows: changed.map((r) => ({ huvudmanId: r.huvudmanId, status: r.status, decidedOn: blank(r.decidedOn), decidingBody: blank(r.decidingBody), diaryNumber: blank(r.diaryNumber), url: blank(r.url) })),
      });
      onDone();
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={save} className="adoption-editor">
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="table-wrap">
        <table>
          <thead><tr><th scope="col">{t.huvudman}</th><th scope="col">{t.status}</th><th scope="col">{t.localDate}</th><th scope="col">{t.decidingBody}</th><th scope="col">{t.diaryNumber}</th><th scope="col">{t.url}</th></tr></thead>
          <tbody>
            {rows.map((r, i) => {
              const name = rec.adoptions[i]!.huvudman;
              const fid = (f: string) => `a-${r.huvudmanId}-${f}`;
              return (
                <tr key={r.huvudmanId}>
                  <th scope="row">{name}</th>
                  <td>
                    <label className="visually-hidden" htmlFor={fid('status')}>{t.status}: {name}</label>
                    <select id={fid('status')} value={r.status} onChange={(e) => set(i, { status: e.target.value as AdoptionStatus })}>
                      {(['not-started', 'in-preparation', 'adopted', 'declined'] as const).map((s) => <option key={s} value={s}>{t.symbols[s]} {t.statuses[s]}</option>)}
                    </select>
                  </td>
                  <td><label className="visually-hidden" htmlFor={fid('date')}>{t.localDate}: {name}</label><input id={fid('date')} type="date" value={r.decidedOn} onChange={(e) => set(i, { decidedOn: e.target.value })} /></td>
                  <td><label className="visually-hidden" htmlFor={fid('body')}>{t.decidingBody}: {name}</label><input id={fid('body')} value={r.decidingBody} onChange={(e) => set(i, { decidingBody: e.target.value })} /></td>
                  <td><label className="visually-hidden" htmlFor={fid('dnr')}>{t.diaryNumber}: {name}</label><input id={fid('dnr')} value={r.diaryNumber} onChange={(e) => set(i, { diaryNumber: e.target.value })} /></td>
                  <td><label className="visually-hidden" htmlFor={fid('url')}>{t.url}: {name}</label><input id={fid('url')} type="url" value={r.url} onChange={(e) => set(i, { url: e.target.value })} /></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="adoption-editor__buttons">
        <button type="submit" disabled={busy}>{t.save}</button>
        <button type="button" className="secondary" onClick={onDone}>{t.cancel}</button>
      </p>
    </form>
  );
}

/** What was recommended: title, kind, where and by when; the date too when registered by hand. */
function DetailsForm({ rec, onDone }: { rec: Recommendation; onDone: () => void }) {
  const [f, setF] = useState({ title: rec.title, kind: rec.kind, localBody: rec.localBody, decidedOn: rec.decidedOn, deadline: rec.deadline ?? '', description: rec.description });
  const [error, setError] = useState<string | null>(null);
  const field = (k: keyof typeof f) => ({ id: `rd-${k}`, value: f[k], onChange: (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value }) });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await send('PUT', `/api/recommendations/${rec.id}`, { ...f, deadline: f.deadline || null });
      onDone();
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby="rd-heading">
      <h2 id="rd-heading">{t.editDetails}</h2>
      {error && <p className="form-error" role="alert">{error}</p>}
      <label htmlFor="rd-title">{t.what}</label>
      <input required maxLength={500} {...field('title')} />
      <label htmlFor="rd-kind">{t.kind}</label>
      <select {...field('kind')}>{RECOMMENDATION_KINDS.map((k) => <option key={k} value={k}>{t.kinds[k]}</option>)}</select>
      <label htmlFor="rd-localBody">{t.localBody}</label>
      <input required maxLength={200} {...field('localBody')} />
      {!rec.source && <><label htmlFor="rd-decidedOn">{t.decidedOn}</label><input type="date" required {...field('decidedOn')} /></>}
      <label htmlFor="rd-deadline">{t.deadline}</label>
      <input type="date" {...field('deadline')} />
      <label htmlFor="rd-description">{t.description}</label>
      <textarea rows={3} {...field('description')} />
      <span className="button-row">
        <button type="submit">{t.save}</button>
        <button type="button" className="secondary" onClick={onDone}>{t.cancel}</button>
      </span>
    </form>
  );
}
