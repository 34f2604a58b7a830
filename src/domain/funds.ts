import { formatKronor as formatOre, largestRemainder } from './cost-split.js';
import { FieldError } from './recommendations.js';

// Statsbidrag and other funds the collaboration hands out: a call (utlysning) with criteria and an
// amount, applications from one or more huvudmän, the beredning's proposal, the decision (granted
// amounts and conditions) and the reports each grant owes by its deadlines. Amounts in öre.

export type ApplicationStatus = 'submitted' | 'proposed' | 'granted' | 'rejected';

export interface ApplicationAmounts {
  askedOre: number;
  proposedOre: number | null;
  grantedOre: number | null;
}

/** Where an application stands: decided (granted, or rejected when 0 kr), proposed, or just in. */
export function applicationStatus(a: ApplicationAmounts): ApplicationStatus {
  if (a.grantedOre !== null) return a.grantedOre > 0 ? 'granted' : 'rejected';
  return a.proposedOre !== null ? 'proposed' : 'submitted';
}

export const APPLICATION_LABELS: Record<ApplicationStatus, string> = {
  submitted: 'Inkommen',
  proposed: 'Förslag finns',
  granted: 'Beviljad',
  rejected: 'Avslagen',
};

export interface AssessmentRow {
  applicationId: number;
  amountOre: number;
}

/**
 * Checks a proposal or a decision on a call's applications before anything is stored: every row
 * an application of this call, once; no amount above what was asked; and for the decision, no more
 * granted in all than the call has (counting the applications not in this change as they stand).
 */
export function checkAssessment(
  stage: 'proposal' | 'decision',
  call: { amountOre: number },
  applications: ({ id: number; project: string } & ApplicationAmounts)[],
  rows: AssessmentRow[],
): void {
  const seen = new Set<number>();
  for (const [n, row] of rows.entries()) {
    const a = applications.find((x) => x.id === row.applicationId);
    if (!a) throw new FieldError(`rows.${n}.applicationId`, `ansökan ${row.applicationId} hör inte till utlysningen`);
    if (seen.has(a.id)) throw new FieldError(`rows.${n}.applicationId`, `ansökan ${a.id} förekommer två gånger`);
    seen.add(a.id);
    if (row.amountOre > a.askedOre) throw new FieldError(`rows.${n}.amountOre`, `${a.project}: mer än de ${formatOre(a.askedOre)} som söktes`);
  }
  if (stage === 'decision') {
    const granted = applications.reduce((sum, a) => sum + (rows.find((r) => r.applicationId === a.id)?.amountOre ?? a.grantedOre ?? 0), 0);
    if (granted > call.amountOre) throw new FieldError('rows', `beviljat ${formatOre(granted)} är mer än utlysningens ${formatOre(call.amountOre)}`);
  }
}

export function isReportOverdue(r: { dueDate: string; submittedOn: string | null }, today: string): boolean {
  return r.submittedOn === null && r.dueDate < today;
}

export interface TotalsInput {
  fund: string;
  year: number;
  amountOre: number;
  applications: ({ applicants: { huvudmanId: number; name: string }[] } & ApplicationAmounts)[];
}

export interface FundTotal {
  fund: string;
  year: number;
  callsOre: number;
  askedOre: number;
  proposedOre: number;
  grantedOre: number;
}

export interface HuvudmanGrant {
  fund: string;
  year: number;
  huvudmanId: number;
  name: string;
  grantedOre: number;
}

/**
 * Totals per year and fund, and granted per huvudman. A grant to several huvudmän together counts
 * in equal parts for each (largest remainder, so the parts sum to the grant): the decision names
 * the applicants, not how they share it.
 */
export function fundTotals(calls: TotalsInput[]): { funds: FundTotal[]; huvudman: HuvudmanGrant[] } {
  const funds = new Map<string, FundTotal>();
  const perHuvudman = new Map<string, HuvudmanGrant>();
  for (const c of calls) {
    const key = `${c.year}\u0000${c.fund}`;
    const t = funds.get(key) ?? { fund: c.fund, year: c.year, callsOre: 0, askedOre: 0, proposedOre: 0, grantedOre: 0 };
    t.callsOre += c.amountOre;
    for (const a of c.applications) {
      t.askedOre += a.askedOre;
      t.proposedOre += a.proposedOre ?? 0;
      t.grantedOre += a.grantedOre ?? 0;
      if (!a.grantedOre || a.applicants.length === 0) continue;
      const shares = largestRemainder(BigInt(a.grantedOre), a.applicants.map(() => 1n), BigInt(a.applicants.length));
      a.applicants.forEach((h, i) => {
        const k = `${key}\u0000${h.huvudmanId}`;
        const g = perHuvudman.get(k) ?? { fund: c.fund, year: c.year, huvudmanId: h.huvudmanId, name: h.name, grantedOre: 0 };
        g.grantedOre += Number(shares[i]);
        perHuvudman.set(k, g);
      });
    }
    funds.set(key, t);
  }
  const byYearFund = (a: { year: number; fund: string }, b: { year: number; fund: string }) => b.year - a.year || a.fund.localeCompare(b.fund, 'sv');
  return {
    funds: [...funds.values()].sort(byYearFund),
    huvudman: [...perHuvudman.values()].sort((a, b) => byYearFund(a, b) || a.name.localeCompare(b.name, 'sv')),
  };
}
