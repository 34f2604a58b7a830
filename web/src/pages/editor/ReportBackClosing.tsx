import { decisionText } from '../../../../src/domain/agenda';
import { closingDecision } from '../../../../src/domain/assignment-closing';
import { svImmediate } from '../../i18n/sv';
import type { EditorItem } from './types';

const t = svImmediate.reportBack;

/**
 * On a report-back item (återrapportering of an assignment): closing the assignment is a decision.
 * Says whether the item's decisions close it, and offers the usual wording in one click.
 */
export function ReportBackClosing({ item, bodyName, onAdd }: { item: EditorItem; bodyName: string; onAdd: (decision: EditorItem['decisions'][number]) => void }) {
  if (item.reportsAssignmentId === null) return null;
  const closes = closingDecision(item.decisions) !== null;
  const clauses = [...t.clauses];
  return (
    <div className="report-back">
      <p className="hint" role="status">{closes ? t.closes : t.intro}</p>
      {!closes && <button type="button" className="small" onClick={() => onAdd({ text: decisionText(bodyName, clauses), clauses, outcome: null })}>{t.add}</button>}
    </div>
  );
}
