/** Telework: agreements, presence plans, allowances and the yearly statistics. */

/** Demo data for the first start: the SPF Sécurité sociale's imported statistics. */
export { seedTeleworkDemo } from './demo-seed.js';
/** The telework API, mounted at /api/v1/telework. */
export { teleworkRoutes } from './routes.js';
/**
 * The functions (code and names) and each person's function code: the equipment module gives each
 * function its equipment profile. Takes any module's handle.
 */
export { functionCodesOf, listFunctions } from './staffing-repository.js';
/** The yearly report (CLI `telework report`) and its spreadsheet laid out like an answer to parliament. */
export { statisticsExport, statisticsReport } from './statistics.js';
/** Loading an organisation's employees and agreements (CLI `telework import`), all or nothing, idempotent. */
export { importStatistics, type StatisticsImportReport } from './statistics-import.js';
