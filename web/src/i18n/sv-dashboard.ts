// The uppföljning dashboard (/uppfoljning), and the follow-up shown on the protocol page.
export const svDashboard = {
  nav: 'Uppföljning',
  title: 'Uppföljning',
  titleFor: (name: string) => `Uppföljning: ${name}`,
  intro: 'Det som återstår efter besluten: uppdrag som ska återrapporteras, rekommendationer som huvudmännen ska anta, statsbidrag som ska återrapporteras och styrdokument som ska revideras. Varje siffra leder till listan den räknar.',
  link: 'Uppföljning',
  linkFor: (name: string) => `Uppföljning för ${name}`,
  // filters
  scope: 'Visa uppföljning för', all: 'Hela samverkan', bodies: 'Organ', huvudman: 'Huvudmän',
  year: 'År', allYears: 'Alla år',
  yearNote: (y: string) => `Uppdrag från möten ${y}, rekommendationer beslutade ${y} och utlysningar för ${y}. Revisioner av styrdokument visas oavsett år.`,
  // summary
  summary: 'Att hålla ögonen på',
  summaryOverdueAssignments: 'försenade uppdrag',
  summaryOverdueAdoption: 'försenade beslut hos huvudmännen',
  summaryReportsDue: (days: number) => `återrapporteringar av statsbidrag inom ${days} dagar eller försenade`,
  summaryReviewsDue: (days: number) => `styrdokument att revidera inom ${days} dagar eller försenade`,
  // assignments
  assignments: 'Uppdrag',
  assignmentsIntro: 'Uppdrag som organet har gett eller fått, eller som gäller huvudmannen.',
  assignmentsCaption: 'Uppdrag per status',
  assignmentStatuses: { unconfirmed: 'Ej bekräftade (hittade vid import)', open: 'Pågående', overdue: 'Försenade (efter återrapporteringsdagen)', reported: 'Återrapporterade, inte avslutade', done: 'Klara', withdrawn: 'Återkallade' } as Record<string, string>,
  chartStatuses: { unconfirmed: 'Ej bekräftade', open: 'Pågående', overdue: 'Försenade', reported: 'Återrapporterade', done: 'Klara', withdrawn: 'Återkallade' } as Record<string, string>,
  status: 'Status', count: 'Antal',
  // adoption
  adoption: 'Antagande hos huvudmännen',
  adoptionIntro: (decided: number, total: number, pct: number) => `${decided} av ${total} beslut hos huvudmännen är fattade (${pct} %).`,
  adoptionNone: 'Inga rekommendationer till huvudmännen.',
  adoptionCaption: 'Huvudmännens beslut per rekommendation',
  adoptionOwnCaption: (name: string) => `${name}s beslut om rekommendationerna`,
  recommendation: 'Rekommendation', deadline: 'Sista dag', noDeadline: 'Ingen',
  overdue: 'Försenade', total: 'Summa', allRecommendations: 'Alla rekommendationer',
  more: (n: number) => `Ytterligare ${n} rekommendationer finns i matrisen.`,
  toMatrix: 'Öppna antagandematrisen',
  toHuvudman: (name: string) => `Vad ${name} har kvar att besluta`,
  // funds
  funds: 'Återrapportering av statsbidrag',
  fundsIntro: (days: number) => `Rapporter som inte har kommit in och ska vara inne inom ${days} dagar, eller är försenade.`,
  fundsNone: 'Inga återrapporteringar är nära eller försenade.',
  fundsDue: 'Att återrapportera', fundsOverdue: 'Varav försenade',
  fundsCaption: 'Återrapporteringar som närmar sig eller är försenade',
  project: 'Projekt', call: 'Utlysning', dueDate: 'Senast', state: 'Läge',
  soon: 'Snart', late: 'Försenad',
  toFunds: 'Alla utlysningar',
  // documents
  documents: 'Styrdokument att revidera',
  documentsIntro: (days: number) => `Styrdokument vars revision ska ske inom ${days} dagar, eller är försenad. Styrdokumenten gäller alla huvudmän.`,
  documentsNone: 'Inga styrdokument ska revideras snart.',
  documentsDue: 'Att revidera', documentsOverdue: 'Varav försenade',
  documentsCaption: 'Styrdokument att revidera',
  document: 'Styrdokument', owner: 'Förvaltas av', nextReview: 'Nästa revision',
  toDocuments: 'Hela registret',
  // charts (hidden from assistive technology: the tables say the same)
  chartNote: 'Diagrammet visar samma siffror som tabellen.',
  // the protocol page
  item: {
    recommendations: 'Rekommendationer till huvudmännen',
    recommendation: (title: string, adopted: number, total: number) => `${title}: ${adopted} av ${total} har antagit`,
    costSplits: 'Kostnadsfördelning',
    costSplit: (title: string) => `${title}`,
    deadline: (d: string) => `sista dag ${d}`,
  },
};
