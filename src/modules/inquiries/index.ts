/** Inquiries: questions from every channel, escalation to expert teams, answers and callbacks. */

export { inquiryRoutes } from './routes.js';
/** The tables the inquiries module owns. */
export type { InquiryTables } from './tables.js';
