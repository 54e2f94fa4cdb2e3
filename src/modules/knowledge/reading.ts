import { diffWords } from 'diff';
import { notFound } from '../../platform/errors.js';
import { renderMarkdown } from '../../platform/markdown.js';
import { chainOf } from './chain.js';
import { contentFromRow } from './content.js';
import type { Audience, ChainItem, EntryView, HistoryItem, TextDiff, ThemeView } from './contract.js';
import { getEntryOrThrow } from './drafts.js';
import {
  type Db,
  findThemeById,
  findVersion,
  listLiveChainLinks,
  listThemes,
  listVersions,
} from './repository.js';
import type { EntryRow, VersionRow } from './tables.js';
import { isValidOn } from './validity.js';
import { isStale } from './workflow.js';

/**
 * An entry's published version as a reader sees it on `asOf`: whether it applies that day, and the
 * chain of periods it belongs to (what applied before and after). Readers outside its audience get
 * a 404, as if it did not exist.
 */
export async function readEntry(
  db: Db,
  ref: string,
  options: { asOf: string; audiences: readonly Audience[] },
): Promise<EntryView> {
  const entry = await getEntryOrThrow(db, ref);
  if (entry.published_version === null) throw notFound('knowledge.entry_not_found', { ref });
  const version = (await findVersion(db, entry.id, entry.published_version))!;
  if (!options.audiences.includes(version.audience as Audience))
    throw notFound('knowledge.entry_not_found', { ref });
  return toView(db, entry, version, options.asOf, options.audiences);
}

async function toView(
  db: Db,
  entry: EntryRow,
  version: VersionRow,
  asOf: string,
  audiences: readonly Audience[],
): Promise<EntryView> {
  const theme = (await findThemeById(db, version.theme_id))!;
  const content = contentFromRow(version, theme.code);
  return {
    ...content,
    ref: entry.ref,
    version: version.version,
    themeName: { fr: theme.name_fr, nl: theme.name_nl },
    answerHtml: { fr: renderMarkdown(content.fr.answer), nl: renderMarkdown(content.nl.answer) },
    isValidOnDate: isValidOn({ from: content.validFrom, to: content.validTo }, asOf),
    asOf,
    publishedAt: version.published_at,
    reviewDueOn: entry.review_due_on,
    isStale: isStale(entry.review_due_on, asOf),
    isWithdrawn: entry.withdrawn_at !== null,
    chain: await chainAround(db, entry.ref, asOf, audiences),
    usage: {
      opened: entry.opened_count,
      used: entry.used_count,
      helped: entry.helped_count,
      notHelped: entry.not_helped_count,
    },
  };
}

async function chainAround(
  db: Db,
  ref: string,
  asOf: string,
  audiences: readonly Audience[],
): Promise<ChainItem[]> {
  const rows = await listLiveChainLinks(db, audiences);
  const links = rows.map((r) => ({
    ref: r.ref,
    supersedes: r.supersedes_ref,
    period: { from: r.valid_from, to: r.valid_to },
  }));
  return chainOf(ref, links).map((link) => ({
    ref: link.ref,
    validFrom: link.period.from,
    validTo: link.period.to,
    isThisEntry: link.ref === ref,
    isValidOnDate: isValidOn(link.period, asOf),
  }));
}

const words = (before: string, after: string): TextDiff =>
  diffWords(before, after).map((part) => ({
    value: part.value,
    ...(part.added && { added: true }),
    ...(part.removed && { removed: true }),
  }));

/** Every published version, newest first, with a per-language diff against the one before. */
export async function entryHistory(db: Db, ref: string): Promise<HistoryItem[]> {
  const entry = await getEntryOrThrow(db, ref);
  const versions = await listVersions(db, entry.id);
  return versions.map((version, index) => {
    const previous = versions[index + 1];
    return {
      version: version.version,
      publishedAt: version.published_at,
      authorId: version.author_id,
      reviewerId: version.reviewer_id,
      reviewComment: version.review_comment,
      validFrom: version.valid_from,
      validTo: version.valid_to,
      diff: previous
        ? {
            fr: {
              question: words(previous.question_fr, version.question_fr),
              answer: words(previous.answer_fr, version.answer_fr),
            },
            nl: {
              question: words(previous.question_nl, version.question_nl),
              answer: words(previous.answer_nl, version.answer_nl),
            },
          }
        : null,
    };
  });
}

export async function listThemeViews(db: Db): Promise<ThemeView[]> {
  return (await listThemes(db)).map((t) => ({
    code: t.code,
    nameFr: t.name_fr,
    nameNl: t.name_nl,
    reviewDays: t.review_days,
  }));
}
