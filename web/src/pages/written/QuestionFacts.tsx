import { Link } from 'react-router';
import { svWritten as t } from '../../i18n/sv';
import type { Confirmation, WrittenQuestion } from './types';

/** "Bekräftat vid mötet 2024-12-06 § 12", linked to the meeting; "Anmäls …" until its protocol is signed. */
export function ConfirmationText({ confirmation: c }: { confirmation: Confirmation }) {
  const text = (c.confirmed ? t.confirmedAt : t.toBeConfirmedAt)(c.date ?? '', c.itemNumber);
  return <Link to={`/moten/${c.meetingId}`}>{text}</Link>;
}

/** The proposal with its att-clauses and documents, as every reader of the question sees them. */
export function Proposal({ q }: { q: WrittenQuestion }) {
  return (
    <>
      <section aria-labelledby="forslag">
        <h2 id="forslag">{t.proposalHeading}</h2>
        {q.proposal.split(/\n\s*\n/).map((p, i) => <p key={i}>{p}</p>)}
        {q.clauses.length > 0 && (
          <ul className="att-clauses">
            {q.clauses.map((c, i) => <li key={i} className="att">{/^att\s/i.test(c) ? c : `att ${c}`}</li>)}
          </ul>
        )}
      </section>
      <section aria-labelledby="handlingar">
        <h2 id="handlingar">{t.documentsHeading}</h2>
        {q.documents.length === 0 ? <p>{t.noDocuments}</p> : (
          <ul className="plain-list">
            {q.documents.map((d) => <li key={d.id}><a href={d.href}>{d.filename}</a> ({Math.max(1, Math.ceil(d.sizeBytes / 1024))} kB)</li>)}
          </ul>
        )}
      </section>
    </>
  );
}

/** Where the question stands: open until the deadline, or how it was settled and where it is confirmed. */
export function QuestionState({ q }: { q: WrittenQuestion }) {
  if (q.status === 'open') return <p className="notice">{q.deadlinePassed ? t.awaitingClose : t.openUntil(q.deadlineText)}</p>;
  return (
    <div className={q.status === 'approved' ? 'form-ok' : 'notice notice--warning'}>
      <p><strong>{t.decided(t.status[q.status] ?? q.status, q.closedBy)}</strong> {q.outcomeReason}</p>
      <p>{q.confirmation ? <ConfirmationText confirmation={q.confirmation} /> : t.awaitingMeeting}</p>
    </div>
  );
}
