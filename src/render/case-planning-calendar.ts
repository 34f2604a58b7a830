// Case plans as iCalendar (RFC 5545), after calendar.ts: each step of a planned path (the case
// handled at a body's meeting), each documents deadline before it, and the huvudmän's decision, as
// all-day events. One feed per body (its steps and deadlines) and one for the whole structure.
//
// UIDs are stable across re-planning: a body appears once in a path (loops are refused), so the
// plan and the body name the step; moving the step to another meeting updates the same event.

import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import type { CasePlanView, StepView } from '../domain/case-planning.js';
import { TIME_ZONE } from './calendar.js';

export interface PlanCalendarOptions {
  baseUrl?: string;
  /** Only the steps and deadlines at this body (its feed); the huvudmän's decisions are left out. */
  bodyId?: number;
  /** Only events in this year. */
  year?: number;
}

export function stepUid(planId: number, step: StepView, what: 'step' | 'documents'): string {
  if (step.kind === 'huvudman') return `case-plan-${planId}-huvudman@samverka`;
  return `case-plan-${planId}-body-${step.body.id}${what === 'documents' ? '-documents' : ''}@samverka`;
}

export function renderPlanCalendar(plans: readonly CasePlanView[], name: string, opts: PlanCalendarOptions = {}): string {
  const cal = ical({
    name,
    prodId: { company: 'Samverka', product: 'Samverka', language: 'SV' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  const inYear = (date: string | null): date is string => !!date && (opts.year === undefined || date.startsWith(`${opts.year}-`));
  for (const plan of plans) {
    const url = opts.baseUrl ? `${opts.baseUrl.replace(/\/$/, '')}/planering/${plan.id}` : null;
    const add = (uid: string, date: string, summary: string, lines: (string | null)[], cancelled = false) =>
      cal.createEvent({
        id: uid,
        start: `${date}T00:00:00`,
        allDay: true,
        timezone: TIME_ZONE,
        summary,
        description: [...lines, url ? `Planen: ${url}` : null].filter(Boolean).join('\n\n') || null,
        url,
        status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    for (const step of plan.steps) {
      const position = `steg ${step.position + 1} av ${plan.steps.length}`;
      const warnings = step.warnings.length > 0 ? `Varning: ${step.warnings.map((w) => w.message).join(' ')}` : null;
      if (step.kind === 'huvudman') {
        if (opts.bodyId === undefined && inYear(step.date)) add(stepUid(plan.id, step, 'step'), step.date, `Huvudmännens beslut: ${plan.title}`, [`Varje huvudman beslutar senast denna dag (${position}).`, warnings]);
        continue;
      }
      if (opts.bodyId !== undefined && step.body.id !== opts.bodyId) continue;
      const cancelled = step.warnings.some((w) => w.code === 'cancelled');
      if (inYear(step.date)) {
        add(stepUid(plan.id, step, 'step'), step.date, `${step.body.name}: ${plan.title}`,
          [`Ärendet behandlas på mötet (${position}).`, step.documentsDue ? `Handlingar senast ${step.documentsDue}.` : null, warnings], cancelled);
      }
      if (inYear(step.documentsDue)) {
        add(stepUid(plan.id, step, 'documents'), step.documentsDue, `Handlingar senast: ${plan.title} till ${step.body.name}`,
          [`Handlingarna till mötet ${step.date} ska vara inne (${step.leadDays} dagar före, ${position}).`, warnings], cancelled);
      }
    }
  }
  return cal.toString();
}
