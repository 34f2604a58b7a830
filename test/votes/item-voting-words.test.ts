import { describe, expect, it } from 'vitest';
import { resultSentence, SV_VOTES } from '../../src/render/votes.js';
import type { Vote } from '../../src/domain/votes.js';
import { svItemVoting as page } from '../../web/src/i18n/sv-votes.js';

// The meeting page (web/src/components/ItemVoting.tsx) and the protocol (src/render/votes.ts) word
// an item's votes, reservations and notes alike: a reader comparing the two reads the same sentences.

const BODY = 'Länssamverkansgruppen';
const vote = (counts: Vote['counts'], result: Vote['result'], castingVote = false): Vote => ({
  id: 1, question: null, yesFor: 'ordförandens förslag', noFor: 'Moa Brydstens yrkande om återremiss', counts, result, castingVote, ballots: [],
});

describe('the meeting page words a vote as the protocol does', () => {
  it.each([
    ['the ja-proposal wins', vote({ yes: 7, no: 4, abstain: 1 }, 'yes')],
    ['the nej-proposal wins against a single ja-vote', vote({ yes: 1, no: 2, abstain: 0 }, 'no')],
    ['one vote each way, no majority', vote({ yes: 1, no: 1, abstain: 0 }, 'tie')],
    ['a tie the chair decides', vote({ yes: 3, no: 3, abstain: 2 }, 'no', true)],
    ['a tie without a casting vote', vote({ yes: 2, no: 2, abstain: 0 }, 'tie')],
  ])('%s', (_, v) => {
    expect(page.result(v, BODY)).toBe(resultSentence(v, BODY));
  });

  it('opens, names the proposals and the question in the same words', () => {
    expect(page.requested).toBe(SV_VOTES.requested);
    expect(page.question('återremiss')).toBe(SV_VOTES.question('återremiss'));
    expect(page.yesFor('ordförandens förslag')).toBe(SV_VOTES.yesFor('ordförandens förslag'));
    expect(page.noFor('avslag')).toBe(SV_VOTES.noFor('avslag'));
  });
});

describe('the meeting page words reservations and notes as the protocol does', () => {
  it('labels and sentences', () => {
    const who = page.person({ name: 'Moa Brydsten', party: 's' });
    expect(who).toBe('Moa Brydsten (s)');
    expect(page.reservation).toBe(SV_VOTES.reservation);
    expect(page.reserves(who, 'eget yrkande')).toBe(SV_VOTES.reserves(who, 'eget yrkande'));
    expect(page.reserves(who, null)).toBe(SV_VOTES.reserves(who, null));
    expect(page.motivation).toBe(SV_VOTES.motivation);
    expect(page.protocolNote).toBe(SV_VOTES.protocolNote);
    expect(page.notes(who)).toBe(SV_VOTES.notes(who));
  });
});
