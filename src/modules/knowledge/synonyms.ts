import { randomUUID } from 'node:crypto';
import { type AuditActor, writeAudit } from '../../platform/audit/audit.js';
import { nowInstant } from '../../platform/db/time.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { SynonymGroupView } from './contract.js';
import type { Db } from './repository.js';
import {
  deleteSynonymRow,
  hasSynonyms,
  insertSynonymRow,
  listSynonymRows,
  updateSynonymTerms,
} from './synonym-repository.js';
import { DEFAULT_SYNONYMS } from './synonyms-default.js';

const clean = (terms: string[]) => [...new Set(terms.map((t) => t.trim().toLowerCase()).filter(Boolean))];

export async function listSynonymGroups(db: Db): Promise<SynonymGroupView[]> {
  const rows = await listSynonymRows(db);
  return rows.map((r) => ({
    id: r.id,
    fr: JSON.parse(r.terms_fr),
    nl: JSON.parse(r.terms_nl),
    updatedAt: r.updated_at,
  }));
}

/** A group of phrases that mean the same in French and Dutch; every instance's index follows. */
export async function saveSynonymGroup(
  db: Db,
  actor: AuditActor,
  input: { id?: string; fr: string[]; nl: string[] },
): Promise<SynonymGroupView> {
  const fr = clean(input.fr);
  const nl = clean(input.nl);
  if (fr.length + nl.length < 2) throw invalid([{ field: 'fr', code: 'knowledge.synonym_group_too_small' }]);
  return withTransaction(db, async (trx) => {
    const now = nowInstant();
    const id = input.id ?? randomUUID();
    if (input.id) {
      const terms = { terms_fr: JSON.stringify(fr), terms_nl: JSON.stringify(nl), updated_at: now };
      if (!(await updateSynonymTerms(trx, id, terms))) throw notFound('knowledge.synonym_not_found');
    } else {
      await insertSynonymRow(trx, {
        id,
        terms_fr: JSON.stringify(fr),
        terms_nl: JSON.stringify(nl),
        created_at: now,
        updated_at: now,
      });
    }
    await writeAudit(trx, actor, {
      action: 'knowledge.synonyms_saved',
      objectType: 'knowledge_synonym',
      objectId: id,
      summary: { fr, nl },
    });
    return { id, fr, nl, updatedAt: now };
  });
}

export async function deleteSynonymGroup(db: Db, actor: AuditActor, id: string): Promise<void> {
  await withTransaction(db, async (trx) => {
    if (!(await deleteSynonymRow(trx, id))) throw notFound('knowledge.synonym_not_found');
    await writeAudit(trx, actor, {
      action: 'knowledge.synonyms_deleted',
      objectType: 'knowledge_synonym',
      objectId: id,
    });
  });
}

/** The starting list (glossary vocabulary), loaded once into an empty table. */
export async function seedDefaultSynonyms(trx: Db, actor: AuditActor): Promise<number> {
  if (await hasSynonyms(trx)) return 0;
  for (const group of DEFAULT_SYNONYMS)
    await saveSynonymGroup(trx, actor, { fr: [...group.fr], nl: [...group.nl] });
  return DEFAULT_SYNONYMS.length;
}
