import { format, parseISO, isValid } from 'date-fns';
import { sv } from 'date-fns/locale';

// Dates are shown as 2024-02-23 in tables and as "fredag 23 februari" in running text.

export function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && isValid(parseISO(s));
}

/** "fredag 23 februari" (with the year when asked: "fredag 23 februari 2024"). */
export function formatLongDate(iso: string, withYear = false): string {
  return format(parseISO(iso), withYear ? 'EEEE d MMMM yyyy' : 'EEEE d MMMM', { locale: sv });
}

export function yearOf(iso: string | null): number | null {
  return iso ? Number(iso.slice(0, 4)) : null;
}

/** "08:30" from "08:30:00" (how PostgreSQL returns a time). */
export function shortTime(t: string | null): string | null {
  return t ? t.slice(0, 5) : null;
}
