// Reading a PDF's signature without trusting it: where the signature dictionary is, which bytes
// its ByteRange says it covers, and what the CMS (PKCS#7) signature inside says. Every problem is
// a SignatureReadError with a reason the verifier turns into plain Swedish.

import crypto from 'node:crypto';
import forge from 'node-forge';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, decodePDFRawStream, type PDFObject } from 'pdf-lib';

export class SignatureReadError extends Error {
  constructor(readonly reason: 'truncated' | 'appended' | 'damaged' | 'unsupported', message: string) {
    super(message);
  }
}

export interface SignatureField {
  byteRange: [number, number, number, number];
  /** The CMS signature (DER), without the placeholder's zero padding. */
  cms: Uint8Array;
  /** The latin-1 text of the signature dictionary after /Contents (Reason, Name, M …). */
  dictionaryTail: string;
  /** Whether the placeholder's padding after the signature is still all zeros: it is not signed, so it is checked here. */
  paddingIntact: boolean;
}

export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

/** The first signature field of the file, or null when the file has none. */
export function findSignatureField(bytes: Uint8Array): SignatureField | null {
  const text = Buffer.from(bytes).toString('latin1');
  const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
  if (!m) {
    if (text.includes('/ByteRange')) throw new SignatureReadError('damaged', 'ByteRange is not readable');
    return null;
  }
  const range = m.slice(1, 5).map(Number) as [number, number, number, number];
  const [a, b, c, d] = range;
  if (a !== 0 || b <= 0 || c <= b) throw new SignatureReadError('damaged', 'ByteRange is malformed');
  if (c + d > bytes.length) throw new SignatureReadError('truncated', 'the file is shorter than the signed range');
  if (bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e) throw new SignatureReadError('damaged', 'the signature is not where ByteRange says');
  const hex = text.slice(b + 1, c - 1);
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0) throw new SignatureReadError('damaged', 'the signature is not hex');
  const raw = Buffer.from(hex, 'hex');
  const cms = trimDer(raw);
  if (c + d < bytes.length) throw new SignatureReadError('appended', 'bytes follow the signed range');
  // Written in lower case with zeros after the signature; any other spelling of the same bytes is a change.
  const paddingIntact = /^[0-9a-f]*$/.test(hex) && /^0*$/.test(hex.slice(cms.length * 2));
  return { byteRange: range, cms, dictionaryTail: text.slice(c, Math.min(text.length, c + 4096)), paddingIntact };
}

/** The DER object at the start of the buffer, without what follows it (the placeholder's zeros). */
function trimDer(buf: Buffer): Uint8Array {
  if (buf.length < 2 || buf[0] !== 0x30) throw new SignatureReadError('damaged', 'the signature is empty or not DER');
  const first = buf[1]!;
  let length = first;
  let header = 2;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n === 0 || n > 4 || buf.length < 2 + n) throw new SignatureReadError('damaged', 'the signature length is unreadable');
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + buf[2 + i]!;
    header = 2 + n;
  }
  if (header + length > buf.length) throw new SignatureReadError('damaged', 'the signature is cut short');
  return new Uint8Array(buf.subarray(0, header + length));
}

/** The bytes the signature covers: everything but the signature's own hex string. */
export function signedBytes(bytes: Uint8Array, [, b, c, d]: [number, number, number, number]): Uint8Array {
  return Buffer.concat([bytes.subarray(0, b), bytes.subarray(c, c + d)]);
}

export interface CmsSignature {
  /** Node's digest name: sha256 … */
  digest: string;
  messageDigest: Uint8Array | null;
  /** The signed attributes as DER SET: what the signature is made over. */
  signedAttributes: Uint8Array | null;
  signature: Uint8Array;
  certificate: crypto.X509Certificate;
}

const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNED_DATA = '1.2.840.113549.1.7.2';

type Node = forge.asn1.Asn1;
const children = (n: Node | undefined): Node[] => (n && Array.isArray(n.value) ? (n.value as Node[]) : []);
const bytesOf = (n: Node | undefined): string => (n && typeof n.value === 'string' ? n.value : '');
const isContext = (n: Node, type: number) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === type;

/** Parses the CMS SignedData of a PDF signature (node-forge reads the ASN.1; Node's crypto the certificate). */
export function parseCms(der: Uint8Array): CmsSignature {
  let root: Node;
  try {
    root = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(der).toString('binary')), { parseAllBytes: false, decodeBitStrings: false } as unknown as boolean);
  } catch {
    throw new SignatureReadError('damaged', 'the signature is not valid ASN.1');
  }
  try {
    const [type, wrapped] = children(root);
    if (forge.asn1.derToOid(bytesOf(type)) !== SIGNED_DATA) throw new SignatureReadError('unsupported', 'not CMS SignedData');
    const signedData = children(wrapped)[0];
    const parts = children(signedData);
    const certificates = children(parts.find((p) => isContext(p, 0)));
    const signerInfo = children(parts[parts.length - 1])[0];
    const fields = children(signerInfo);
    const [, sid, digestAlgorithm] = fields;
    const signedAttrs = fields.find((f) => isContext(f, 0));
    const signature = fields.filter((f) => f.tagClass === forge.asn1.Class.UNIVERSAL && f.type === forge.asn1.Type.OCTETSTRING).pop();
    const digest = DIGESTS[forge.asn1.derToOid(bytesOf(children(digestAlgorithm)[0]))];
    if (!digest || !signature) throw new SignatureReadError('unsupported', 'unknown digest algorithm or no signature value');

    let messageDigest: Uint8Array | null = null;
    for (const attr of children(signedAttrs)) {
      const [oid, values] = children(attr);
      if (forge.asn1.derToOid(bytesOf(oid)) === MESSAGE_DIGEST) messageDigest = Buffer.from(bytesOf(children(values)[0]), 'binary');
    }
    const signedAttributes = signedAttrs
      ? Buffer.from(forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, children(signedAttrs))).getBytes(), 'binary')
      : null;

    const x509s = certificates.map((c) => new crypto.X509Certificate(Buffer.from(forge.asn1.toDer(c).getBytes(), 'binary')));
    const certificate = signerCertificate(x509s, sid);
    if (!certificate) throw new SignatureReadError('damaged', 'the signer certificate is not in the signature');
    return { digest, messageDigest, signedAttributes, signature: Buffer.from(bytesOf(signature), 'binary'), certificate };
  } catch (e) {
    if (e instanceof SignatureReadError) throw e;
    throw new SignatureReadError('damaged', `the signature cannot be read: ${(e as Error).message}`);
  }
}

/** The certificate the SignerInfo names by issuer and serial number (or the only one there is). */
function signerCertificate(certs: crypto.X509Certificate[], sid: Node | undefined): crypto.X509Certificate | null {
  const [, serial] = children(sid);
  const wanted = serial ? Buffer.from(bytesOf(serial), 'binary').toString('hex').replace(/^(00)+/, '').toUpperCase() : null;
  const match = wanted ? certs.find((c) => c.serialNumber.replace(/^(00)+/, '').toUpperCase() === wanted) : undefined;
  return match ?? (certs.length === 1 ? certs[0]! : null);
}

/** The digest and signature checks of CMS over the signed bytes. */
export function checkCms(cms: CmsSignature, content: Uint8Array): { digestMatches: boolean; signatureMatches: boolean } {
  const actual = crypto.createHash(cms.digest).update(content).digest();
  if (!cms.signedAttributes || !cms.messageDigest) {
    // Without signed attributes the signature is made over the content itself.
    return { digestMatches: true, signatureMatches: safeVerify(cms.digest, content, cms) };
  }
  return { digestMatches: Buffer.from(cms.messageDigest).equals(actual), signatureMatches: safeVerify(cms.digest, cms.signedAttributes, cms) };
}

function safeVerify(digest: string, data: Uint8Array, cms: CmsSignature): boolean {
  try {
    return crypto.verify(digest, data, cms.certificate.publicKey, cms.signature);
  } catch {
    return false;
  }
}

/** The embedded files of a PDF by name (the manifest is one); an unreadable PDF is 'damaged'. */
export async function embeddedFiles(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
  } catch {
    throw new SignatureReadError('damaged', 'the PDF cannot be read');
  }
  const files = new Map<string, Uint8Array>();
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const visit = (node: PDFDict | undefined, depth: number) => {
    if (!node || depth > 8) return;
    const list = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; list && i + 1 < list.size(); i += 2) {
      const name = textOf(list.lookup(i));
      const spec = list.lookup(i + 1);
      if (!name || !(spec instanceof PDFDict)) continue;
      const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
      if (stream instanceof PDFRawStream) files.set(name, decodePDFRawStream(stream).decode());
      else if (stream instanceof PDFStream) files.set(name, stream.getContents());
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) visit(kids.lookupMaybe(i, PDFDict), depth + 1);
  };
  try {
    visit(tree, 0);
  } catch {
    throw new SignatureReadError('damaged', 'the embedded files cannot be read');
  }
  return files;
}

function textOf(o: PDFObject | undefined): string | null {
  if (o && 'decodeText' in o && typeof (o as { decodeText: unknown }).decodeText === 'function') return (o as unknown as { decodeText(): string }).decodeText();
  return null;
}
