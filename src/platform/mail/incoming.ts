import { createHash } from 'node:crypto';
import { htmlToText } from './html-text.js';

/** A mail read from the mailbox, as a module's handler receives it. */
export type IncomingMail = {
  /** The Message-ID with its angle brackets; a hash of the raw mail when it has none. */
  messageId: string;
  from: { name: string | null; address: string | null };
  subject: string;
  /** The plain text; made from the HTML when the mail has only HTML. */
  text: string;
  inReplyTo: string | null;
  references: string[];
  /** Sent by a robot (an out-of-office, a list, a bounce): never to be answered automatically. */
  isAutomatic: boolean;
  attachments: { filename: string; contentType: string; content: Buffer }[];
};

const MESSAGE_ID = /<[^<>\s]+>/g;

/** Parses a raw RFC 5322 message (MIME parts, encodings, charsets) with mailparser. */
export async function parseMail(source: Buffer): Promise<IncomingMail> {
  // Loaded with the first mail read, not at every start of Relais (mailparser and its encodings).
  const { simpleParser } = await import('mailparser');
  const parsed = await simpleParser(source);
  const sender = parsed.from?.value[0];
  const autoSubmitted = String(parsed.headers.get('auto-submitted') ?? 'no').toLowerCase();
  const precedence = String(parsed.headers.get('precedence') ?? '').toLowerCase();
  const contentType = parsed.headers.get('content-type') as { value?: string } | undefined;
  const references = [parsed.references ?? []].flat().flatMap((r) => r.match(MESSAGE_ID) ?? []);
  return {
    messageId:
      parsed.messageId?.match(MESSAGE_ID)?.[0] ??
      `<sha256.${createHash('sha256').update(source).digest('hex')}@relais>`,
    from: { name: sender?.name || null, address: sender?.address?.toLowerCase() || null },
    subject: (parsed.subject ?? '').trim(),
    text: (parsed.text || (typeof parsed.html === 'string' ? htmlToText(parsed.html) : '')).replace(
      /\r\n/g,
      '\n',
    ),
    inReplyTo: parsed.inReplyTo?.match(MESSAGE_ID)?.[0] ?? null,
    references,
    isAutomatic:
      autoSubmitted !== 'no' ||
      ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence) ||
      // A bounce: answering it would bounce again, into the same mailbox.
      contentType?.value === 'multipart/report' ||
      /^(mailer-daemon|postmaster)@/i.test(sender?.address ?? ''),
    // Inline images of an HTML signature are part of the layout, not documents the person sent.
    attachments: parsed.attachments
      .filter((a) => !a.related)
      .map((a) => ({
        filename: a.filename ?? 'attachment',
        contentType: a.contentType,
        content: a.content,
      })),
  };
}
