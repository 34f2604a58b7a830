import { send } from '../../api';
import { svEdit } from '../../i18n/sv';
import type { EditorState } from './types';
import { WrittenOffers } from '../written/WrittenOffers';

const t = svEdit.editor;

/** Cases other bodies sent here and assignments due back: one click puts them on the agenda. */
export function OffersPanel({ meetingId, offers, onTaken }: { meetingId: number; offers: EditorState['offers']; onTaken: () => void }) {
  const take = async (offer: { referralItemId: number } | { assignmentId: number }) => {
    await send('POST', `/api/meetings/${meetingId}/items`, { offer });
    onTaken();
  };
  const written = offers.writtenDecisions ?? [];
  const none = offers.referrals.length === 0 && offers.assignments.length === 0 && written.length === 0;
  return (
    <section aria-labelledby="forslag">
      <h2 id="forslag">{t.offers}</h2>
      {none ? <p>{t.offersNone}</p> : (
        <ul className="offers">
          {offers.referrals.map((r) => (
            <li key={`r${r.itemId}`}>
              <span className="label">{t.referral(r.fromBody)}</span> ({r.fromDate ?? '–'}): {r.title}{' '}
              <button type="button" className="small" onClick={() => take({ referralItemId: r.itemId })}>{t.takeOffer}<span className="visually-hidden">: {r.title}</span></button>
            </li>
          ))}
          {offers.assignments.map((a) => (
            <li key={`a${a.assignmentId}`}>
              <span className="label">{t.assignmentDue}</span> ({a.fromBody ?? ''} {a.givenAt.date ?? ''}, §{a.givenAt.itemNumber ?? '–'}) {a.to}: {a.task}{' '}
              <button type="button" className="small" onClick={() => take({ assignmentId: a.assignmentId })}>{t.takeOffer}<span className="visually-hidden">: {a.task}</span></button>
            </li>
          ))}
          <WrittenOffers meetingId={meetingId} offers={written} onTaken={onTaken} />
        </ul>
      )}
    </section>
  );
}
