import { type Kysely, sql } from 'kysely';

// Frozen: never edit once merged.
// An entry's legal basis and sources are per language (issue 12, point 7): a French page cites the
// Moniteur belge's French text, a Dutch one the Belgisch Staatsblad's. What was stored, written once
// for both, becomes each language's until an editor translates it.
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['knowledge_version', 'knowledge_draft']) {
    await db.schema.alterTable(table).renameColumn('legal_basis', 'legal_basis_fr').execute();
    await db.schema.alterTable(table).renameColumn('sources', 'sources_fr').execute();
    await db.schema
      .alterTable(table)
      .addColumn('legal_basis_nl', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema
      .alterTable(table)
      .addColumn('sources_nl', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db
      .updateTable(table)
      .set({ legal_basis_nl: sql.ref('legal_basis_fr'), sources_nl: sql.ref('sources_fr') })
      .execute();
  }
}
