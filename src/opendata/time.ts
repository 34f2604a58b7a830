// OParl wants date-times with an offset ("2024-02-23T09:00:00+01:00"). Our meetings have a date and
// a wall-clock time in Sweden, so the offset is Stockholm's on that day (CET or CEST).

const ZONE = 'Europe/Stockholm';
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' });

/** "+01:00" or "+02:00": Stockholm's offset at an instant. */
function offsetAt(instant: Date): string {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? `${m[1]}${m[2]}:${m[3]}` : '+00:00';
}

const minutes = (offset: string) => (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));

/** A Swedish wall-clock time on a date as an OParl date-time; null when either is missing or malformed. */
export function stockholmDateTime(date: string | null, time: string | null): string | null {
  if (!date || !time) return null;
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?/.exec(time);
  if (!d || !t) return null;
  const asUtc = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] ?? 0));
  // The offset at the wall-clock time read as UTC is right except within hours of a switch; one
  // correction settles it.
  let offset = offsetAt(new Date(asUtc));
  offset = offsetAt(new Date(asUtc - minutes(offset) * 60_000));
  return `${date}T${t[1]}:${t[2]}:${t[3] ?? '00'}${offset}`;
}

/** A stored timestamp as an OParl date-time (UTC). */
export function timestamp(value: Date | string): string {
  return new Date(value).toISOString();
}
