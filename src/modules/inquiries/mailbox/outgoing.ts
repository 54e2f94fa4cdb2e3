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
  | { kind: 'answer'; answer: string; kindOnThread: 'answer' | 'outgoing' };

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
  const text = isAnswer
    ? translate(language, 'inquiries.mail.answer_body', { ref: row.ref, answer: mail.answer })
    : translate(language, 'inquiries.mail.acknowledgement_body', { ref: row.ref });
  const messageId = await addMessage(trx, actor, row, {
    kind: isAnswer ? mail.kindOnThread : 'outgoing',
    body: isAnswer ? mail.answer : text,
    via: 'email',
  });
  const sent = await mailStatesOf(trx, INQUIRY_MAIL_SOURCE, await listMailedMessageIds(trx, [row.id]));
  await enqueueMail(trx, {
    to: row.requester_email,
    subject: subjectWithRef(
      row.ref,
      translate(
        language,
        isAnswer ? 'inquiries.mail.answer_subject' : 'inquiries.mail.acknowledgement_subject',
      ),
    ),
    text,
    inReplyTo: isAnswer ? null : mail.inReplyTo,
    references: [
      ...(!isAnswer && mail.inReplyTo ? [mail.inReplyTo] : []),
      ...[...sent.values()].map((s) => s.messageId),
    ],
    isAutomatic: !isAnswer,
    source: INQUIRY_MAIL_SOURCE,
    objectRef: messageId,
  });
  return messageId;
}
