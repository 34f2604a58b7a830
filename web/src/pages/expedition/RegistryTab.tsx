import { useState, type FormEvent } from 'react';
import { ApiFailure, send, useApi } from '../../api';
import { Load } from '../../components/States';
import { svExpedition } from '../../i18n/sv';

const t = svExpedition.registry;

interface Address { id: number; name: string; kind: 'region' | 'kommun'; registryEmail: string | null }

/** Administration → Registratorer: each huvudman's registry address, where expediering goes. */
export function RegistryTab() {
  const [list, reload] = useApi<Address[]>('/api/admin/registry-addresses');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  return (
    <>
      <p>{t.intro}</p>
      {message && <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <Load value={list} retry={reload}>
        {(rows) => (
          <div className="table-wrap">
            <table>
              <caption>{t.caption}</caption>
              <thead><tr><th scope="col">{t.huvudman}</th><th scope="col">{t.email}</th></tr></thead>
              <tbody>
                {rows.map((r) => <AddressRow key={`${r.id}-${r.registryEmail ?? ''}`} row={r} say={(text, error = false) => setMessage({ text, error })} reload={reload} />)}
              </tbody>
            </table>
          </div>
        )}
      </Load>
    </>
  );
}

function AddressRow({ row, say, reload }: { row: Address; say: (text: string, error?: boolean) => void; reload: () => void }) {
  const [email, setEmail] = useState(row.registryEmail ?? '');
  const [busy, setBusy] = useState(false);
  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    try {
      const value = email.trim() || null;
      await send('PUT', `/api/admin/registry-addresses/${row.id}`, { registryEmail: value });
      say(value ? t.saved(row.name) : t.cleared(row.name));
      reload();
    } catch (err) {
      say(err instanceof ApiFailure ? err.message : String(err), true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr>
      <th scope="row">{row.name}{!row.registryEmail && <span className="badge badge--warn">{t.missing}</span>}</th>
      <td>
        <form onSubmit={(e) => void save(e)} className="inline-form">
          <label className="visually-hidden" htmlFor={`registrator-${row.id}`}>{t.emailFor(row.name)}</label>
          <input id={`registrator-${row.id}`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} size={34} autoComplete="off" />
          <button type="submit" className="secondary" disabled={busy || email.trim() === (row.registryEmail ?? '')} aria-label={t.saveFor(row.name)}>{t.save}</button>
        </form>
      </td>
    </tr>
  );
}
