import { useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router';
import { ApiFailure, useApi } from '../api';
import { canImport, useAuth } from '../auth';
import { currentCsrfToken } from '../csrf';
import { Load, usePageTitle } from '../components/States';
import { ImportReview, type Upload } from '../components/ImportReview';
import { svImport } from '../i18n/sv';

/** Uploads one file; the server reads and parses it and keeps it for review. */
async function uploadOne(file: File): Promise<Upload> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch('/api/imports', { method: 'POST', body: form, headers: { 'X-CSRF-Token': currentCsrfToken() ?? '', Accept: 'application/json' } });
  const body = (await res.json().catch(() => null)) as (Upload & { error: { code: string; message: string } | null }) | null;
  if (!res.ok || !body) {
    const err = body?.error ?? { code: 'error', message: res.statusText };
    throw new ApiFailure(res.status, err.code, err.message);
  }
  return body;
}

export function ImportPage() {
  usePageTitle(svImport.title);
  const { me } = useAuth();
  const [uploads, reload] = useApi<Upload[]>('/api/imports');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [stored, setStored] = useState<{ filename: string; meetingId: number }[]>([]);
  if (me && !canImport(me)) return <Navigate to={me.account ? '/' : '/logga-in'} replace />;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = e.currentTarget.elements.namedItem('files') as HTMLInputElement;
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    setProblems([]);
    // One request per file: the batch shows its progress, and a bad file does not stop the rest.
    for (const [i, file] of files.entries()) {
      setProgress({ done: i, total: files.length });
      try {
        await uploadOne(file);
      } catch (err) {
        setProblems((p) => [...p, `${file.name}: ${err instanceof Error ? err.message : String(err)}`]);
      }
    }
    setProgress({ done: files.length, total: files.length });
    input.value = '';
    reload();
  };

  return (
    <>
      <h1>{svImport.title}</h1>
      <p className="lead">{svImport.intro}</p>
      <form onSubmit={submit} className="form">
        <label htmlFor="files">{svImport.choose}</label>
        <input id="files" name="files" type="file" multiple accept=".txt,.md,.pdf,text/plain,text/markdown,application/pdf" />
        <button type="submit" disabled={progress !== null && progress.done < progress.total}>{svImport.upload}</button>
      </form>
      {progress && (
        <div role="status" className="upload-progress">
          <progress max={progress.total} value={progress.done} aria-label={svImport.progress(progress.done, progress.total)} />
          <span>{progress.done < progress.total ? svImport.progress(progress.done + 1, progress.total) : svImport.done(progress.total)}</span>
        </div>
      )}
      {problems.length > 0 && <div className="form-error" role="alert"><ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul></div>}
      <div role="status">
        {stored.length > 0 && (
          <ul className="form-ok">
            {stored.map((s) => (
              <li key={s.meetingId}>{svImport.review.stored} {s.filename}: <Link to={`/moten/${s.meetingId}`}>{svImport.review.open}</Link></li>
            ))}
          </ul>
        )}
      </div>
      <h2>{svImport.waiting}</h2>
      <Load value={uploads} retry={reload}>
        {(list) =>
          list.length === 0 ? (
            <p>{svImport.none}</p>
          ) : (
            list.map((u) => (
              <ImportReview
                key={u.id}
                upload={u}
                onChange={reload}
                onStored={(meetingId) => {
                  setStored((s) => [...s, { filename: u.filename, meetingId }]);
                  reload();
                }}
              />
            ))
          )}
      </Load>
    </>
  );
}

