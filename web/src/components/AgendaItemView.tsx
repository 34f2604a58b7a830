import type { ReactNode } from 'react';
import type { AgendaItem } from '../../../src/domain/model';
import { Link } from 'react-router';
import { sv, svDocs, svImmediate, svTrace } from '../i18n/sv';
import { ItemText } from './ItemText';
import { ItemFollowUp, type ItemFollowUps } from './ItemFollowUp';
import { ItemStatements, ItemVotes } from './ItemVoting';

export function itemAnchor(item: AgendaItem): string {
  return `punkt-${item.number ?? item.id}`;
}

/** `bodyName`: the deciding body as the protocol names it, for the result of a vote ("… beslutar Länssamverkansgruppen enligt …"). */
export function AgendaItemView({ item, meetingId, bodyName, followUp, children }: { item: AgendaItem; meetingId: number; bodyName: string; followUp?: ItemFollowUps; children?: ReactNode }) {
  const headingId = `${itemAnchor(item)}-rubrik`;
  const followedUp = item.assignments.length > 0 || (followUp !== undefined && (followUp.recommendations.length > 0 || followUp.costSplits.length > 0));
  return (
    <article className="item" id={itemAnchor(item)} aria-labelledby={headingId}>
      <h3 id={headingId} className="item__title">
        {item.number !== null && <span className="item__number">{item.number}.</span>} {item.title}
      </h3>
      {(item.kind || item.written) && (
        <p className="item__kind">
          {item.written && `${sv.meeting.written} `}
          {item.kind ? (item.written ? sv.meeting.kind[item.kind]?.toLocaleLowerCase('sv') : sv.meeting.kind[item.kind]) : ''}
        </p>
      )}
      {item.presenters.length > 0 && (
        <p className="item__presenters">
          <span className="label">{sv.meeting.presenters}:</span>{' '}
          {item.presenters.map((p) => (p.title ? `${p.name}, ${p.title}` : p.name)).join('; ')}
        </p>
      )}
      {item.subPoints.length > 0 && (
        <ul className="item__subpoints">
          {item.subPoints.map((s) => <li key={`${s.label}${s.title}`}>{s.label && `${s.label} `}{s.title}</li>)}
        </ul>
      )}
      {item.text && <div className="item__text"><ItemText text={item.text} /></div>}
      {(item.decisions.length > 0 || item.votes.length > 0) && (
        <section className="decision" aria-label={`${sv.meeting.decision}, punkt ${item.number ?? ''}`}>
          <h4>{sv.meeting.decision}</h4>
          <ItemVotes item={item} bodyName={bodyName} />
          {item.decisions.map((d) => (
            <div key={d.id} className="decision__text">
              {d.clauses.length > 0 ? (
                <>
                  <p>{leadOf(d.text, d.clauses)}</p>
                  <ul className="att-clauses">
                    {d.clauses.map((c, i) => <li key={i}><span className="att">att</span> {c}</li>)}
                  </ul>
                </>
              ) : (
                <p>{d.text}</p>
              )}
            </div>
          ))}
        </section>
      )}
      <ItemStatements item={item} />
      {item.immediateJustering && <p className="item__immediate"><strong>{svImmediate.statement(item.immediateJustering.justifiedOn, item.immediateJustering.signatories)}</strong></p>}
      {children}
      {item.assignments.length > 0 && (
        <section className="assignments" aria-label={`${sv.meeting.assignments}, punkt ${item.number ?? ''}`}>
          <h4>{sv.meeting.assignments}</h4>
          <ul>
            {item.assignments.map((a) => (
              <li key={a.id}>
                <span className="label">{sv.meeting.assignmentTo}:</span> {a.to}. {a.task}
                {a.status === 'unconfirmed' && <span className="badge badge--muted">{sv.meeting.assignmentUnconfirmed}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {followUp && <ItemFollowUp followUp={followUp} itemNumber={item.number} />}
      {item.decisions.length > 0 && item.number !== null && (
        <p className="item__trace"><a href={`/api/meetings/${meetingId}/extract.pdf?items=${item.number}`}>{svDocs.extract}<span className="visually-hidden">: § {item.number}</span></a></p>
      )}
      {followedUp && <p className="item__trace"><Link to={`/arenden/${item.id}`}>{svTrace.link}<span className="visually-hidden">: {item.title}</span></Link></p>}
    </article>
  );
}

/** The words before the first att-clause ("Samråd … beslutar:"). */
function leadOf(text: string, clauses: string[]): string {
  const first = clauses[0];
  if (!first) return text;
  const at = text.indexOf(first);
  const lead = at > 0 ? text.slice(0, at) : text;
  return lead.replace(/\s*att\s*$/i, '').trim();
}
