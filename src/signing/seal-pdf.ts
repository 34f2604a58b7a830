// The bytes of the seal: embed the manifest, add a signature placeholder, sign the byte ranges with
// the seal certificate (PAdES-style: CMS detached, SubFilter ETSI.CAdES.detached). The only module
// that changes a PDF; modelled on Documenso's seal-document.ts.

import { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { SealCertificate } from './certificate.js';
import { MANIFEST_FILENAME } from './manifest.js';
import { Pkcs12Signer } from './p12-signer.js';

/** Room for the CMS signature (bytes): the certificate chain plus the signature, with margin. */
const SIGNATURE_LENGTH = 16_384;

export const SEAL_REASON_PREFIX = 'Justerat och förseglat av Samverka. Manifest SHA-256: ';

export interface SealOptions {
  manifestJson: string;
  manifestSha256: string;
  certificate: SealCertificate;
  signingTime: Date;
  title: string;
  location: string;
  contactInfo: string;
}

export async function sealPdf(pdf: Uint8Array, opts: SealOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.setTitle(opts.title);
  doc.setProducer('Samverka');
  doc.setCreator('Samverka');
  doc.setModificationDate(opts.signingTime);
  await doc.attach(new TextEncoder().encode(opts.manifestJson), MANIFEST_FILENAME, {
    mimeType: 'application/json',
    description: 'Samverka-manifest: protokollets innehåll och undertecknarna (RFC 8785, kanonisk JSON)',
    creationDate: opts.signingTime,
    modificationDate: opts.signingTime,
  });
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: `${SEAL_REASON_PREFIX}${opts.manifestSha256}`,
    contactInfo: opts.contactInfo,
    name: opts.certificate.subject,
    location: opts.location,
    signingTime: opts.signingTime,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Samverka',
  });
  // Without object streams the placeholder stays findable as plain text.
  const prepared = await doc.save({ useObjectStreams: false });
  const signer = new Pkcs12Signer(opts.certificate.p12, opts.certificate.password);
  const signed = await new SignPdf().sign(Buffer.from(prepared), signer, opts.signingTime);
  return new Uint8Array(signed);
}
