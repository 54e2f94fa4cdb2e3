// The platform's wire shapes the inquiries contract is made of, taken in one place.
export { ExportFormatParam } from '../../../platform/exports/contract.js';
export { EnterpriseNumber, Instant, IsoDate, Niss, Nullable } from '../../../platform/http/contract.js';
export { MAIL_STATUSES } from '../../../platform/mail/contract.js';
