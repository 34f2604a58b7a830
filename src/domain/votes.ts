// Omröstning, reservation and protokollsanteckning on an agenda item: who may vote, how the votes
// are counted, what the result is, and who may reserve themselves or add a note to the protocol.
//
// Decided here (the collaboration's bodies have no statute of their own on this):
// - Who votes is read from the meeting's attendance, not from the membership register (imported
//   protocols and substitutes have no membership rows): everyone on the present list for the
//   item votes, except a present ersättare who replaces no one, adjungerade, officials and
//   observers; a member replaced by a substitute for the item does not vote, the substitute does.
// - A tie is decided by the chair's casting vote (utslagsröst), as kommunallagen 5 kap. 57 § has
//   it, in every body that has not said otherwise (VoteRule). The chair is the present ordförande,
//   else the vice ordförande. The casting vote is the chair's own ballot; a chair who abstained
//   decides nothing and the vote stays tied: neither proposal has a majority.
// - A reservation needs someone who took part in the decision: a voter for the item who, when the
//   item's last vote was by name, voted against the winning proposal (abstaining is not taking part).
// - A protokollsanteckning may be made by anyone present for the item, voting or not.

export const VOTE_CHOICES = ['yes', 'no', 'abstain'] as const; // ja | nej | avstår
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/** Which proposal won: the ja-proposal, the nej-proposal, or neither (lika röstetal). */
export type VoteResult = 'yes' | 'no' | 'tie';

export interface VoteCounts {
  yes: number;
  no: number;
  abstain: number;
}

export interface Ballot {
  name: string;
  party: string | null;
  vote: VoteChoice;
}

/** Omröstning: a vote between two proposals (voteringsproposition: ja for one, nej for the other). */
export interface Vote {
  id: number;
  question: string | null; // what the vote decides when the item has several ("återremiss")
  yesFor: string; // ja-röst för …: "ordförandens förslag"
  noFor: string; // nej-röst för …: "Anna Anderssons (S) yrkande om avslag"
  counts: VoteCounts;
  result: VoteResult;
  castingVote: boolean; // decided by the chair's utslagsröst
  ballots: Ballot[]; // empty when only the counts were recorded
}

/** Reservation against the item's decision, with or without a written motivation. */
export interface Reservation {
  id: number;
  name: string;
  party: string | null;
  inFavourOf: string | null; // till förmån för …: "eget yrkande"
  motivation: string | null;
}

/** Protokollsanteckning. */
export interface ProtocolNote {
  id: number;
  name: string;
  party: string | null;
  text: string;
}

export interface ItemVoting {
  votes: Vote[];
  reservations: Reservation[];
  protocolNotes: ProtocolNote[];
}

export const noVoting = (): ItemVoting => ({ votes: [], reservations: [], protocolNotes: [] });

/** A body's rule for ties. */
export interface VoteRule {
  chairCastingVote: boolean; // utslagsröst
}

export const DEFAULT_VOTE_RULE: VoteRule = { chairCastingVote: true };

/** An attendance row, as far as voting goes. */
export interface Attendee {
  personId: number | null;
  name: string;
  party: string | null;
  list: 'present' | 'absent' | 'official';
  role: string | null;
  replaces: string | null; // ersätter
  itemsFrom: number | null;
  itemsTo: number | null;
}

/** A refusal, in words for the person who asked. */
export interface VotingProblem {
  code: 'not-eligible' | 'duplicate' | 'counts-mismatch' | 'no-votes' | 'too-many' | 'casting-vote' | 'exists';
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: VotingProblem };

const refuse = <T>(code: VotingProblem['code'], message: string): Checked<T> => ({ ok: false, problem: { code, message } });

/** Names as the attendance writes them, compared without case and spacing. */
export function nameKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');
}

const NON_VOTING_ROLE = /^(ersättare|adjungerad|sekreterare|koordinator|tjänsteperson|tjänsteman|sakkunnig|åhörare|gäst|observatör)/i;

function itemWords(itemNumber: number | null): string {
  return itemNumber === null ? 'under ärendet' : `under punkt ${itemNumber}`;
}

/** Present for the item: on the present list and, when present for some items only, for this one. */
export function presentForItem(a: Attendee, itemNumber: number | null): boolean {
  if (a.list !== 'present') return false;
  if (itemNumber === null || (a.itemsFrom === null && a.itemsTo === null)) return true;
  const from = a.itemsFrom ?? Number.NEGATIVE_INFINITY;
  const to = a.itemsTo ?? a.itemsFrom ?? Number.POSITIVE_INFINITY;
  return itemNumber >= from && itemNumber <= to;
}

/**
 * Whether `name` may vote on the item (or, with action 'reservera sig', reserve themselves): the
 * attendee, or why not.
 */
export function votingStanding(attendance: readonly Attendee[], itemNumber: number | null, name: string, action = 'rösta'): Checked<Attendee> {
  const key = nameKey(name);
  const rows = attendance.filter((a) => nameKey(a.name) === key);
  const shown = rows[0]?.name ?? name.trim();
  if (rows.length === 0) return refuse('not-eligible', `${shown} finns inte i mötets närvarolista och kan inte ${action}.`);
  const present = rows.filter((a) => a.list === 'present');
  if (present.length === 0) {
    return rows.some((a) => a.list === 'official')
      ? refuse('not-eligible', `${shown} är tjänsteperson vid mötet och kan inte ${action}.`)
      : refuse('not-eligible', `${shown} var frånvarande och kan inte ${action}.`);
  }
  const here = present.find((a) => presentForItem(a, itemNumber));
  if (!here) return refuse('not-eligible', `${shown} var inte närvarande ${itemWords(itemNumber)} och kan inte ${action}.`);
  const substitute = attendance.find((a) => a.replaces !== null && nameKey(a.replaces) === key && presentForItem(a, itemNumber));
  if (substitute) return refuse('not-eligible', `${shown} ersattes av ${substitute.name} ${itemWords(itemNumber)} och kan inte ${action}.`);
  if (here.replaces === null && here.role !== null && NON_VOTING_ROLE.test(here.role.trim())) {
    return refuse('not-eligible', `${shown} deltar som ${here.role.trim().toLocaleLowerCase('sv')} utan rösträtt och kan inte ${action}.`);
  }
  return { ok: true, value: here };
}

/** Everyone who may vote on the item, in the attendance's order. */
export function eligibleVoters(attendance: readonly Attendee[], itemNumber: number | null): Attendee[] {
  const seen = new Set<string>();
  const voters: Attendee[] = [];
  for (const a of attendance) {
    if (a.list !== 'present' || seen.has(nameKey(a.name))) continue;
    const standing = votingStanding(attendance, itemNumber, a.name);
    if (standing.ok) {
      seen.add(nameKey(a.name));
      voters.push(standing.value);
    }
  }
  return voters;
}

/** Who chairs the item: the ordförande among the voters, else the vice ordförande. */
export function chairOf(voters: readonly Attendee[]): Attendee | null {
  const role = (a: Attendee) => (a.role ?? '').trim().toLocaleLowerCase('sv');
  return voters.find((a) => role(a) === 'ordförande') ?? voters.find((a) => /vice ordförande/.test(role(a))) ?? null;
}

export function tally(ballots: readonly { vote: VoteChoice }[]): VoteCounts {
  const counts: VoteCounts = { yes: 0, no: 0, abstain: 0 };
  for (const b of ballots) counts[b.vote]++;
  return counts;
}

/** The result from the counts; a tie goes the way of the chair's casting vote when the body uses one. */
export function voteResult(counts: VoteCounts, rule: VoteRule, casting: 'yes' | 'no' | null): { result: VoteResult; castingVote: boolean } {
  if (counts.yes > counts.no) return { result: 'yes', castingVote: false };
  if (counts.no > counts.yes) return { result: 'no', castingVote: false };
  if (rule.chairCastingVote && casting) return { result: casting, castingVote: true };
  return { result: 'tie', castingVote: false };
}

export interface VoteInput {
  question: string | null;
  yesFor: string;
  noFor: string;
  ballots: { name: string; vote: VoteChoice }[];
  counts: VoteCounts | null; // given with the ballots, they must agree; without them, they are the vote
  castingVote: 'yes' | 'no' | null; // only for a vote by counts: which way the chair's casting vote went
}

/** A vote ready to store: ballots tied to the attendance rows they were cast from. */
export type CheckedVote = Omit<Vote, 'id' | 'ballots'> & { ballots: (Ballot & { personId: number | null })[] };

const countWords = (c: VoteCounts) => `${c.yes} ja, ${c.no} nej och ${c.abstain} avstår`;

export function checkVote(input: VoteInput, attendance: readonly Attendee[], itemNumber: number | null, rule: VoteRule): Checked<CheckedVote> {
  const ballots: CheckedVote['ballots'] = [];
  const seen = new Set<string>();
  for (const b of input.ballots) {
    const standing = votingStanding(attendance, itemNumber, b.name);
    if (!standing.ok) return standing;
    const key = nameKey(standing.value.name);
    if (seen.has(key)) return refuse('duplicate', `${standing.value.name} har röstat två gånger i samma omröstning.`);
    seen.add(key);
    ballots.push({ name: standing.value.name, party: standing.value.party, vote: b.vote, personId: standing.value.personId });
  }
  const voters = eligibleVoters(attendance, itemNumber);
  let counts: VoteCounts;
  let casting: 'yes' | 'no' | null;
  if (ballots.length > 0) {
    counts = tally(ballots);
    if (input.counts && (input.counts.yes !== counts.yes || input.counts.no !== counts.no || input.counts.abstain !== counts.abstain)) {
      return refuse('counts-mismatch', `Rösterna stämmer inte: röstlistan ger ${countWords(counts)}, men ${countWords(input.counts)} angavs.`);
    }
    const chair = chairOf(voters);
    const chairBallot = chair ? ballots.find((b) => nameKey(b.name) === nameKey(chair.name)) : undefined;
    casting = chairBallot && chairBallot.vote !== 'abstain' ? chairBallot.vote : null;
  } else {
    if (!input.counts || input.counts.yes + input.counts.no + input.counts.abstain === 0) {
      return refuse('no-votes', 'Ange hur var och en röstade, eller antalet ja-röster, nej-röster och de som avstår.');
    }
    counts = input.counts;
    const total = counts.yes + counts.no + counts.abstain;
    if (total > voters.length) {
      return refuse('too-many', `Fler röster (${total}) än röstberättigade (${voters.length}) ${itemWords(itemNumber)} enligt närvarolistan.`);
    }
    casting = input.castingVote;
  }
  if (input.castingVote) {
    if (!rule.chairCastingVote) return refuse('casting-vote', 'Organet använder inte utslagsröst: vid lika röstetal har inget förslag fått majoritet.');
    if (counts.yes !== counts.no) return refuse('casting-vote', 'Utslagsröst gäller bara vid lika röstetal.');
    if (ballots.length > 0 && input.castingVote !== casting) {
      return refuse('casting-vote', 'Ordförandens utslagsröst är ordförandens egen röst i röstlistan; ange den där.');
    }
  }
  return { ok: true, value: { question: input.question, yesFor: input.yesFor, noFor: input.noFor, counts, ...voteResult(counts, rule, casting), ballots } };
}

/** The attendee who may reserve themselves against the item's decision, or why not. */
export function checkReservation(attendance: readonly Attendee[], itemNumber: number | null, name: string, votes: readonly Vote[]): Checked<Attendee> {
  const standing = votingStanding(attendance, itemNumber, name, 'reservera sig');
  if (!standing.ok) return standing;
  const last = votes[votes.length - 1];
  const ballot = last?.ballots.find((b) => nameKey(b.name) === nameKey(standing.value.name));
  if (last && ballot) {
    if (ballot.vote === 'abstain') return refuse('not-eligible', `${standing.value.name} avstod från att rösta och kan inte reservera sig mot beslutet.`);
    if (ballot.vote === last.result) return refuse('not-eligible', `${standing.value.name} röstade för det förslag som vann och kan inte reservera sig mot beslutet.`);
  }
  return standing;
}

/** The attendee who may add a protokollsanteckning to the item, or why not. */
export function checkProtocolNote(attendance: readonly Attendee[], itemNumber: number | null, name: string): Checked<Attendee> {
  const key = nameKey(name);
  const rows = attendance.filter((a) => nameKey(a.name) === key);
  const shown = rows[0]?.name ?? name.trim();
  const action = 'lämna en protokollsanteckning';
  if (rows.length === 0) return refuse('not-eligible', `${shown} finns inte i mötets närvarolista och kan inte ${action}.`);
  const here = rows.find((a) => presentForItem(a, itemNumber));
  if (here) return { ok: true, value: here };
  if (rows.some((a) => a.list === 'present')) return refuse('not-eligible', `${shown} var inte närvarande ${itemWords(itemNumber)} och kan inte ${action}.`);
  return rows.some((a) => a.list === 'official')
    ? refuse('not-eligible', `${shown} är tjänsteperson vid mötet och kan inte ${action}.`)
    : refuse('not-eligible', `${shown} var frånvarande och kan inte ${action}.`);
}

/**
 * What no longer agrees with the attendance (it may change after the votes were recorded): ballots
 * and reservations of people who may not vote on the item now, notes of people not present.
 */
export function votingWarnings(voting: ItemVoting, attendance: readonly Attendee[], itemNumber: number | null): string[] {
  const warnings: string[] = [];
  for (const [i, v] of voting.votes.entries()) {
    for (const b of v.ballots) {
      const standing = votingStanding(attendance, itemNumber, b.name);
      if (!standing.ok) warnings.push(`Omröstning ${i + 1}: ${standing.problem.message}`);
    }
  }
  for (const r of voting.reservations) {
    const standing = checkReservation(attendance, itemNumber, r.name, voting.votes);
    if (!standing.ok) warnings.push(`Reservation: ${standing.problem.message}`);
  }
  for (const n of voting.protocolNotes) {
    const standing = checkProtocolNote(attendance, itemNumber, n.name);
    if (!standing.ok) warnings.push(`Protokollsanteckning: ${standing.problem.message}`);
  }
  return warnings;
}
