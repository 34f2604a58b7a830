import type { ColumnType, Generated } from 'kysely';
import type { DispatchReason, RecipientKind, StoredState } from '../domain/expedition.js';

// Tables of migration 0013-expedition. Kept apart from schema.ts so that each area owns its tables.
// The huvudman's registry address (registry_email) is not new here: HuvudmanTable has had it since
// 0001-foundation, so there is no column interface to merge into it.

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type MaybeStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** Utskick: one agenda item of a published protocol to one recipient. */
export interface ExpeditionDispatchTable {
  id: Generated<number>;
  meeting_id: number;
  item_id: number | null;
  item_number: number | null;
  item_title: string;
  recipient_kind: RecipientKind;
  recipient_key: string;
  huvudman_id: number | null;
  body_id: number | null;
  recipient_name: string;
  addresses: ColumnType<string[], string[], string[]>;
  reasons: ColumnType<DispatchReason[], DispatchReason[], DispatchReason[]>;
  deadline: string | null;
  state: Generated<StoredState>;
  attempt: Generated<number>;
  token_sha256: string;
  created_at: Stamp;
  created_by: number | null;
  sent_at: MaybeStamp;
  message_id: string | null;
  bounced_at: MaybeStamp;
  bounce_reason: string | null;
  diary_number: string | null;
  registered_at: MaybeStamp;
  registered_by: string | null;
}

export interface ExpeditionTables {
  expedition_dispatch: ExpeditionDispatchTable;
}
