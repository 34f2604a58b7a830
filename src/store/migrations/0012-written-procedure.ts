import type { Kysely } from 'kysely';

// Decisions by written procedure (per capsulam): questions, recipients, one-time links, answers. PLACEHOLDER: filled in by that work.
export async function up(_db: Kysely<unknown>): Promise<void> {}
