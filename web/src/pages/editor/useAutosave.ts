import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiFailure, send } from '../../api';
import type { EditorItem } from './types';

export type SaveState = { kind: 'saved' } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'error'; message: string } | { kind: 'conflict'; theirs: EditorItem };

function payload(item: EditorItem) {
  const { id: _id, number: _n, standard: _s, documents: _d, referredFromItemId: _r, reportsAssignmentId: _a, ...rest } = item;
  return { ...rest, assignments: rest.assignments.map(({ status: _st, ...a }) => a) };
}

/**
 * Saves an item a moment after the last change. A save carries the version it started from; when
 * someone else saved first the server answers 409 with their item, and nothing is overwritten.
 */
export function useAutosave(url: string, item: EditorItem, setItem: (next: EditorItem) => void, onSaved: () => void, delayMs = 1200) {
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const latest = useRef(item);
  latest.current = item;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const save = useCallback(async () => {
    const current = latest.current;
    setState({ kind: 'saving' });
    try {
      const res = await send<{ version: number }>('PUT', url, payload(current));
      // Changes typed while saving stay; only the version moves on.
      setItem({ ...latest.current, version: res.version });
      setState(latest.current === current ? { kind: 'saved' } : { kind: 'dirty' });
      onSaved();
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 409 && err.code === 'conflict' && err.details) {
        setState({ kind: 'conflict', theirs: err.details as EditorItem });
      } else {
        setState({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    }
  }, [url, setItem, onSaved]);

  const changed = useCallback(() => {
    setState({ kind: 'dirty' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), delayMs);
  }, [save, delayMs]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  return { state, changed, saveNow: save, setState };
}
