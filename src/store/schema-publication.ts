import type { ColumnType, Generated } from 'kysely';

// Tables of migration 0010-publication. Kept apart from schema.ts so that each area owns its tables.
// The body gains uses_anslag/anslag_days and the meeting published_at/anslag_from/anslag_to: those
// columns are declared in PublicationBodyColumns/PublicationMeetingColumns and merged in schema.ts.

type Stamp = ColumnType<Date, Date | string, Date | string>;
type JsonColumn<T> = ColumnType<T, string, string>;

export interface SealCertificateTable {
  fingerprint: string;
  pem: string;
  subject: string;
  development: boolean;
  not_before: Stamp;
  not_after: Stamp;
  first_used_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** A justerat protocol version, sealed (förseglat): the PDF exactly as signed. */
export interface SealedProtocolTable {
  id: Generated<number>;
  meeting_id: number;
  version: number;
  pdf: Uint8Array;
  pdf_sha256: string;
  manifest: JsonColumn<unknown>;
  manifest_sha256: string;
  snapshot: JsonColumn<unknown>;
  content_sha256: string;
  certificate_fingerprint: string;
  sealed_at: Stamp;
}

export interface PublicationTables {
  seal_certificate: SealCertificateTable;
  sealed_protocol: SealedProtocolTable;
}

/** Columns 0010-publication adds to body: whether the body announces its justering (anslag) and for how long. */
export interface PublicationBodyColumns {
  uses_anslag: Generated<boolean>;
  anslag_days: Generated<number>;
}

/** Columns 0010-publication adds to meeting: when it was published and its anslag dates. */
export interface PublicationMeetingColumns {
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  anslag_from: ColumnType<string | null, string | null | undefined, string | null>;
  anslag_to: ColumnType<string | null, string | null | undefined, string | null>;
}
