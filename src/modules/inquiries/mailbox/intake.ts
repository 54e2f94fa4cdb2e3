import type { Kysely } from 'kysely';
import { type AuditActor, writeAudit } from '../../../platform/audit/audit.js';
import { nowInstant } from '../../../platform/db/time.js';
import { type Language, translate } from '../../../platform/i18n/i18n.js';
import type { IncomingMail } from '../../../platform/mail/incoming.js';
import type { MailHandler } from '../../../platform/mail/mailbox-reader.js';
import { objectsOfMessageIds } from '../../../platform/mail/outbox.js';
import { directoryIdentities } from '../../directory/index.js';
import { checkAttachment } from '../attachment-rules.js';
import { storeAttachment } from '../attachments.js';
import type { InquiryCaller } from '../caller.js';
import type { Status } from '../contract.js';
import { InquiryLimits } from '../contract.js';
import { insertInquiry } from '../create-inquiry.js';
import { type Db, forOtherModules } from '../repository/db.js';
import { findInquiriesByRefs, findInquiriesOfMessages, updateInquiry } from '../repository/inquiries.js';
import { addMessage, moveInquiry } from '../status-change.js';
import { statusOnReply } from '../status-rules.js';
import type { InquiryRow } from '../tables.js';
import { guessLanguage } from './language.js';
import { INQUIRY_MAIL_SOURCE, mailToRequester } from './outgoing.js';
import { originOfSender } from './sender.js';
import { questionFromMail, stripQuotedReply } from './text.js';
import { pickThread, refsInSubject } from './threading.js';

/** Who acts when a mail arrives: the mailbox itself, named so in the audit log. */
const MAILBOX_ACTOR: AuditActor = { id: null, username: 'mailbox' };
const MAILBOX_CALLER: InquiryCaller = {
  actor: MAILBOX_ACTOR,
  partnerId: null,
  seesPersonalData: true,
  kind: 'citizen',
  requesterId: null,
};

export type IntakeOptions = {
  /** The language of the notes the intake leaves for colleagues (rejected attachments). */
  noteLanguage: Language;
  /** Our own address: a mail from it (a loop through a forward) is not taken in. */
  ownAddress?: string | null;
};

/**
 * The crisis mailbox's handler: a reply joins its inquiry's thread (and reopens an answered one),
 * any other mail becomes an inquiry of channel `email`, acknowledged by mail with its reference.
 * Robots (out-of-office replies, bounces) are never answered and never reopen anything.
 * Runs in the transaction that notes the mail's Message-ID, so a mail counts once.
 */
export function inquiryMailHandler(options: IntakeOptions): MailHandler {
  return (trx: Kysely<any>, mail: IncomingMail) => receiveMail(trx as Db, mail, options);
}

async function receiveMail(trx: Db, mail: IncomingMail, options: IntakeOptions): Promise<string> {
  const sender = mail.from.address;
  if (sender && options.ownAddress && sender === options.ownAddress.toLowerCase()) return 'ignored_own';
  const thread = await findThread(trx, mail);
  if (thread && thread.status !== 'closed') {
    await addReply(trx, thread, mail, options);
    return 'threaded';
  }
  // An out-of-office answering our answer says nothing new: no inquiry of its own.
  if (thread && mail.isAutomatic) return 'ignored_automatic';
  await createFromMail(trx, mail, thread, options);
  return 'created';
}

/** The inquiry this mail answers, if it names one (headers first, then subject) from its owner's address. */
async function findThread(trx: Db, mail: IncomingMail): Promise<InquiryRow | undefined> {
  const headerIds = [mail.inReplyTo, ...mail.references].filter((id): id is string => id !== null);
  const messageRows = await objectsOfMessageIds(trx, INQUIRY_MAIL_SOURCE, headerIds);
  const [byHeaders, byRefs] = await Promise.all([
    findInquiriesOfMessages(trx, messageRows),
    findInquiriesByRefs(trx, refsInSubject(mail.subject)),
  ]);
  return pickThread([...byHeaders, ...byRefs], mail.from.address);
}

async function addReply(trx: Db, row: InquiryRow, mail: IncomingMail, options: IntakeOptions) {
  const body = stripQuotedReply(mail.text) || mail.subject || '(…)';
  const messageId = await addMessage(trx, MAILBOX_ACTOR, row, {
    kind: 'incoming',
    body: body.slice(0, InquiryLimits.messageMax),
    via: 'email',
  });
  const files = await keepAttachments(trx, row, mail, messageId, options);
  await updateInquiry(trx, row.id, { updated_at: nowInstant() });
  const reopenTo = statusOnReply(row.status as Status, row.team_id !== null);
  // A robot's reply (an out-of-office) joins the thread but does not put the inquiry back in a queue.
  if (reopenTo && !mail.isAutomatic)
    await moveInquiry(trx, MAILBOX_ACTOR, row, reopenTo, {}, 'inquiries.reopened_by_mail');
  await auditMail(trx, row, 'threaded', files);
}

async function createFromMail(
  trx: Db,
  mail: IncomingMail,
  closedThread: InquiryRow | undefined,
  options: IntakeOptions,
) {
  const language = guessLanguage(`${mail.subject}\n${stripQuotedReply(mail.text)}`);
  const address = mail.from.address && mail.from.address.length <= 254 ? mail.from.address : null;
  const { origin, fund } = originOfSender(
    address ? await directoryIdentities.findByEmail(forOtherModules(trx), address) : undefined,
  );
  const row = await insertInquiry(
    trx,
    MAILBOX_CALLER,
    {
      channel: 'email',
      language,
      question: questionFromMail(mail.subject, mail.text, InquiryLimits.questionMax),
      origin,
      requester: {
        ...(mail.from.name && { name: mail.from.name.slice(0, 200) }),
        ...(address && { email: address }),
        ...(fund && { fund }),
      },
    },
    null,
  );
  if (closedThread) {
    await addMessage(trx, MAILBOX_ACTOR, row, {
      kind: 'note',
      body: translate(options.noteLanguage, 'inquiries.mail.reply_to_closed', { ref: closedThread.ref }),
    });
  }
  const files = await keepAttachments(trx, row, mail, null, options);
  // Robots (out-of-office replies, lists) get no acknowledgement: two robots would answer each other.
  if (row.requester_email && !mail.isAutomatic)
    await mailToRequester(trx, MAILBOX_ACTOR, row, { kind: 'acknowledgement', inReplyTo: mail.messageId });
  await auditMail(trx, row, 'created', files);
}

type KeptFiles = { kept: number; refused: number };

/**
 * Stores the attachments that pass the thread's rules; the others (a program, a file too large)
 * are listed in a note for colleagues, each with the reason, so the person can be asked for them
 * another way.
 */
async function keepAttachments(
  trx: Db,
  row: InquiryRow,
  mail: IncomingMail,
  messageId: string | null,
  options: IntakeOptions,
): Promise<KeptFiles> {
  const refused: string[] = [];
  for (const file of mail.attachments) {
    const bytes = new Uint8Array(file.content.buffer, file.content.byteOffset, file.content.byteLength);
    // The same rule as the API's: the mail's declared type is not trusted either.
    const { accepted, problem } = checkAttachment(file.filename, bytes);
    if (problem) {
      refused.push(translate(options.noteLanguage, problem.code, problem.params));
      continue;
    }
    await storeAttachment(trx, MAILBOX_ACTOR, row, { ...accepted, bytes, messageId });
  }
  if (refused.length > 0) {
    await addMessage(trx, MAILBOX_ACTOR, row, {
      kind: 'note',
      body: translate(options.noteLanguage, 'inquiries.mail.attachments_refused', {
        files: refused.join(' '),
      }),
    });
  }
  return { kept: mail.attachments.length - refused.length, refused: refused.length };
}

const auditMail = (trx: Db, row: InquiryRow, outcome: string, files: KeptFiles) =>
  writeAudit(trx, MAILBOX_ACTOR, {
    action: 'inquiries.mail_received',
    objectType: 'inquiry',
    objectId: row.id,
    summary: { ref: row.ref, outcome, attachments: files.kept, refused: files.refused },
  });
