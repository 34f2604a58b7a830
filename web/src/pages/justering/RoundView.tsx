import { useState, type FormEvent } from 'react';
import { ApiFailure, send } from '../../api';
import { svJustering } from '../../i18n/sv';
import type { Say } from './JusteringPage';
import { SignPanel } from './SignPanel';
import { stockholm, type JusteringState, type Round } from './types';

const t = svJustering;

/** One round: the version, the signatories in order with their state, the actions of the viewer, the comments. */
export function RoundView({ meetingId, round, you, say, reload, current }: { meetingId: number; round: Round; you: JusteringState['you']; say: Say; reload: () => void; current: boolean }) {
  const Heading = current ? 'h2' : 'h3';
  const Sub = current ? 'h3' : 'h4';
  const headingId = `omgang-${round.id}`;
  const mine = current ? round.signatories.find((s) => s.id === you.signatoryId) : undefined;
  return (
    <section aria-labelledby={headingId} className="card">
      <Heading id={headingId}>{t.version(round.version)}: {t.roundStates[round.state]}</Heading>
      <p>
        {t.sentBy(stockholm(round.startedAt), round.startedBy)}{' '}
        <a href={`/api/meetings/${meetingId}/versions/${round.version}/protocol.html`}>{t.readVersion(round.version)}</a>
      </p>

      <Sub id={`undertecknare-${round.id}`}>{t.signatories}</Sub>
      {current && round.state === 'open' && <p className="hint">{t.anyOrder}</p>}
      <ol className="plain-list signatory-order" aria-labelledby={`undertecknare-${round.id}`}>
        {round.signatories.map((s) => (
          <li key={s.id}>
            <strong>{s.position + 1}. {s.name}</strong>{s.id === you.signatoryId && current && <> {t.you}</>}, {t.roles[s.role]}
            {s.organization && <>, {s.organization}</>}
            {' – '}
            <span>{t.signatoryStates[s.state]}</span>
            {s.approvedAt && s.state === 'approved' && <> {t.stateTime(stockholm(s.approvedAt), null)}</>}
            {s.signedAt && <> {t.stateTime(stockholm(s.signedAt), s.method)}</>}
          </li>
        ))}
      </ol>

      {current && round.state === 'signed' && round.sealError && (
        <div className="notice notice--warning">
          <p><strong>{t.sealFailed}</strong> {round.sealError}</p>
        </div>
      )}
      {current && round.state === 'sealed' && <p className="notice">{t.sealed}</p>}

      {mine && round.state === 'open' && (mine.state === 'signed' ? <p>{t.youSigned}</p> : <SignPanel meetingId={meetingId} signatory={mine} you={you} say={say} reload={reload} />)}

      <Comments meetingId={meetingId} round={round} canAnswer={you.canManage && (round.state === 'open' || round.state === 'revising')} say={say} reload={reload} current={current} />
    </section>
  );
}

function Comments({ meetingId, round, canAnswer, say, reload, current }: { meetingId: number; round: Round; canAnswer: boolean; say: Say; reload: () => void; current: boolean }) {
  const Sub = current ? 'h3' : 'h4';
  if (!current && round.comments.length === 0) return null;
  return (
    <section aria-labelledby={`kommentarer-${round.id}`}>
      <Sub id={`kommentarer-${round.id}`}>{t.comments}</Sub>
      {round.comments.length === 0 ? (
        <p>{t.noComments}</p>
      ) : (
        <ul className="plain-list">
          {round.comments.map((c) => (
            <li key={c.id} className="justering-comment">
              <p><strong>{c.author}</strong>, <time dateTime={c.createdAt}>{stockholm(c.createdAt)}</time>:</p>
              <blockquote>{c.text}</blockquote>
              {c.answer ? (
                <p><strong>{t.answerFrom(c.answeredBy)}</strong> {c.answer}</p>
              ) : (
                canAnswer && <AnswerForm meetingId={meetingId} commentId={c.id} author={c.author} say={say} reload={reload} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AnswerForm({ meetingId, commentId, author, say, reload }: { meetingId: number; commentId: number; author: string; say: Say; reload: () => void }) {
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const answer = String(new FormData(e.currentTarget).get('answer') ?? '').trim();
    if (!answer) return;
    setBusy(true);
    try {
      await send('POST', `/api/meetings/${meetingId}/justering/comments/${commentId}/answer`, { answer });
      reload();
    } catch (err) {
      say(err instanceof ApiFailure ? err.message : String(err), true);
    } finally {
      setBusy(false);
    }
  };
  const id = `svar-${commentId}`;
  return (
    <form onSubmit={submit} className="form">
      <label htmlFor={id}>{t.answerLabel(author)}</label>
      <textarea id={id} name="answer" rows={2} required />
      <button type="submit" disabled={busy}>{t.sendAnswer}</button>
    </form>
  );
}
