// Why a file could not be imported. The message is English; the UI translates by `code`.

export type ImportErrorCode =
  | 'empty'
  | 'binary'
  | 'encrypted'
  | 'corrupt'
  | 'too_large'
  | 'no_items'
  | 'needs_ocr'
  | 'unsupported';

const DEFAULT_MESSAGES: Record<ImportErrorCode, string> = {
  empty: 'The file is empty: there is no text to import.',
  binary: 'The file is not text: it looks like binary data.',
  encrypted: 'The PDF is password-protected: save it without a password and import it again.',
  corrupt: 'The PDF is damaged or incomplete and cannot be read.',
  too_large: 'The file is too large to import.',
  no_items: 'No numbered agenda items were found: this does not look like a protocol.',
  needs_ocr:
    'The PDF has pages without text and needs OCR, but the OCR tools are missing: ' +
    'apt-get install tesseract-ocr tesseract-ocr-swe poppler-utils',
  unsupported: 'This kind of file is not supported: import .txt, .md or .pdf files.',
};

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  /** The file (basename or path) the error is about, when known. */
  readonly file: string | null;

  constructor(code: ImportErrorCode, message?: string, options?: { file?: string; cause?: unknown }) {
    super(message ?? DEFAULT_MESSAGES[code], options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ImportError';
    this.code = code;
    this.file = options?.file ?? null;
  }
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}
