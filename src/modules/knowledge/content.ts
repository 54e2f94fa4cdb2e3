import { AUDIENCES, type Audience, type EntryContent } from './contract.js';
import type { ContentRow } from './tables.js';

export { AUDIENCES, type Audience, type EntryContent };

/** Row ⇄ content; the theme travels as its code outside, as its id inside. */
export function contentFromRow(row: ContentRow, themeCode: string): EntryContent {
  return {
    theme: themeCode,
    audience: row.audience as Audience,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    supersedes: row.supersedes_ref,
    tags: JSON.parse(row.tags) as string[],
    legalBasis: row.legal_basis,
    sources: JSON.parse(row.sources) as string[],
    fr: { question: row.question_fr, answer: row.answer_fr },
    nl: { question: row.question_nl, answer: row.answer_nl },
  };
}

export function rowFromContent(content: EntryContent, themeId: string): ContentRow {
  return {
    theme_id: themeId,
    audience: content.audience,
    valid_from: content.validFrom,
    valid_to: content.validTo,
    supersedes_ref: content.supersedes,
    tags: JSON.stringify(content.tags),
    legal_basis: content.legalBasis,
    sources: JSON.stringify(content.sources),
    question_fr: content.fr.question,
    answer_fr: content.fr.answer,
    question_nl: content.nl.question,
    answer_nl: content.nl.answer,
  };
}

/** Whether two contents say the same thing (re-importing an unchanged entry changes nothing). */
export function sameContent(a: EntryContent, b: EntryContent): boolean {
  return JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));
}

const normalise = (c: EntryContent) => ({ ...c, tags: [...c.tags].sort(), sources: [...c.sources] });

/** Which audiences a reader may see: the public sees public entries; funds add theirs; staff see all. */
export function audiencesFor(reader: 'anonymous' | 'partner' | 'staff'): Audience[] {
  if (reader === 'anonymous') return ['public'];
  if (reader === 'partner') return ['public', 'partners'];
  return [...AUDIENCES];
}
