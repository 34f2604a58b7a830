// Anslag: the notice on the body's notice board (anslagstavla) that its protocol has been justerat.
// It goes up the day justering is announced — the day the protocol is sealed — and comes down no
// earlier than when the time to appeal has run (överklagandetid, three weeks under
// kommunallagen 13 kap.), which is what anslag_days counts.

export const DEFAULT_ANSLAG_DAYS = 21;

/** The calendar day in Sweden of an instant: '2024-02-23'. */
export function swedishDay(at: Date): string {
  // sv-SE formats dates as yyyy-mm-dd.
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The anslag dates of a protocol sealed at `sealedAt`, or null for a body that does not use anslag. */
export function anslagDates(sealedAt: Date, body: { usesAnslag: boolean; anslagDays: number }): { from: string; to: string } | null {
  if (!body.usesAnslag) return null;
  const from = swedishDay(sealedAt);
  return { from, to: addDays(from, body.anslagDays) };
}
