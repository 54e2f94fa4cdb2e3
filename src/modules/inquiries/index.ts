/** Inquiries: questions from every channel, escalation to expert teams, answers and callbacks. */

/** Demo teams (Audit externe, Études juridiques, ExpertIZ) and their members. */
export { seedInquiriesDemo } from './demo-seed.js';
/** The crisis mailbox's handler: mails become inquiries of channel `email`, replies join their thread. */
export { inquiryMailHandler } from './mailbox/intake.js';
export { inquiryRoutes } from './routes/index.js';
/** The tables the inquiries module owns. */
export type { InquiryTables } from './tables.js';
