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
    legalBasis: { fr: row.legal_basis_fr, nl: row.legal_basis_nl },
    sources: { fr: JSON.parse(row.sources_fr) as string[], nl: JSON.parse(row.sources_nl) as string[] },
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
    legal_basis_fr: content.legalBasis.fr,
    legal_basis_nl: content.legalBasis.nl,
    sources_fr: JSON.stringify(content.sources.fr),
    sources_nl: JSON.stringify(content.sources.nl),
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

const normalise = (c: EntryContent) => ({ ...c, tags: [...c.tags].sort() });

/** Which audiences a reader may see: the public sees public entries; funds add theirs; staff see all. */
export function audiencesFor(reader: 'anonymous' | 'partner' | 'staff'): Audience[] {
  if (reader === 'anonymous') return ['public'];
  if (reader === 'partner') return ['public', 'partners'];
  return [...AUDIENCES];
}
