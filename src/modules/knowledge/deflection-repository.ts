import { sql } from 'kysely';
import type { Db } from './repository.js';

/** The id of a published, public entry that is not withdrawn; undefined for any other reference. */
export const findPublicEntryId = async (db: Db, ref: string): Promise<string | undefined> =>
  (
    await db
      .selectFrom('knowledge_entry as e')
      .innerJoin('knowledge_version as v', (join) =>
        join.onRef('v.entry_id', '=', 'e.id').onRef('v.version', '=', 'e.published_version'),
      )
      .select('e.id')
      .where('e.ref', '=', ref)
      .where('e.withdrawn_at', 'is', null)
      .where('v.audience', '=', 'public')
      .executeTakeFirst()
  )?.id;

/** One more deflection for the entry, language and day: one statement, safe under concurrent calls. */
export async function addDeflection(db: Db, row: { entryId: string; lang: string; day: string }) {
  await db
    .insertInto('knowledge_deflection')
    .values({ entry_id: row.entryId, lang: row.lang, day: row.day, count: 1 })
    .onConflict((conflict) =>
      conflict
        .columns(['entry_id', 'lang', 'day'])
        .doUpdateSet({ count: sql<number>`knowledge_deflection.count + 1` }),
    )
    .execute();
}

/** Deflections since `sinceDay`, by entry and language, the most frequent first. */
export const listDeflectionCounts = (db: Db, options: { sinceDay: string; limit: number }) =>
  db
    .selectFrom('knowledge_deflection as d')
    .innerJoin('knowledge_entry as e', 'e.id', 'd.entry_id')
    .innerJoin('knowledge_version as v', (join) =>
      join.onRef('v.entry_id', '=', 'e.id').onRef('v.version', '=', 'e.published_version'),
    )
    .select([
      'e.ref',
      'd.lang',
      'v.question_fr',
      'v.question_nl',
      (eb) => eb.fn.sum<number | string>('d.count').as('count'),
      (eb) => eb.fn.max('d.day').as('lastOn'),
    ])
    .where('d.day', '>=', options.sinceDay)
    .groupBy(['e.ref', 'd.lang', 'v.question_fr', 'v.question_nl'])
    .orderBy('count', 'desc')
    .orderBy('e.ref')
    .limit(options.limit)
    .execute();
