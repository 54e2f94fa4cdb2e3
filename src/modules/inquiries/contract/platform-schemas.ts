// The platform's wire shapes the inquiries contract is made of, taken in one place: the platform's
// own contracts replace these implementation files as soon as they exist.
export { ExportFormatParam } from '../../../platform/exports/table.js';
export { EnterpriseNumber, Instant, IsoDate, Niss, Nullable } from '../../../platform/http/validation.js';
export { MAIL_STATUSES } from '../../../platform/mail/tables.js';
