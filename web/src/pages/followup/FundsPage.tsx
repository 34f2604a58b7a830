import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { BodySummary } from '../../../../src/domain/model';
import { formatKronor, parseKronor } from '../../../../src/domain/cost-split';
import { ApiFailure, send, useApi } from '../../api';
import { useAuth } from '../../auth';
import { Load, usePageTitle } from '../../components/States';
import { svAdoption, svFundEdit, svFunds as t } from '../../i18n/sv';
import { BodyFilterNote, FilterBar, editableBodies, href, useUrlFilters, yearFilter } from './filters';
import type { FundCall } from '../../../../src/domain/follow-up-views';

interface Totals {
  funds: { fund: string; year: number; callsOre: number; askedOre: number; proposedOre: number; grantedOre: number }[];
  huvudman: { fund: string; year: number; huvudmanId: number; name: string; grantedOre: number }[];
}

export const kr = (ore: number | null) => (ore === null ? '–' : formatKronor(ore));

/** The funds at a glance: totals per year and fund, per huvudman, and every call with its applications. */
export function FundsPage() {
  usePageTitle(t.title);
  const filters = useUrlFilters();
  const year = filters.get('ar');
  const body = filters.get('organ'); // from the dashboard: the calls a body runs
  const { me } = useAuth();
  const [bodies] = useApi<BodySummary[]>('/api/bodies');
  const mine = bodies.state === 'ready' ? editableBodies(me, bodies.data) : [];
  const [creating, setCreating] = useState(false);
  const [calls, reloadCalls] = useApi<FundCall[]>(href('/api/fund-calls', { body, year }));
  const [totals, reloadTotals] = useApi<Totals>(href('/api/fund-totals', { body, year }));
  return (
    <>
      <p className="breadcrumb"><Link to="/rekommendationer">{svAdoption.back}</Link></p>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      {mine.length > 0 && (creating ? <NewCallForm bodies={mine} /> : <p><button type="button" onClick={() => setCreating(true)}>{svFundEdit.newCall}</button></p>)}
      <FilterBar filters={[yearFilter('f-year', t.year, t.allYears)]} />
      <BodyFilterNote bodyId={body} bodies={bodies} allHref={href('/statsbidrag', { ar: year })} />
      <Load value={totals} retry={reloadTotals}>
        {(tot) => tot.funds.length === 0 ? null : (
          <>
            <div className="table-wrap">
              <table>
                <caption>{t.totals}</caption>
                <thead><tr><th scope="col">{t.year}</th><th scope="col">{t.fund}</th><th scope="col" className="num">{t.called}</th><th scope="col" className="num">{t.asked}</th><th scope="col" className="num">{t.proposed}</th><th scope="col" className="num">{t.granted}</th></tr></thead>
                <tbody>
                  {tot.funds.map((f) => (
                    <tr key={`${f.year}-${f.fund}`}><td>{f.year}</td><th scope="row">{f.fund}</th><td className="num">{kr(f.callsOre)}</td><td className="num">{kr(f.askedOre)}</td><td className="num">{kr(f.proposedOre)}</td><td className="num">{kr(f.grantedOre)}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
            {tot.huvudman.length > 0 && (
              <div className="table-wrap">
                <table>
                  <caption>{t.perHuvudman}</caption>
                  <thead><tr><th scope="col">{t.year}</th><th scope="col">{t.fund}</th><th scope="col">{t.huvudman}</th><th scope="col" className="num">{t.granted}</th></tr></thead>
                  <tbody>
                    {tot.huvudman.map((g) => (
                      <tr key={`${g.year}-${g.fund}-${g.huvudmanId}`}><td>{g.year}</td><td>{g.fund}</td><th scope="row">{g.name}</th><td className="num">{kr(g.grantedOre)}</td></tr>
                    ))}
                  </tbody>
                </table>
                <p className="hint">{t.jointNote}</p>
              </div>
            )}
          </>
        )}
      </Load>
      <Load value={calls} retry={reloadCalls}>
        {(list) => list.length === 0 ? <p>{t.none}</p> : (
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">{svFundEdit.name}</th><th scope="col">{t.fund}</th><th scope="col">{t.year}</th><th scope="col" className="num">{t.called}</th><th scope="col" className="num">{t.granted}</th><th scope="col">{t.decidedOn}</th></tr></thead>
              <tbody>
                {list.map((c) => (
                  <tr key={c.id}>
                    <th scope="row"><Link to={`/statsbidrag/${c.id}`}>{c.name}</Link></th>
                    <td>{c.fund}</td>
                    <td>{c.year}</td>
                    <td className="num">{kr(c.amountOre)}</td>
                    <td className="num">{kr(c.applications.reduce((s, a) => s + (a.grantedOre ?? 0), 0))}</td>
                    <td>{c.decidedOn ?? t.notDecided}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Load>
    </>
  );
}

function NewCallForm({ bodies }: { bodies: BodySummary[] }) {
  const navigate = useNavigate();
  const [f, setF] = useState({ body: String(bodies[0]?.id ?? ''), fund: '', name: '', year: String(new Date().getFullYear()), amount: '', criteria: '', applyBy: '' });
  const [error, setError] = useState<string | null>(null);
  const field = (k: keyof typeof f) => ({ id: `nc-${k}`, value: f[k], onChange: (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value }) });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const amount = parseKronor(f.amount);
    if (amount === null) return setError(svFundEdit.badAmount);
    try {
      const call = await send<FundCall>('POST', `/api/bodies/${f.body}/fund-calls`, { fund: f.fund, name: f.name, year: Number(f.year), amountOre: Number(amount), criteria: f.criteria, applyBy: f.applyBy || null });
      navigate(`/statsbidrag/${call.id}`);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-labelledby="nc-heading">
      <h2 id="nc-heading">{svFundEdit.newCallTitle}</h2>
      {error && <p className="form-error" role="alert">{error}</p>}
      <label htmlFor="nc-body">{svFundEdit.runBy}</label>
      <select {...field('body')}>{bodies.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}</select>
      <label htmlFor="nc-fund">{svFundEdit.fund} <span className="hint">{svFundEdit.fundHint}</span></label>
      <input required maxLength={200} {...field('fund')} />
      <label htmlFor="nc-name">{svFundEdit.name}</label>
      <input required maxLength={300} {...field('name')} />
      <label htmlFor="nc-year">{svFundEdit.year}</label>
      <input required inputMode="numeric" pattern="\d{4}" {...field('year')} />
      <label htmlFor="nc-amount">{svFundEdit.amount}</label>
      <input required inputMode="decimal" {...field('amount')} />
      <label htmlFor="nc-applyBy">{svFundEdit.applyBy}</label>
      <input type="date" {...field('applyBy')} />
      <label htmlFor="nc-criteria">{svFundEdit.criteria}</label>
      <textarea rows={3} {...field('criteria')} />
      <button type="submit">{svFundEdit.save}</button>
    </form>
  );
}
