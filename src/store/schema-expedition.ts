// Tables of migration 0013-expedition. Kept apart from schema.ts so that each area owns its tables.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ExpeditionTables {}
