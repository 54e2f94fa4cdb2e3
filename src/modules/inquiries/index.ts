/** Inquiries: questions from every channel, escalation to expert teams, answers and callbacks. */

/** Demo teams (Audit externe, Études juridiques, ExpertIZ) and their members. */
export { seedInquiriesDemo } from './demo-seed.js';
export { inquiryRoutes } from './routes.js';
/** The tables the inquiries module owns. */
export type { InquiryTables } from './tables.js';
