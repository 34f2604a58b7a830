import { Link } from 'react-router';
import { useApi } from '../api';
import { capitalise, longDate } from '../format';
import { svVerify as t } from '../i18n/sv';
import { stockholm } from '../pages/VerifyPage';

// The "Justerat och förseglat" block of a published protocol: who signed, when, how; the sealed
// PDF to download and where to verify it; the anslag dates; and, for a protocol sealed with the
// development certificate, a warning that says so.

interface Publication {
  publishedAt: string | null;
  anslag: { from: string; to: string } | null;
  archive: boolean;
  seal: {
    version: number;
    sealedAt: string;
    signers: { name: string; role: string; organization: string | null; method: string; signedAt: string }[];
    developmentCertificate: boolean;
    certificateSubject: string;
  } | null;
}

export function SealInfo({ meetingId }: { meetingId: number }) {
  const [info] = useApi<Publication>(`/api/meetings/${meetingId}/publication`);
  if (info.state !== 'ready') return null;
  const { seal, anslag, archive } = info.data;
  const day = (iso: string) => `${capitalise(longDate(iso))} (${iso})`;
  return (
    <>
      {seal && (
        <section aria-labelledby="forsegling" className="seal-info notice">
          <h2 id="forsegling" className="h3">{t.sealHeading}</h2>
          {seal.developmentCertificate && <p className="notice notice--warning"><strong>{t.developmentCertificate}</strong></p>}
          <p>
            {t.sealIntro(stockholm(seal.sealedAt))} {t.sealVersion(seal.version)}.
          </p>
          <ul className="signature-list">
            {seal.signers.map((s) => (
              <li key={`${s.name}-${s.signedAt}`} className="signature">
                <span className="signature__name">{s.name}</span>
                <span className="signature__role">{[capitalise(s.role), s.organization].filter(Boolean).join(', ')}</span>
                <span className="signature__time"><time dateTime={s.signedAt}>{stockholm(s.signedAt)}</time> · {t.signedWith}: {s.method}</span>
              </li>
            ))}
          </ul>
          <p>
            <a href={`/api/meetings/${meetingId}/sealed.pdf`} download>{t.downloadSealed}</a>
            {' · '}
            <Link to="/verifiera">{t.verifyLink}</Link>
          </p>
        </section>
      )}
      {archive && <p className="notice">{t.archiveText}</p>}
      {anslag && (
        <p className="notice">
          <strong>{t.anslag}:</strong> {t.anslagText(day(anslag.from), day(anslag.to))}
        </p>
      )}
    </>
  );
}
