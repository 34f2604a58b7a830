import type { Participant } from '../../../src/domain/model';
import { sv } from '../i18n/sv';

function describe(p: Participant): string {
  const parts: string[] = [];
  if (p.organization) parts.push(p.organization);
  if (p.role) parts.push(p.role);
  if (p.replaces) parts.push(sv.meeting.replaces(p.replaces));
  if (p.itemsFrom !== null) parts.push(sv.meeting.presentForItems(p.itemsFrom, p.itemsTo ?? p.itemsFrom));
  else if (p.note) parts.push(p.note);
  return parts.join(', ');
}

function ParticipantList({ id, title, people }: { id: string; title: string; people: Participant[] }) {
  if (people.length === 0) return null;
  return (
    <section aria-labelledby={id} className="attendance__group">
      <h3 id={id}>{title}</h3>
      <ul className="attendance__list">
        {people.map((p, i) => (
          <li key={`${p.name}-${i}`}>
            <span className="person-name">{p.name}</span>
            {p.party && <> ({p.party})</>}
            {describe(p) && <span className="person-detail">, {describe(p)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Attendance({ attendance }: { attendance: { present: Participant[]; absent: Participant[]; officials: Participant[] } }) {
  const any = attendance.present.length + attendance.absent.length + attendance.officials.length > 0;
  if (!any) return null;
  return (
    <section aria-labelledby="narvaro" className="attendance">
      <h2 id="narvaro">{sv.meeting.attendance}</h2>
      <div className="attendance__columns">
        <ParticipantList id="narvarande" title={sv.meeting.present} people={attendance.present} />
        <ParticipantList id="franvarande" title={sv.meeting.absent} people={attendance.absent} />
        <ParticipantList id="tjanstepersoner" title={sv.meeting.officials} people={attendance.officials} />
      </div>
    </section>
  );
}
