import { useState, type FormEvent } from 'react';
import { ApiFailure, send } from '../../api';
import { SIGNATORY_ROLES, type SignatoryRole } from '../../../../src/domain/justering';
import { svJustering } from '../../i18n/sv';
import type { Say } from './JusteringPage';
import type { Candidates } from './types';

const t = svJustering;

interface Row {
  personId: number;
  name: string;
  organization: string | null;
  role: SignatoryRole;
  hasAccount: boolean;
}

/** The signatories in signing order, as proposed, for the secretary to change and send. */
export function SignatoryChooser({ meetingId, candidates, heading, say, reload }: { meetingId: number; candidates: Candidates; heading: string; say: Say; reload: () => void }) {
  const [rows, setRows] = useState<Row[]>(candidates.proposed);
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState<{ personId: string; role: SignatoryRole }>({ personId: '', role: 'justerare' });

  const move = (from: number, to: number) =>
    setRows((list) => {
      if (to < 0 || to >= list.length) return list;
      const next = [...list];
      const [row] = next.splice(from, 1);
      next.splice(to, 0, row!);
      return next;
    });
  const setRole = (i: number, role: SignatoryRole) => setRows((list) => list.map((r, j) => (j === i ? { ...r, role } : r)));
  const remove = (i: number) => setRows((list) => list.filter((_, j) => j !== i));
  const available = candidates.candidates.filter((c) => !rows.some((r) => r.personId === c.personId));

  const add = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const who = candidates.candidates.find((c) => String(c.personId) === adding.personId);
    if (!who) return;
    setRows((list) => [...list, { personId: who.personId, name: who.name, organization: who.organization, role: adding.role, hasAccount: who.hasAccount }]);
    setAdding({ personId: '', role: adding.role });
  };

  const submit = async () => {
    setBusy(true);
    try {
      const res = await send<{ version: number; notified: number }>('POST', `/api/meetings/${meetingId}/justering`, { signatories: rows.map((r) => ({ personId: r.personId, role: r.role })) });
      say(t.sent(res.version, res.notified));
      reload();
    } catch (err) {
      say(err instanceof ApiFailure ? err.message : String(err), true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="skicka">
      <h3 id="skicka">{heading}</h3>
      <p>{t.sendIntro}</p>
      <div className="table-wrap">
        <table>
          <caption>{t.chosen}</caption>
          <thead>
            <tr><th scope="col">{t.order}</th><th scope="col">{t.name}</th><th scope="col">{t.role}</th><th scope="col">{t.account}</th><th scope="col"><span className="visually-hidden">{t.remove}</span></th></tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.personId}>
                <td className="num">{i + 1}</td>
                <th scope="row">{r.name}{r.organization && <span className="hint">, {r.organization}</span>}</th>
                <td>
                  <label className="visually-hidden" htmlFor={`roll-${r.personId}`}>{t.roleFor(r.name)}</label>
                  <select id={`roll-${r.personId}`} value={r.role} onChange={(e) => setRole(i, e.target.value as SignatoryRole)}>
                    {SIGNATORY_ROLES.map((role) => <option key={role} value={role}>{t.roles[role]}</option>)}
                  </select>
                </td>
                <td>{r.hasAccount ? t.hasAccount : <strong>{t.noAccount}</strong>}</td>
                <td className="actions">
                  <button type="button" onClick={() => move(i, i - 1)} disabled={i === 0}>{t.up}<span className="visually-hidden"> {r.name}</span></button>{' '}
                  <button type="button" onClick={() => move(i, i + 1)} disabled={i === rows.length - 1}>{t.down}<span className="visually-hidden"> {r.name}</span></button>{' '}
                  <button type="button" onClick={() => remove(i)}>{t.remove}<span className="visually-hidden"> {r.name}</span></button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {available.length > 0 && (
        <form onSubmit={add} className="form inline-form">
          <label htmlFor="ny-undertecknare">{t.addPerson}</label>
          <select id="ny-undertecknare" value={adding.personId} onChange={(e) => setAdding({ ...adding, personId: e.target.value })}>
            <option value="">{t.choose}</option>
            {(['attendance', 'member'] as const).filter((source) => available.some((c) => c.source === source)).map((source) => (
              <optgroup key={source} label={source === 'attendance' ? t.fromAttendance : t.fromMembers}>
                {available.filter((c) => c.source === source).map((c) => (
                  <option key={c.personId} value={c.personId}>{c.name}{c.hasAccount ? '' : ` (${t.noAccount.toLowerCase()})`}</option>
                ))}
              </optgroup>
            ))}
          </select>
          <label htmlFor="ny-roll">{t.role}</label>
          <select id="ny-roll" value={adding.role} onChange={(e) => setAdding({ ...adding, role: e.target.value as SignatoryRole })}>
            {SIGNATORY_ROLES.map((role) => <option key={role} value={role}>{t.roles[role]}</option>)}
          </select>
          <button type="submit" disabled={!adding.personId}>{t.add}</button>
        </form>
      )}

      <p className="button-row">
        <button type="button" onClick={() => void submit()} disabled={busy || rows.length === 0}>{heading}</button>
      </p>
    </section>
  );
}
