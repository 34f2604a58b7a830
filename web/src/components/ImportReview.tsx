import { useId, useState, type FormEvent } from 'react';
import type { ProtocolPreview } from '../../../src/domain/protocol-preview';
import { ApiFailure, send } from '../api';
import { sv, svImport } from '../i18n/sv';

export interface Upload {
  id: number;
  filename: string;
  status: 'ready' | 'failed' | 'stored';
  error: { code: string; message: string } | null;
  meetingId: number | null;
  preview: ProtocolPreview | null;
  repairs: { original: string; repaired: string; line: number; certain: boolean }[];
  warnings: string[];
}

const t = svImport.review;

/** One uploaded file: what was read, what was repaired, what to check; fix it and store it. */
export function ImportReview({ upload, onChange, onStored }: { upload: Upload; onChange: () => void; onStored: (meetingId: number) => void }) {
  const id = useId();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const p = upload.preview;

  const discard = async () => {
    await send('DELETE', `/api/imports/${upload.id}`).catch(() => undefined);
    onChange();
  };

  if (!p) {
    return (
      <section className="import-card import-card--failed" aria-labelledby={`${id}-h`}>
        <h3 id={`${id}-h`}>{upload.filename}</h3>
        <p className="form-error">{svImport.failed}: {svImport.errors[upload.error?.code ?? ''] ?? upload.error?.message}</p>
        <button type="button" className="small" onClick={discard}>{t.discard}</button>
      </section>
    );
  }

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const d = new FormData(e.currentTarget);
    const text = (k: string) => {
      const v = String(d.get(k) ?? '').trim();
      return v === '' ? null : v;
    };
    const corrections = {
      body: text('body') ?? undefined,
      title: text('title'),
      date: text('date'),
      startTime: text('startTime'),
      endTime: text('endTime'),
      place: text('place'),
      diaryNumber: text('diaryNumber'),
      items: p.items.map((item, i) => ({
        number: Number(d.get(`n${i}`)),
        title: String(d.get(`t${i}`) ?? item.title),
        kind: (text(`k${i}`) as 'decision' | 'information' | null) ?? null,
      })),
    };
    setBusy(true);
    try {
      const res = await send<{ meetingId: number }>('POST', `/api/imports/${upload.id}/store`, { corrections, draft: submitter?.value === 'draft' });
      onStored(res.meetingId);
    } catch (err) {
      setMessage({ text: err instanceof ApiFailure ? err.message : String(err), error: true });
    } finally {
      setBusy(false);
    }
  };

  const uncertain = upload.repairs.filter((r) => !r.certain);
  return (
    <section className="import-card" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{upload.filename}</h3>
      {message && <p className="form-error" role="alert">{message.text}</p>}
      <form onSubmit={submit}>
        <div className="grid-form">
          <Field id={`${id}-body`} name="body" label={t.body} value={p.body} required />
          <Field id={`${id}-title`} name="title" label={t.title} value={p.title} />
          <Field id={`${id}-date`} name="date" label={t.date} value={p.date} type="date" hint={p.date ? undefined : t.dateMissing} />
          <Field id={`${id}-start`} name="startTime" label={t.startTime} value={p.startTime} type="time" />
          <Field id={`${id}-end`} name="endTime" label={t.endTime} value={p.endTime} type="time" />
          <Field id={`${id}-place`} name="place" label={t.place} value={p.place} />
          <Field id={`${id}-dnr`} name="diaryNumber" label={t.diaryNumber} value={p.diaryNumber} />
        </div>
        <p>{t.attendance(p.attendance.present.length, p.attendance.absent.length, p.attendance.officials.length)} · {t.signatures(p.signatures.length)}</p>
        <div className="table-wrap">
          <table>
            <caption>{t.items}</caption>
            <thead><tr><th scope="col">{t.number}</th><th scope="col">{t.itemTitle}</th><th scope="col">{t.kind}</th><th scope="col">{t.found}</th></tr></thead>
            <tbody>
              {p.items.map((item, i) => (
                <tr key={i}>
                  <td><input className="narrow-input" name={`n${i}`} type="number" min={0} defaultValue={item.number} aria-label={`${t.number}, ${item.title}`} /></td>
                  <td><input name={`t${i}`} defaultValue={item.title} aria-label={`${t.itemTitle}, ärende ${item.number}`} required /></td>
                  <td>
                    <select name={`k${i}`} defaultValue={item.kind ?? ''} aria-label={`${t.kind}, ärende ${item.number}`}>
                      <option value="">{t.kindNone}</option>
                      <option value="decision">{sv.meeting.kind.decision}</option>
                      <option value="information">{sv.meeting.kind.information}</option>
                    </select>
                  </td>
                  <td>{item.decisions.length} / {item.assignments.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {upload.repairs.length > 0 && (
          <details>
            <summary>{t.repairs} ({upload.repairs.length}{uncertain.length > 0 ? `, ${uncertain.length} ${t.uncertain}` : ''})</summary>
            <ul className="repairs">
              {[...uncertain, ...upload.repairs.filter((r) => r.certain)].map((r, i) => (
                <li key={i} className={r.certain ? undefined : 'repair--uncertain'}>
                  <del>{r.original}</del> → <ins>{r.repaired}</ins> <span className="hint">({t.line(r.line)}{r.certain ? '' : `, ${t.uncertain}`})</span>
                </li>
              ))}
            </ul>
          </details>
        )}
        {upload.warnings.length > 0 && (
          <div className="notice notice--warning"><p><strong>{t.warnings}:</strong></p><ul>{upload.warnings.map((w) => <li key={w}>{w}</li>)}</ul></div>
        )}
        <div className="button-row">
          <button type="submit" name="mode" value="published" disabled={busy}>{t.store}</button>
          <button type="submit" name="mode" value="draft" className="secondary" disabled={busy}>{t.storeDraft}</button>
          <button type="button" className="secondary" onClick={discard} disabled={busy}>{t.discard}</button>
        </div>
      </form>
    </section>
  );
}

function Field(props: { id: string; name: string; label: string; value: string | null; type?: string; required?: boolean; hint?: string | undefined }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input id={props.id} name={props.name} type={props.type ?? 'text'} defaultValue={props.value ?? ''} required={props.required} aria-describedby={props.hint ? `${props.id}-hint` : undefined} />
      {props.hint && <p id={`${props.id}-hint`} className="hint">{props.hint}</p>}
    </div>
  );
}
