/** Knowledge: the shared bilingual FAQ (entries, versions, periods, review, search). */

/** Demo themes and the 150-entry demo corpus. */
export { seedKnowledgeDemo } from './demo-seed.js';
/** The printable FAQ (CLI `relais kb export`; the web asks for it as a job through the routes). */
export { type ExportRequest, produceExport } from './export-job.js';
/** Corpus import (CLI `relais kb import`). */
export { type ImportReport, importCorpus } from './import-corpus.js';
export { knowledgeRoutes } from './routes.js';
/** The tables the knowledge module owns. */
export type { KnowledgeTables } from './tables.js';
