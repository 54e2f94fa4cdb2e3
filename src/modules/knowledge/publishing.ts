import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { brusselsDay, nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { AppError, notFound } from '../../platform/errors.js';
import { type ChainLink, chainOf, withLink } from './chain.js';
import { getEntryOrThrow, toDraftView } from './drafts.js';
import {
  type Db,
  deleteDraftOf,
  findDraft,
  findThemeById,
  findVersion,
  insertChange,
  insertVersion,
  listLiveChainLinks,
  updateEntry,
} from './repository.js';
import type { VersionRow } from './tables.js';
import { findChainOverlaps } from './validity.js';
import { publishRefusal, reviewDueOn } from './workflow.js';

export type ChangeKind = 'new' | 'changed' | 'withdrawn';

async function liveLinks(trx: Db): Promise<ChainLink[]> {
  const rows = await listLiveChainLinks(trx);
  return rows.map((r) => ({
    ref: r.ref,
    supersedes: r.supersedes_ref,
    period: { from: r.valid_from, to: r.valid_to },
  }));
}

/**
 * A reviewer publishes an entry's draft as its next version: both languages go out together,
 * with one version number and one validity period; the change feed records it for the funds.
 */
export async function publishDraft(
  db: Db,
  actor: AuditActor,
  ref: string,
  comment: string | null,
  options: { skipFourEyes?: boolean } = {},
): Promise<{ ref: string; version: number; kind: ChangeKind }> {
  return withTransaction(
    db,
    async (trx) => {
      const entry = await getEntryOrThrow(trx, ref);
      const draft = await findDraft(trx, entry.id);
      if (!draft) throw notFound('knowledge.draft_not_found', { ref });
      const view = await toDraftView(trx, ref, draft);
      if (!options.skipFourEyes) {
        const refusal = publishRefusal({ ...view, fr: view.content.fr, nl: view.content.nl }, actor.id ?? '');
        if (refusal) throw new AppError(refusal, refusal === 'knowledge.own_change' ? 403 : 409, { ref });
      }
      const chain = chainOf(
        ref,
        withLink(await liveLinks(trx), {
          ref,
          supersedes: draft.supersedes_ref,
          period: { from: draft.valid_from, to: draft.valid_to },
        }),
      );
      const overlaps = findChainOverlaps(chain);
      if (overlaps.length > 0) {
        throw new AppError(
          'knowledge.chain_overlap',
          409,
          {
            ref,
            with: overlaps
              .flat()
              .filter((r) => r !== ref)
              .join(', '),
          },
          [
            {
              field: 'validFrom',
              code: 'knowledge.chain_overlap',
              params: {
                with: overlaps
                  .flat()
                  .filter((r) => r !== ref)
                  .join(', '),
              },
            },
          ],
        );
      }
      const version = (entry.published_version ?? 0) + 1;
      const now = nowInstant();
      const theme = await findThemeById(trx, draft.theme_id);
      const row: VersionRow = {
        entry_id: entry.id,
        version,
        theme_id: draft.theme_id,
        audience: draft.audience,
        valid_from: draft.valid_from,
        valid_to: draft.valid_to,
        supersedes_ref: draft.supersedes_ref,
        tags: draft.tags,
        legal_basis_fr: draft.legal_basis_fr,
        legal_basis_nl: draft.legal_basis_nl,
        sources_fr: draft.sources_fr,
        sources_nl: draft.sources_nl,
        question_fr: draft.question_fr,
        answer_fr: draft.answer_fr,
        question_nl: draft.question_nl,
        answer_nl: draft.answer_nl,
        author_id: (JSON.parse(draft.editor_ids) as string[]).at(-1) ?? null,
        reviewer_id: actor.id,
        review_comment: comment,
        fr_updated_at: draft.fr_updated_at,
        nl_updated_at: draft.nl_updated_at,
        published_at: now,
      };
      await insertVersion(trx, row);
      await updateEntry(trx, entry.id, {
        published_version: version,
        published_at: now,
        review_due_on: reviewDueOn(brusselsDay(now), theme?.review_days ?? 90),
      });
      await deleteDraftOf(trx, entry.id);
      const kind: ChangeKind = version === 1 ? 'new' : 'changed';
      const previous = version > 1 ? await findVersion(trx, entry.id, version - 1) : undefined;
      await insertChange(trx, {
        entry_id: entry.id,
        ref,
        version,
        kind,
        audience: draft.audience,
        at: now,
        actor_id: actor.id,
        summary: JSON.stringify(previous ? changedFields(previous, row) : { fields: [] }),
      });
      await writeAudit(trx, actor, {
        action: 'knowledge.published',
        objectType: 'knowledge_entry',
        objectId: entry.id,
        summary: { ref, version, comment },
      });
      return { ref, version, kind };
    },
    { isolation: 'serializable' },
  );
}

/** Which parts of an entry a new version changed: what the funds must look at. */
export function changedFields(before: VersionRow, after: VersionRow): { fields: string[] } {
  const keys: (keyof VersionRow)[] = [
    'question_fr',
    'answer_fr',
    'question_nl',
    'answer_nl',
    'valid_from',
    'valid_to',
    'audience',
    'theme_id',
    'supersedes_ref',
    'tags',
    'legal_basis_fr',
    'legal_basis_nl',
    'sources_fr',
    'sources_nl',
  ];
  return { fields: keys.filter((k) => before[k] !== after[k]) };
}

/** Withdraws a published entry: it leaves search and the printable FAQ; the funds are told. */
export async function withdrawEntry(db: Db, actor: AuditActor, ref: string, comment: string): Promise<void> {
  await withTransaction(db, async (trx) => {
    const entry = await getEntryOrThrow(trx, ref);
    if (entry.published_version === null) throw new AppError('knowledge.not_published', 409, { ref });
    if (entry.withdrawn_at) throw new AppError('knowledge.entry_withdrawn', 409, { ref });
    const published = await findVersion(trx, entry.id, entry.published_version);
    const now = nowInstant();
    await updateEntry(trx, entry.id, {
      withdrawn_at: now,
      withdrawn_by: actor.id,
      withdrawn_comment: comment,
    });
    await deleteDraftOf(trx, entry.id);
    await insertChange(trx, {
      entry_id: entry.id,
      ref,
      version: entry.published_version,
      kind: 'withdrawn',
      audience: published!.audience,
      at: now,
      actor_id: actor.id,
      summary: JSON.stringify({ comment }),
    });
    await writeAudit(trx, actor, {
      action: 'knowledge.withdrawn',
      objectType: 'knowledge_entry',
      objectId: entry.id,
      summary: { ref, comment },
    });
  });
}
