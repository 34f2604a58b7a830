import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { BodySummary } from '../../../../src/domain/model';
import { ApiFailure, send, useApi } from '../../api';
import { Load, usePageTitle } from '../../components/States';
import { capitalise, longDate } from '../../format';
import { sv, svEdit, svJustering } from '../../i18n/sv';
import { AgendaList } from './AgendaList';
import { AttendanceEditor } from './AttendanceEditor';
import { HeaderForm } from './HeaderForm';
import { ItemEditor } from './ItemEditor';
import { OffersPanel } from './OffersPanel';
import { NoticePanel } from './NoticePanel';
import type { EditorState } from './types';

const t = svEdit.editor;

export function MeetingEditorPage() {
  const { id = '' } = useParams();
  const [state, reload] = useApi<EditorState>(`/api/meetings/${encodeURIComponent(id)}/editor`);
  const [bodies] = useApi<BodySummary[]>('/api/bodies');
  return <Load value={state} retry={reload}>{(s) => <Editor state={s} reload={reload} bodies={bodies.state === 'ready' ? bodies.data : []} />}</Load>;
}

function Editor({ state, reload, bodies }: { state: EditorState; reload: () => void; bodies: BodySummary[] }) {
  const m = state.meeting;
  const bodyName = m.bodyName ?? m.bodies[0]?.name ?? '';
  usePageTitle(t.title(bodyName, m.date ?? ''));
  const [selected, setSelected] = useState<number | null>(state.items.find((i) => !i.standard)?.id ?? state.items[0]?.id ?? null);
  const [message, setMessage] = useState<string | null>(null);
  const selectedItem = state.items.find((i) => i.id === selected) ?? null;

  const reorder = async (ids: number[]) => {
    try {
      await send('PUT', `/api/meetings/${m.id}/order`, { itemIds: ids });
      reload();
    } catch (err) {
      setMessage(err instanceof ApiFailure ? err.message : String(err));
    }
  };
  const addItem = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const title = String(new FormData(form).get('title') ?? '').trim();
    if (!title) return;
    try {
      const res = await send<{ id: number }>('POST', `/api/meetings/${m.id}/items`, { title });
      form.reset();
      setSelected(res.id);
      reload();
    } catch (err) {
      setMessage(err instanceof ApiFailure ? err.message : String(err));
    }
  };

  return (
    <>
      <p className="breadcrumb"><Link to={`/moten/${m.id}`}>← {sv.meeting.protocol}</Link></p>
      <h1>{bodyName}: {m.date ? capitalise(longDate(m.date)) : sv.meeting.dateUnknown}</h1>
      <p className="lead">{sv.status[m.status]}{!m.inYearPlan && <> · <strong>{t.outsidePlan}</strong></>}</p>
      {!m.editable && <p className="notice notice--warning">{t.frozen}</p>}
      {m.origin === 'native' && m.status !== 'planned' && <p><Link to={`/moten/${m.id}/justering`}>{svJustering.link}</Link></p>}
      {message && <p className="form-error" role="alert">{message}</p>}
      {m.editable && (
        <>
          <HeaderForm meeting={m} onSaved={reload} />
          <AttendanceEditor meetingId={m.id} initial={state.attendance} />
          <OffersPanel meetingId={m.id} offers={state.offers} onTaken={reload} />
          <NoticePanel meetingId={m.id} />
          <div className="editor-columns">
            <div>
              <AgendaList items={state.items} selected={selected} onSelect={setSelected} onReorder={reorder} />
              <form onSubmit={addItem} className="form inline-form">
                <label htmlFor="new-item">{t.addItem}</label>
                <input id="new-item" name="title" />
                <button type="submit">{t.add}</button>
              </form>
            </div>
            {selectedItem && (
              <ItemEditor
                key={`${selectedItem.id}-${selectedItem.number}-${selectedItem.documents.length}`}
                meetingId={m.id}
                bodyName={bodyName}
                bodies={bodies}
                initial={selectedItem}
                onRemoved={() => { setSelected(null); reload(); }}
                onSaved={reload}
              />
            )}
          </div>
        </>
      )}
    </>
  );
}
