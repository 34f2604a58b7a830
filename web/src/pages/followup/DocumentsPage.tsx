import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { BodySummary } from '../../../../src/domain/model';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS } from '../../../../src/domain/governing-documents';
import { ApiFailure, send, useApi } from '../../api';
import { useAuth } from '../../auth';
import { Load, usePageTitle } from '../../components/States';
import { svAdoption, svRegister as t } from '../../i18n/sv';
import { BodyFilterNote, FilterBar, editableBodies, href, useUrlFilters } from './filters';
import { ReviewBadge } from './ReviewBadge';
import type { GoverningDocument } from '../../../../src/domain/follow-up-views';

/** The register: every document with its version in force and when it is to be reviewed. */
export function DocumentsPage() {
  usePageTitle(t.title);
  const { me } = useAuth();
  const filters = useUrlFilters();
  const review = filters.get('revision');
  const body = filters.get('organ'); // from the dashboard: a body's own documents
  const [docs, reload] = useApi<GoverningDocument[]>(href('/api/governing-documents', { body, kind: filters.get('typ'), review }));
  const [bodies] = useApi<BodySummary[]>('/api/bodies');
  const [creating, setCreating] = useState(false);
  const mine = bodies.state === 'ready' ? editableBodies(me, bodies.data) : [];
  return (
    <>
      <p className="breadcrumb"><Link to="/rekommendationer">{svAdoption.back}</Link></p>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      {mine.length > 0 && (creating ? <NewDocumentForm bodies={mine} /> : <p><button type="button" onClick={() => setCreating(true)}>{t.create}</button></p>)}
      <FilterBar filters={[
        { id: 'd-kind', label: t.kind, all: t.allKinds, param: 'typ', options: DOCUMENT_KINDS.map((k) => <option key={k} value={k}>{DOCUMENT_KIND_LABELS[k]}</option>) },
        { id: 'd-review', label: t.reviewFilter, all: t.allReviews, param: 'revision', options: <><option value="soon">{t.reviewSoon}</option><option value="overdue">{t.reviewOverdue}</option></> },
      ]} />
      <BodyFilterNote bodyId={body} bodies={bodies} allHref={href('/styrdokument', { revision: review })} />
      <Load value={docs} retry={reload}>
        {(list) => list.length === 0 ? <p>{t.none}</p> : (
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">{t.titleLabel}</th><th scope="col">{t.kind}</th><th scope="col">{t.owner}</th><th scope="col">{t.current}</th><th scope="col">{t.nextReview}</th></tr></thead>
              <tbody>
                {list.map((d) => (
                  <tr key={d.id}>
                    <th scope="row"><Link to={`/styrdokument/${d.id}`}>{d.title}</Link></th>
                    <td>{DOCUMENT_KIND_LABELS[d.kind]}</td>
                    <td>{d.body.name}</td>
                    <td>{d.current ? `${d.current.label} (${d.current.validFrom})` : t.noCurrent}</td>
                    <td>{d.nextReview ?? '–'} <ReviewBadge state={d.review} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Load>
    </>
  );
}

function NewDocumentForm({ bodies }: { bodies: BodySummary[] }) {
  const navigate = useNavigate();
  const [f, setF] = useState({ body: String(bodies[0]?.id ?? ''), title: '', kind: 'överenskommelse', description: '', nextReview: '' });
  const [error, setError] = useState<string | null>(null);
  const field = (k: keyof typeof f) => ({ id: `nd-${k}`, value: f[k], onChange: (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value }) });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const doc = await send<GoverningDocument>('POST', `/api/bodies/${f.body}/governing-documents`, { title: f.title, kind: f.kind, description: f.description, nextReview: f.nextReview || null });
      navigate(`/styrdokument/${doc.id}`);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby="nd-heading">
      <h2 id="nd-heading">{t.createTitle}</h2>
      {error && <p className="form-error" role="alert">{error}</p>}
      <label htmlFor="nd-body">{t.owner}</label>
      <select {...field('body')}>{bodies.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}</select>
      <label htmlFor="nd-title">{t.titleLabel}</label>
      <input required maxLength={300} {...field('title')} />
      <label htmlFor="nd-kind">{t.kind}</label>
      <select {...field('kind')}>{DOCUMENT_KINDS.map((k) => <option key={k} value={k}>{DOCUMENT_KIND_LABELS[k]}</option>)}</select>
      <label htmlFor="nd-nextReview">{t.nextReview}</label>
      <input type="date" {...field('nextReview')} />
      <label htmlFor="nd-description">{t.description}</label>
      <textarea rows={3} {...field('description')} />
      <button type="submit">{t.save}</button>
    </form>
  );
}
