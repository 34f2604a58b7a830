import type { ColumnType, Generated } from 'kysely';

// Tables of migration 0008-jobs: the job queue and what reminders were sent. Kept apart from
// schema.ts so that each area owns its tables.

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type MaybeStamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface JobTable {
  id: Generated<number>;
  kind: string;
  payload: ColumnType<unknown, string | undefined, string>;
  run_at: Stamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: MaybeStamp;
  locked_by: string | null;
  last_error: string | null;
  done_at: MaybeStamp;
  failed_at: MaybeStamp;
  dedupe_key: string | null;
  created_at: Stamp;
}

export interface ReminderSentTable {
  recipient: string;
  thing_key: string;
  day: string;
  job_id: number | null;
  sent_at: Stamp;
}

export interface JobsTables {
  job: JobTable;
  reminder_sent: ReminderSentTable;
}
