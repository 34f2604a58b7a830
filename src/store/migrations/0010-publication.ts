import type { Kysely } from 'kysely';

// publication: anslag dates per meeting, feeds. PLACEHOLDER: filled in by the work on this migration.
export async function up(_db: Kysely<unknown>): Promise<void> {}
