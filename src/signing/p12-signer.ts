// A PKCS#12 signer for @signpdf. It does what @signpdf/signer-p12 does, with one correction:
// node-forge reads a certificate's UTF-8 names as raw bytes and encodes them as UTF-8 again when it
// writes the SignerInfo's issuer, so a certificate named "Region Västerbotten" (or our own
// development certificate) would be identified by a name it does not have, and PDF readers could not
// find the signer's certificate. Here the issuer is written from the names decoded first.

import forge from 'node-forge';
import { Signer } from '@signpdf/utils';

const BAG = { shroudedKey: forge.pki.oids.pkcs8ShroudedKeyBag!, cert: forge.pki.oids.certBag! };

export class Pkcs12Signer extends Signer {
  readonly #p12: string;
  readonly #password: string;

  constructor(p12: Uint8Array, password: string) {
    super();
    this.#p12 = Buffer.from(p12).toString('binary');
    this.#password = password;
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(this.#p12)), false, this.#password);
    const key = (p12.getBags({ bagType: BAG.shroudedKey })[BAG.shroudedKey] ?? [])[0]?.key as forge.pki.rsa.PrivateKey | undefined;
    const certs = (p12.getBags({ bagType: BAG.cert })[BAG.cert] ?? []).map((b) => b.cert).filter((c): c is forge.pki.Certificate => !!c);
    if (!key) throw new Error('the PKCS#12 has no shrouded private key');
    const certificate = certs.find((c) => {
      const pub = c.publicKey as forge.pki.rsa.PublicKey;
      return pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
    });
    if (!certificate) throw new Error('no certificate in the PKCS#12 matches its key');

    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    for (const c of certs) p7.addCertificate(c);
    // Named by issuer and serial rather than by `certificate`, from which forge would re-encode the
    // issuer itself. Its type declares only the certificate form.
    p7.addSigner({
      key,
      ...({ issuer: decodedNames(certificate.issuer.attributes), serialNumber: certificate.serialNumber } as unknown as { certificate: forge.pki.Certificate }),
      digestAlgorithm: forge.pki.oids.sha256!,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType!, value: forge.pki.oids.data },
        { type: forge.pki.oids.signingTime!, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest! },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

function decodedNames(attributes: forge.pki.CertificateField[]): forge.pki.CertificateField[] {
  return attributes.map((a) => {
    if ((a.valueTagClass as unknown as number) !== forge.asn1.Type.UTF8 || typeof a.value !== 'string') return a;
    try {
      return { ...a, value: forge.util.decodeUtf8(a.value) };
    } catch {
      return a;
    }
  });
}
