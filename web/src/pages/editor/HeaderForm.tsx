import { useState, type FormEvent } from 'react';
import { ApiFailure, send } from '../../api';
import { svEdit } from '../../i18n/sv';
import type { EditorState } from './types';

const t = svEdit.editor;

export function HeaderForm({ meeting, onSaved }: { meeting: EditorState['meeting']; onSaved: () => void }) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    const text = (k: string) => (String(d.get(k) ?? '').trim() || null);
    try {
      await send('PATCH', `/api/meetings/${meeting.id}`, { version: meeting.version, title: text('title'), date: d.get('date'), startTime: text('start'), endTime: text('end'), place: text('place'), diaryNumber: text('dnr') });
      setMessage({ text: t.item.saved, error: false });
      onSaved();
    } catch (err) {
      setMessage({ text: err instanceof ApiFailure ? err.message : String(err), error: true });
    }
  };
  return (
    <section aria-labelledby="motesuppgifter">
      <h2 id="motesuppgifter">{t.header}</h2>
      {message && <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <form onSubmit={submit} className="grid-form">
        <div className="field"><label htmlFor="h-date">{t.date}</label><input id="h-date" name="date" type="date" defaultValue={meeting.date ?? ''} required /></div>
        <div className="field"><label htmlFor="h-start">{t.start}</label><input id="h-start" name="start" type="time" defaultValue={meeting.startTime ?? ''} /></div>
        <div className="field"><label htmlFor="h-end">{t.end}</label><input id="h-end" name="end" type="time" defaultValue={meeting.endTime ?? ''} /></div>
        <div className="field"><label htmlFor="h-place">{t.place}</label><input id="h-place" name="place" defaultValue={meeting.place ?? ''} /></div>
        <div className="field"><label htmlFor="h-dnr">{t.diaryNumber}</label><input id="h-dnr" name="dnr" defaultValue={meeting.diaryNumber ?? ''} /></div>
        <div className="field"><label htmlFor="h-title">{t.meetingTitle}</label><input id="h-title" name="title" defaultValue={meeting.title ?? ''} /></div>
        <div className="field field--button"><button type="submit">{t.saveHeader}</button></div>
      </form>
    </section>
  );
}
