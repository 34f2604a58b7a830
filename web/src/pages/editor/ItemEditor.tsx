import { useCallback, useId, useState } from 'react';
import { decisionText, outcomeText } from '../../../../src/domain/agenda';
import type { BodySummary } from '../../../../src/domain/model';
import { ApiFailure, send } from '../../api';
import { currentCsrfToken } from '../../csrf';
import { sv, svEdit } from '../../i18n/sv';
import { ConflictPanel } from './ConflictPanel';
import type { EditorItem } from './types';
import { useAutosave } from './useAutosave';
import { VotesPanel } from './VotesPanel';
import { ImmediateJusteringPanel } from './ImmediateJusteringPanel';
import { ReportBackClosing } from './ReportBackClosing';

const t = svEdit.editor.item;
type Outcome = 'informed' | 'filed' | 'referred-back' | 'withdrawn';

export function ItemEditor({ meetingId, bodyName, bodies, initial, onRemoved, onSaved }: {
  meetingId: number; bodyName: string; bodies: BodySummary[]; initial: EditorItem; onRemoved: () => void; onSaved: () => void;
}) {
  const id = useId();
  const [item, setItemState] = useState(initial);
  const setItem = useCallback((next: EditorItem) => setItemState(next), []);
  const { state, changed, saveNow, setState } = useAutosave(`/api/meetings/${meetingId}/items/${initial.id}`, item, setItem, onSaved);
  const [referBackTo, setReferBackTo] = useState('');
  const [docError, setDocError] = useState<string | null>(null);
  const [frozen, setFrozen] = useState(false); // out for omedelbar justering, or justified: read only

  const update = (change: Partial<EditorItem>) => {
    setItemState((current) => ({ ...current, ...change }));
    changed();
  };
  const setDecision = (i: number, change: Partial<EditorItem['decisions'][number]>) =>
    update({ decisions: item.decisions.map((d, j) => (j === i ? { ...d, ...change } : d)) });
  const setAssignment = (i: number, change: Partial<EditorItem['assignments'][number]>) =>
    update({ assignments: item.assignments.map((a, j) => (j === i ? { ...a, ...change } : a)) });
  const setPresenter = (i: number, change: Partial<EditorItem['presenters'][number]>) =>
    update({ presenters: item.presenters.map((p, j) => (j === i ? { ...p, ...change } : p)) });

  const addOutcome = (outcome: Outcome) =>
    update({ decisions: [...item.decisions, { text: outcomeText(outcome, bodyName, referBackTo), clauses: [], outcome }] });

  const remove = async () => {
    await send('DELETE', `/api/meetings/${meetingId}/items/${item.id}`);
    onRemoved();
  };

  const attach = async (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    const res = await fetch(`/api/meetings/${meetingId}/items/${item.id}/documents`, { method: 'POST', body: form, headers: { 'X-CSRF-Token': currentCsrfToken() ?? '' } });
    const body = (await res.json().catch(() => null)) as { error?: { message: string } } | null;
    setDocError(res.ok ? null : (body?.error?.message ?? res.statusText));
    onSaved();
  };

  const status = state.kind === 'saving' ? t.saving : state.kind === 'saved' ? t.saved : state.kind === 'dirty' ? t.unsaved : state.kind === 'error' ? state.message : '';
  return (
    <article className="item-editor" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{item.number}. {item.title}</h3>
      <p className={`save-state save-state--${state.kind}`} role="status" aria-live="polite">{status}</p>
      {state.kind === 'conflict' && (
        <ConflictPanel
          mine={item}
          theirs={state.theirs}
          onResolve={(merged) => {
            setItemState(merged);
            if (merged === state.theirs || JSON.stringify({ ...merged, version: 0 }) === JSON.stringify({ ...state.theirs, version: 0 })) setState({ kind: 'saved' });
            else setTimeout(() => void saveNow(), 0);
          }}
        />
      )}
      <fieldset className="item-editor__fields" disabled={frozen}>
      <div className="grid-form">
        <div className="field field--wide"><label htmlFor={`${id}-title`}>{svEdit.editor.itemTitle}</label><input id={`${id}-title`} value={item.title} onChange={(e) => update({ title: e.target.value })} /></div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t.kind}</label>
          <select id={`${id}-kind`} value={item.kind ?? ''} onChange={(e) => update({ kind: (e.target.value || null) as EditorItem['kind'] })}>
            <option value="">{t.kindNone}</option><option value="decision">{sv.meeting.kind.decision}</option><option value="information">{sv.meeting.kind.information}</option>
          </select>
        </div>
        <label className="checkbox field"><input type="checkbox" checked={item.written} onChange={(e) => update({ written: e.target.checked })} /> {t.written}</label>
      </div>

      <fieldset className="subform">
        <legend>{t.presenters}</legend>
        {item.presenters.map((p, i) => (
          <div key={i} className="row">
            <input aria-label={`${t.presenterName} ${i + 1}`} value={p.name} onChange={(e) => setPresenter(i, { name: e.target.value })} />
            <input aria-label={`${t.presenterTitle} ${i + 1}`} value={p.title ?? ''} onChange={(e) => setPresenter(i, { title: e.target.value || null })} />
            <button type="button" className="small secondary" onClick={() => update({ presenters: item.presenters.filter((_, j) => j !== i) })}>{svEdit.editor.remove}<span className="visually-hidden"> {p.name}</span></button>
          </div>
        ))}
        <button type="button" className="small secondary" onClick={() => update({ presenters: [...item.presenters, { name: '', title: null }] })}>{t.addPresenter}</button>
      </fieldset>

      <div className="field"><label htmlFor={`${id}-proposal`}>{t.proposal}</label><textarea id={`${id}-proposal`} rows={2} value={item.proposal ?? ''} onChange={(e) => update({ proposal: e.target.value || null })} /></div>
      <div className="field"><label htmlFor={`${id}-text`}>{t.text}</label><textarea id={`${id}-text`} rows={5} value={item.text} onChange={(e) => update({ text: e.target.value })} /></div>
      <div className="field"><label htmlFor={`${id}-notes`}>{t.notes}</label><textarea id={`${id}-notes`} rows={3} value={item.notes} onChange={(e) => update({ notes: e.target.value })} /></div>

      <fieldset className="subform">
        <legend>{t.decisions}</legend>
        {item.decisions.map((d, i) => (
          <div key={i} className="decision-edit">
            <div className="field">
              <label htmlFor={`${id}-clauses-${i}`}>{t.clauses}</label>
              <textarea id={`${id}-clauses-${i}`} rows={3} value={d.clauses.join('\n')} onChange={(e) => {
                const clauses = e.target.value.split('\n');
                const kept = clauses.map((c) => c.trim()).filter(Boolean);
                setDecision(i, { clauses, text: kept.length > 0 ? decisionText(bodyName, kept) : d.text });
              }} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-dtext-${i}`}>{t.decisionText}</label>
              <textarea id={`${id}-dtext-${i}`} rows={3} value={d.text} onChange={(e) => setDecision(i, { text: e.target.value })} />
            </div>
            <button type="button" className="small secondary" onClick={() => update({ decisions: item.decisions.filter((_, j) => j !== i) })}>{svEdit.editor.remove}</button>
          </div>
        ))}
        <button type="button" className="small secondary" onClick={() => update({ decisions: [...item.decisions, { text: '', clauses: [], outcome: null }] })}>{t.addDecision}</button>
        <div className="outcomes" role="group" aria-label={t.outcomes}>
          {(['informed', 'filed', 'withdrawn'] as Outcome[]).map((o) => <button key={o} type="button" className="small" onClick={() => addOutcome(o)}>{t.outcome[o]}</button>)}
          <label htmlFor={`${id}-rb`} className="visually-hidden">{t.referBackTo}</label>
          <input id={`${id}-rb`} placeholder={t.referBackTo} value={referBackTo} onChange={(e) => setReferBackTo(e.target.value)} />
          <button type="button" className="small" onClick={() => addOutcome('referred-back')}>{t.outcome['referred-back']}</button>
        </div>
        <ReportBackClosing item={item} bodyName={bodyName} onAdd={(d) => update({ decisions: [...item.decisions, d] })} />
      </fieldset>

      {item.kind !== 'information' && <VotesPanel meetingId={meetingId} itemId={item.id} />}

      <fieldset className="subform">
        <legend>{t.assignments}</legend>
        {item.assignments.map((a, i) => (
          <div key={a.id ?? `new-${i}`} className="assignment-edit grid-form">
            <div className="field"><label htmlFor={`${id}-ato-${i}`}>{t.assignTo}</label><input id={`${id}-ato-${i}`} list={`${id}-bodies`} value={a.to} onChange={(e) => setAssignment(i, { to: e.target.value })} /></div>
            <div className="field field--wide"><label htmlFor={`${id}-atask-${i}`}>{t.task}</label><input id={`${id}-atask-${i}`} value={a.task} onChange={(e) => setAssignment(i, { task: e.target.value })} /></div>
            <div className="field"><label htmlFor={`${id}-adate-${i}`}>{t.dueDate}</label><input id={`${id}-adate-${i}`} type="date" value={a.dueDate ?? ''} onChange={(e) => setAssignment(i, { dueDate: e.target.value || null })} /></div>
            <div className="field"><label htmlFor={`${id}-adue-${i}`}>{t.dueText}</label><input id={`${id}-adue-${i}`} value={a.dueText ?? ''} onChange={(e) => setAssignment(i, { dueText: e.target.value || null })} /></div>
            <div className="field field--button"><button type="button" className="small secondary" onClick={() => update({ assignments: item.assignments.filter((_, j) => j !== i) })}>{svEdit.editor.remove}</button></div>
          </div>
        ))}
        <datalist id={`${id}-bodies`}>{bodies.map((b) => <option key={b.id} value={b.name} />)}</datalist>
        <button type="button" className="small secondary" onClick={() => update({ assignments: [...item.assignments, { id: null, to: '', task: '', dueDate: null, dueText: null, dueMeetingId: null, decisionIndex: item.decisions.length > 0 ? 0 : null }] })}>{t.addAssignment}</button>
      </fieldset>

      <div className="field">
        <label htmlFor={`${id}-refer`}>{t.referTo}</label>
        <select id={`${id}-refer`} value={item.referToBodyId ?? ''} onChange={(e) => update({ referToBodyId: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{t.referToNone}</option>
          {bodies.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
        </select>
      </div>

      <fieldset className="subform">
        <legend>{t.documents}</legend>
        <ul className="plain-list">{initial.documents.map((d) => <li key={d.id}><a href={`/api/documents/${d.id}`}>{d.filename}</a> ({Math.ceil(d.sizeBytes / 1024)} kB)</li>)}</ul>
        {docError && <p className="form-error" role="alert">{docError}</p>}
        <label htmlFor={`${id}-file`}>{t.attach}</label>
        <input id={`${id}-file`} type="file" accept=".pdf,.docx,.xlsx" onChange={(e) => { const f = e.target.files?.[0]; if (f) void attach(f).catch((err: unknown) => setDocError(err instanceof ApiFailure ? err.message : String(err))); e.target.value = ''; }} />
      </fieldset>

      <div className="button-row">
        <button type="button" onClick={() => void saveNow()}>{t.save}</button>
        {!item.standard && <button type="button" className="secondary" onClick={remove}>{t.delete}</button>}
      </div>
      </fieldset>
      <ImmediateJusteringPanel meetingId={meetingId} item={item} saved={state.kind === 'saved'} onFrozen={setFrozen} />
    </article>
  );
}
