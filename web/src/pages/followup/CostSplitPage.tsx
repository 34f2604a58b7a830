import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatKronor, formatPercent } from '../../../../src/domain/cost-split';
import { ApiFailure, send, useApi } from '../../api';
import { useAuth } from '../../auth';
import { canEditBody } from '../../permissions';
import { Load, usePageTitle } from '../../components/States';
import { svAdoption, svCostSplit as t } from '../../i18n/sv';
import { CostSplitTable } from './CostSplitTable';
import type { CostSplit } from '../../../../src/domain/follow-up-views';

export function CostSplitPage() {
  const { id = '' } = useParams();
  const [split, reload] = useApi<CostSplit>(`/api/cost-splits/${encodeURIComponent(id)}`);
  return <Load value={split} retry={reload}>{(s) => <CostSplitView split={s} />}</Load>;
}

function CostSplitView({ split }: { split: CostSplit }) {
  usePageTitle(split.title);
  const { me } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    if (!window.confirm(t.removeConfirm)) return;
    try {
      await send('DELETE', `/api/bodies/${split.body.id}/cost-splits/${split.id}`);
      navigate('/kostnadsfordelning');
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : String(err));
    }
  };
  return (
    <>
      <p className="breadcrumb"><Link to="/kostnadsfordelning">{t.back}</Link></p>
      <h1>{split.title}</h1>
      <dl className="facts">
        <dt>{t.decidedBy}</dt><dd>{split.body.name}</dd>
        <dt>{t.decidedOn}</dt><dd>{split.decidedOn}</dd>
        <dt>{t.source}</dt>
        <dd>{split.source ? <Link to={`/moten/${split.source.meetingId}#punkt-${split.source.itemNumber ?? ''}`}>{svAdoption.sourceLink(split.source.meetingDate ?? '', split.source.itemNumber)}: {split.source.itemTitle}</Link> : t.byHand}</dd>
        {split.costYear !== null && <><dt>{t.year}</dt><dd>{split.costYear}</dd></>}
        <dt>{t.total}</dt><dd>{formatKronor(split.totalOre)}</dd>
        <dt>{t.key}</dt><dd>{t.keyText(formatPercent(split.regionShareBp), formatPercent(split.municipalShareBp), split.measureName)}</dd>
      </dl>
      <p className="followup-links">
        <a href={`/api/cost-splits/${split.id}/export.csv`} download>{t.exportCsv}</a>
        <a href={`/api/cost-splits/${split.id}/export.xlsx`} download>{t.exportXlsx}</a>
      </p>
      <CostSplitTable title={split.title} measureName={split.measureName} totalOre={split.totalOre} parts={split.parts} />
      {error && <p className="form-error" role="alert">{error}</p>}
      {canEditBody(me, split.body.id) && <p><button type="button" className="danger" onClick={remove}>{t.remove}</button></p>}
    </>
  );
}
