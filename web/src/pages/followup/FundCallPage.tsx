import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { BodySummary } from '../../../../src/domain/model';
import { parseKronor } from '../../../../src/domain/cost-split';
import { ApiFailure, send, useApi } from '../../api';
import { useAuth } from '../../auth';
import { canEditBody } from '../../permissions';
import { Load, usePageTitle } from '../../components/States';
import { svAdoption, svFundEdit as e, svFunds as t } from '../../i18n/sv';
import { DecisionPicker } from './DecisionPicker';
import { kr } from './FundsPage';
import type { FundCall, HuvudmanRef } from '../../../../src/domain/follow-up-views';

export function FundCallPage() {
  const { id = '' } = useParams();
  const [call, reload] = useApi<FundCall>(`/api/fund-calls/${encodeURIComponent(id)}`);
  return <Load value={call} retry={reload}>{(c) => <CallView call={c} reload={reload} />}</Load>;
}

/** Errors from the API as the form's message. */
function useSubmit(onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      setError(null);
      onDone();
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    }
  };
  return { error, setError, run };
}

function CallView({ call, reload }: { call: FundCall; reload: () => void }) {
  usePageTitle(call.name);
  const { me } = useAuth();
  const editable = canEditBody(me, call.body.id);
  return (
    <>
      <p className="breadcrumb"><Link to="/statsbidrag">{t.title}</Link></p>
      <h1>{t.call(call.name, call.year)}</h1>
      <dl className="facts">
        <dt>{t.fund}</dt><dd>{call.fund}</dd>
        <dt>{t.called}</dt><dd>{kr(call.amountOre)}</dd>
        <dt>{t.runBy}</dt><dd>{call.body.name}</dd>
        {call.applyBy && <><dt>{t.applyBy}</dt><dd>{call.applyBy}</dd></>}
        {call.criteria && <><dt>{t.criteria}</dt><dd>{call.criteria}</dd></>}
        {call.proposalBody && call.proposedOn && <><dt>{t.proposed}</dt><dd>{t.proposalBy(call.proposalBody.name, call.proposedOn)}</dd></>}
        <dt>{t.decidedOn}</dt>
        <dd>{call.decidedOn ?? t.notDecided}{call.source && <> (<Link to={`/moten/${call.source.meetingId}#punkt-${call.source.itemNumber ?? ''}`}>{svAdoption.sourceLink(call.source.meetingDate ?? '', call.source.itemNumber)}</Link>)</>}</dd>
      </dl>
      {call.applications.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{t.caption(call.name)}</caption>
            <thead><tr><th scope="col">{t.project}</th><th scope="col">{t.applicants}</th><th scope="col" className="num">{t.asked}</th><th scope="col" className="num">{t.proposed}</th><th scope="col" className="num">{t.granted}</th><th scope="col">{t.status}</th><th scope="col">{t.reports}</th></tr></thead>
            <tbody>
              {call.applications.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.project}{a.conditions && <span className="hint adoption-matrix__meta">{t.conditions}: {a.conditions}</span>}</th>
                  <td>{a.applicants.map((x) => x.name).join(', ')}</td>
                  <td className="num">{kr(a.askedOre)}</td>
                  <td className="num">{kr(a.proposedOre)}</td>
                  <td className="num">{kr(a.grantedOre)}</td>
                  <td>{t.statuses[a.status]}</td>
                  <td>
                    {a.reports.length === 0 ? '–' : (
                      <ul className="plain-list">
                        {a.reports.map((r) => (
                          <li key={r.id}>
                            {r.submittedOn ? t.reportCame(r.submittedOn) : t.reportDue(r.dueDate)}
                            {r.overdue && <> <span className="badge badge--warn"><span aria-hidden="true">⚠ </span>{t.overdue}</span></>}
                            {editable && !r.submittedOn && <ReportSubmitted call={call} applicationId={a.id} report={r} onDone={reload} />}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editable && <ApplicationForm call={call} onDone={reload} />}
      {editable && call.applications.length > 0 && <AssessmentForm call={call} onDone={reload} />}
      {editable && call.applications.some((a) => a.grantedOre) && <ReportForm call={call} onDone={reload} />}
    </>
  );
}

const base = (call: FundCall) => `/api/bodies/${call.body.id}/fund-calls/${call.id}`;

function ApplicationForm({ call, onDone }: { call: FundCall; onDone: () => void }) {
  const [huvudman] = useApi<HuvudmanRef[]>('/api/huvudman');
  const [project, setProject] = useState('');
  const [asked, setAsked] = useState('');
  const [applicants, setApplicants] = useState<number[]>([]);
  const { error, setError, run } = useSubmit(() => { setProject(''); setAsked(''); setApplicants([]); onDone(); });
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const ore = parseKronor(asked);
    if (ore === null) return setError(e.badAmount);
    void run(() => send('POST', `${base(call)}/applications`, { project, applicantIds: applicants, askedOre: Number(ore) }));
  };
  const toggle = (id: number, on: boolean) => setApplicants((list) => (on ? [...list, id] : list.filter((x) => x !== id)));
  return (
    <form className="form" onSubmit={submit} aria-labelledby="fa-heading">
      <h2 id="fa-heading">{e.newApplication}</h2>
      {error && <p className="form-error" role="alert">{error}</p>}
      <label htmlFor="fa-project">{e.project}</label>
      <input id="fa-project" required maxLength={500} value={project} onChange={(x) => setProject(x.target.value)} />
      <fieldset className="subform">
        <legend>{e.applicants}</legend>
        {huvudman.state === 'ready' && huvudman.data.map((h) => (
          <label key={h.id} className="checkbox"><input type="checkbox" checked={applicants.includes(h.id)} onChange={(x) => toggle(h.id, x.target.checked)} /> {h.name}</label>
        ))}
      </fieldset>
      <label htmlFor="fa-asked">{e.asked}</label>
      <input id="fa-asked" required inputMode="decimal" value={asked} onChange={(x) => setAsked(x.target.value)} />
      <button type="submit">{e.save}</button>
    </form>
  );
}

function AssessmentForm({ call, onDone }: { call: FundCall; onDone: () => void }) {
  const [bodies] = useApi<BodySummary[]>('/api/bodies');
  const [stage, setStage] = useState<'proposal' | 'decision'>(call.proposedOn ? 'decision' : 'proposal');
  const [date, setDate] = useState('');
  const [proposalBody, setProposalBody] = useState('');
  const [meetingId, setMeetingId] = useState<number | null>(null);
  const [decisionId, setDecisionId] = useState<number | null>(null);
  const [amounts, setAmounts] = useState<Record<number, string>>({});
  const [conditions, setConditions] = useState<Record<number, string>>({});
  const { error, setError, run } = useSubmit(onDone);
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const rows: { applicationId: number; amountOre: number; conditions: string }[] = [];
    for (const a of call.applications) {
      const text = (amounts[a.id] ?? '').trim();
      if (text === '') continue;
      const ore = parseKronor(text);
      if (ore === null) return setError(e.badAmount);
      rows.push({ applicationId: a.id, amountOre: Number(ore), conditions: conditions[a.id] ?? '' });
    }
    void run(() => send('PUT', `${base(call)}/assessment`, { stage, date, decisionId: stage === 'decision' ? decisionId : null, proposalBodyId: stage === 'proposal' && proposalBody ? Number(proposalBody) : null, rows }));
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby="as-heading">
      <h2 id="as-heading">{e.assess}</h2>
      {error && <p className="form-error" role="alert">{error}</p>}
      <fieldset className="subform">
        <legend>{e.stage}</legend>
        <label className="checkbox"><input type="radio" name="stage" checked={stage === 'proposal'} onChange={() => setStage('proposal')} /> {e.proposal}</label>
        <label className="checkbox"><input type="radio" name="stage" checked={stage === 'decision'} onChange={() => setStage('decision')} /> {e.decision}</label>
      </fieldset>
      <label htmlFor="as-date">{e.date}</label>
      <input id="as-date" type="date" required value={date} onChange={(x) => setDate(x.target.value)} />
      {stage === 'proposal' ? (
        <>
          <label htmlFor="as-body">{e.proposalBody}</label>
          <select id="as-body" value={proposalBody} onChange={(x) => setProposalBody(x.target.value)}>
            <option value="">–</option>
            {bodies.state === 'ready' && bodies.data.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </select>
        </>
      ) : (
        <DecisionPicker bodyId={call.body.id} meetingId={meetingId} decisionId={decisionId} onMeeting={setMeetingId} onDecision={setDecisionId} />
      )}
      <p className="hint">{e.amountHint}</p>
      {call.applications.map((a) => (
        <span key={a.id} className="measure-row">
          <label htmlFor={`as-a-${a.id}`}>{e.amountFor(a.project)}</label>
          <input id={`as-a-${a.id}`} inputMode="decimal" value={amounts[a.id] ?? ''} onChange={(x) => setAmounts({ ...amounts, [a.id]: x.target.value })} />
          {stage === 'decision' && (
            <>
              <label htmlFor={`as-c-${a.id}`}>{e.conditionsFor(a.project)}</label>
              <input id={`as-c-${a.id}`} value={conditions[a.id] ?? ''} onChange={(x) => setConditions({ ...conditions, [a.id]: x.target.value })} />
            </>
          )}
        </span>
      ))}
      <button type="submit">{e.save}</button>
    </form>
  );
}

function ReportForm({ call, onDone }: { call: FundCall; onDone: () => void }) {
  const granted = call.applications.filter((a) => a.grantedOre);
  const [applicationId, setApplicationId] = useState(granted[0]?.id ?? 0);
  const [dueDate, setDueDate] = useState('');
  const { error, run } = useSubmit(() => { setDueDate(''); onDone(); });
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    void run(() => send('PUT', `${base(call)}/reports`, { applicationId, dueDate }));
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby="rp-heading">
      <h2 id="rp-heading">{e.newReport}</h2>
      {error && <p className="form-error" role="alert">{error}</p>}
      <label htmlFor="rp-app">{e.application}</label>
      <select id="rp-app" value={applicationId} onChange={(x) => setApplicationId(Number(x.target.value))}>
        {granted.map((a) => <option key={a.id} value={a.id}>{a.project}</option>)}
      </select>
      <label htmlFor="rp-due">{e.dueDate}</label>
      <input id="rp-due" type="date" required value={dueDate} onChange={(x) => setDueDate(x.target.value)} />
      <button type="submit">{e.save}</button>
    </form>
  );
}

/** Records that an owed report came, on a date. */
function ReportSubmitted({ call, applicationId, report, onDone }: { call: FundCall; applicationId: number; report: { id: number; dueDate: string; note: string }; onDone: () => void }) {
  const [date, setDate] = useState('');
  const { error, run } = useSubmit(onDone);
  const id = `rs-${report.id}`;
  return (
    <form className="inline-form report-submitted" onSubmit={(ev) => { ev.preventDefault(); void run(() => send('PUT', `${base(call)}/reports`, { reportId: report.id, applicationId, dueDate: report.dueDate, submittedOn: date, note: report.note })); }}>
      <label htmlFor={id}>{e.submittedOn}</label>
      <input id={id} type="date" required value={date} onChange={(x) => setDate(x.target.value)} />
      <button type="submit" className="small">{e.markSubmitted}</button>
      {error && <span className="form-error" role="alert">{error}</span>}
    </form>
  );
}
