// Tables of migration 0012-written-procedure. Kept apart from schema.ts so that each area owns its tables.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WrittenProcedureTables {}
