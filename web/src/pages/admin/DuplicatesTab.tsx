import { useState } from 'react';
import { ApiFailure, send, useApi } from '../../api';
import { Load } from '../../components/States';
import { svAuth } from '../../i18n/sv';

interface Ref { id: number; name: string; organization: string | null; mentions: number }
interface Pair { a: Ref; b: Ref; similarity: number }
const t = svAuth.adminPage.duplicates;

export function DuplicatesTab() {
  const [pairs, reload] = useApi<Pair[]>('/api/admin/people/duplicates');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const merge = async (keep: Ref, duplicate: Ref) => {
    try {
      await send('POST', '/api/admin/people/merge', { keepId: keep.id, duplicateId: duplicate.id });
      setMessage({ text: t.merged(duplicate.name, keep.name), error: false });
      reload();
    } catch (err) {
      setMessage({ text: err instanceof ApiFailure ? err.message : String(err), error: true });
    }
  };

  const describe = (p: Ref) => `${p.name}${p.organization ? `, ${p.organization}` : ''} (${t.mentions(p.mentions)})`;
  return (
    <>
      <p>{t.intro}</p>
      {message && <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <Load value={pairs} retry={reload}>
        {(list) =>
          list.length === 0 ? <p>{t.none}</p> : (
            <div className="table-wrap">
              <table>
                <thead><tr><th scope="col">{t.first}</th><th scope="col">{t.second}</th><th scope="col">{t.similarity}</th><th scope="col"><span className="visually-hidden">Åtgärder</span></th></tr></thead>
                <tbody>
                  {list.map((p) => (
                    <tr key={`${p.a.id}-${p.b.id}`}>
                      <td>{describe(p.a)}</td>
                      <td>{describe(p.b)}</td>
                      <td>{Math.round(p.similarity * 100)} %</td>
                      <td className="actions">
                        <button type="button" className="small" onClick={() => merge(p.a, p.b)}>{t.keep(p.a.name)}</button>
                        <button type="button" className="small" onClick={() => merge(p.b, p.a)}>{t.keep(p.b.name)}</button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Load>
    </>
  );
}
