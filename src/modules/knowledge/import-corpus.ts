import type { AuditActor } from '../../platform/audit/audit.js';
import { writeAudit } from '../../platform/audit/audit.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { checkValue } from '../../platform/http/validation.js';
import { contentFromRow, type EntryContent, sameContent } from './content.js';
import { CorpusRecord } from './contract.js';
import { createEntry, updateDraft } from './drafts.js';
import { publishDraft } from './publishing.js';
import {
  type Db,
  findDraft,
  findEntryByRef,
  findThemeByCode,
  findThemeById,
  findVersion,
} from './repository.js';
import { seedDefaultSynonyms } from './synonyms.js';
import { insertTheme } from './themes.js';

export type ImportReport = {
  created: string[];
  updated: string[];
  unchanged: number;
  themesCreated: string[];
  synonymGroupsSeeded: number;
};

const recordError = (index: number, id: unknown, error: FieldError): FieldError => ({
  ...error,
  field: `records.${index}${typeof id === 'string' ? `(${id})` : ''}${error.field ? `.${error.field}` : ''}`,
});

function toContent(record: CorpusRecord): EntryContent {
  return {
    theme: record.theme,
    audience: record.audience,
    validFrom: record.valid_from,
    validTo: record.valid_to,
    supersedes: record.supersedes,
    tags: record.tags,
    legalBasis: { fr: record.legal_basis ?? '', nl: record.legal_basis ?? '' },
    sources: { fr: record.sources, nl: record.sources },
    fr: { question: record.fr.question, answer: record.fr.answer },
    nl: { question: record.nl.question, answer: record.nl.answer },
  };
}

/** Superseded entries first, so every `supersedes` names an entry that already exists. */
function inDependencyOrder(records: CorpusRecord[]): CorpusRecord[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const ordered: CorpusRecord[] = [];
  const placed = new Set<string>();
  const place = (record: CorpusRecord, depth: number) => {
    if (placed.has(record.id) || depth > records.length) return;
    const previous = record.supersedes ? byId.get(record.supersedes) : undefined;
    if (previous) place(previous, depth + 1);
    placed.add(record.id);
    ordered.push(record);
  };
  for (const record of records) place(record, 0);
  return ordered;
}

function validateRecords(input: unknown): CorpusRecord[] {
  if (!Array.isArray(input))
    throw new AppError('knowledge.import_failed', 400, { count: 1 }, [
      { field: 'records', code: 'validation.type', params: { type: 'array' } },
    ]);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  input.forEach((record, index) => {
    errors.push(
      ...checkValue(CorpusRecord, record).map((e) => recordError(index, (record as { id?: unknown })?.id, e)),
    );
    const id = (record as { id?: unknown })?.id;
    if (typeof id === 'string') {
      if (seen.has(id))
        errors.push(
          recordError(index, id, { field: 'id', code: 'knowledge.ref_taken', params: { ref: id } }),
        );
      seen.add(id);
    }
  });
  if (errors.length > 0)
    throw new AppError(
      'knowledge.import_failed',
      400,
      { count: new Set(errors.map((e) => e.field.split('.')[1])).size },
      errors,
    );
  return input as CorpusRecord[];
}

/**
 * Loads a corpus file (the format of demo/faq/faq-corpus.json) all or nothing: entries keep their
 * `id` as reference; an unchanged entry stays as it is; a changed one becomes a new version.
 * Imported content is published directly: it comes from the institution's existing FAQ.
 */
export async function importCorpus(
  db: Db,
  actor: AuditActor,
  input: unknown,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportReport> {
  const records = inDependencyOrder(validateRecords(input));
  return withTransaction(db, async (trx) => {
    const report: ImportReport = {
      created: [],
      updated: [],
      unchanged: 0,
      themesCreated: [],
      // A knowledge base's first import brings the glossary's FR↔NL vocabulary with it.
      synonymGroupsSeeded: await seedDefaultSynonyms(trx, actor),
    };
    const errors: FieldError[] = [];
    for (const [index, record] of records.entries()) {
      try {
        await importRecord(trx, actor, record, report);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const fieldErrors = error.fieldErrors.length
          ? error.fieldErrors
          : [{ field: '', code: error.code, params: error.params }];
        errors.push(...fieldErrors.map((e) => recordError(index, record.id, e)));
      }
      options.onProgress?.(index + 1, records.length);
    }
    if (errors.length > 0)
      throw new AppError('knowledge.import_failed', 400, { count: errors.length }, errors);
    await writeAudit(trx, actor, {
      action: 'knowledge.corpus_imported',
      objectType: 'knowledge_entry',
      summary: {
        created: report.created.length,
        updated: report.updated.length,
        unchanged: report.unchanged,
      },
    });
    return report;
  });
}

async function importRecord(
  trx: Db,
  actor: AuditActor,
  record: CorpusRecord,
  report: ImportReport,
): Promise<void> {
  if (!(await findThemeByCode(trx, record.theme))) {
    // The corpus format names themes by code only; editors give them their FR/NL names later.
    await insertTheme(trx, actor, { code: record.theme, nameFr: record.theme, nameNl: record.theme });
    report.themesCreated.push(record.theme);
  }
  const content = toContent(record);
  const existing = await findEntryByRef(trx, record.id);
  if (!existing) {
    await createEntry(trx, actor, content, { ref: record.id });
    await publishDraft(trx, actor, record.id, 'import', { skipFourEyes: true });
    report.created.push(record.id);
    return;
  }
  if (await findDraft(trx, existing.id))
    throw new AppError('knowledge.import_draft_in_progress', 409, { ref: record.id });
  const published =
    existing.published_version === null
      ? undefined
      : await findVersion(trx, existing.id, existing.published_version);
  const theme = published && (await findThemeById(trx, published.theme_id));
  if (published && theme && sameContent(contentFromRow(published, theme.code), content)) {
    report.unchanged += 1;
    return;
  }
  await updateDraft(trx, actor, record.id, content);
  await publishDraft(trx, actor, record.id, 'import', { skipFourEyes: true });
  report.updated.push(record.id);
}
