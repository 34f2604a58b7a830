// Votes, reservations and protocol notes of an item, worded as Swedish protocols word them:
// "Omröstning begärs och verkställs. Ja-röst för … Nej-röst för … Med 7 ja-röster mot 4 nej-röster,
// 1 avstår, beslutar Länssamverkansgruppen enligt …", then after the decision "Reservation: … reserverar
// sig mot beslutet till förmån för …" and "Protokollsanteckning: …".
//
// The importer does not read these back as votes: a printed protocol imported again keeps the
// lines as the item's text, and takes each "Med … beslutar …" sentence for a decision of its own.

import type { AgendaItem } from '../domain/model.js';
import type { Ballot, Vote, VoteCounts } from '../domain/votes.js';
import { esc, paragraphs, wrapText } from './format.js';

// This area's words, kept with it (texts.ts holds those the importer reads back).
export const SV_VOTES = {
  requested: 'Omröstning begärs och verkställs.',
  question: (q: string) => `Omröstningen gäller ${q}.`,
  yesFor: (p: string) => `Ja-röst för ${p}.`,
  noFor: (p: string) => `Nej-röst för ${p}.`,
  votedYes: 'Röstade ja:',
  votedNo: 'Röstade nej:',
  abstained: 'Avstod:',
  yes: (n: number) => (n === 1 ? '1 ja-röst' : `${n} ja-röster`),
  no: (n: number) => (n === 1 ? '1 nej-röst' : `${n} nej-röster`),
  abstaining: (n: number) => `${n} avstår`,
  decides: (body: string, proposal: string) => `beslutar ${body} enligt ${proposal}.`,
  castingVote: 'och ordförandens utslagsröst',
  noMajority: 'har inget av förslagen fått majoritet.',
  reservation: 'Reservation:',
  reserves: (who: string, inFavourOf: string | null) => `${who} reserverar sig mot beslutet${inFavourOf ? ` till förmån för ${inFavourOf}` : ''}.`,
  motivation: 'Skriftlig motivering:',
  protocolNote: 'Protokollsanteckning:',
  notes: (who: string) => `${who} antecknar till protokollet:`,
} as const;

/** "Carin Nilsson (s)". */
function person(p: { name: string; party: string | null }): string {
  return p.party ? `${p.name} (${p.party})` : p.name;
}

/** "Med 7 ja-röster mot 4 nej-röster, 1 avstår," (the comma only when something follows the count). */
function countsPhrase(c: VoteCounts, casting: boolean): string {
  const abstain = c.abstain > 0 ? `, ${SV_VOTES.abstaining(c.abstain)},` : '';
  return `Med ${SV_VOTES.yes(c.yes)} mot ${SV_VOTES.no(c.no)}${abstain}${casting ? ` ${SV_VOTES.castingVote}` : ''}`;
}

export function resultSentence(v: Vote, bodyName: string): string {
  const counts = countsPhrase(v.counts, v.castingVote);
  if (v.result === 'tie') return `${counts} ${SV_VOTES.noMajority}`;
  return `${counts} ${SV_VOTES.decides(bodyName, v.result === 'yes' ? v.yesFor : v.noFor)}`;
}

function ballotLine(ballots: readonly Ballot[]): string {
  const group = (label: string, vote: Ballot['vote']) => {
    const names = ballots.filter((b) => b.vote === vote).map(person);
    return names.length ? `${label} ${names.join(', ')}.` : '';
  };
  return [group(SV_VOTES.votedYes, 'yes'), group(SV_VOTES.votedNo, 'no'), group(SV_VOTES.abstained, 'abstain')].filter(Boolean).join(' ');
}

function voteHtml(v: Vote, bodyName: string): string {
  const lines = [
    [SV_VOTES.requested, v.question ? SV_VOTES.question(v.question) : ''].filter(Boolean).join(' '),
    `${SV_VOTES.yesFor(v.yesFor)} ${SV_VOTES.noFor(v.noFor)}`,
    v.ballots.length ? ballotLine(v.ballots) : '',
    resultSentence(v, bodyName),
  ];
  return `<div class="vote">${lines.filter(Boolean).map((l) => `<p>${wrapText(l, 'prose')}</p>`).join('')}</div>`;
}

/** The item's votes, printed before its decision. */
export function votesHtml(item: AgendaItem, bodyName: string): string {
  // `?? []`: a protocol version stored as JSON before votes existed has none.
  return (item.votes ?? []).map((v) => voteHtml(v, bodyName)).join('\n');
}

/** A statement with its label in bold, the first paragraph of its text beside it and the rest below. */
function labelled(label: string, lead: string, text: string | null): string {
  const paras = text ? paragraphs(text).map((lines) => lines.join(' ')) : [];
  const first = [lead, paras[0] ?? ''].filter(Boolean).join(' ');
  return [`<p><strong>${esc(label)}</strong> ${wrapText(first, 'prose')}</p>`, ...paras.slice(1).map((p) => `<p>${wrapText(p, 'prose')}</p>`)].join('');
}

/** Reservations and protocol notes, printed after the decision. */
export function statementsHtml(item: AgendaItem): string {
  const parts = [
    ...(item.reservations ?? []).map((r) => {
      const head = labelled(SV_VOTES.reservation, SV_VOTES.reserves(person(r), r.inFavourOf), null);
      return `<div class="reservation">${head}${r.motivation ? labelled(SV_VOTES.motivation, '', r.motivation) : ''}</div>`;
    }),
    ...(item.protocolNotes ?? []).map((n) => `<div class="protocol-note">${labelled(SV_VOTES.protocolNote, SV_VOTES.notes(person(n)), n.text)}</div>`),
  ];
  return parts.join('\n');
}
