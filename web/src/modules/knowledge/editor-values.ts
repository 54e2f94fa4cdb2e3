import type {
  Audience,
  DraftPatch,
  EntryContent,
  NewEntry,
} from '../../../../src/modules/knowledge/contract.js';

type Texts = { question: string; answer: string };

/** What the entry editor holds: text inputs hold '' for "nothing"; sources one per line. */
export type EntryFormValues = {
  theme: string | null;
  audience: Audience;
  validFrom: string;
  validTo: string;
  supersedes: string;
  tags: string[];
  /** Per language: a French page cites French references. */
  legalBasis: { fr: string; nl: string };
  sources: { fr: string; nl: string };
  fr: Texts;
  nl: Texts;
};

/**
 * The editor's fields by their API names, most precise first: a problem about `fr.answer` shows
 * under the French answer, one about `fr` as a whole (missing, outdated) at the French column.
 */
export const ENTRY_FIELDS = [
  'theme',
  'audience',
  'validFrom',
  'validTo',
  'supersedes',
  'tags',
  'legalBasis.fr',
  'legalBasis.nl',
  'sources.fr',
  'sources.nl',
  'legalBasis',
  'sources',
  'fr.question',
  'fr.answer',
  'nl.question',
  'nl.answer',
  'fr',
  'nl',
] as const;

export const emptyEntryValues = (today: string): EntryFormValues => ({
  theme: null,
  audience: 'public',
  validFrom: today,
  validTo: '',
  supersedes: '',
  tags: [],
  legalBasis: { fr: '', nl: '' },
  sources: { fr: '', nl: '' },
  fr: { question: '', answer: '' },
  nl: { question: '', answer: '' },
});

export const contentToValues = (content: EntryContent): EntryFormValues => ({
  theme: content.theme,
  audience: content.audience,
  validFrom: content.validFrom,
  validTo: content.validTo ?? '',
  supersedes: content.supersedes ?? '',
  tags: [...content.tags],
  legalBasis: { ...content.legalBasis },
  sources: { fr: content.sources.fr.join('\n'), nl: content.sources.nl.join('\n') },
  fr: { ...content.fr },
  nl: { ...content.nl },
});

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
// Trailing blank lines and spaces are noise from the textarea; they must not flag a translation.
const cleanTexts = (texts: Texts): Texts => ({
  question: texts.question.trim(),
  answer: texts.answer.trimEnd(),
});

/** The body of POST /knowledge/entries; the server checks the rest (theme, dates, references). */
export function toNewEntryBody(values: EntryFormValues): NewEntry {
  return {
    theme: values.theme ?? '',
    audience: values.audience,
    validFrom: values.validFrom,
    validTo: orNull(values.validTo),
    supersedes: orNull(values.supersedes)?.toUpperCase() ?? null,
    tags: values.tags,
    legalBasis: { fr: values.legalBasis.fr.trim(), nl: values.legalBasis.nl.trim() },
    sources: { fr: lines(values.sources.fr), nl: lines(values.sources.nl) },
    fr: cleanTexts(values.fr),
    nl: cleanTexts(values.nl),
  };
}

/**
 * The body of PATCH /knowledge/entries/:ref/draft: only what changed. Sending an unchanged French
 * text would look like an edit and flag the Dutch one for translation, so each language goes only
 * when its own text changed.
 */
export function toDraftPatch(initial: EntryFormValues, values: EntryFormValues): DraftPatch {
  const before = toNewEntryBody(initial);
  const after = toNewEntryBody(values);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof NewEntry)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) patch[key] = after[key];
  }
  return patch as DraftPatch;
}

export const hasChanges = (initial: EntryFormValues, values: EntryFormValues): boolean =>
  Object.keys(toDraftPatch(initial, values)).length > 0;
