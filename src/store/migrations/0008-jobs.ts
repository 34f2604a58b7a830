import type { Kysely } from 'kysely';

// the PostgreSQL job queue (reminders, later expediering). PLACEHOLDER: filled in by the work on this migration.
export async function up(_db: Kysely<unknown>): Promise<void> {}
