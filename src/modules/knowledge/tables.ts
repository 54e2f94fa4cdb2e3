import type { Generated } from 'kysely';

/** The content columns a draft and a published version share. */
type ContentColumns = {
  theme_id: string;
  audience: string;
  valid_from: string;
  valid_to: string | null;
  supersedes_ref: string | null;
  /** JSON array of strings. */
  tags: string;
  /** The legal basis and sources cited, per language (a French page shows French references). */
  legal_basis_fr: string;
  legal_basis_nl: string;
  /** JSON arrays of strings. */
  sources_fr: string;
  sources_nl: string;
  question_fr: string;
  answer_fr: string;
  question_nl: string;
  answer_nl: string;
};

/** The tables the knowledge module owns. */
export interface KnowledgeTables {
  knowledge_theme: {
    id: string;
    code: string;
    name_fr: string;
    name_nl: string;
    review_days: number;
    created_at: string;
    updated_at: string;
  };
  knowledge_entry: {
    id: string;
    number: number;
    ref: string;
    published_version: number | null;
    published_at: string | null;
    review_due_on: string | null;
    withdrawn_at: string | null;
    withdrawn_by: string | null;
    withdrawn_comment: string | null;
    opened_count: number;
    used_count: number;
    helped_count: number;
    not_helped_count: number;
    created_at: string;
    created_by: string | null;
  };
  knowledge_version: ContentColumns & {
    entry_id: string;
    version: number;
    author_id: string | null;
    reviewer_id: string | null;
    review_comment: string | null;
    fr_updated_at: string;
    nl_updated_at: string;
    published_at: string;
  };
  knowledge_draft: ContentColumns & {
    entry_id: string;
    base_version: number | null;
    state: string;
    fr_needs_update: number;
    nl_needs_update: number;
    fr_updated_at: string;
    nl_updated_at: string;
    /** JSON array of the people who wrote this revision (none of them may publish it). */
    editor_ids: string;
    submitted_at: string | null;
    submitted_by: string | null;
    review_comment: string | null;
    created_at: string;
    updated_at: string;
  };
  knowledge_change: {
    seq: Generated<number>;
    entry_id: string;
    ref: string;
    version: number;
    kind: string;
    audience: string;
    at: string;
    actor_id: string | null;
    summary: string;
  };
  knowledge_ack: { partner_id: string; change_seq: number; acked_at: string; acked_by: string };
  knowledge_synonym: {
    id: string;
    terms_fr: string;
    terms_nl: string;
    created_at: string;
    updated_at: string;
  };
  knowledge_feedback: {
    id: string;
    entry_id: string;
    version: number;
    is_helpful: number;
    comment: string | null;
    person_id: string;
    at: string;
  };
  knowledge_search_miss: {
    id: string;
    query: string;
    lang: string;
    as_of: string;
    person_id: string | null;
    at: string;
  };
  /** Public form: an entry shown while a person typed a question answered it (counts per day). */
  knowledge_deflection: {
    entry_id: string;
    lang: string;
    day: string;
    count: number;
  };
}

export type ContentRow = ContentColumns;
export type EntryRow = KnowledgeTables['knowledge_entry'];
export type VersionRow = KnowledgeTables['knowledge_version'];
export type DraftRow = KnowledgeTables['knowledge_draft'];
export type ThemeRow = KnowledgeTables['knowledge_theme'];
export type SynonymRow = KnowledgeTables['knowledge_synonym'];
