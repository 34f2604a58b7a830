import { Link, useParams } from 'react-router';
import type { Protocol } from '../../../src/domain/model';
import { useApi } from '../api';
import { Load, usePageTitle } from '../components/States';
import { Attendance } from '../components/Attendance';
import { SealInfo } from '../components/SealInfo';
import { itemAnchor } from '../components/AgendaItemView';
import { AgendaItems } from '../components/AgendaItems';
import { capitalise, longDate, timeRange } from '../format';
import { sv, svDocs, svEdit, svExpedition, svJustering, svOwnStatements } from '../i18n/sv';
import { useAuth, type Me } from '../auth';
import { canEditBody } from '../permissions';
import { attendeesOf, OwnStatements, type MeetingView } from './meeting/OwnStatements';

export function MeetingPage() {
  const { id = '' } = useParams();
  const [protocol, retry] = useApi<MeetingView>(`/api/meetings/${encodeURIComponent(id)}`);
  return <Load value={protocol} retry={retry}>{(p) => <ProtocolView protocol={p} reload={retry} />}</Load>;
}

function ProtocolView({ protocol: p, reload }: { protocol: MeetingView; reload: () => void }) {
  const { me } = useAuth();
  const editable = p.origin === 'native' && (p.status === 'draft' || p.status === 'planned') && p.bodies.some((b) => canEditBody(me, b.id));
  const bodyName = p.bodyNameAtTheTime ?? p.bodies[0]?.name ?? '';
  const primary = p.bodies.find((b) => b.primary);
  const others = p.bodies.filter((b) => !b.primary);
  usePageTitle(`${sv.meeting.protocol} ${bodyName}${p.date ? ` ${p.date}` : ''}`);
  const time = timeRange(p.startTime, p.endTime);
  const own = p.ownStatements;
  const attendees = own ? attendeesOf(p) : [];
  return (
    <article className="protocol">
      {primary && (
        <p className="breadcrumb">
          <Link to={`/organ/${primary.slug}/${p.date ? p.date.slice(0, 4) : 'okant'}`}>← {sv.meeting.backToBody(primary.name)}</Link>
        </p>
      )}
      {editable && <p><Link className="button-link" to={`/moten/${p.id}/redigera`}>{svEdit.editor.link}</Link></p>}
      {showsJustering(p, me) && <p><Link to={`/moten/${p.id}/justering`}>{svJustering.link}</Link></p>}
      {p.status === 'published' && p.bodies.some((b) => canEditBody(me, b.id)) && <p><Link to={`/moten/${p.id}/expediering`}>{svExpedition.link}</Link></p>}
      {p.status !== 'published' && <p className="notice notice--warning">{sv.status[p.status]}</p>}
      <header className="protocol__header">
        <h1>
          <span className="protocol__doc-type">{sv.meeting.protocol}</span> {bodyName}
        </h1>
        {others.length > 0 && <p className="lead">{sv.meeting.joint} {others.map((b) => b.name).join(', ')}</p>}
        <dl className="protocol__facts">
          {p.diaryNumber && (<><dt>{sv.meeting.diaryNumber}</dt><dd>{p.diaryNumber}</dd></>)}
          <dt>{sv.meeting.dateTime}</dt>
          <dd>
            {p.date ? <time dateTime={p.date}>{capitalise(longDate(p.date))} ({p.date})</time> : sv.meeting.dateUnknown}
            {time && <> {time}</>}
          </dd>
          {p.place && (<><dt>{sv.meeting.place}</dt><dd>{p.place}</dd></>)}
          {p.items.first !== null && (<><dt>{sv.meeting.items}</dt><dd>{p.items.first}–{p.items.last}</dd></>)}
        </dl>
        <nav aria-label={svDocs.downloads} className="downloads">
          <a href={`/api/meetings/${p.id}/protocol.pdf`}>{svDocs.protocolPdf}</a>
          <a href={`/api/meetings/${p.id}/protocol.html`}>{svDocs.protocolHtml}</a>
          <a href={`/api/meetings/${p.id}/calendar.ics`}>{svDocs.calendar}</a>
        </nav>
        {p.origin === 'imported' && (
          <aside className="notice" aria-label={sv.meeting.imported}>
            <p><strong>{sv.meeting.imported}.</strong> {sv.meeting.importedNote}</p>
            {p.sourceFile && <p><a href={`/api/meetings/${p.id}/source`} download>{sv.meeting.sourceFile} ({p.sourceFile.filename})</a></p>}
          </aside>
        )}
      </header>
      {p.status === 'published' && <SealInfo meetingId={p.id} />}

      <Attendance attendance={p.attendance} />

      {p.agenda.length > 1 && (
        <nav aria-labelledby="innehall-rubrik" className="toc">
          <h2 id="innehall-rubrik" className="h3">{sv.meeting.toc}</h2>
          <ol>
            {p.agenda.map((item) => (
              <li key={item.id} value={item.number ?? undefined}>
                <a href={`#${itemAnchor(item)}`}>{item.title}</a>
              </li>
            ))}
          </ol>
        </nav>
      )}

      <section aria-labelledby="arenden" className="agenda">
        <h2 id="arenden">{sv.meeting.agenda}</h2>
        {own && p.agenda.some((i) => i.decisions.length > 0) && <p className="notice">{svOwnStatements.intro}</p>}
        {p.agenda.length === 0 ? <p>{sv.meeting.noItems}</p> : (
          <AgendaItems
            agenda={p.agenda}
            meetingId={p.id}
            bodyName={bodyName}
            afterDecision={own ? (item) => <OwnStatements meetingId={p.id} item={item} own={own} attendees={attendees} reload={reload} /> : undefined}
          />
        )}
      </section>

      {p.nextMeetings.length > 0 && (
        <section aria-labelledby="nasta-mote">
          <h2 id="nasta-mote">{sv.meeting.nextMeetings}</h2>
          <ul className="plain-list">
            {p.nextMeetings.map((n, i) => (
              <li key={i}>{n.body && <>{n.body}: </>}{n.date ? <time dateTime={n.date}>{capitalise(longDate(n.date))}</time> : n.dateText}</li>
            ))}
          </ul>
        </section>
      )}

      {p.signatures.length > 0 && (
        <section aria-labelledby="underskrifter" className="signatures">
          <h2 id="underskrifter">{sv.meeting.signatures}</h2>
          <ul className="signature-list">
            {p.signatures.map((s, i) => (
              <li key={i} className="signature">
                <span className="signature__name">{s.name}</span>
                {s.role && <span className="signature__role">{capitalise(s.role)}</span>}
                {s.signedAt && <span className="signature__time">{sv.meeting.signedAt} <time dateTime={s.signedAt}>{formatStockholm(s.signedAt)}</time></span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {p.importWarnings.length > 0 && (
        <aside className="notice notice--warning" aria-label={sv.meeting.warnings}>
          <h2 className="h3">{sv.meeting.warnings}</h2>
          <ul>{p.importWarnings.map((w) => <li key={w}>{w}</li>)}</ul>
        </aside>
      )}
    </article>
  );
}

/** The justering page is for the body's secretaries (from the draft on) and members (once it is sent). */
function showsJustering(p: Protocol, me: Me | null): boolean {
  const account = me?.account;
  if (p.origin !== 'native' || !account) return false;
  if (p.bodies.some((b) => canEditBody(me, b.id))) return ['draft', 'justering', 'signed', 'published'].includes(p.status);
  return p.bodies.some((b) => account.bodies[String(b.id)]) && ['justering', 'signed', 'published'].includes(p.status);
}

/** A signing time as Swedes read it: 2022-03-21 13:40, Swedish time. */
function formatStockholm(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
}
