import { useState } from 'react';
import { ApiFailure, send, useApi } from '../../api';
import { Load } from '../../components/States';
import { svAuth } from '../../i18n/sv';

interface Person { id: number; name: string; organization: string | null; party: string | null }
const t = svAuth.adminPage.people;

export function PeopleTab() {
  const [query, setQuery] = useState('');
  const [people, reload] = useApi<Person[]>(`/api/admin/people?q=${encodeURIComponent(query)}`);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const pseudonymise = async (p: Person) => {
    if (!window.confirm(t.confirm(p.name))) return;
    try {
      await send('POST', `/api/admin/people/${p.id}/pseudonymise`);
      setMessage({ text: t.done, error: false });
      reload();
    } catch (err) {
      setMessage({ text: err instanceof ApiFailure ? err.message : String(err), error: true });
    }
  };

  return (
    <>
      <p>{t.intro}</p>
      {message && <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <div className="form inline-form">
        <label htmlFor="pp-search">{t.search}</label>
        <input id="pp-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <Load value={people} retry={reload}>
        {(list) => (
          <ul className="plain-list people-list">
            {list.map((p) => (
              <li key={p.id}>
                <span className="person-name">{p.name}</span>{p.party && ` (${p.party})`}{p.organization && `, ${p.organization}`}
                {' '}
                <a href={`/api/admin/people/${p.id}/export`} download>{t.export}<span className="visually-hidden">: {p.name}</span></a>
                {' '}
                <button type="button" className="small" onClick={() => pseudonymise(p)}>{t.pseudonymise}<span className="visually-hidden">: {p.name}</span></button>
              </li>
            ))}
          </ul>
        )}
      </Load>
    </>
  );
}
