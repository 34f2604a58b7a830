// Omedelbar justering of an item during the meeting: the editor's panel, the signatories' approval
// on the justering page, the note under the item on the protocol page.

const roleWord: Record<string, string> = { justerare: 'justerare', ordförande: 'ordförande' };

export const svImmediate = {
  heading: 'Omedelbar justering',
  intro: 'Justera paragrafen direkt under mötet, så att beslutet gäller innan hela protokollet är justerat. Ordföranden och justeraren godkänner texten, var och en på sin egen enhet eller muntligt vid mötet.',
  saveFirst: 'Spara ärendet innan du föreslår omedelbar justering.',
  start: 'Föreslå omedelbar justering …',
  choose: 'Vem justerar paragrafen',
  chooseIntro: 'Förvalt: ordföranden och justeraren som är närvarande vid paragrafen.',
  roleFor: (name: string) => `Roll för ${name}`,
  roleNone: 'Justerar inte',
  roles: { justerare: 'Justerare', ordförande: 'Ordförande' } as Record<string, string>,
  noOnePresent: 'Ingen i närvarolistan var närvarande vid paragrafen. Spara närvaron först.',
  propose: 'Skicka för godkännande',
  cancel: 'Avbryt',
  proposed: 'Paragrafen är föreslagen för omedelbar justering och kan inte ändras medan den godkänns.',
  proposedOk: 'Paragrafen är föreslagen för omedelbar justering.',
  approveWhere: 'Ordföranden och justeraren godkänner på sin egen enhet under Justering, eller säger det vid mötet så att du registrerar det här.',
  toJustering: 'Sidan Justering',
  approvals: 'Godkännanden',
  who: (name: string, role: string) => `${name}, ${roleWord[role] ?? role}`,
  waiting: 'väntar',
  approvedAt: (time: string, way: string | null, by: string | null) =>
    way === 'on-the-spot' ? `godkände vid mötet ${time} (registrerat av ${by ?? 'sekreteraren'})` : `godkände ${time} på egen enhet`,
  record: 'Godkände vid mötet',
  recordFor: (name: string) => `Registrera att ${name} godkände vid mötet`,
  recorded: (name: string) => `${name}s godkännande är registrerat.`,
  withdraw: 'Dra tillbaka förslaget',
  withdrawn: 'Förslaget är tillbakadraget. Paragrafen kan ändras igen.',
  justified: 'Paragrafen är omedelbart justerad och kan inte längre ändras.',
  justifiedNow: 'Alla har godkänt: paragrafen är omedelbart justerad.',
  extractPdf: 'Protokollsutdrag (PDF)',
  extractHtml: 'Protokollsutdrag att läsa',
  extractFor: (n: number | null) => (n !== null ? ` för § ${n}` : ''),
  hash: 'Kontrollsumma (SHA-256) för texten som godkändes',
  loadError: 'Kunde inte hämta den omedelbara justeringen.',

  // The justering page: the signatories' own approval
  pageHeading: 'Omedelbart justerade paragrafer',
  pageIntro: 'Paragrafer som justeras direkt under mötet. Beslutet gäller när alla har godkänt texten.',
  itemLine: (n: number | null, title: string) => `${n !== null ? `§ ${n} ` : ''}${title}`,
  stateJustified: (date: string) => `Omedelbart justerad ${date}`,
  stateProposed: (done: number, of: number) => `Väntar på godkännande (${done} av ${of})`,
  yourApproval: 'Ditt godkännande',
  yourApprovalIntro: 'Läs paragrafen som den ska justeras. Godkänner du texten bekräftar du med ditt lösenord.',
  decision: 'Beslut',
  approve: 'Godkänn paragrafen',
  password: 'Ditt lösenord',
  oidcIntro: (name: string) => `Du bekräftar att det är du genom att logga in igen via ${name}. Inloggningen gäller i fem minuter.`,
  signInAgain: (name: string) => `Logga in igen via ${name}`,
  youApproved: 'Du har godkänt paragrafen.',
  approvedOk: 'Du har godkänt paragrafen.',

  // An assignment closed by a decision (uppdraget anses slutfört), on the assignments and trace pages
  closedBy: (c: { date: string | null; itemNumber: number | null; decision: string; reason: string }) =>
    `Avslutat genom beslut${c.date ? ` ${c.date}` : ''}${c.itemNumber !== null ? `, § ${c.itemNumber}` : ''}${c.reason === 'immediate-justering' ? ' (omedelbart justerat)' : ''}: ${c.decision}`,

  // The minutes of a report-back item: the decision that closes the assignment
  reportBack: {
    intro: 'Återrapportering av ett uppdrag. Beslutar organet att uppdraget anses slutfört avslutas uppdraget när protokollet är justerat (eller när paragrafen justeras omedelbart).',
    closes: 'Beslutet avslutar uppdraget när protokollet är justerat (eller när paragrafen justeras omedelbart).',
    add: 'Uppdraget anses slutfört',
    clauses: ['godkänna återrapporteringen', 'anse uppdraget slutfört'],
  },

  // Under the item on the protocol page, as the protocol itself says it (src/render/immediate-justering.ts)
  statement: (date: string, signatories: { name: string; role: string }[]) => {
    const names = signatories.map((s) => `${s.name} (${roleWord[s.role] ?? s.role})`);
    const list = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} och ${names[names.length - 1]}`;
    return `Paragrafen förklarades omedelbart justerad ${date}.${list ? ` Justerad av ${list}.` : ''}`;
  },
} as const;
