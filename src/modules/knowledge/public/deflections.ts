import { brusselsDay } from '../../../platform/db/time.js';
import { invalid } from '../../../platform/errors.js';
import type { Deflection } from '../contract.js';
import { addDeflection, findPublicEntryId, listDeflectionCounts } from '../deflection-repository.js';
import type { Db } from '../repository.js';
import type { Lang } from '../search/types.js';
import { canonicalRef } from './faq.js';

/**
 * Counts that a public FAQ entry answered a person who was about to send a question on the public
 * form (they said "yes, this answers my question" and sent nothing). Only a public, published
 * entry counts: anyone may call this, so an unknown or hidden reference is refused (naming the
 * field, and saying no more than for an unknown one), and the rows stay one per entry, language and
 * day however many calls come.
 */
export async function recordDeflection(
  db: Db,
  input: { ref: string; lang: Lang; day?: string },
  field = 'entry_ref',
): Promise<void> {
  const ref = canonicalRef(input.ref);
  const entryId = ref && (await findPublicEntryId(db, ref));
  if (!entryId) throw invalid([{ field, code: 'knowledge.entry_not_found', params: { ref: input.ref } }]);
  await addDeflection(db, { entryId, lang: input.lang, day: input.day ?? brusselsDay() });
}

/** The day `days - 1` days before `today` (both Brussels calendar days): a period of `days` days. */
export function firstDayOf(today: string, days: number): string {
  const start = new Date(`${today}T12:00:00Z`);
  start.setUTCDate(start.getUTCDate() - (days - 1));
  return start.toISOString().slice(0, 10);
}

/** For the editors: the entries that answered people before they asked, over the last `days` days. */
export async function listDeflections(
  db: Db,
  options: { days: number; today?: string },
): Promise<Deflection[]> {
  const sinceDay = firstDayOf(options.today ?? brusselsDay(), options.days);
  const rows = await listDeflectionCounts(db, { sinceDay, limit: 200 });
  return rows.map((row) => ({
    ref: row.ref,
    lang: row.lang,
    question: row.lang === 'nl' ? row.question_nl : row.question_fr,
    count: Number(row.count),
    lastOn: row.lastOn as string,
  }));
}
