/** Inquiries: questions from every channel, escalation to expert teams, answers and callbacks. */

/** Claiming an escalated inquiry (test factories walk inquiries to the status a test needs). */
export { claimInquiry } from './assignment.js';
/** Who acts on inquiries, as the use cases take it. */
export type { InquiryCaller } from './caller.js';
/** The telephony's call records: push, figures and the link to an inquiry, mounted at /api/v1. */
export { callRoutes } from './calls/call-routes.js';
/** `relais calls import` and the demo: a call file stored all or nothing, idempotent by call id. */
export { importCallFile } from './calls/store-calls.js';
/** Logging a new inquiry (test factories). */
export { createInquiry } from './create-inquiry.js';
/** Demo teams (Audit externe, Études juridiques, ExpertIZ) and their members. */
export { seedInquiriesDemo } from './demo-seed.js';
/** Escalating to an expert team (test factories). */
export { escalateInquiry } from './escalate.js';
/** The helpdesk tickets that name an asset (by tag), newest first, for whichever module shows a unit. */
export { helpdeskTicketsOfAsset } from './helpdesk/tickets.js';
/** The crisis mailbox's handler: mails become inquiries of channel `email`, replies join their thread. */
export { inquiryMailHandler } from './mailbox/intake.js';
/**
 * The public question form: its API (mounted at /api/v1/public/questions) and its pages in the
 * public FAQ site (/faq/{fr,nl}/ask, mounted at the root).
 */
export { publicQuestionPages } from './public-form/page-routes.js';
/** The ICT helpdesk's API (tickets on the inquiries engine), mounted at /api/v1/helpdesk. */
export { helpdeskRoutes } from './routes/helpdesk.js';
export { inquiryRoutes } from './routes/index.js';
export { publicQuestionRoutes } from './routes/public-questions.js';
/** The tables the inquiries module owns. */
export type { InquiryTables } from './tables.js';
/** Expert teams and their members (the demo seed, test factories). */
export { addTeamMembers, insertTeam as createTeam } from './teams.js';
