import { Link } from 'react-router';
import { useApi } from '../api';
import { svInbox } from '../i18n/sv';

interface Inbox {
  referrals: { itemId: number; title: string; fromBody: string; fromMeetingId: number; fromDate: string | null }[];
  assignments: { assignmentId: number; to: string; task: string; givenAt: { meetingId: number; date: string | null; itemNumber: number | null } }[];
}

/** Cases sent to the body and assignments due back; shown only when there are some. */
export function BodyInbox({ bodyId }: { bodyId: number }) {
  const [inbox] = useApi<Inbox>(`/api/bodies/${bodyId}/inbox`);
  if (inbox.state !== 'ready' || inbox.data.referrals.length + inbox.data.assignments.length === 0) return null;
  return (
    <section aria-labelledby="inkorg" className="notice">
      <h2 id="inkorg" className="h3">{svInbox.title}</h2>
      <p>{svInbox.intro}</p>
      <ul>
        {inbox.data.referrals.map((r) => (
          <li key={`r${r.itemId}`}><Link to={`/arenden/${r.itemId}`}>{r.title}</Link> – {svInbox.referral(r.fromBody, r.fromDate)}</li>
        ))}
        {inbox.data.assignments.map((a) => (
          <li key={`a${a.assignmentId}`}><Link to={`/moten/${a.givenAt.meetingId}`}>{a.task}</Link> – {svInbox.assignment(a.to)}</li>
        ))}
      </ul>
    </section>
  );
}
