import { describe, expect, it } from 'vitest';
import {
  chairOf, checkProtocolNote, checkReservation, checkVote, eligibleVoters, tally, voteResult, votingWarnings,
  type Attendee, type Vote, type VoteInput,
} from '../../src/domain/votes.js';

// Who may vote on an item, how the votes are counted and what a tie gives: the rules of
// src/domain/votes.ts on an attendance like the protocols', with substitutes and part-time presence.

const person = (name: string, extra: Partial<Attendee> = {}): Attendee => ({
  personId: null, name, party: null, list: 'present', role: null, replaces: null, itemsFrom: null, itemsTo: null, ...extra,
});

const attendance: Attendee[] = [
  person('Carin Nilsson', { party: 's', role: 'ordförande' }),
  person('Jens Wennberg', { party: 'l', role: 'ersättare', replaces: 'Lars Bäckström' }),
  person('Moa Brydsten', { party: 's', itemsFrom: 4, itemsTo: 4 }),
  person('Anna Lund', { party: 'm', role: 'vice ordförande' }),
  person('Per Ersson', { party: 'v', role: 'ersättare' }), // present, replaces no one: no vote
  person('Eva Adjung', { role: 'adjungerad' }),
  person('Lars Bäckström', { party: 'c', list: 'absent' }),
  person('Katarina Lindahl', { list: 'official' }),
  person('Sven Sen', { party: 'kd', itemsFrom: 5, itemsTo: 9 }),
  person('Tor Tidig', { party: 'sd', itemsFrom: 1, itemsTo: 4 }),
  person('Ulla Ersätter', { party: 'sd', role: 'ersättare', replaces: 'Tor Tidig', itemsFrom: 5, itemsTo: 9 }),
];

const vote = (ballots: VoteInput['ballots'], extra: Partial<VoteInput> = {}): VoteInput => ({
  question: null, yesFor: 'ordförandens förslag', noFor: 'Moa Brydstens yrkande', ballots, counts: null, castingVote: null, ...extra,
});

describe('who may vote on an item', () => {
  it('present members and serving substitutes, for the items they were present at', () => {
    expect(eligibleVoters(attendance, 4).map((a) => a.name)).toEqual(['Carin Nilsson', 'Jens Wennberg', 'Moa Brydsten', 'Anna Lund', 'Tor Tidig']);
    expect(eligibleVoters(attendance, 6).map((a) => a.name)).toEqual(['Carin Nilsson', 'Jens Wennberg', 'Anna Lund', 'Sven Sen', 'Ulla Ersätter']);
  });

  it('says why someone may not vote', () => {
    const refusal = (name: string, item = 4) => {
      const r = checkVote(vote([{ name, vote: 'yes' }]), attendance, item, { chairCastingVote: true });
      return r.ok ? null : r.problem.message;
    };
    expect(refusal('Lars Bäckström')).toBe('Lars Bäckström var frånvarande och kan inte rösta.');
    expect(refusal('Katarina Lindahl')).toBe('Katarina Lindahl är tjänsteperson vid mötet och kan inte rösta.');
    expect(refusal('Ingen Alls')).toBe('Ingen Alls finns inte i mötets närvarolista och kan inte rösta.');
    expect(refusal('Moa Brydsten', 5)).toBe('Moa Brydsten var inte närvarande under punkt 5 och kan inte rösta.');
    expect(refusal('Per Ersson')).toBe('Per Ersson deltar som ersättare utan rösträtt och kan inte rösta.');
    expect(refusal('Eva Adjung')).toBe('Eva Adjung deltar som adjungerad utan rösträtt och kan inte rösta.');
    expect(refusal('Tor Tidig', 6)).toBe('Tor Tidig var inte närvarande under punkt 6 och kan inte rösta.');
    expect(refusal('tor  TIDIG', 4)).toBeNull(); // names compare without case and spacing
  });

  it('a member replaced for the item does not vote beside the substitute', () => {
    const both = [person('Ann Ordinarie'), person('Bo Ersättare', { role: 'ersättare', replaces: 'Ann Ordinarie', itemsFrom: 3, itemsTo: 3 })];
    expect(eligibleVoters(both, 3).map((a) => a.name)).toEqual(['Bo Ersättare']);
    expect(eligibleVoters(both, 2).map((a) => a.name)).toEqual(['Ann Ordinarie']);
    const r = checkVote(vote([{ name: 'Ann Ordinarie', vote: 'no' }]), both, 3, { chairCastingVote: true });
    expect(r.ok ? null : r.problem.message).toBe('Ann Ordinarie ersattes av Bo Ersättare under punkt 3 och kan inte rösta.');
  });

  it('the chair is the ordförande, else the vice ordförande', () => {
    expect(chairOf(eligibleVoters(attendance, 4))?.name).toBe('Carin Nilsson');
    expect(chairOf(eligibleVoters(attendance.slice(1), 4))?.name).toBe('Anna Lund');
    expect(chairOf([person('Ann')])).toBeNull();
  });
});

describe('counting', () => {
  const rule = { chairCastingVote: true };

  it('counts ja, nej and avstår; the counts given must agree with the ballots', () => {
    expect(tally([{ vote: 'yes' }, { vote: 'no' }, { vote: 'yes' }, { vote: 'abstain' }])).toEqual({ yes: 2, no: 1, abstain: 1 });
    const ballots: VoteInput['ballots'] = [{ name: 'Carin Nilsson', vote: 'yes' }, { name: 'Jens Wennberg', vote: 'yes' }, { name: 'Moa Brydsten', vote: 'no' }, { name: 'Anna Lund', vote: 'abstain' }];
    const ok = checkVote(vote(ballots, { counts: { yes: 2, no: 1, abstain: 1 } }), attendance, 4, rule);
    expect(ok.ok && ok.value).toMatchObject({ counts: { yes: 2, no: 1, abstain: 1 }, result: 'yes', castingVote: false });
    expect(ok.ok && ok.value.ballots.map((b) => [b.name, b.party, b.vote])).toEqual([['Carin Nilsson', 's', 'yes'], ['Jens Wennberg', 'l', 'yes'], ['Moa Brydsten', 's', 'no'], ['Anna Lund', 'm', 'abstain']]);
    const wrong = checkVote(vote(ballots, { counts: { yes: 3, no: 1, abstain: 0 } }), attendance, 4, rule);
    expect(wrong.ok ? null : wrong.problem).toEqual({ code: 'counts-mismatch', message: 'Rösterna stämmer inte: röstlistan ger 2 ja, 1 nej och 1 avstår, men 3 ja, 1 nej och 0 avstår angavs.' });
  });

  it('refuses a person voting twice', () => {
    const r = checkVote(vote([{ name: 'Carin Nilsson', vote: 'yes' }, { name: 'carin nilsson', vote: 'no' }]), attendance, 4, rule);
    expect(r.ok ? null : r.problem).toEqual({ code: 'duplicate', message: 'Carin Nilsson har röstat två gånger i samma omröstning.' });
  });

  it('a vote by counts alone: no more votes than voters, and at least one', () => {
    expect(checkVote(vote([], { counts: { yes: 3, no: 2, abstain: 0 } }), attendance, 4, rule).ok).toBe(true);
    const tooMany = checkVote(vote([], { counts: { yes: 4, no: 2, abstain: 0 } }), attendance, 4, rule);
    expect(tooMany.ok ? null : tooMany.problem.message).toBe('Fler röster (6) än röstberättigade (5) under punkt 4 enligt närvarolistan.');
    expect(checkVote(vote([]), attendance, 4, rule).ok).toBe(false);
    expect(checkVote(vote([], { counts: { yes: 0, no: 0, abstain: 0 } }), attendance, 4, rule).ok).toBe(false);
  });
});

describe('a tie', () => {
  const tied: VoteInput['ballots'] = [{ name: 'Carin Nilsson', vote: 'no' }, { name: 'Jens Wennberg', vote: 'yes' }, { name: 'Moa Brydsten', vote: 'yes' }, { name: 'Anna Lund', vote: 'no' }];

  it("goes the chair's way when the body uses the casting vote (utslagsröst)", () => {
    const r = checkVote(vote(tied), attendance, 4, { chairCastingVote: true });
    expect(r.ok && r.value).toMatchObject({ counts: { yes: 2, no: 2, abstain: 0 }, result: 'no', castingVote: true });
  });

  it('stays undecided in a body without it, or when the chair abstained', () => {
    const without = checkVote(vote(tied), attendance, 4, { chairCastingVote: false });
    expect(without.ok && without.value).toMatchObject({ result: 'tie', castingVote: false });
    const abstaining = tied.map((b) => (b.name === 'Carin Nilsson' ? { ...b, vote: 'abstain' as const } : b)).concat({ name: 'Tor Tidig', vote: 'no' });
    const r = checkVote(vote(abstaining), attendance, 4, { chairCastingVote: true });
    expect(r.ok && r.value).toMatchObject({ counts: { yes: 2, no: 2, abstain: 1 }, result: 'tie', castingVote: false });
  });

  it('by counts alone, the casting vote is given; it is refused where it cannot apply', () => {
    const counts = { yes: 2, no: 2, abstain: 1 };
    const r = checkVote(vote([], { counts, castingVote: 'yes' }), attendance, 4, { chairCastingVote: true });
    expect(r.ok && r.value).toMatchObject({ result: 'yes', castingVote: true });
    expect(checkVote(vote([], { counts, castingVote: 'yes' }), attendance, 4, { chairCastingVote: false }).ok).toBe(false);
    expect(checkVote(vote([], { counts: { yes: 3, no: 2, abstain: 0 }, castingVote: 'no' }), attendance, 4, { chairCastingVote: true }).ok).toBe(false);
    // With ballots, the casting vote is the chair's own ballot.
    expect(checkVote(vote(tied, { castingVote: 'yes' }), attendance, 4, { chairCastingVote: true }).ok).toBe(false);
    expect(checkVote(vote(tied, { castingVote: 'no' }), attendance, 4, { chairCastingVote: true }).ok).toBe(true);
  });

  it('the result follows the majority', () => {
    expect(voteResult({ yes: 1, no: 4, abstain: 0 }, { chairCastingVote: true }, 'yes')).toEqual({ result: 'no', castingVote: false });
  });
});

describe('reservations and protocol notes', () => {
  const decided: Vote = {
    id: 1, question: null, yesFor: 'ordförandens förslag', noFor: 'Moa Brydstens yrkande', counts: { yes: 2, no: 1, abstain: 1 }, result: 'yes', castingVote: false,
    ballots: [
      { name: 'Carin Nilsson', party: 's', vote: 'yes' }, { name: 'Jens Wennberg', party: 'l', vote: 'yes' },
      { name: 'Moa Brydsten', party: 's', vote: 'no' }, { name: 'Anna Lund', party: 'm', vote: 'abstain' },
    ],
  };
  const message = (r: { ok: boolean; problem?: { message: string } }) => (r.ok ? null : r.problem!.message);

  it('a reservation is for those who took part in the decision and voted against it', () => {
    expect(checkReservation(attendance, 4, 'Moa Brydsten', [decided]).ok).toBe(true);
    expect(checkReservation(attendance, 4, 'Tor Tidig', []).ok).toBe(true); // no vote by name: any voter
    expect(message(checkReservation(attendance, 4, 'Carin Nilsson', [decided]))).toBe('Carin Nilsson röstade för det förslag som vann och kan inte reservera sig mot beslutet.');
    expect(message(checkReservation(attendance, 4, 'Anna Lund', [decided]))).toBe('Anna Lund avstod från att rösta och kan inte reservera sig mot beslutet.');
    expect(message(checkReservation(attendance, 4, 'Lars Bäckström', [decided]))).toBe('Lars Bäckström var frånvarande och kan inte reservera sig.');
    expect(message(checkReservation(attendance, 4, 'Per Ersson', []))).toBe('Per Ersson deltar som ersättare utan rösträtt och kan inte reservera sig.');
  });

  it('a protocol note may be made by anyone present for the item, voting or not', () => {
    expect(checkProtocolNote(attendance, 4, 'Per Ersson').ok).toBe(true);
    expect(message(checkProtocolNote(attendance, 4, 'Lars Bäckström'))).toBe('Lars Bäckström var frånvarande och kan inte lämna en protokollsanteckning.');
    expect(message(checkProtocolNote(attendance, 6, 'Moa Brydsten'))).toBe('Moa Brydsten var inte närvarande under punkt 6 och kan inte lämna en protokollsanteckning.');
    expect(message(checkProtocolNote(attendance, 4, 'Katarina Lindahl'))).toBe('Katarina Lindahl är tjänsteperson vid mötet och kan inte lämna en protokollsanteckning.');
  });

  it('warns when the attendance changed after the votes were recorded', () => {
    const changed = attendance.map((a) => (a.name === 'Moa Brydsten' ? { ...a, list: 'absent' as const } : a));
    const voting = { votes: [decided], reservations: [{ id: 1, name: 'Moa Brydsten', party: 's', inFavourOf: null, motivation: null }], protocolNotes: [] };
    expect(votingWarnings(voting, attendance, 4)).toEqual([]);
    expect(votingWarnings(voting, changed, 4)).toEqual([
      'Omröstning 1: Moa Brydsten var frånvarande och kan inte rösta.',
      'Reservation: Moa Brydsten var frånvarande och kan inte reservera sig.',
    ]);
  });
});
