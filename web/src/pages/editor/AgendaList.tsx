import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { svEdit } from '../../i18n/sv';
import type { EditorItem } from './types';

const t = svEdit.editor;

/** The agenda in order. Reorder by dragging, by Alt+arrow keys, or with the buttons. */
export function AgendaList({ items, selected, onSelect, onReorder }: { items: EditorItem[]; selected: number | null; onSelect: (id: number) => void; onReorder: (ids: number[]) => void }) {
  const [dragging, setDragging] = useState<number | null>(null);
  const ids = items.map((i) => i.id);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= ids.length || from === to) return;
    const next = [...ids];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    onReorder(next);
  };
  const onKey = (e: KeyboardEvent, index: number) => {
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      move(index, index + (e.key === 'ArrowUp' ? -1 : 1));
    }
  };
  const onDrop = (e: DragEvent, index: number) => {
    e.preventDefault();
    if (dragging !== null) move(ids.indexOf(dragging), index);
    setDragging(null);
  };
  return (
    <section aria-labelledby="dagordning">
      <h2 id="dagordning">{t.agenda}</h2>
      <p className="hint" id="dagordning-hjalp">{t.reorderHint}</p>
      <ol className="agenda-list" aria-describedby="dagordning-hjalp">
        {items.map((item, index) => (
          <li
            key={item.id}
            draggable
            onDragStart={() => setDragging(item.id)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => onDrop(e, index)}
            className={item.id === selected ? 'agenda-list__item agenda-list__item--selected' : 'agenda-list__item'}
          >
            <button type="button" className="agenda-list__select" aria-current={item.id === selected ? 'true' : undefined} onClick={() => onSelect(item.id)} onKeyDown={(e) => onKey(e, index)}>
              <span className="item__number">{item.number}.</span> {item.title}
            </button>
            <span className="agenda-list__move">
              <button type="button" className="small secondary" disabled={index === 0} onClick={() => move(index, index - 1)}>↑<span className="visually-hidden"> {t.moveUp}: {item.title}</span></button>
              <button type="button" className="small secondary" disabled={index === items.length - 1} onClick={() => move(index, index + 1)}>↓<span className="visually-hidden"> {t.moveDown}: {item.title}</span></button>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
