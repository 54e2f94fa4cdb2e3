import { MAIL_STATUSES, type MailStatus } from './contract.js';

/** The tables platform/mail owns. */
export interface MailTables {
  platform_mail_outbox: {
    id: string;
    to_address: string;
    subject: string;
    text_body: string;
    html_body: string | null;
    /** `<…@…>`, as sent in the Message-ID header: a reply names it in In-Reply-To or References. */
    message_id: string;
    in_reply_to: string | null;
    /** Message-IDs separated by spaces, as in the References header. */
    references_header: string | null;
    /** 1 for mails a machine writes on its own (an acknowledgement): sent with Auto-Submitted. */
    is_automatic: number;
    /** The module that queued it (`inquiries`), and the object it belongs to in that module. */
    source: string;
    object_ref: string | null;
    status: MailStatus;
    attempts: number;
    last_error: string | null;
    next_attempt_at: string;
    /** An instance sending it holds it until then; past that, another instance may try. */
    claimed_until: string | null;
    created_at: string;
    sent_at: string | null;
  };
  platform_mail_inbound: {
    message_id: string;
    received_at: string;
    outcome: string;
  };
}

// The statuses are the mail contract's (the admin's screen reads them too); the server's code takes them from here.
export { MAIL_STATUSES, type MailStatus };
export type OutboxRow = MailTables['platform_mail_outbox'];
