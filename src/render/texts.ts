// Every Swedish word the rendered documents (protocol, kallelse, protokollsutdrag, calendar, e-mail)
// say, in one place. Several of these are also what the importer looks for when a rendered PDF is
// read back ("Protokoll", "Närvarande:", "Föredragande:", "Beslutsärende", "Namn:" …): change them
// only together with the round-trip test in test/render.

export const SV = {
  protocol: 'Protokoll',
  notice: 'Kallelse',
  extract: 'Protokollsutdrag',
  draft: 'UTKAST',
  draftBanner: 'UTKAST – ej justerat, kan komma att ändras',
  noticeDraftBanner: 'UTKAST – preliminär föredragningslista',

  diaryNumber: 'Dnr:',
  dateAndTime: 'Datum och tid:',
  place: 'Plats:',
  items: 'Ärenden:',
  extractItems: 'Utdrag ur protokollet, ärende:',
  nextMeeting: 'Nästa möte:',
  dateUnknown: 'Datum okänt',
  notGiven: 'uppgift saknas',
  // The state of the document in the page header; never starting with "Protokoll " (see pdf.ts).
  signedState: 'Protokollet är justerat',
  unsignedState: 'Protokollet är inte justerat',
  noticeState: 'Kallelse till möte',
  extractState: 'Utdrag ur protokollet',
  adjusterInitials: 'Justerandes signatur',
  extractCertificationBox: 'Utdragsbestyrkande',
  noticeAbsenceShort: 'Anmäl förhinder till sekreteraren',
  at: 'kl.',

  present: 'Närvarande:',
  absent: 'Frånvarande:',
  officials: 'Tjänstepersoner:',
  replaces: 'ersätter',
  presentForItem: (from: number, to: number) => (from === to ? `närvarande under punkten ${from}` : `närvarande under punkterna ${from}–${to}`),

  decisionItem: 'Beslutsärende',
  informationItem: 'Informationsärende',
  writtenDecisionItem: 'Skriftligt beslutsärende',
  writtenInformationItem: 'Skriftligt informationsärende',
  writtenItem: 'Skriftligt ärende',
  presenters: 'Föredragande:',
  decided: 'beslutade',
  proposalLabel: 'Förslag till beslut',
  assignmentsLabel: 'Uppdrag',
  assignment: (to: string, task: string) => `${to} får i uppdrag att ${task}`,
  assignmentDue: (due: string) => `Redovisas ${due}.`,

  signaturesHeading: 'Underskrifter',
  signedElectronically: 'Protokollet är justerat och signerat elektroniskt.',
  signatureName: 'Namn:',
  signatureRole: 'Roll:',
  signatureTime: 'Datum och tid:',
  atTheMinutes: 'Vid protokollet',
  approved: 'Justeras',
  secretary: 'Sekreterare',
  adjuster: 'Justerare',
  chair: 'Ordförande',

  extractCertification: 'Utdragsbestyrkande:',
  extractCertificationText: 'Utdraget överensstämmer med originalprotokollet.',
  nameClarification: 'Namnförtydligande',

  noticeIntro: (body: string) => `Ledamöterna i ${body} kallas till möte.`,
  noticeAgenda: 'Föredragningslista',
  noticeAbsence: 'Anmäl förhinder till sekreteraren i god tid, så att ersättare kan kallas.',
  noItems: 'Inga ärenden.',

  page: (n: string, total: string) => `Sida ${n} av ${total}`,
  meeting: 'Möte',
  calendarItems: 'Ärenden',
  calendarLink: 'Mer information',

  mailSubject: (body: string, date: string) => `Kallelse: ${body} ${date}`,
  mailBody: (body: string, date: string) => `Hej!\n\nHär kommer kallelsen till mötet med ${body} ${date}. Föredragningslistan finns också som PDF i bilagan.\n\nVänliga hälsningar\nSamverka`,
} as const;
