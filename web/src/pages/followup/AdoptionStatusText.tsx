import { svAdoption as t } from '../../i18n/sv';
import type { AdoptionStatus } from '../../../../src/domain/follow-up-views';

/**
 * A status as symbol and word, never colour alone; the symbol is decoration for screen readers,
 * which read the word. Overdue is spelled out too.
 */
export function AdoptionStatusText({ status, overdue }: { status: AdoptionStatus; overdue?: boolean }) {
  return (
    <>
      <span className={`adoption adoption--${status}`}>
        <span className="adoption__symbol" aria-hidden="true">{t.symbols[status]}</span> {t.statuses[status]}
      </span>
      {overdue && <> <span className="badge badge--warn"><span aria-hidden="true">⚠ </span>{t.overdue}</span></>}
    </>
  );
}
