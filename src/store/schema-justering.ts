// Tables of migration for justering (see migrations/). Kept apart from schema.ts so that each area owns its tables.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface JusteringTables {}
