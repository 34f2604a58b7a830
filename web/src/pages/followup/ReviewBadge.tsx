import { svRegister as t } from '../../i18n/sv';

/** Review state in words (with a warning sign when due), never colour alone. */
export function ReviewBadge({ state }: { state: string }) {
  if (state === 'overdue' || state === 'soon') {
    return <span className="badge badge--warn"><span aria-hidden="true">⚠ </span>{t.review[state]}</span>;
  }
  return <span className="hint">{t.review[state]}</span>;
}
