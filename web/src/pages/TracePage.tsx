import { Link, useParams } from 'react-router';
import { useApi } from '../api';
import { Load, usePageTitle } from '../components/States';
import { capitalise, longDate } from '../format';
import { sv, svFollowUp, svImmediate, svTrace } from '../i18n/sv';
import type { ClosedBy } from '../../../src/domain/assignment-closing';
import { PlannedPaths } from './planning/PlannedPaths';

interface Entry {
  itemId: number; meetingId: number; date: string | null; body: string | null; itemNumber: number | null; title: string; link: string;
  decisions: string[]; assignments: { id: number; to: string; task: string; status: string; reportedAtItemId: number | null; closedBy?: ClosedBy | null }[];
}

export function TracePage() {
  const { id = '' } = useParams();
  const [trace, retry] = useApi<Entry[]>(`/api/items/${encodeURIComponent(id)}/trace`);
  return <Load value={trace} retry={retry}>{(entries) => <Timeline entries={entries} startId={Number(id)} />}</Load>;
}

function Timeline({ entries, startId }: { entries: Entry[]; startId: number }) {
  const start = entries.find((e) => e.itemId === startId);
  usePageTitle(svTrace.title(start?.title ?? ''));
  return (
    <>
      <h1>{svTrace.title(start?.title ?? '')}</h1>
      <p className="lead">{svTrace.intro}</p>
      <ol className="timeline">
        {entries.map((e) => (
          <li key={e.itemId} id={`spar-${e.itemId}`} className={e.itemId === startId ? 'timeline__entry timeline__entry--start' : 'timeline__entry'}>
            <p className="timeline__when">
              <time dateTime={e.date ?? undefined}>{e.date ? capitalise(longDate(e.date)) : sv.meeting.dateUnknown}</time> · {e.body} · <span className="label">{svTrace.links[e.link]}</span>
            </p>
            <h2 className="h3"><Link to={`/moten/${e.meetingId}#punkt-${e.itemNumber ?? e.itemId}`}>§ {e.itemNumber ?? '–'} {e.title}</Link></h2>
            {e.decisions.length > 0 && <><p className="label">{svTrace.decisions}</p><ul>{e.decisions.map((d, i) => <li key={i}>{d}</li>)}</ul></>}
            {e.assignments.length > 0 && (
              <>
                <p className="label">{svTrace.assignments}</p>
                <ul>
                  {e.assignments.map((a) => (
                    <li key={a.id}>
                      {a.to}: {a.task} ({svFollowUp.statuses[a.status]})
                      {a.reportedAtItemId && <> → <a href={`#spar-${a.reportedAtItemId}`}>{svTrace.links['reported-at']}</a></>}
                      {a.closedBy && <><br /><span className="hint">{svImmediate.closedBy(a.closedBy)}</span></>}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        ))}
      </ol>
      <PlannedPaths itemIds={entries.map((e) => e.itemId)} startId={startId} />
    </>
  );
}
