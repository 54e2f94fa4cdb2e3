/**
 * What the web app and the server share about the FAQ: the API's request and answer schemas, the
 * vocabularies and the limits (TypeBox, nothing else). The schema is the type: each `X` below has
 * its `type X = Static<typeof X>`. The parts live in contract/, one file per resource.
 */
export {
  Acknowledged,
  AcknowledgementBoard,
  AcknowledgementBoardQuery,
  AcknowledgeRequest,
  ChangeItem,
  ChangesQuery,
  PendingChanges,
  PendingChangesQuery,
} from './contract/changes.js';
export {
  Comment,
  CorpusRecord,
  DraftPatch,
  DraftView,
  EntryContent,
  Feedback,
  NewEntry,
  OptionalComment,
  Preview,
  PreviewRequest,
  Publication,
  QueueItem,
  StaleItem,
  TranslationConfirmation,
} from './contract/entries.js';
export {
  EXPORT_FORMATS,
  EXPORT_LANGUAGES,
  EXPORT_STATUSES,
  ExportFile,
  type ExportFormat,
  type ExportLanguages,
  ExportParams,
  ExportRequestBody,
  ExportView,
} from './contract/exports.js';
export {
  PublicDayQuery,
  PublicEntryAnswer,
  PublicSearchAnswer,
  PublicSearchQuery,
  PublicThemesAnswer,
} from './contract/public-faq.js';
export { ChainItem, EntryView, HistoryItem, NewTheme, TextDiff, ThemeView } from './contract/reading.js';
export {
  Deflection,
  DeflectionsQuery,
  SearchHit,
  SearchMiss,
  SearchMissesQuery,
  SearchQuery,
  SearchResponse,
  SynonymGroupBody,
  SynonymGroupParams,
  SynonymGroupView,
} from './contract/search.js';
export {
  AsOfQuery,
  AUDIENCES,
  Audience,
  CHANGE_KINDS,
  ChangeKind,
  CONTENT_LANGUAGES,
  ContentLanguage,
  DRAFT_STATES,
  Instant,
  IsoDate,
  Items,
  KnowledgeLimits,
  Nullable,
  Ref,
  RefParams,
  ThemeCode,
} from './contract/vocabulary.js';
