import type { Kysely } from 'kysely';

// Expediering: registry addresses, dispatches per recipient and their state. PLACEHOLDER: filled in by that work.
export async function up(_db: Kysely<unknown>): Promise<void> {}
