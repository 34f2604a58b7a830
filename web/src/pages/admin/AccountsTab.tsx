import { useState, type FormEvent } from 'react';
import { ApiFailure, send, useApi } from '../../api';
import { Load } from '../../components/States';
import { svAuth } from '../../i18n/sv';

interface Account {
  id: number; email: string; name: string; personId: number | null; admin: boolean; disabled: boolean; hasPassword: boolean; identities: { issuer: string }[];
}

const t = svAuth.adminPage.accounts;

interface Person { id: number; name: string; organization: string | null }

export function AccountsTab() {
  const [accounts, reload] = useApi<Account[]>('/api/admin/accounts');
  const [query, setQuery] = useState('');
  const [people] = useApi<Person[]>(`/api/admin/people?q=${encodeURIComponent(query)}`);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const run = async (action: () => Promise<unknown>, ok?: string) => {
    try {
      await action();
      setMessage(ok ? { text: ok, error: false } : null);
      reload();
    } catch (err) {
      setMessage({ text: err instanceof ApiFailure ? err.message : String(err), error: true });
    }
  };

  const create = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const d = new FormData(form);
    const password = String(d.get('password') ?? '');
    const person = String(d.get('person') ?? '');
    void run(async () => {
      await send('POST', '/api/admin/accounts', {
        email: d.get('email'), name: d.get('name'), admin: d.get('admin') === 'on',
        personId: person ? Number(person) : null, ...(password ? { password } : {}),
      });
      form.reset();
    }, t.created);
  };

  return (
    <>
      {message && <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <Load value={accounts} retry={reload}>
        {(list) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr><th scope="col">{t.name}</th><th scope="col">{t.email}</th><th scope="col">{t.admin}</th><th scope="col">{t.disabled}</th><th scope="col">{t.person}</th><th scope="col"><span className="visually-hidden">Åtgärder</span></th></tr>
              </thead>
              <tbody>
                {list.map((a) => (
                  <tr key={a.id}>
                    <td>{a.name}</td>
                    <td>{a.email}{a.identities.length > 0 && <> · {t.linked}</>}</td>
                    <td>{a.admin ? t.yes : t.no}</td>
                    <td>{a.disabled ? t.yes : t.no}</td>
                    <td>{a.personId ?? t.none}</td>
                    <td className="actions">
                      <button type="button" className="small" onClick={() => run(() => send('PATCH', `/api/admin/accounts/${a.id}`, { admin: !a.admin }))}>
                        {a.admin ? t.removeAdmin : t.makeAdmin}<span className="visually-hidden">: {a.name}</span>
                      </button>
                      <button type="button" className="small" onClick={() => run(() => send('PATCH', `/api/admin/accounts/${a.id}`, { disabled: !a.disabled }))}>
                        {a.disabled ? t.enable : t.disable}<span className="visually-hidden">: {a.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Load>
      <h2>{t.create}</h2>
      <form onSubmit={create} className="form">
        <label htmlFor="acc-name">{t.name}</label>
        <input id="acc-name" name="name" required maxLength={200} />
        <label htmlFor="acc-email">{t.email}</label>
        <input id="acc-email" name="email" type="email" required />
        <label htmlFor="acc-password">{t.password}</label>
        <input id="acc-password" name="password" type="password" autoComplete="new-password" minLength={12} />
        <label htmlFor="acc-person-search">{t.findPerson}</label>
        <input id="acc-person-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        <label htmlFor="acc-person">{t.person}</label>
        <select id="acc-person" name="person" defaultValue="">
          <option value="">{t.none}</option>
          {people.state === 'ready' && people.data.map((p) => <option key={p.id} value={p.id}>{p.name}{p.organization ? `, ${p.organization}` : ''}</option>)}
        </select>
        <label className="checkbox"><input type="checkbox" name="admin" /> {t.admin}</label>
        <button type="submit">{t.create}</button>
      </form>
    </>
  );
}
