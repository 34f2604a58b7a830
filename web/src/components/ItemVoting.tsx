import type { AgendaItem } from '../../../src/domain/model';
import type { Ballot, Vote } from '../../../src/domain/votes';
import { svItemVoting as t } from '../i18n/sv';
import './item-voting.css';

// An item's votes, reservations and protocol notes as the protocol prints them (src/render/votes.ts):
// the votes lead into the decision, the reservations and then the notes follow it, in the order
// they were recorded and in the protocol's words, so the page and the PDF say the same.

/** The item's votes (omröstningar), each with its proposals, who voted how when it was by name, and the result. */
export function ItemVotes({ item, bodyName }: { item: AgendaItem; bodyName: string }) {
  return (
    <>
      {item.votes.map((v, i) => (
        <div key={v.id} className="vote">
          <p>{t.requested}{v.question && ` ${t.question(v.question)}`}</p>
          <ul className="vote__proposals" aria-label={t.proposals}>
            <li>{t.yesFor(v.yesFor)}</li>
            <li>{t.noFor(v.noFor)}</li>
          </ul>
          {v.ballots.length > 0 && <RollCall vote={v} caption={`${t.rollCall(item.number)}${item.votes.length > 1 ? ` (${i + 1})` : ''}`} />}
          <p className="vote__result"><strong>{t.result(v, bodyName)}</strong></p>
        </div>
      ))}
    </>
  );
}

const ORDER: Ballot['vote'][] = ['yes', 'no', 'abstain'];

/** Namnupprop: who voted how, those for the ja-proposal first, as the protocol lists them. */
function RollCall({ vote, caption }: { vote: Vote; caption: string }) {
  const ballots = ORDER.flatMap((choice) => vote.ballots.filter((b) => b.vote === choice));
  return (
    <table className="vote__ballots">
      <caption>{caption}</caption>
      <thead>
        <tr><th scope="col">{t.member}</th><th scope="col">{t.ballot}</th></tr>
      </thead>
      <tbody>
        {ballots.map((b) => (
          <tr key={b.name}><th scope="row">{t.person(b)}</th><td>{t.choice[b.vote]}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

/** Reservations, then protocol notes, printed after the decision. */
export function ItemStatements({ item }: { item: AgendaItem }) {
  if (item.reservations.length === 0 && item.protocolNotes.length === 0) return null;
  return (
    <ul className="item-statements" aria-label={t.statements(item.number)}>
      {item.reservations.map((r) => (
        <li key={`r${r.id}`} className="item-statement">
          <Labelled label={t.reservation} lead={t.reserves(t.person(r), r.inFavourOf)} text={null} />
          {r.motivation && <Labelled label={t.motivation} lead="" text={r.motivation} />}
        </li>
      ))}
      {item.protocolNotes.map((n) => (
        <li key={`n${n.id}`} className="item-statement">
          <Labelled label={t.protocolNote} lead={t.notes(t.person(n))} text={n.text} />
        </li>
      ))}
    </ul>
  );
}

/** The label in bold, the first paragraph of the text beside it and the rest below, as the protocol sets it. */
function Labelled({ label, lead, text }: { label: string; lead: string; text: string | null }) {
  const paras = (text ?? '').split(/\n\s*\n/).map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean).join(' ')).filter(Boolean);
  const first = [lead, paras[0] ?? ''].filter(Boolean).join(' ');
  return (
    <>
      <p><strong>{label}</strong> {first}</p>
      {paras.slice(1).map((p, i) => <p key={i}>{p}</p>)}
    </>
  );
}
