import { useState } from 'react';
import { useApi } from '../../api';
import { Load } from '../../components/States';
import { svAuth } from '../../i18n/sv';

interface Entry { id: number; at: string; actor: string; action: string; entity: string; entityId: string | null; before: unknown; after: unknown }
const t = svAuth.adminPage.audit;

export function AuditTab() {
  const [before, setBefore] = useState<number | null>(null);
  const [entries, reload] = useApi<Entry[]>(`/api/admin/audit?limit=50${before ? `&before=${before}` : ''}`);
  return (
    <Load value={entries} retry={reload}>
      {(list) => (
        <>
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">{t.when}</th><th scope="col">{t.who}</th><th scope="col">{t.what}</th><th scope="col">{t.entity}</th><th scope="col">{t.details}</th></tr></thead>
              <tbody>
                {list.map((e) => (
                  <tr key={e.id}>
                    <td><time dateTime={e.at}>{new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Stockholm' }).format(new Date(e.at))}</time></td>
                    <td>{e.actor}</td>
                    <td><code>{e.action}</code></td>
                    <td>{e.entity} {e.entityId}</td>
                    <td>
                      <details>
                        <summary>{t.details}</summary>
                        <pre className="json">{JSON.stringify({ before: e.before, after: e.after }, null, 2)}</pre>
                      </details>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.length === 50 && <button type="button" onClick={() => setBefore(list[list.length - 1]!.id)}>{t.older}</button>}
        </>
      )}
    </Load>
  );
}
