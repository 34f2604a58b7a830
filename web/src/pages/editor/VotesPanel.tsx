import { useId, useState, type FormEvent } from 'react';
import type { ProtocolNote, Reservation, Vote, VoteChoice, VoteRule } from '../../../../src/domain/votes';
import { ApiFailure, send, useApi } from '../../api';
import { svEdit, svVotes } from '../../i18n/sv';

const t = svVotes;

interface Person { name: string; party: string | null; role: string | null; replaces: string | null }
interface Panel {
  itemNumber: number | null;
  rule: VoteRule;
  chair: string | null;
  voters: Person[];
  present: Person[];
  votes: Vote[];
  reservations: Reservation[];
  protocolNotes: ProtocolNote[];
  warnings: string[];
}

const CHOICES: (VoteChoice | '')[] = ['yes', 'no', 'abstain', ''];
const label = (p: { name: string; party: string | null }) => (p.party ? `${p.name} (${p.party})` : p.name);
const text = (v: FormDataEntryValue | null) => String(v ?? '').trim();
const count = (v: FormDataEntryValue | null) => Math.max(0, Number(text(v) || 0));

/** The item's votes, reservations and protocol notes, for the secretary during and after the meeting. */
export function VotesPanel({ meetingId, itemId }: { meetingId: number; itemId: number }) {
  const base = `/api/meetings/${meetingId}/items/${itemId}`;
  const [panel, reload] = useApi<Panel>(`${base}/votes`);
  if (panel.state === 'loading') return null;
  if (panel.state === 'error') return <p className="form-error" role="alert">{t.loadError} {panel.error.message}</p>;
  return <Editor base={base} panel={panel.data} reload={reload} />;
}

function Editor({ base, panel, reload }: { base: string; panel: Panel; reload: () => void }) {
  const id = useId();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [ballots, setBallots] = useState<Record<string, VoteChoice | ''>>({});

  const act = async (run: () => Promise<unknown>, form?: HTMLFormElement) => {
    try {
      await run();
      form?.reset();
      setMessage({ text: t.saved, error: false });
      reload();
      return true;
    } catch (err) {
      setMessage({ text: err instanceof ApiFailure ? err.message : String(err), error: true });
      return false;
    }
  };

  const recordVote = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const cast = Object.entries(ballots).filter(([, v]) => v !== '').map(([name, vote]) => ({ name, vote }));
    const casting = text(f.get('castingVote'));
    const body = {
      question: text(f.get('question')) || null,
      yesFor: text(f.get('yesFor')),
      noFor: text(f.get('noFor')),
      ballots: cast,
      counts: cast.length ? null : { yes: count(f.get('yes')), no: count(f.get('no')), abstain: count(f.get('abstain')) },
      castingVote: cast.length || !casting ? null : casting,
    };
    if (await act(() => send('POST', `${base}/votes`, body), form)) setBallots({});
  };
  const addReservation = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    void act(() => send('POST', `${base}/reservations`, { name: text(f.get('name')), inFavourOf: text(f.get('inFavourOf')) || null, motivation: text(f.get('motivation')) || null }), form);
  };
  const addNote = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    void act(() => send('POST', `${base}/protocol-notes`, { name: text(f.get('name')), text: text(f.get('text')) }), form);
  };
  const remove = (path: string) => void act(() => send('DELETE', `${base}/${path}`));

  const tally = { yes: 0, no: 0, abstain: 0 };
  for (const v of Object.values(ballots)) if (v) tally[v]++;
  const outcome = (v: Vote) =>
    `${t.summary(v.counts.yes, v.counts.no, v.counts.abstain)}: ${v.result === 'tie' ? t.result.tie : t.result[v.result](v.result === 'yes' ? v.yesFor : v.noFor)}${v.castingVote ? t.castingVote : ''}`;
  const personOptions = (people: Person[]) => [<option key="" value="">{t.choose}</option>, ...people.map((p) => <option key={p.name} value={p.name}>{label(p)}</option>)];

  return (
    <section className="subform votes-panel" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{t.title}</h4>
      {message && <p className={message.error ? 'form-error' : 'form-ok'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      {panel.warnings.length > 0 && (
        <div className="notice notice--warning">
          <p>{t.warnings}</p>
          <ul>{panel.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
        </div>
      )}

      <h5>{t.votes}</h5>
      {panel.votes.length === 0 ? <p>{t.noVotes}</p> : (
        <ul className="plain-list">
          {panel.votes.map((v, i) => (
            <li key={v.id}>
              {i + 1}. {v.question ? `${v.question}: ` : ''}{outcome(v)}{' '}
              <button type="button" className="small secondary" onClick={() => remove(`votes/${v.id}`)}>{svEdit.editor.remove}<span className="visually-hidden"> {t.votes} {i + 1}</span></button>
            </li>
          ))}
        </ul>
      )}

      <form onSubmit={recordVote}>
        <fieldset className="subform">
          <legend>{t.newVote}</legend>
          <div className="grid-form">
            <div className="field field--wide"><label htmlFor={`${id}-q`}>{t.question}</label><input id={`${id}-q`} name="question" maxLength={500} /></div>
            <div className="field"><label htmlFor={`${id}-yes-for`}>{t.yesFor}</label><input id={`${id}-yes-for`} name="yesFor" required maxLength={1000} /></div>
            <div className="field"><label htmlFor={`${id}-no-for`}>{t.noFor}</label><input id={`${id}-no-for`} name="noFor" required maxLength={1000} /></div>
          </div>
          {panel.voters.length === 0 ? <p>{t.noVoters}</p> : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t.ballots}</caption>
                <thead><tr><th scope="col">{t.voter}</th>{CHOICES.map((c) => <th key={c} scope="col">{t.choice[c || 'none']}</th>)}</tr></thead>
                <tbody>
                  {panel.voters.map((p) => (
                    <tr key={p.name}>
                      <th scope="row">
                        {label(p)}
                        {p.name === panel.chair && <span className="hint">, {t.chair}</span>}
                        {p.replaces && <span className="hint">, {t.replaces(p.replaces)}</span>}
                      </th>
                      {CHOICES.map((c) => (
                        <td key={c}>
                          <input
                            type="radio"
                            name={`${id}-ballot-${p.name}`}
                            aria-label={t.choiceFor(t.choice[c || 'none']!, p.name)}
                            checked={(ballots[p.name] ?? '') === c}
                            onChange={() => setBallots({ ...ballots, [p.name]: c })}
                          />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <p role="status">{t.tally(tally.yes, tally.no, tally.abstain)}</p>
          <fieldset className="subform">
            <legend>{t.byCounts}</legend>
            <p className="hint">{t.countsHint}</p>
            <div className="grid-form">
              <div className="field"><label htmlFor={`${id}-cy`}>{t.yesCount}</label><input id={`${id}-cy`} name="yes" type="number" min={0} max={10000} /></div>
              <div className="field"><label htmlFor={`${id}-cn`}>{t.noCount}</label><input id={`${id}-cn`} name="no" type="number" min={0} max={10000} /></div>
              <div className="field"><label htmlFor={`${id}-ca`}>{t.abstainCount}</label><input id={`${id}-ca`} name="abstain" type="number" min={0} max={10000} /></div>
              {panel.rule.chairCastingVote ? (
                <div className="field">
                  <label htmlFor={`${id}-cv`}>{t.castingVoteLabel}</label>
                  <select id={`${id}-cv`} name="castingVote" defaultValue="">
                    <option value="">{t.castingVoteNone}</option><option value="yes">{t.choice.yes}</option><option value="no">{t.choice.no}</option>
                  </select>
                </div>
              ) : <p className="hint">{t.noCastingVote}</p>}
            </div>
          </fieldset>
          <button type="submit">{t.saveVote}</button>
        </fieldset>
      </form>

      <h5>{t.reservations}</h5>
      {panel.reservations.length === 0 ? <p>{t.noReservations}</p> : (
        <ul className="plain-list">
          {panel.reservations.map((r) => (
            <li key={r.id}>
              {t.reserves(label(r), r.inFavourOf)}{r.motivation ? t.withMotivation : ''}{' '}
              <button type="button" className="small secondary" onClick={() => remove(`reservations/${r.id}`)}>{svEdit.editor.remove}<span className="visually-hidden"> {r.name}</span></button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={addReservation} className="grid-form">
        <div className="field"><label htmlFor={`${id}-rn`}>{t.who}</label><select id={`${id}-rn`} name="name" required>{personOptions(panel.voters)}</select></div>
        <div className="field"><label htmlFor={`${id}-rf`}>{t.inFavourOf}</label><input id={`${id}-rf`} name="inFavourOf" maxLength={1000} /></div>
        <div className="field field--wide"><label htmlFor={`${id}-rm`}>{t.motivation}</label><textarea id={`${id}-rm`} name="motivation" rows={3} maxLength={20000} /></div>
        <div className="field field--button"><button type="submit">{t.addReservation}</button></div>
      </form>

      <h5>{t.notes}</h5>
      {panel.protocolNotes.length === 0 ? <p>{t.noNotes}</p> : (
        <ul className="plain-list">
          {panel.protocolNotes.map((n) => (
            <li key={n.id}>
              {label(n)}: {n.text}{' '}
              <button type="button" className="small secondary" onClick={() => remove(`protocol-notes/${n.id}`)}>{svEdit.editor.remove}<span className="visually-hidden"> {n.name}</span></button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={addNote} className="grid-form">
        <div className="field"><label htmlFor={`${id}-nn`}>{t.who}</label><select id={`${id}-nn`} name="name" required>{personOptions(panel.present)}</select></div>
        <div className="field field--wide"><label htmlFor={`${id}-nt`}>{t.noteText}</label><textarea id={`${id}-nt`} name="text" rows={3} required maxLength={20000} /></div>
        <div className="field field--button"><button type="submit">{t.addNote}</button></div>
      </form>
    </section>
  );
}
