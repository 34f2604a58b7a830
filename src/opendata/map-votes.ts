import type { ItemVoting } from '../domain/votes.js';
import type { OParlAgendaItem } from './schemas.js';

// An AgendaItem's votes, reservations and protocol notes. OParl has no such fields (its
// AgendaItem knows only `result` and `resolutionText`), so they are `samverka:` extensions,
// documented in docs/oparl.md. People are given as the protocol writes them (name and party):
// everyone here was present at a published meeting, which makes them public already.

type VotingProperties = Pick<OParlAgendaItem, 'samverka:votes' | 'samverka:reservations' | 'samverka:protocolNotes'>;

export function votingProperties(v: ItemVoting): VotingProperties {
  return {
    ...(v.votes.length
      ? {
          'samverka:votes': v.votes.map((x) => ({
            question: x.question, yesFor: x.yesFor, noFor: x.noFor, yes: x.counts.yes, no: x.counts.no, abstain: x.counts.abstain,
            result: x.result, castingVote: x.castingVote, ballots: x.ballots.map((b) => ({ name: b.name, party: b.party, vote: b.vote })),
          })),
        }
      : {}),
    ...(v.reservations.length
      ? { 'samverka:reservations': v.reservations.map((r) => ({ name: r.name, party: r.party, inFavourOf: r.inFavourOf, motivation: r.motivation })) }
      : {}),
    ...(v.protocolNotes.length ? { 'samverka:protocolNotes': v.protocolNotes.map((n) => ({ name: n.name, party: n.party, text: n.text })) } : {}),
  };
}
