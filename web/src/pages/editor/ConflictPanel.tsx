import { svEdit } from '../../i18n/sv';
import type { EditorItem } from './types';

const t = svEdit.editor.item;
const FIELDS = ['title', 'kind', 'text', 'notes', 'proposal', 'presenters', 'decisions', 'assignments'] as const;

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '–';
  return typeof v === 'string' ? v : JSON.stringify(v, null, 1);
}

/** Someone saved first: the fields that differ, theirs beside mine, and a choice per field. */
export function ConflictPanel({ mine, theirs, onResolve }: { mine: EditorItem; theirs: EditorItem; onResolve: (merged: EditorItem) => void }) {
  const differing = FIELDS.filter((f) => JSON.stringify(mine[f]) !== JSON.stringify(theirs[f]));
  const choice: Record<string, 'mine' | 'theirs'> = Object.fromEntries(differing.map((f) => [f, 'mine']));
  const merge = () => {
    const merged = { ...theirs } as EditorItem & Record<string, unknown>;
    for (const f of differing) if (choice[f] === 'mine') merged[f] = mine[f] as never;
    onResolve({ ...merged, version: theirs.version });
  };
  return (
    <div className="conflict" role="alert">
      <p><strong>{t.conflict}</strong></p>
      <fieldset>
        <legend>{t.mine} / {t.theirs}</legend>
        {differing.map((f) => (
          <div key={f} className="conflict__field">
            <p className="label">{t.field[f]}</p>
            <div className="conflict__columns">
              <label><input type="radio" name={`c-${f}`} defaultChecked onChange={() => (choice[f] = 'mine')} /> {t.mine}: <span className="conflict__value">{show(mine[f])}</span></label>
              <label><input type="radio" name={`c-${f}`} onChange={() => (choice[f] = 'theirs')} /> {t.theirs}: <span className="conflict__value">{show(theirs[f])}</span></label>
            </div>
          </div>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="button" onClick={merge}>{t.keepMine}</button>
        <button type="button" className="secondary" onClick={() => onResolve({ ...theirs })}>{t.useTheirs}</button>
      </div>
    </div>
  );
}
