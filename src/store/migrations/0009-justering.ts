import type { Kysely } from 'kysely';

// justering rounds, protocol versions, signatories and sealed protocols. PLACEHOLDER: filled in by the work on this migration.
export async function up(_db: Kysely<unknown>): Promise<void> {}
