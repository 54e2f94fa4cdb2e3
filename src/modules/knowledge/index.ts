/** Knowledge: the shared bilingual FAQ (entries, versions, periods, review, search). */

/** Demo themes and the 150-entry demo corpus. */
export { seedKnowledgeDemo } from './demo-seed.js';
/** Corpus import (CLI `relais kb import`). */
export { type ImportReport, importCorpus } from './import-corpus.js';
/** The module's HTTP side: the agents' API, the public FAQ's API and the public FAQ site. */
export { knowledgeModule } from './module.js';
/** The tables the knowledge module owns. */
export type { KnowledgeTables } from './tables.js';
