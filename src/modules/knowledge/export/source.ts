import { brusselsDay, nowInstant } from '../../../platform/db/time.js';
import type { Audience } from '../content.js';
import { type Db, listEntriesValidOn, listThemes } from '../repository.js';
import {
  audiencesOfExport,
  buildFaqExport,
  type ExportEntry,
  type ExportLanguages,
  type FaqExport,
} from './content.js';

const PAGE_SIZE = 100;

const readPage = (db: Db, request: { asOf: string; audience: Audience }, afterNumber: number) =>
  listEntriesValidOn(db, {
    asOf: request.asOf,
    audiences: audiencesOfExport(request.audience),
    afterNumber,
    limit: PAGE_SIZE,
  });

/**
 * Reads the FAQ as of `asOf` for an export: the published version of every live entry whose period
 * covers that day and whose audience the export is for, with the themes' names.
 */
export async function loadFaqExport(
  db: Db,
  request: { asOf: string; languages: ExportLanguages; audience: Audience },
  generatedAt: string = nowInstant(),
): Promise<FaqExport> {
  const rows: Awaited<ReturnType<typeof readPage>> = [];
  // In pages: on SQLite each query runs on the thread that answers requests, so one query for a
  // few thousand long entries would hold it for a while; between two pages other work gets a turn.
  for (let after = 0; ; ) {
    const page = await readPage(db, request, after);
    rows.push(...page);
    if (page.length < PAGE_SIZE) break;
    after = page.at(-1)!.number;
  }
  const entries: ExportEntry[] = rows.map((row) => ({
    ref: row.ref,
    number: row.number,
    theme: row.theme_code,
    audience: row.audience as Audience,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    version: row.version,
    versionDate: brusselsDay(row.published_at),
    supersedes: row.supersedes_ref,
    fr: {
      question: row.question_fr,
      answer: row.answer_fr,
      legalBasis: row.legal_basis_fr,
      sources: JSON.parse(row.sources_fr) as string[],
    },
    nl: {
      question: row.question_nl,
      answer: row.answer_nl,
      legalBasis: row.legal_basis_nl,
      sources: JSON.parse(row.sources_nl) as string[],
    },
  }));
  const themes = (await listThemes(db)).map((t) => ({
    code: t.code,
    name: { fr: t.name_fr, nl: t.name_nl },
  }));
  return buildFaqExport(entries, themes, { ...request, generatedAt });
}
