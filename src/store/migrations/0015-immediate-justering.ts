import type { Kysely } from 'kysely';

// Omedelbar justering of single items. PLACEHOLDER: filled in by that work.
export async function up(_db: Kysely<unknown>): Promise<void> {}
