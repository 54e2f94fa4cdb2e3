import { type CreateTableBuilder, type Kysely, PostgresAdapter } from 'kysely';

// Frozen: never edit once merged.
// An entry's published versions are immutable rows; the one revision being written or reviewed
// lives in knowledge_draft until a reviewer publishes it as the next version.

/** The content both a draft and a published version carry: one period, both languages. */
function withContent(table: CreateTableBuilder<string, any>): CreateTableBuilder<string, any> {
  return table
    .addColumn('theme_id', 'text', (c) => c.notNull().references('knowledge_theme.id'))
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('supersedes_ref', 'text')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('question_fr', 'text', (c) => c.notNull())
    .addColumn('answer_fr', 'text', (c) => c.notNull())
    .addColumn('question_nl', 'text', (c) => c.notNull())
    .addColumn('answer_nl', 'text', (c) => c.notNull());
}

export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('knowledge_theme')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('name_nl', 'text', (c) => c.notNull())
    .addColumn('review_days', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('knowledge_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer', (c) => c.notNull().unique())
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('published_version', 'integer')
    .addColumn('published_at', 'text')
    .addColumn('review_due_on', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text')
    .addColumn('withdrawn_comment', 'text')
    .addColumn('opened_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('used_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('helped_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('not_helped_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();

  await withContent(
    db.schema
      .createTable('knowledge_version')
      .addColumn('entry_id', 'text', (c) => c.notNull().references('knowledge_entry.id'))
      .addColumn('version', 'integer', (c) => c.notNull()),
  )
    .addColumn('author_id', 'text')
    .addColumn('reviewer_id', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('fr_updated_at', 'text', (c) => c.notNull())
    .addColumn('nl_updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('knowledge_version_pk', ['entry_id', 'version'])
    .execute();
  await db.schema
    .createIndex('knowledge_version_supersedes')
    .on('knowledge_version')
    .column('supersedes_ref')
    .execute();

  await withContent(
    db.schema
      .createTable('knowledge_draft')
      .addColumn('entry_id', 'text', (c) => c.primaryKey().references('knowledge_entry.id')),
  )
    .addColumn('base_version', 'integer')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('fr_needs_update', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('nl_needs_update', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fr_updated_at', 'text', (c) => c.notNull())
    .addColumn('nl_updated_at', 'text', (c) => c.notNull())
    .addColumn('editor_ids', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The change feed: a gap-free order every instance and every fund can follow.
  let changes = db.schema.createTable('knowledge_change');
  changes = isPostgres
    ? changes.addColumn('seq', 'serial', (c) => c.primaryKey())
    : changes.addColumn('seq', 'integer', (c) => c.primaryKey().autoIncrement());
  await changes
    .addColumn('entry_id', 'text', (c) => c.notNull().references('knowledge_entry.id'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('knowledge_change_entry').on('knowledge_change').column('entry_id').execute();

  await db.schema
    .createTable('knowledge_ack')
    .addColumn('partner_id', 'text', (c) => c.notNull())
    .addColumn('change_seq', 'integer', (c) => c.notNull().references('knowledge_change.seq'))
    .addColumn('acked_at', 'text', (c) => c.notNull())
    .addColumn('acked_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('knowledge_ack_pk', ['partner_id', 'change_seq'])
    .execute();

  await db.schema
    .createTable('knowledge_synonym')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('terms_fr', 'text', (c) => c.notNull())
    .addColumn('terms_nl', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('knowledge_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entry_id', 'text', (c) => c.notNull().references('knowledge_entry.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('is_helpful', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('knowledge_search_miss')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('knowledge_search_miss_at').on('knowledge_search_miss').column('at').execute();
}
