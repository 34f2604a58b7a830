import type { Transaction } from 'kysely';
import type { Viewer } from '../../domain/access.js';
import { todayIso } from '../../domain/assignments.js';
import { applicationStatus, checkAssessment, fundTotals, isReportOverdue } from '../../domain/funds.js';
import { FieldError } from '../../domain/recommendations.js';
import type { Db } from '../db.js';
import type { Database } from '../schema.js';
import { appendAudit } from './audit.js';
import type { FundCall } from '../../domain/follow-up-views.js';
import { bodyNameOf, resolveDecision, sourceOf, visibleRecord } from './recommendations.js';

// Funds: a body's calls, the applications to them, the proposal and the decision, and the reports
// each grant owes. Every change is one transaction with its audit entry; the rules are the
// domain's (src/domain/funds.ts).

export async function listFundCalls(db: Db, viewer: Viewer, filter: { bodyId?: number | undefined; year?: number | undefined; id?: number | undefined } = {}): Promise<FundCall[]> {
  let q = db
    .selectFrom('fund_call as c')
    .selectAll('c')
    .select([bodyNameOf('c.body_id').as('body_name'), bodyNameOf('c.proposal_body_id').as('proposal_body_name'), sourceOf('c').as('source')])
    .where(visibleRecord(viewer, 'c'))
    .orderBy('c.year', 'desc')
    .orderBy('c.fund')
    .orderBy('c.id');
  if (filter.id !== undefined) q = q.where('c.id', '=', filter.id);
  if (filter.bodyId !== undefined) q = q.where('c.body_id', '=', filter.bodyId);
  if (filter.year !== undefined) q = q.where('c.year', '=', filter.year);
  const calls = await q.execute();
  if (calls.length === 0) return [];
  const apps = await db.selectFrom('fund_application').selectAll().where('call_id', 'in', calls.map((c) => c.id)).orderBy('id').execute();
  const appIds = apps.length ? apps.map((a) => a.id) : [0];
  const applicants = await db
    .selectFrom('fund_applicant as fa')
    .innerJoin('huvudman as h', 'h.id', 'fa.huvudman_id')
    .select(['fa.application_id', 'fa.huvudman_id', 'h.name'])
    .where('fa.application_id', 'in', appIds)
    .orderBy('fa.position')
    .execute();
  const reports = await db.selectFrom('fund_report').selectAll().where('application_id', 'in', appIds).orderBy('due_date').orderBy('id').execute();
  const today = todayIso();
  return calls.map((c) => ({
    id: c.id,
    body: { id: c.body_id, name: c.body_name },
    fund: c.fund,
    name: c.name,
    year: c.year,
    amountOre: Number(c.amount_ore),
    criteria: c.criteria,
    applyBy: c.apply_by,
    proposalBody: c.proposal_body_id === null ? null : { id: c.proposal_body_id, name: c.proposal_body_name },
    proposedOn: c.proposed_on,
    decidedOn: c.decided_on,
    source: c.source,
    applications: apps
      .filter((a) => a.call_id === c.id)
      .map((a) => {
        const amounts = { askedOre: Number(a.asked_ore), proposedOre: a.proposed_ore === null ? null : Number(a.proposed_ore), grantedOre: a.granted_ore === null ? null : Number(a.granted_ore) };
        return {
          id: a.id,
          project: a.project,
          applicants: applicants.filter((x) => x.application_id === a.id).map((x) => ({ huvudmanId: x.huvudman_id, name: x.name })),
          ...amounts,
          conditions: a.conditions,
          status: applicationStatus(amounts),
          reports: reports
            .filter((r) => r.application_id === a.id)
            .map((r) => ({ id: r.id, dueDate: r.due_date, submittedOn: r.submitted_on, note: r.note, overdue: isReportOverdue({ dueDate: r.due_date, submittedOn: r.submitted_on }, today) })),
        };
      }),
  }));
}

export async function getFundCall(db: Db, viewer: Viewer, id: number): Promise<FundCall | null> {
  return (await listFundCalls(db, viewer, { id }))[0] ?? null;
}

/** Totals per year and fund, and what each huvudman was granted (see fundTotals). */
export async function listFundTotals(db: Db, viewer: Viewer, filter: { bodyId?: number | undefined; year?: number | undefined } = {}) {
  const calls = await listFundCalls(db, viewer, filter);
  return fundTotals(calls);
}

export interface FundCallInput {
  fund: string;
  name: string;
  year: number;
  amountOre: number;
  criteria: string;
  applyBy: string | null;
}

export async function createFundCall(db: Db, actor: Viewer, bodyId: number, input: FundCallInput): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('fund_call')
      .values({ body_id: bodyId, fund: input.fund.trim(), name: input.name.trim(), year: input.year, amount_ore: String(input.amountOre), criteria: input.criteria, apply_by: input.applyBy })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, actor, { action: 'fund-call.create', entity: 'fund_call', entityId: id, after: { bodyId, ...input } });
    return id;
  });
}

type Trx = Transaction<Database>;

/** The call, locked for the change, if it is this body's; null otherwise (the API answers 404). */
async function lockCall(trx: Trx, bodyId: number, callId: number) {
  return trx.selectFrom('fund_call').selectAll().where('id', '=', callId).where('body_id', '=', bodyId).forUpdate().executeTakeFirst();
}

export async function addApplication(db: Db, actor: Viewer, bodyId: number, callId: number, input: { project: string; applicantIds: number[]; askedOre: number }): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockCall(trx, bodyId, callId))) return null;
    const known = await trx.selectFrom('huvudman').select('id').where('id', 'in', input.applicantIds.length ? input.applicantIds : [0]).execute();
    for (const [n, h] of input.applicantIds.entries()) {
      if (!known.some((k) => k.id === h)) throw new FieldError(`applicantIds.${n}`, `okänd huvudman ${h}`);
      if (input.applicantIds.indexOf(h) !== n) throw new FieldError(`applicantIds.${n}`, `huvudman ${h} förekommer två gånger`);
    }
    const { id } = await trx.insertInto('fund_application').values({ call_id: callId, project: input.project.trim(), asked_ore: String(input.askedOre) }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('fund_applicant').values(input.applicantIds.map((h, position) => ({ application_id: id, huvudman_id: h, position }))).execute();
    await appendAudit(trx, actor, { action: 'fund-application.create', entity: 'fund_call', entityId: callId, after: { applicationId: id, ...input } });
    return id;
  });
}

export interface AssessmentInput {
  stage: 'proposal' | 'decision';
  date: string; // when the beredning proposed, or the body decided
  decisionId: number | null; // the decision in the minutes, for stage 'decision'
  proposalBodyId: number | null; // the beredning, for stage 'proposal'
  rows: { applicationId: number; amountOre: number; conditions: string }[];
}

/** The beredning's proposal or the body's decision on some or all applications, all or nothing. */
export async function assessApplications(db: Db, actor: Viewer, bodyId: number, callId: number, input: AssessmentInput): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const call = await lockCall(trx, bodyId, callId);
    if (!call) return false;
    const apps = await trx.selectFrom('fund_application').selectAll().where('call_id', '=', callId).execute();
    checkAssessment(
      input.stage,
      { amountOre: Number(call.amount_ore) },
      apps.map((a) => ({ id: a.id, project: a.project, askedOre: Number(a.asked_ore), proposedOre: a.proposed_ore === null ? null : Number(a.proposed_ore), grantedOre: a.granted_ore === null ? null : Number(a.granted_ore) })),
      input.rows,
    );
    if (input.stage === 'proposal') {
      if (input.proposalBodyId !== null && !(await trx.selectFrom('body').select('id').where('id', '=', input.proposalBodyId).executeTakeFirst())) {
        throw new FieldError('proposalBodyId', `organ ${input.proposalBodyId} finns inte`);
      }
      await trx.updateTable('fund_call').set({ proposal_body_id: input.proposalBodyId, proposed_on: input.date }).where('id', '=', callId).execute();
    } else {
      const link = input.decisionId !== null ? await resolveDecision(trx, bodyId, input.decisionId) : null;
      await trx
        .updateTable('fund_call')
        .set({ decided_on: input.date, item_id: link?.itemId ?? null, decision_id: input.decisionId, from_decision: link !== null })
        .where('id', '=', callId)
        .execute();
    }
    for (const row of input.rows) {
      const set = input.stage === 'proposal' ? { proposed_ore: String(row.amountOre) } : { granted_ore: String(row.amountOre), conditions: row.conditions };
      await trx.updateTable('fund_application').set(set).where('id', '=', row.applicationId).execute();
    }
    await appendAudit(trx, actor, { action: `fund-call.${input.stage}`, entity: 'fund_call', entityId: callId, before: apps, after: input });
    return true;
  });
}

/** Adds a reporting deadline to a grant, or records the report that came (reportId given). */
export async function saveReport(
  db: Db, actor: Viewer, bodyId: number, callId: number,
  input: { reportId: number | null; applicationId: number; dueDate: string; submittedOn: string | null; note: string },
): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    if (!(await lockCall(trx, bodyId, callId))) return null;
    const app = await trx.selectFrom('fund_application').select(['id', 'granted_ore']).where('id', '=', input.applicationId).where('call_id', '=', callId).executeTakeFirst();
    if (!app) throw new FieldError('applicationId', `ansökan ${input.applicationId} hör inte till utlysningen`);
    if (!app.granted_ore) throw new FieldError('applicationId', 'bara beviljade ansökningar återrapporteras');
    let id = input.reportId;
    const values = { application_id: app.id, due_date: input.dueDate, submitted_on: input.submittedOn, note: input.note };
    if (id === null) {
      id = (await trx.insertInto('fund_report').values(values).returning('id').executeTakeFirstOrThrow()).id;
    } else {
      const updated = await trx.updateTable('fund_report').set(values).where('id', '=', id).where('application_id', '=', app.id).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw new FieldError('reportId', `återrapportering ${id} hör inte till ansökan`);
    }
    await appendAudit(trx, actor, { action: 'fund-report.save', entity: 'fund_call', entityId: callId, after: { ...input, reportId: id } });
    return id;
  });
}
