import type { Kysely } from 'kysely';

// Case planning along the chain: planned paths, steps and target meetings, document lead times per body. PLACEHOLDER: filled in by that work.
export async function up(_db: Kysely<unknown>): Promise<void> {}
