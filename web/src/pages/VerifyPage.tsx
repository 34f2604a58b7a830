import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../components/States';
import { currentCsrfToken } from '../csrf';
import { svVerify as t } from '../i18n/sv';

// Public verification of a protocol PDF (/verifiera): upload, and read in plain Swedish whether it
// is a protocol Samverka sealed, unchanged and in force. The verdict is announced (the heading
// takes focus) so that screen-reader and keyboard users land on it.

interface Signer { name: string; role: string; organization: string | null; method: string; signedAt: string }
interface VerifyResult {
  valid: boolean;
  outcome: string;
  summary: string;
  checks: { ok: boolean; text: string }[];
  protocol: { meetingId: number; version: number; body: string; date: string | null; title: string | null } | null;
  signers: Signer[];
  sealedAt: string | null;
  certificate: { subject: string; development: boolean | null } | null;
  databaseChecked: boolean;
  links: { meeting: string | null; sealedPdf: string | null };
}

export function stockholm(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Stockholm' }).format(new Date(iso));
}

export function VerifyPage() {
  usePageTitle(t.title);
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<VerifyResult | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    setResult(null);
    if (!file) {
      setError(t.noFile);
      input.current?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file);
      const headers: Record<string, string> = { Accept: 'application/json' };
      const token = currentCsrfToken();
      if (token) headers['X-CSRF-Token'] = token;
      const res = await fetch('/api/verify', { method: 'POST', body: form, headers });
      const body = (await res.json().catch(() => null)) as (VerifyResult & { error?: { message: string } }) | null;
      if (!res.ok || !body || body.error) setError(body?.error?.message ?? res.statusText);
      else {
        setResult(body);
        requestAnimationFrame(() => heading.current?.focus());
      }
    } catch (err) {
      setError(String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      <form className="form" onSubmit={submit} noValidate>
        <label htmlFor="verify-file">{t.fileLabel}</label>
        <input id="verify-file" ref={input} type="file" name="file" accept="application/pdf,.pdf" aria-describedby="verify-file-hint" />
        <p id="verify-file-hint" className="hint">{t.fileHint}</p>
        <button type="submit" disabled={busy}>{busy ? t.checking : t.submit}</button>
      </form>
      <div aria-live="polite">
        {error && <p className="form-error" role="alert">{error}</p>}
      </div>
      {result && <Verdict result={result} headingRef={heading} />}
    </>
  );
}

function Verdict({ result: r, headingRef }: { result: VerifyResult; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const label = r.valid ? t.valid : r.outcome === 'archive' ? t.archive : t.invalid;
  return (
    <section aria-labelledby="verify-result" className="verify-result">
      <h2 id="verify-result" ref={headingRef} tabIndex={-1}>{t.resultHeading}: {label}</h2>
      <p className={r.valid ? 'form-ok' : r.outcome === 'archive' ? 'notice' : 'form-error'}>{r.summary}</p>
      {r.certificate?.development && <p className="notice notice--warning">{t.developmentCertificate}</p>}
      {r.protocol && (
        <dl className="protocol__facts">
          <dt>{t.protocol}</dt>
          <dd>{[r.protocol.body, r.protocol.date].filter(Boolean).join(' ')}</dd>
          <dt>{t.version}</dt>
          <dd>{r.protocol.version}</dd>
          {r.sealedAt && (<><dt>{t.sealedAt}</dt><dd><time dateTime={r.sealedAt}>{stockholm(r.sealedAt)}</time></dd></>)}
          {r.certificate && (<><dt>{t.certificate}</dt><dd>{r.certificate.subject}</dd></>)}
        </dl>
      )}
      {r.signers.length > 0 && (
        <>
          <h3>{t.signers}</h3>
          <ul className="signature-list">
            {r.signers.map((s) => (
              <li key={`${s.name}-${s.signedAt}`} className="signature">
                <span className="signature__name">{s.name}</span>
                <span className="signature__role">{[s.role, s.organization].filter(Boolean).join(', ')}</span>
                <span className="signature__time">{t.signedAt} <time dateTime={s.signedAt}>{stockholm(s.signedAt)}</time> ({s.method})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {r.checks.length > 0 && (
        <>
          <h3>{t.checks}</h3>
          <ul className="plain-list">
            {r.checks.map((c) => (
              <li key={c.text}>
                <span aria-hidden="true">{c.ok ? '✓' : '✗'} </span>
                <span className="visually-hidden">{c.ok ? t.ok : t.notOk}: </span>
                {c.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {(r.links.meeting || r.links.sealedPdf) && (
        <p>
          {r.links.meeting && <Link to={r.links.meeting}>{t.readProtocol}</Link>}
          {r.links.meeting && r.links.sealedPdf && ' · '}
          {r.links.sealedPdf && <a href={r.links.sealedPdf}>{t.downloadOriginal}</a>}
        </p>
      )}
    </section>
  );
}
