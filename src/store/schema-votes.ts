// Tables of migration 0011-votes. Kept apart from schema.ts so that each area owns its tables.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface VotesTables {}
