import type { CasePlanView, WheelEvent, WheelRing } from '../../../../src/domain/case-planning';
import { yearFraction } from '../../../../src/domain/case-planning';
import { capitalise, longDate } from '../../format';
import { sv, svPlanning } from '../../i18n/sv';

// What the year wheel draws, apart from how: markers grouped by ring, day and shape, each with the
// words a screen reader says for it and where it leads. The table and list under the wheel are
// made from the same events.

export type Shape = 'circle' | 'diamond' | 'square';

export interface Marker {
  key: string;
  ring: number;
  date: string;
  fraction: number;
  shape: Shape;
  events: WheelEvent[];
  cancelled: boolean;
  highlighted: boolean; // a step of the plan the wheel is drawn for
  warning: boolean;
  label: string;
  href: string | null;
}

const t = svPlanning.wheel;

export const ringName = (ring: WheelRing) => ring.body?.name ?? t.decisionsRing;
export const ringShort = (ring: WheelRing) => (ring.body ? ring.body.shortName ?? ring.body.name : t.decisionsShort);

const shapeOf = (e: WheelEvent): Shape => (e.kind === 'deadline' ? 'diamond' : e.kind === 'decision' ? 'square' : 'circle');

/** "Möte (planerat)", "Handlingar senast", … */
export function eventWhat(e: WheelEvent): string {
  if (e.kind === 'meeting') return t.meeting(sv.status[e.meetingStatus ?? 'planned'] ?? '');
  if (e.kind === 'step') return t.step(e.plan!.step, e.plan!.steps);
  return e.kind === 'deadline' ? t.deadline : t.decision;
}

function eventWords(e: WheelEvent): string {
  const what = eventWhat(e);
  const plan = e.plan ? `: ${e.plan.title}` : e.meetingTitle ? `: ${e.meetingTitle}` : '';
  const warnings = e.warnings.map((w) => ` ${t.markerWarning}: ${w.message}`).join('');
  return `${what}${plan}.${warnings}`;
}

export function markersOf(rings: readonly WheelRing[], highlightPlan: number | null = null): Marker[] {
  const out: Marker[] = [];
  rings.forEach((ring, r) => {
    const groups = new Map<string, WheelEvent[]>();
    for (const e of ring.events) {
      const key = `${r}:${e.date}:${shapeOf(e)}`;
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    for (const [key, events] of groups) {
      const first = events[0]!;
      const meeting = events.find((e) => e.meetingId !== null);
      const plan = events.find((e) => e.plan)?.plan ?? null;
      const href = first.kind !== 'deadline' && meeting?.meetingId ? `/moten/${meeting.meetingId}` : plan ? `/planering/${plan.id}` : null;
      out.push({
        key,
        ring: r,
        date: first.date,
        fraction: yearFraction(first.date),
        shape: shapeOf(first),
        events,
        cancelled: events.some((e) => e.meetingStatus === 'cancelled'),
        highlighted: highlightPlan !== null && events.some((e) => e.plan?.id === highlightPlan && e.kind !== 'deadline'),
        warning: events.some((e) => e.warnings.length > 0),
        label: `${ringName(ring)}, ${longDate(first.date)}. ${events.map(eventWords).join(' ')}`,
        href,
      });
    }
  });
  return out;
}

/** The wheel's rings for one plan, one set per year its steps and deadlines fall in. */
export function planWheels(plan: CasePlanView): { year: number; rings: WheelRing[] }[] {
  const years = new Map<number, Map<number | null, WheelRing>>();
  const ringFor = (year: number, key: number | null, make: () => WheelRing) => {
    if (!years.has(year)) years.set(year, new Map());
    const rings = years.get(year)!;
    if (!rings.has(key)) rings.set(key, make());
    return rings.get(key)!;
  };
  for (const s of plan.steps) {
    const ref = { id: plan.id, title: plan.title, step: s.position + 1, steps: plan.steps.length };
    if (s.kind === 'huvudman') {
      if (s.date) ringFor(Number(s.date.slice(0, 4)), null, () => ({ body: null, leadDays: null, events: [] })).events.push({ kind: 'decision', date: s.date, meetingId: null, meetingStatus: null, meetingTitle: null, plan: ref, warnings: s.warnings });
      continue;
    }
    const common = { meetingId: s.meeting?.id ?? null, meetingStatus: s.meeting?.status ?? null, meetingTitle: null, plan: ref, warnings: s.warnings };
    for (const [kind, date] of [['deadline', s.documentsDue], ['step', s.date]] as const) {
      if (date) ringFor(Number(date.slice(0, 4)), s.body.id, () => ({ body: s.body, leadDays: s.leadDays, events: [] })).events.push({ kind, date, ...common });
    }
  }
  // Rings in the order of the path, so that the case moves outwards through the year.
  const order = plan.steps.map((s) => (s.kind === 'body' ? s.body.id : null));
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, rings]) => ({ year, rings: [...rings.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([, ring]) => ring) }));
}

/** Every event of the wheel in date order, for the table and the month list. */
export function eventRows(rings: readonly WheelRing[]): { ring: WheelRing; event: WheelEvent }[] {
  return rings
    .flatMap((ring) => ring.events.map((event) => ({ ring, event })))
    .sort((a, b) => a.event.date.localeCompare(b.event.date) || ringName(a.ring).localeCompare(ringName(b.ring), 'sv'));
}

export const dayLabel = (iso: string) => capitalise(longDate(iso));
