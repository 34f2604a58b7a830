import { useState } from 'react';
import { ApiFailure, getJson, send } from '../../api';
import { svEdit } from '../../i18n/sv';
import type { Participant } from './types';

const t = svEdit.editor;
const empty: Participant = { list: 'present', name: '', party: null, organization: null, role: null, replaces: null, note: null, itemsFrom: null, itemsTo: null };

/** Who attended: loaded from the memberships, then adjusted — absent, substitutes, present for some items. */
export function AttendanceEditor({ meetingId, initial }: { meetingId: number; initial: Participant[] }) {
  const [rows, setRows] = useState<Participant[]>(initial);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const set = (i: number, change: Partial<Participant>) => setRows((r) => r.map((p, j) => (j === i ? { ...p, ...change } : p)));
  const text = (v: string) => (v.trim() === '' ? null : v);
  const num = (v: string) => (v.trim() === '' ? null : Number(v));

  const loadMembers = async () => {
    const members = await getJson<Participant[]>(`/api/meetings/${meetingId}/attendance-template`);
    const known = new Set(rows.map((r) => r.name));
    setRows([...rows, ...members.filter((m) => !known.has(m.name))]);
  };
  const save = async () => {
    try {
      await send('PUT', `/api/meetings/${meetingId}/attendance`, { participants: rows.filter((r) => r.name.trim()) });
      setMessage({ text: svEdit.editor.item.saved, error: false });
    } catch (err) {
      setMessage({ text: err instanceof ApiFailure ? err.message : String(err), error: true });
    }
  };

  return (
    <section aria-labelledby="narvaro-red">
      <h2 id="narvaro-red">{t.attendance}</h2>
      {message && <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <div className="button-row">
        <button type="button" className="secondary" onClick={loadMembers}>{t.loadMembers}</button>
        <button type="button" className="secondary" onClick={() => setRows([...rows, { ...empty }])}>{t.addPerson}</button>
      </div>
      <div className="table-wrap">
        <table className="attendance-table">
          <thead>
            <tr>
              <th scope="col">{t.name}</th><th scope="col">{t.list}</th><th scope="col">{t.party}</th><th scope="col">{t.organization}</th><th scope="col">{t.role}</th>
              <th scope="col">{t.replaces}</th><th scope="col">{t.itemsFrom}</th><th scope="col">{t.itemsTo}</th><th scope="col"><span className="visually-hidden">{t.remove}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p, i) => (
              <tr key={i}>
                <td><input aria-label={`${t.name}, rad ${i + 1}`} value={p.name} onChange={(e) => set(i, { name: e.target.value })} /></td>
                <td>
                  <select aria-label={`${t.list}, ${p.name || `rad ${i + 1}`}`} value={p.list} onChange={(e) => set(i, { list: e.target.value as Participant['list'] })}>
                    <option value="present">{t.present}</option><option value="absent">{t.absent}</option><option value="official">{t.official}</option>
                  </select>
                </td>
                <td><input className="narrow-input" aria-label={`${t.party}, ${p.name}`} value={p.party ?? ''} onChange={(e) => set(i, { party: text(e.target.value) })} /></td>
                <td><input aria-label={`${t.organization}, ${p.name}`} value={p.organization ?? ''} onChange={(e) => set(i, { organization: text(e.target.value) })} /></td>
                <td><input aria-label={`${t.role}, ${p.name}`} value={p.role ?? ''} onChange={(e) => set(i, { role: text(e.target.value) })} /></td>
                <td>
                  <select aria-label={`${t.replaces}, ${p.name}`} value={p.replaces ?? ''} onChange={(e) => set(i, { replaces: text(e.target.value) })}>
                    <option value="">–</option>
                    {rows.filter((o) => o.list === 'absent' && o.name).map((o) => <option key={o.name} value={o.name}>{o.name}</option>)}
                  </select>
                </td>
                <td><input className="narrow-input" type="number" min={0} aria-label={`${t.itemsFrom}, ${p.name}`} value={p.itemsFrom ?? ''} onChange={(e) => set(i, { itemsFrom: num(e.target.value) })} /></td>
                <td><input className="narrow-input" type="number" min={0} aria-label={`${t.itemsTo}, ${p.name}`} value={p.itemsTo ?? ''} onChange={(e) => set(i, { itemsTo: num(e.target.value) })} /></td>
                <td><button type="button" className="small secondary" onClick={() => setRows(rows.filter((_, j) => j !== i))}>{t.remove}<span className="visually-hidden"> {p.name}</span></button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={save}>{t.saveAttendance}</button>
    </section>
  );
}
