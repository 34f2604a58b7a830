// The signature page (underskriftssida) that ends a sealed protocol, in the style of the
// e-signature services' last page (example 002): one block per signer with name, role and
// organisation, identification method and time, then the seal itself and where to validate the
// document. Field labels are those the importer reads back ("NAMN:", "TITEL, ORGANISATION:", …).

import { esc, stockholmTime } from '../render/format.js';
import type { SealManifest } from './manifest.js';

export const SIGNATURE_PAGE_CSS = `
.signature-page { break-before: page; }
.signature-page h2 { font-size: 12pt; letter-spacing: 0.04em; margin: 0 0 10pt; }
.signature-page .signer { margin: 0 0 22pt; break-inside: avoid; }
.signature-page .signer p, .signature-page .seal p { margin: 0; }
.signature-page .seal { margin-top: 26pt; break-inside: avoid; }
.signature-page .dev-warning { border: 1.5pt solid #b00020; color: #b00020; font-weight: bold; padding: 4pt 6pt; margin: 0 0 14pt; }
.signature-page .validate { margin-top: 18pt; }
`;

const DEV_WARNING = 'UTVECKLINGSCERTIFIKAT – ej för skarp användning. Förseglingen visar att filen är oförändrad, men den är inte gjord med organisationens certifikat.';

function line(label: string, value: string): string {
  return `<p>${esc(label)}: ${esc(value)}</p>`;
}

export function signaturePageHtml(manifest: SealManifest, manifestSha256: string): string {
  const body = manifest.protocol.body;
  const signers = manifest.signers
    .map((s) => `<div class="signer">
${line('NAMN', s.name)}
${line('TITEL, ORGANISATION', [s.role, s.organization ?? body].filter(Boolean).join(', '))}
${line('IDENTIFIKATIONSTYP', s.method)}
${line('DATUM & TID', stockholmTime(s.signedAt))}
</div>`)
    .join('\n');
  const verifyUrl = manifest.issuer.verifyUrl;
  return `<section class="signature-page">
<h2>UNDERSKRIFTSSIDA</h2>
${manifest.issuer.developmentCertificate ? `<p class="dev-warning">${esc(DEV_WARNING)}</p>` : ''}
<p>Detta dokument har undertecknats med elektroniska underskrifter:</p>
${signers}
<div class="seal">
<p>Förseglat av Samverka med certifikatet ${esc(manifest.issuer.certificateSubject)}</p>
<p>Accepterad av alla undertecknare</p>
<p>${esc(stockholmTime(manifest.sealedAt))}</p>
<p>Ref: möte ${manifest.protocol.meetingId}, version ${manifest.protocol.version}</p>
<p>Manifest SHA-256: ${esc(manifestSha256)}</p>
</div>
<p class="validate">Validera dokumentet: <a href="${esc(verifyUrl)}">${esc(verifyUrl)}</a></p>
</section>`;
}

/**
 * The protocol HTML with its signature section pointing to the signature page, and the page added
 * last. The section is replaced rather than kept so that a printed protocol names each signer once
 * (the importer would read two blocks as four signatures).
 */
export function withSignaturePage(protocolHtml: string, manifest: SealManifest, manifestSha256: string): string {
  const signatures = `<section class="signatures"><h2 class="sig-head">Underskrifter</h2>
<p>Protokollet är justerat och signerat elektroniskt av ${esc(manifest.signers.map((s) => s.name).join(', '))}; se underskriftssidan.</p></section>`;
  const replaced = protocolHtml.replace(/<section class="signatures">[\s\S]*?<\/section>/, signatures);
  return replaced
    .replace('</head>', `<style>${SIGNATURE_PAGE_CSS}</style>\n</head>`)
    .replace(/<\/body>\s*<\/html>\s*$/, `${signaturePageHtml(manifest, manifestSha256)}\n</body>\n</html>\n`);
}
