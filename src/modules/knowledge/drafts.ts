import { randomUUID } from 'node:crypto';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { contentFromRow, type EntryContent, rowFromContent } from './content.js';
import type { DraftPatch, DraftView, NewEntry } from './contract.js';
import { formatRef } from './refs.js';
import {
  type Db,
  findDraft,
  findEntryByRef,
  findThemeById,
  findVersion,
  insertDraft,
  insertEntry,
  nextEntryNumber,
  updateDraftOf,
} from './repository.js';
import type { DraftRow, EntryRow } from './tables.js';
import { getThemeForField } from './themes.js';
import { nextTranslationState } from './translation.js';
import { checkPeriod } from './validity.js';
import { reasonsNotReadyForReview } from './workflow.js';

export async function toDraftView(db: Db, ref: string, row: DraftRow): Promise<DraftView> {
  const theme = await findThemeById(db, row.theme_id);
  return {
    ref,
    state: row.state as DraftView['state'],
    baseVersion: row.base_version,
    content: contentFromRow(row, theme?.code ?? '?'),
    frNeedsUpdate: row.fr_needs_update === 1,
    nlNeedsUpdate: row.nl_needs_update === 1,
    editorIds: JSON.parse(row.editor_ids) as string[],
    submittedAt: row.submitted_at,
    reviewComment: row.review_comment,
    updatedAt: row.updated_at,
  };
}

export async function getEntryOrThrow(db: Db, ref: string): Promise<EntryRow> {
  const entry = await findEntryByRef(db, ref);
  if (!entry) throw notFound('knowledge.entry_not_found', { ref });
  return entry;
}

/** Creates an entry with its first draft; the reference is the next free `FAQ-NNNN`. */
export async function createEntry(
  db: Db,
  actor: AuditActor,
  input: NewEntry,
  options: { ref?: string } = {},
): Promise<DraftView> {
  return withTransaction(db, async (trx) => {
    const theme = await getThemeForField(trx, input.theme);
    const content: EntryContent = {
      theme: input.theme,
      audience: input.audience,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      supersedes: input.supersedes ?? null,
      tags: input.tags ?? [],
      legalBasis: input.legalBasis ?? { fr: '', nl: '' },
      sources: input.sources ?? { fr: [], nl: [] },
      fr: input.fr ?? { question: '', answer: '' },
      nl: input.nl ?? { question: '', answer: '' },
    };
    await checkContent(trx, content);
    const number = options.ref ? Number(options.ref.slice(4)) : await nextEntryNumber(trx);
    const ref = options.ref ?? formatRef(number);
    if (await findEntryByRef(trx, ref)) throw new AppError('knowledge.ref_taken', 409, { ref });
    const now = nowInstant();
    const entryId = randomUUID();
    await insertEntry(trx, {
      id: entryId,
      number,
      ref,
      published_version: null,
      published_at: null,
      review_due_on: null,
      withdrawn_at: null,
      withdrawn_by: null,
      withdrawn_comment: null,
      opened_count: 0,
      used_count: 0,
      helped_count: 0,
      not_helped_count: 0,
      created_at: now,
      created_by: actor.id,
    });
    // Written in one language only: the other one is what the translation queue asks for.
    const hasFr = content.fr.question !== '' || content.fr.answer !== '';
    const hasNl = content.nl.question !== '' || content.nl.answer !== '';
    const draft: DraftRow = {
      ...rowFromContent(content, theme.id),
      entry_id: entryId,
      base_version: null,
      state: 'draft',
      fr_needs_update: hasNl && !hasFr ? 1 : 0,
      nl_needs_update: hasFr && !hasNl ? 1 : 0,
      fr_updated_at: now,
      nl_updated_at: now,
      editor_ids: JSON.stringify(actor.id ? [actor.id] : []),
      submitted_at: null,
      submitted_by: null,
      review_comment: null,
      created_at: now,
      updated_at: now,
    };
    await insertDraft(trx, draft);
    await writeAudit(trx, actor, {
      action: 'knowledge.entry_created',
      objectType: 'knowledge_entry',
      objectId: entryId,
      summary: { ref },
    });
    return toDraftView(trx, ref, draft);
  });
}

/** Field-level checks every save makes: the period, and that a superseded entry exists. */
async function checkContent(trx: Db, content: EntryContent): Promise<void> {
  const errors = checkPeriod({ from: content.validFrom, to: content.validTo });
  if (content.supersedes && !(await findEntryByRef(trx, content.supersedes))) {
    errors.push({
      field: 'supersedes',
      code: 'knowledge.entry_not_found',
      params: { ref: content.supersedes },
    });
  }
  if (errors.length > 0) throw invalid(errors);
}

/** The draft of an entry, opened from its published version when there is none yet. */
async function openDraft(trx: Db, actor: AuditActor, entry: EntryRow): Promise<DraftRow> {
  const existing = await findDraft(trx, entry.id);
  if (existing) return existing;
  if (entry.published_version === null) throw notFound('knowledge.entry_not_found', { ref: entry.ref });
  const published = await findVersion(trx, entry.id, entry.published_version);
  const now = nowInstant();
  const { entry_id, version, author_id, reviewer_id, review_comment, published_at, ...content } = published!;
  const draft: DraftRow = {
    ...content,
    entry_id: entry.id,
    base_version: entry.published_version,
    state: 'draft',
    fr_needs_update: 0,
    nl_needs_update: 0,
    editor_ids: JSON.stringify([]),
    submitted_at: null,
    submitted_by: null,
    review_comment: null,
    created_at: now,
    updated_at: now,
  };
  await insertDraft(trx, draft);
  await writeAudit(trx, actor, {
    action: 'knowledge.draft_opened',
    objectType: 'knowledge_entry',
    objectId: entry.id,
    summary: { ref: entry.ref },
  });
  return draft;
}

/**
 * Saves changes to an entry's draft. Changing one language flags the other for translation; an
 * edit to a draft in review sends it back to draft (the reviewer must see what they publish).
 */
export async function updateDraft(
  db: Db,
  actor: AuditActor,
  ref: string,
  patch: DraftPatch,
): Promise<DraftView> {
  return withTransaction(db, async (trx) => {
    const entry = await getEntryOrThrow(trx, ref);
    if (entry.withdrawn_at) throw new AppError('knowledge.entry_withdrawn', 409, { ref });
    const draft = await openDraft(trx, actor, entry);
    const currentTheme = await findThemeById(trx, draft.theme_id);
    const before = contentFromRow(draft, currentTheme!.code);
    const after: EntryContent = { ...before, ...patch } as EntryContent;
    const theme = patch.theme ? await getThemeForField(trx, patch.theme) : currentTheme!;
    await checkContent(trx, after);
    const translation = nextTranslationState(
      { frNeedsUpdate: draft.fr_needs_update === 1, nlNeedsUpdate: draft.nl_needs_update === 1 },
      before,
      after,
    );
    const now = nowInstant();
    const editors = new Set(JSON.parse(draft.editor_ids) as string[]);
    if (actor.id) editors.add(actor.id);
    const updated: DraftRow = {
      ...draft,
      ...rowFromContent(after, theme.id),
      state: 'draft',
      fr_needs_update: translation.frNeedsUpdate ? 1 : 0,
      nl_needs_update: translation.nlNeedsUpdate ? 1 : 0,
      fr_updated_at: JSON.stringify(before.fr) !== JSON.stringify(after.fr) ? now : draft.fr_updated_at,
      nl_updated_at: JSON.stringify(before.nl) !== JSON.stringify(after.nl) ? now : draft.nl_updated_at,
      editor_ids: JSON.stringify([...editors]),
      submitted_at: null,
      submitted_by: null,
      updated_at: now,
    };
    const { entry_id, ...changes } = updated;
    await updateDraftOf(trx, entry.id, changes);
    await writeAudit(trx, actor, {
      action: 'knowledge.draft_updated',
      objectType: 'knowledge_entry',
      objectId: entry.id,
      summary: { ref, fields: Object.keys(patch) },
    });
    return toDraftView(trx, ref, updated);
  });
}

/** The editor confirms the other language still says the same (a typo fix needs no translation). */
export async function confirmTranslation(
  db: Db,
  actor: AuditActor,
  ref: string,
  language: 'fr' | 'nl',
): Promise<DraftView> {
  return withTransaction(db, async (trx) => {
    const entry = await getEntryOrThrow(trx, ref);
    const draft = await findDraft(trx, entry.id);
    if (!draft) throw notFound('knowledge.draft_not_found', { ref });
    const column = language === 'fr' ? 'fr_needs_update' : 'nl_needs_update';
    const updated = { ...draft, [column]: 0, updated_at: nowInstant() };
    await updateDraftOf(trx, entry.id, { [column]: 0, updated_at: updated.updated_at });
    await writeAudit(trx, actor, {
      action: 'knowledge.translation_confirmed',
      objectType: 'knowledge_entry',
      objectId: entry.id,
      summary: { ref, language },
    });
    return toDraftView(trx, ref, updated);
  });
}

/** Sends the draft to the reviewers, once both languages are written and current. */
export async function submitForReview(db: Db, actor: AuditActor, ref: string): Promise<DraftView> {
  return withTransaction(db, async (trx) => {
    const entry = await getEntryOrThrow(trx, ref);
    const draft = await findDraft(trx, entry.id);
    if (!draft) throw notFound('knowledge.draft_not_found', { ref });
    const view = await toDraftView(trx, ref, draft);
    const reasons = reasonsNotReadyForReview({ ...view, fr: view.content.fr, nl: view.content.nl });
    if (reasons.length > 0) throw new AppError('knowledge.not_ready_for_review', 409, { ref }, reasons);
    const now = nowInstant();
    await updateDraftOf(trx, entry.id, {
      state: 'in_review',
      submitted_at: now,
      submitted_by: actor.id,
      updated_at: now,
    });
    await writeAudit(trx, actor, {
      action: 'knowledge.submitted_for_review',
      objectType: 'knowledge_entry',
      objectId: entry.id,
      summary: { ref },
    });
    return { ...view, state: 'in_review', submittedAt: now, updatedAt: now };
  });
}

/** A reviewer sends the draft back to its editors with a comment. */
export async function returnToDraft(
  db: Db,
  actor: AuditActor,
  ref: string,
  comment: string,
): Promise<DraftView> {
  return withTransaction(db, async (trx) => {
    const entry = await getEntryOrThrow(trx, ref);
    const draft = await findDraft(trx, entry.id);
    if (draft?.state !== 'in_review') throw new AppError('knowledge.not_in_review', 409, { ref });
    const now = nowInstant();
    const updated = { ...draft, state: 'draft', review_comment: comment, updated_at: now };
    await updateDraftOf(trx, entry.id, { state: 'draft', review_comment: comment, updated_at: now });
    await writeAudit(trx, actor, {
      action: 'knowledge.returned_to_draft',
      objectType: 'knowledge_entry',
      objectId: entry.id,
      summary: { ref, comment },
    });
    return toDraftView(trx, ref, updated);
  });
}
