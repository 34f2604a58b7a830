import type { Kysely } from 'kysely';

// Votes, reservations and protocol notes (protokollsanteckningar). PLACEHOLDER: filled in by that work.
export async function up(_db: Kysely<unknown>): Promise<void> {}
