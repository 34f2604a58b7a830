import type { MeetingSummary, Protocol } from '../../../../src/domain/model';
import { svAdoption as t } from '../../i18n/sv';
import { useMaybe } from './useMaybe';

/**
 * Choose the decision in a body's minutes that made a record: a meeting of the body, then one of
 * its decisions. No meeting means the decision was made outside Samverka (the form asks for a date).
 */
export function DecisionPicker(props: {
  bodyId: number | null;
  meetingId: number | null;
  decisionId: number | null;
  onMeeting: (id: number | null) => void;
  onDecision: (id: number | null) => void;
}) {
  const meetings = useMaybe<MeetingSummary[]>(props.bodyId ? `/api/meetings?body=${props.bodyId}` : null);
  const protocol = useMaybe<Protocol>(props.meetingId ? `/api/meetings/${props.meetingId}` : null);
  const list = (meetings ?? []).filter((m) => m.date && m.status !== 'planned' && m.status !== 'cancelled');
  const decisions = protocol
    ? protocol.agenda.flatMap((item) => item.decisions.map((d) => ({ id: d.id, label: `§ ${item.number ?? '–'} ${item.title}: ${d.text.length > 90 ? `${d.text.slice(0, 90)} …` : d.text}` })))
    : [];
  return (
    <>
      <label htmlFor="dp-meeting">{t.meeting}</label>
      <select id="dp-meeting" value={props.meetingId ?? ''} onChange={(e) => { props.onMeeting(e.target.value ? Number(e.target.value) : null); props.onDecision(null); }}>
        <option value="">{t.noMeeting}</option>
        {list.map((m) => <option key={m.id} value={m.id}>{m.date}{m.title ? ` – ${m.title}` : ''}</option>)}
      </select>
      {props.meetingId !== null && (
        <>
          <label htmlFor="dp-decision">{t.decision}</label>
          <select id="dp-decision" required value={props.decisionId ?? ''} onChange={(e) => props.onDecision(e.target.value ? Number(e.target.value) : null)}>
            <option value="">{t.chooseDecision}</option>
            {decisions.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}
          </select>
        </>
      )}
    </>
  );
}
