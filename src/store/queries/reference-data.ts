import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { BODY_KINDS } from '../../domain/model.js';
import { matchKey, swedishSortKey } from '../../domain/names.js';
import type { Db } from '../db.js';

// Reference data shipped with the project: the 16 huvudmän and the collaboration's bodies.
// Seeding is idempotent: what an administrator has changed since is left alone.

const HuvudmanRow = z.object({
  name: z.string().min(1),
  kind: z.enum(['region', 'kommun']),
  short_name: z.string().min(1),
});

const BodiesFile = z.object({
  bodies: z.array(
    z.object({
      slug: z.string().min(1),
      shortName: z.string().nullable().optional(),
      kind: z.enum(BODY_KINDS),
      parent: z.string().optional(),
      names: z.array(z.object({ name: z.string().min(1), validFrom: z.string().optional(), validTo: z.string().optional() })).min(1),
      aliases: z.array(z.string()).optional(),
    }),
  ),
});

export async function seedReferenceData(db: Db, referenceDir: string): Promise<void> {
  const csv = fs.readFileSync(path.join(referenceDir, 'huvudman.csv'), 'utf8');
  const records = parse(csv, { columns: true, comment: '#', skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const bodies = BodiesFile.parse(JSON.parse(fs.readFileSync(path.join(referenceDir, 'bodies.json'), 'utf8')));

  await db.transaction().execute(async (trx) => {
    for (const record of records) {
      const row = HuvudmanRow.parse(record);
      const inserted = await trx
        .insertInto('huvudman')
        .values({ name: row.name, short_name: row.short_name, kind: row.kind, registry_email: null, sort_key: swedishSortKey(row.name) })
        .onConflict((oc) => oc.column('name').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) continue;
      for (const [column, value] of Object.entries(record)) {
        const year = /^population_(\d{4})$/.exec(column)?.[1];
        if (year && value) {
          await trx.insertInto('huvudman_population').values({ huvudman_id: inserted.id, year: Number(year), population: Number(value) }).execute();
        }
      }
    }

    const idBySlug = new Map<string, number>();
    for (const b of bodies.bodies) {
      const existing = await trx.selectFrom('body').select('id').where('slug', '=', b.slug).executeTakeFirst();
      if (existing) {
        idBySlug.set(b.slug, existing.id);
        continue;
      }
      const parentId = b.parent ? (idBySlug.get(b.parent) ?? null) : null;
      const { id } = await trx
        .insertInto('body')
        .values({ slug: b.slug, short_name: b.shortName ?? null, kind: b.kind, parent_id: parentId })
        .returning('id')
        .executeTakeFirstOrThrow();
      idBySlug.set(b.slug, id);
      const names = [
        ...b.names.map((n) => ({ name: n.name, valid_from: n.validFrom ?? null, valid_to: n.validTo ?? null, alias: false })),
        ...(b.aliases ?? []).map((name) => ({ name, valid_from: null, valid_to: null, alias: true })),
      ];
      await trx
        .insertInto('body_name')
        .values(names.map((n) => ({ ...n, body_id: id, match_key: matchKey(n.name) })))
        .execute();
    }
  });
}
