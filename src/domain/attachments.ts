// Documents attached to agenda items: PDF, DOCX and XLSX, recognised by their content, not their
// name. A file whose content does not match its extension is refused.

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export type AttachmentType = 'pdf' | 'docx' | 'xlsx';

export const MEDIA_TYPES: Record<AttachmentType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Whether the bytes contain an ASCII string (zip entry names are stored uncompressed). */
function contains(bytes: Uint8Array, text: string): boolean {
  const needle = [...text].map((c) => c.charCodeAt(0));
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** What the content is, or null when it is none of the accepted kinds. */
export function sniffAttachment(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && contains(bytes, '[Content_Types].xml')) {
    if (contains(bytes, 'word/')) return 'docx';
    if (contains(bytes, 'xl/')) return 'xlsx';
  }
  return null;
}

export type AttachmentProblem = 'empty' | 'too_large' | 'unsupported' | 'mismatch';

/** Why a file cannot be attached, or null when it can. */
export function attachmentProblem(filename: string, bytes: Uint8Array): AttachmentProblem | null {
  if (bytes.length === 0) return 'empty';
  if (bytes.length > MAX_ATTACHMENT_BYTES) return 'too_large';
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  if (ext !== 'pdf' && ext !== 'docx' && ext !== 'xlsx') return 'unsupported';
  const actual = sniffAttachment(bytes);
  if (actual === null) return 'unsupported';
  return actual === ext ? null : 'mismatch';
}
