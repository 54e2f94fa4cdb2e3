/** Knowledge: the shared bilingual FAQ (entries, versions, periods, review, search). */

/** The FAQ reference schema (`FAQ-0012`), for other modules' APIs that name an entry. */
export { Ref as FaqRef } from './contract.js';
/** Demo themes and the 150-entry demo corpus. */
export { seedKnowledgeDemo } from './demo-seed.js';
/** A new FAQ draft from another module (an inquiry's answer proposed as an entry). */
export { createEntry as createKnowledgeDraft } from './drafts.js';
/** The printable FAQ (CLI `relais kb export`; the web asks for it as a job through the routes). */
export { type ExportRequest, produceExport } from './export/job.js';
/** Corpus import (CLI `relais kb import`). */
export { type ImportReport, importCorpus } from './import-corpus.js';
/** The module's HTTP side: the agents' API, the public FAQ's API and the public FAQ site. */
export { knowledgeModule } from './module.js';
/**
 * The public question form (inquiries) counts an entry that answered a person before they asked,
 * and names the public site's entries and languages.
 */
export { recordDeflection } from './public/deflections.js';
export { isPublicLanguage, otherLanguage, publicEntryPath } from './public/faq.js';
export { loadPublicLayout, type PublicPageContext } from './public/site/layout.js';
/** Publishing a draft (test factories publish the entries they build, as an import does). */
export { publishDraft as publishKnowledgeDraft } from './publishing.js';
/** The tables the knowledge module owns. */
export type { KnowledgeTables } from './tables.js';
/**
 * What other modules (inquiries) call: theme checks and names (figures by theme), and counting that
 * an entry answered someone; creating a theme (test factories).
 */
export { getThemeForField, insertTheme as createKnowledgeTheme, listThemeChoices } from './themes.js';
export { recordUsage } from './usage.js';
