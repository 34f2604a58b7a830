import { useState, type FormEvent } from 'react';
import { ApiFailure, send } from '../../api';
import { svExpedition } from '../../i18n/sv';
import { stockholm, type Dispatch, type Panel, type Say } from './types';

const t = svExpedition;

/** What was sent to whom: per recipient its state, the diary number it was registered under, and sending a bounced one again. */
export function DispatchTable({ panel, say, reload }: { panel: Panel; say: Say; reload: () => void }) {
  return (
    <section aria-labelledby="utskick">
      <h2 id="utskick">{t.sent}</h2>
      {panel.dispatches.length === 0 ? <p>{t.noneSent}</p> : (
        <div className="table-wrap">
          <table>
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.cols.item}</th><th scope="col">{t.cols.recipient}</th><th scope="col">{t.cols.reasons}</th>
                <th scope="col">{t.cols.state}</th><th scope="col">{t.cols.diary}</th><th scope="col">{t.cols.actions}</th>
              </tr>
            </thead>
            <tbody>
              {panel.dispatches.map((d) => <Row key={`${d.id}-${d.attempt}-${d.diaryNumber ?? ''}`} meetingId={panel.meeting.id} d={d} say={say} reload={reload} />)}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Row({ meetingId, d, say, reload }: { meetingId: number; d: Dispatch; say: Say; reload: () => void }) {
  const [diary, setDiary] = useState(d.diaryNumber ?? '');
  const [email, setEmail] = useState(d.addresses[0] ?? '');
  const [busy, setBusy] = useState(false);
  const act = async (what: () => Promise<string>) => {
    setBusy(true);
    try {
      say(await what());
      reload();
    } catch (err) {
      say(err instanceof ApiFailure ? err.message : String(err), true);
    } finally {
      setBusy(false);
    }
  };
  const saveDiary = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void act(async () => {
      await send('PUT', `/api/meetings/${meetingId}/expedition/${d.id}/registration`, { diaryNumber: diary });
      return t.diarySaved(d.recipient.name, diary.trim());
    });
  };
  const resend = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void act(async () => {
      await send('POST', `/api/meetings/${meetingId}/expedition/${d.id}/resend`, d.recipient.kind === 'named' ? { email } : {});
      return t.resent(d.recipient.name);
    });
  };

  return (
    <tr>
      <td>{d.itemNumber !== null ? `§ ${d.itemNumber}` : d.itemTitle}</td>
      <th scope="row">
        {d.recipient.name}
        <br /><span className="hint">{d.addresses.join(', ')}</span>
        <br /><span className="hint">{t.reference(d.reference)}</span>
      </th>
      <td>{d.reasons.map((r) => t.reasons[r]).join(', ')}{d.deadline && <><br /><span className="date">{t.deadline(d.deadline)}</span></>}</td>
      <td>
        <strong>{t.states[d.state]}</strong>
        {d.sentAt && <><br /><span className="hint">{t.sentAt(stockholm(d.sentAt))}</span></>}
        {d.state === 'bounced' && d.bounceReason && <><br /><span className="hint">{d.bounceReason}</span></>}
        {(d.state === 'retrying' || d.state === 'failed') && d.lastError && <><br /><span className="hint">{d.lastError}</span></>}
      </td>
      <td>
        {d.state !== 'sent' && d.state !== 'registered' ? null : (
          <form onSubmit={saveDiary} className="inline-form">
            <label className="visually-hidden" htmlFor={`dnr-${d.id}`}>{t.diaryFor(d.recipient.name)}</label>
            <input id={`dnr-${d.id}`} value={diary} onChange={(e) => setDiary(e.target.value)} maxLength={100} size={14} />
            <button type="submit" className="secondary" disabled={busy || !diary.trim() || diary.trim() === d.diaryNumber} aria-label={t.saveDiaryFor(d.recipient.name)}>{t.saveDiary}</button>
          </form>
        )}
        {d.registeredBy && <span className="hint">{t.registeredBy(d.registeredBy)}</span>}
      </td>
      <td className="actions">
        {d.state === 'bounced' && (
          <form onSubmit={resend} className="inline-form">
            {d.recipient.kind === 'named' ? (
              <>
                <label className="visually-hidden" htmlFor={`epost-${d.id}`}>{t.resendEmail(d.recipient.name)}</label>
                <input id={`epost-${d.id}`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} size={22} />
              </>
            ) : <span className="hint">{t.bouncedHint}</span>}
            <button type="submit" disabled={busy} aria-label={t.resendFor(d.recipient.name)}>{t.resend}</button>
          </form>
        )}
      </td>
    </tr>
  );
}
