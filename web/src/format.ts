import { formatLongDate } from '../../src/domain/dates';

/** "fredag 23 februari 2024" with the ISO date for machines, as the protocol header writes it. */
export function longDate(iso: string): string {
  return formatLongDate(iso, true);
}

export function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
}

export function timeRange(start: string | null, end: string | null): string | null {
  if (!start) return null;
  return end ? `kl. ${start}–${end}` : `kl. ${start}`;
}
