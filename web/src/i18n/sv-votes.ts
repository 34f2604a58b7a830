// Votes (omröstningar), reservations and protocol notes in the minutes editor.

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const svVotes = {
  title: 'Omröstning, reservationer och protokollsanteckningar',
  loadError: 'Kunde inte hämta omröstningarna.',
  warnings: 'Stämmer inte längre med närvarolistan:',
  votes: 'Omröstningar',
  noVotes: 'Ingen omröstning i ärendet.',
  summary: (yes: number, no: number, abstain: number) => `${n(yes, 'ja-röst', 'ja-röster')} mot ${n(no, 'nej-röst', 'nej-röster')}, ${abstain} avstår`,
  result: { yes: (p: string) => `vann: ${p}`, no: (p: string) => `vann: ${p}`, tie: 'lika röstetal, inget förslag fick majoritet' },
  castingVote: ' (ordförandens utslagsröst)',
  remove: 'Ta bort',
  newVote: 'Ny omröstning',
  question: 'Vad omröstningen gäller (frivilligt, t.ex. ”återremiss”)',
  yesFor: 'Ja-röst för',
  noFor: 'Nej-röst för',
  ballots: 'Röstlista',
  noVoters: 'Ingen i närvarolistan har rösträtt i ärendet. Spara närvaron först.',
  voter: 'Ledamot',
  choice: { yes: 'Ja', no: 'Nej', abstain: 'Avstår', none: 'Röstar inte' } as Record<string, string>,
  choiceFor: (choice: string, name: string) => `${choice}, ${name}`,
  chair: 'ordförande',
  replaces: (name: string) => `ersätter ${name}`,
  byCounts: 'Utan röstlista: ange antalet röster',
  countsHint: 'Används bara när ingen i röstlistan är markerad.',
  yesCount: 'Antal ja', noCount: 'Antal nej', abstainCount: 'Antal avstår',
  castingVoteLabel: 'Ordförandens utslagsröst vid lika röstetal',
  castingVoteNone: 'Ingen',
  noCastingVote: 'Organet använder inte utslagsröst: lika röstetal ger inget beslut.',
  tally: (yes: number, no: number, abstain: number) => `Hittills: ${yes} ja, ${no} nej, ${abstain} avstår.`,
  saveVote: 'Spara omröstningen',
  reservations: 'Reservationer',
  noReservations: 'Inga reservationer.',
  reserves: (who: string, inFavourOf: string | null) => `${who} reserverar sig${inFavourOf ? ` till förmån för ${inFavourOf}` : ''}`,
  withMotivation: ' (med skriftlig motivering)',
  who: 'Vem',
  choose: 'Välj …',
  inFavourOf: 'Till förmån för (frivilligt, t.ex. ”eget yrkande”)',
  motivation: 'Skriftlig motivering (frivillig)',
  addReservation: 'Lägg till reservation',
  notes: 'Protokollsanteckningar',
  noNotes: 'Inga protokollsanteckningar.',
  noteText: 'Anteckningens text',
  addNote: 'Lägg till protokollsanteckning',
  saved: 'Sparat.',
};

// The same on the meeting page, worded as the protocol words them (src/render/votes.ts, SV_VOTES):
// test/votes/item-voting-words.test.ts holds the two to the same sentences.

const person = (p: { name: string; party: string | null }) => (p.party ? `${p.name} (${p.party})` : p.name);

export const svItemVoting = {
  person,
  vote: (n: number | null) => `Omröstning${n === null ? '' : `, punkt ${n}`}`,
  requested: 'Omröstning begärs och verkställs.',
  question: (q: string) => `Omröstningen gäller ${q}.`,
  yesFor: (p: string) => `Ja-röst för ${p}.`,
  noFor: (p: string) => `Nej-röst för ${p}.`,
  proposals: 'Förslagen',
  /** "Med 7 ja-röster mot 4 nej-röster, 1 avstår, beslutar Länssamverkansgruppen enligt …" */
  result: (v: { counts: { yes: number; no: number; abstain: number }; result: 'yes' | 'no' | 'tie'; castingVote: boolean; yesFor: string; noFor: string }, body: string) => {
    const { yes, no, abstain } = v.counts;
    const counts = `Med ${yes === 1 ? '1 ja-röst' : `${yes} ja-röster`} mot ${no === 1 ? '1 nej-röst' : `${no} nej-röster`}${abstain > 0 ? `, ${abstain} avstår,` : ''}${v.castingVote ? ' och ordförandens utslagsröst' : ''}`;
    if (v.result === 'tie') return `${counts} har inget av förslagen fått majoritet.`;
    return `${counts} beslutar ${body} enligt ${v.result === 'yes' ? v.yesFor : v.noFor}.`;
  },
  rollCall: (n: number | null) => `Röstlista (namnupprop)${n === null ? '' : `, punkt ${n}`}`,
  member: 'Ledamot',
  ballot: 'Röst',
  choice: { yes: 'Ja', no: 'Nej', abstain: 'Avstår' } as Record<string, string>,
  statements: (n: number | null) => `Reservationer och protokollsanteckningar${n === null ? '' : `, punkt ${n}`}`,
  reservation: 'Reservation:',
  reserves: (who: string, inFavourOf: string | null) => `${who} reserverar sig mot beslutet${inFavourOf ? ` till förmån för ${inFavourOf}` : ''}.`,
  motivation: 'Skriftlig motivering:',
  protocolNote: 'Protokollsanteckning:',
  notes: (who: string) => `${who} antecknar till protokollet:`,
};
