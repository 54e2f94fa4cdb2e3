import type { AuditActor } from '../../../platform/audit/audit.js';
import { invalid } from '../../../platform/errors.js';
import { type Language, translate } from '../../../platform/i18n/i18n.js';
import { enqueueMail, mailStatesOf } from '../../../platform/mail/outbox.js';
import type { Db } from '../repository/db.js';
import { listMailedMessageIds } from '../repository/threads.js';
import { addMessage } from '../status-change.js';
import type { InquiryRow } from '../tables.js';
import { subjectWithRef } from './threading.js';

/** The tag of the inquiries module's mails in the platform's outbox; their object is a thread message. */
export const INQUIRY_MAIL_SOURCE = 'inquiries';

/** Mails go out in the inquiry's language; German and English inquiries get English. */
export const mailLanguageOf = (language: string): Language =>
  language === 'fr' || language === 'nl' ? language : 'en';

/** A 400 naming the field when the answer should go by mail and the inquiry has no address. */
export function assertHasEmail(
  row: InquiryRow,
  field: string,
): asserts row is InquiryRow & { requester_email: string } {
  if (!row.requester_email) throw invalid([{ field, code: 'inquiries.no_email_address' }]);
}

export type InquiryMail =
  | { kind: 'acknowledgement'; inReplyTo: string | null }
  /** The confirmation of a question asked on the public form: its reference, nothing of what was typed. */
  | { kind: 'web_confirmation' }
  | { kind: 'answer'; answer: string; kindOnThread: 'answer' | 'outgoing' };

/** The locale keys of each kind's subject and body. */
const MAIL_TEXTS: Record<InquiryMail['kind'], { subject: string; body: string }> = {
  acknowledgement: {
    subject: 'inquiries.mail.acknowledgement_subject',
    body: 'inquiries.mail.acknowledgement_body',
  },
  web_confirmation: {
    subject: 'inquiries.mail.web_confirmation_subject',
    body: 'inquiries.mail.web_confirmation_body',
  },
  answer: { subject: 'inquiries.mail.answer_subject', body: 'inquiries.mail.answer_body' },
};

/**
 * Records on the thread what goes to the person by mail, and queues the mail in the same
 * transaction: its subject carries the reference (a reply finds its way back), its Message-ID is
 * kept with the thread message, and it names the thread's earlier mails so the person's mail
 * program threads it.
 */
export async function mailToRequester(
  trx: Db,
  actor: AuditActor,
  row: InquiryRow,
  mail: InquiryMail,
): Promise<string> {
  assertHasEmail(row, 'delivery');
  const language = mailLanguageOf(row.language);
  const isAnswer = mail.kind === 'answer';
  const keys = MAIL_TEXTS[mail.kind];
  const text = translate(language, keys.body, { ref: row.ref, ...(isAnswer && { answer: mail.answer }) });
  const inReplyTo = mail.kind === 'acknowledgement' ? mail.inReplyTo : null;
  const messageId = await addMessage(trx, actor, row, {
    kind: isAnswer ? mail.kindOnThread : 'outgoing',
    body: isAnswer ? mail.answer : text,
    via: 'email',
  });
  const sent = await mailStatesOf(trx, INQUIRY_MAIL_SOURCE, await listMailedMessageIds(trx, [row.id]));
  await enqueueMail(trx, {
    to: row.requester_email,
    subject: subjectWithRef(row.ref, translate(language, keys.subject)),
    text,
    inReplyTo,
    references: [...(inReplyTo ? [inReplyTo] : []), ...[...sent.values()].map((s) => s.messageId)],
    isAutomatic: !isAnswer,
    source: INQUIRY_MAIL_SOURCE,
    objectRef: messageId,
  });
  return messageId;
}
