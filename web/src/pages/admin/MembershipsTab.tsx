import { useState, type FormEvent } from 'react';
import type { BodySummary } from '../../../../src/domain/model';
import { MEMBERSHIP_ROLES } from '../../../../src/domain/model';
import { ApiFailure, send, useApi } from '../../api';
import { Load } from '../../components/States';
import { svAuth } from '../../i18n/sv';

interface Membership { id: number; personName: string; bodyId: number; role: string; validFrom: string | null; validTo: string | null }
interface Person { id: number; name: string; organization: string | null }

const t = svAuth.adminPage.memberships;

export function MembershipsTab() {
  const [bodies] = useApi<BodySummary[]>('/api/bodies');
  const [bodyId, setBodyId] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const [people] = useApi<Person[]>(`/api/admin/people?q=${encodeURIComponent(query)}`);
  const current = bodyId ?? (bodies.state === 'ready' ? (bodies.data[0]?.id ?? null) : null);
  const [memberships, reload] = useApi<Membership[]>(`/api/admin/memberships?body=${current ?? 0}`);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const run = async (action: () => Promise<unknown>, ok: string) => {
    try {
      await action();
      setMessage({ text: ok, error: false });
      reload();
    } catch (err) {
      setMessage({ text: err instanceof ApiFailure ? err.message : String(err), error: true });
    }
  };

  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    void run(
      () => send('POST', '/api/admin/memberships', {
        personId: Number(d.get('person')), bodyId: current, role: d.get('role'),
        validFrom: d.get('from') || null, validTo: d.get('to') || null,
      }),
      t.added,
    );
  };

  return (
    <>
      <p>{t.intro}</p>
      {message && <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <Load value={bodies} retry={() => undefined}>
        {(list) => (
          <div className="form inline-form">
            <label htmlFor="ms-body">{t.body}</label>
            <select id="ms-body" value={current ?? ''} onChange={(e) => setBodyId(Number(e.target.value))}>
              {list.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
            </select>
          </div>
        )}
      </Load>
      <Load value={memberships} retry={reload}>
        {(list) => (
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">{t.person}</th><th scope="col">{t.role}</th><th scope="col">{t.from}</th><th scope="col">{t.to}</th><th scope="col"><span className="visually-hidden">Åtgärder</span></th></tr></thead>
              <tbody>
                {list.map((m) => (
                  <tr key={m.id}>
                    <td>{m.personName}</td><td>{m.role}</td><td>{m.validFrom ?? '–'}</td><td>{m.validTo ?? '–'}</td>
                    <td><button type="button" className="small" onClick={() => run(() => send('DELETE', `/api/admin/memberships/${m.id}`), t.removed)}>{t.remove}<span className="visually-hidden">: {m.personName}</span></button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Load>
      <h2>{t.add}</h2>
      <form onSubmit={add} className="form">
        <label htmlFor="ms-search">{t.choosePerson}</label>
        <input id="ms-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        <label htmlFor="ms-person">{t.person}</label>
        <select id="ms-person" name="person" required>
          {people.state === 'ready' && people.data.map((p) => <option key={p.id} value={p.id}>{p.name}{p.organization ? `, ${p.organization}` : ''}</option>)}
        </select>
        <label htmlFor="ms-role">{t.role}</label>
        <select id="ms-role" name="role" defaultValue="ledamot">
          {MEMBERSHIP_ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
        <label htmlFor="ms-from">{t.from} <span className="hint">(ÅÅÅÅ-MM-DD)</span></label>
        <input id="ms-from" name="from" type="date" />
        <label htmlFor="ms-to">{t.to} <span className="hint">(ÅÅÅÅ-MM-DD)</span></label>
        <input id="ms-to" name="to" type="date" />
        <button type="submit">{t.add}</button>
      </form>
    </>
  );
}
