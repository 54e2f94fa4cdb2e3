import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test-support/databases.js';
import { DOCUMENTS } from '../../../test-support/documents.js';
import {
  startDovecot,
  startSmtpServer,
  type TestImap,
  type TestSmtp,
} from '../../../test-support/mail-servers.js';
import {
  apiSender,
  createTestApp,
  DEMO_PASSWORD,
  json,
  login,
  type Session,
  type TestApp,
} from '../../../test-support/test-app.js';

const MAILBOX = 'crisis@relais.example';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PROGRAM = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]);

type CitizenMail = {
  from: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  headers?: Record<string, string>;
};

/** A citizen's mail as their mail program would write it (MIME, encoded words, attachments). */
const compose = (mail: CitizenMail): Promise<Buffer> =>
  new MailComposer({ ...mail, to: MAILBOX, date: new Date('2020-03-18T09:00:00Z') }).compile().build();

describe.each(DIALECTS)('%s: the crisis mailbox', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let imap: TestImap;
  let agent: Session;
  beforeAll(async () => {
    [smtp, imap] = await Promise.all([startSmtpServer(), startDovecot()]);
    t = await createTestApp(dialect, {
      seed: 'demo',
      env: {
        RELAIS_SMTP_URL: smtp.url,
        RELAIS_MAIL_FROM: `Relais <${MAILBOX}>`,
        RELAIS_IMAP_URL: imap.url,
      },
    });
    agent = await login(t.app, 'agent', DEMO_PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await Promise.all([smtp?.close(), imap?.close()]);
  });

  const send = (...args: Parameters<ReturnType<typeof apiSender>>) => apiSender(t.app)(...args);
  const read = async (ref: string) => json(await send(agent, 'GET', `/api/v1/inquiries/${ref}`));
  // The demo's mailbox of 2020 is history: the inquiries that count here came in while this file runs.
  const startedAt = new Date().toISOString();
  const emailInquiries = async () =>
    (
      json(await send(agent, 'GET', '/api/v1/inquiries?channel=email&limit=200')).items as {
        ref: string;
        language: string;
        question: string;
        status: string;
        created_at: string;
      }[]
    ).filter((inquiry) => inquiry.created_at >= startedAt);
  const deliver = async (mail: CitizenMail) => imap.deliver(await compose(mail));
  /** Sends the outbox and returns the mails that arrived at the SMTP server meanwhile. */
  const sendOutbox = async () => {
    const before = smtp.received.length;
    const tried = await t.app.mail.sender.sendDue();
    return (await smtp.waitFor(before + tried)).slice(before);
  };

  let marie: { ref: string; ack: string };

  it('turns a new mail into an inquiry of channel email, keeps the acceptable attachments and acknowledges it with the reference', async () => {
    await deliver({
      from: 'Marie Dubois <Marie.Dubois@example.be>',
      subject: 'Droit passerelle en mars',
      text: 'Bonjour,\n\nAi-je droit au droit passerelle pour le mois de mars ? Mon commerce est fermé.\n\nMarie',
      messageId: '<marie-1@example.be>',
      attachments: [
        { filename: 'attestation.pdf', content: PDF, contentType: 'application/pdf' },
        { filename: 'setup.exe', content: PROGRAM, contentType: 'application/octet-stream' },
      ],
    });
    await deliver({
      from: 'Jan Peeters <jan.peeters@example.be>',
      subject: 'Vraag over overbruggingsrecht',
      text: 'Goedendag,\n\nheb ik recht op het overbruggingsrecht als zelfstandige in bijberoep?\n\nDank u',
      messageId: '<jan-1@example.be>',
    });
    expect(await t.app.mail.mailbox.pollOnce()).toEqual({ handled: 2, duplicates: 0, failed: 0 });

    const inquiries = await emailInquiries();
    expect(inquiries).toHaveLength(2);
    const fromMarie = inquiries.find((i) => i.question.startsWith('Droit passerelle'))!;
    const fromJan = inquiries.find((i) => i.question.startsWith('Vraag'))!;
    expect(fromMarie).toMatchObject({ language: 'fr', status: 'new' });
    expect(fromJan).toMatchObject({ language: 'nl', status: 'new' });
    const detail = await read(fromMarie.ref);
    expect(detail.origin).toBe('self_employed');
    expect(detail.requester).toMatchObject({ name: 'Marie Dubois', email: 'marie.dubois@example.be' });
    expect(detail.question).toContain('Ai-je droit au droit passerelle');
    expect(detail.attachments).toEqual([
      expect.objectContaining({ filename: 'attestation.pdf', size_bytes: PDF.length }),
    ]);
    expect(detail.messages).toEqual([
      expect.objectContaining({ kind: 'note', body: expect.stringContaining('setup.exe') }),
      expect.objectContaining({ kind: 'outgoing', via: 'email', mail_status: 'queued' }),
    ]);
    // Read, handled: flagged \Seen only now.
    expect((await imap.flags()).every((flags) => flags.includes('\\Seen'))).toBe(true);

    const sent = await sendOutbox();
    expect(sent).toHaveLength(2);
    const ackToMarie = sent.find((m) => m.to[0] === 'marie.dubois@example.be')!;
    expect(ackToMarie.parsed.subject).toBe(`[${fromMarie.ref}] Nous avons bien reçu votre message`);
    expect(ackToMarie.parsed.text).toContain(fromMarie.ref);
    expect(ackToMarie.parsed.inReplyTo).toBe('<marie-1@example.be>');
    expect(ackToMarie.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    const ackToJan = sent.find((m) => m.to[0] === 'jan.peeters@example.be')!;
    expect(ackToJan.parsed.subject).toBe(`[${fromJan.ref}] Wij hebben uw bericht goed ontvangen`);
    expect((await read(fromMarie.ref)).messages[1].mail_status).toBe('sent');
    marie = { ref: fromMarie.ref, ack: ackToMarie.parsed.messageId! };

    const audit = await t.app.db
      .selectFrom('audit_log')
      .select(['actor_username', 'summary'])
      .where('action', '=', 'inquiries.mail_received')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit.every((row) => row.actor_username === 'mailbox')).toBe(true);
    expect(audit.map((row) => JSON.parse(row.summary))).toContainEqual({
      ref: fromMarie.ref,
      outcome: 'created',
      attachments: 1,
      refused: 1,
    });
  });

  it('takes nothing twice: a second pass finds nothing new, and a mail handled before (a crash before the flag) is only flagged', async () => {
    expect(await t.app.mail.mailbox.pollOnce()).toEqual({ handled: 0, duplicates: 0, failed: 0 });
    await deliver({
      from: 'Marie Dubois <marie.dubois@example.be>',
      subject: 'Droit passerelle en mars',
      text: 'Bonjour,\n\nAi-je droit au droit passerelle ?',
      messageId: '<marie-1@example.be>',
    });
    expect(await t.app.mail.mailbox.pollOnce()).toEqual({ handled: 0, duplicates: 1, failed: 0 });
    expect(await emailInquiries()).toHaveLength(2);
    expect((await imap.flags()).every((flags) => flags.includes('\\Seen'))).toBe(true);
  });

  it('threads a reply onto its inquiry by its headers, without the quoted mail', async () => {
    await deliver({
      from: 'marie.dubois@example.be',
      subject: 'Re: merci',
      text: `Merci. Et pour avril ?\n\nLe mer. 18 mars 2020, Relais <${MAILBOX}> a écrit :\n> Bonjour,\n> Nous avons bien reçu`,
      messageId: '<marie-2@example.be>',
      inReplyTo: marie.ack,
      references: ['<marie-1@example.be>', marie.ack],
    });
    expect((await t.app.mail.mailbox.pollOnce()).handled).toBe(1);
    expect(await emailInquiries()).toHaveLength(2);
    const thread = (await read(marie.ref)).messages;
    expect(thread.at(-1)).toMatchObject({ kind: 'incoming', via: 'email', body: 'Merci. Et pour avril ?' });
  });

  it('never attaches a mail to an inquiry whose reference it quotes from another address, or that does not exist', async () => {
    await deliver({
      from: 'stranger@example.org',
      subject: `Re: [${marie.ref}] Nous avons bien reçu votre message`,
      text: 'Je voudrais lire ce dossier.',
      messageId: '<stranger-1@example.org>',
    });
    await deliver({
      from: 'marie.dubois@example.be',
      subject: 'Re: [Q-1999-999999] une autre question',
      text: 'Bonjour, une question sur mes cotisations.',
      messageId: '<marie-3@example.be>',
    });
    expect((await t.app.mail.mailbox.pollOnce()).handled).toBe(2);
    const inquiries = await emailInquiries();
    expect(inquiries).toHaveLength(4);
    expect((await read(marie.ref)).messages.map((m: { body: string }) => m.body)).not.toContain(
      'Je voudrais lire ce dossier.',
    );
    const stranger = inquiries.find((i) => i.question.includes('Je voudrais lire ce dossier.'));
    expect(stranger?.ref).not.toBe(marie.ref);
  });

  it('sends an answer given by mail to the person, in their language, and a reply to it after closing becomes a new inquiry', async () => {
    const answered = await send(agent, 'POST', `/api/v1/inquiries/${marie.ref}/answer`, {
      body: 'Oui : le commerce fermé par décision des autorités ouvre le droit passerelle de crise.',
      delivery: 'mail',
    });
    expect(answered.statusCode).toBe(204);
    const inquiry = await read(marie.ref);
    expect(inquiry.status).toBe('closed');
    expect(inquiry.messages.at(-1)).toMatchObject({ kind: 'answer', via: 'email', mail_status: 'queued' });
    // The acknowledgements of the mails before it go out too.
    const answer = (await sendOutbox()).find((m) => m.parsed.subject?.startsWith(`[${marie.ref}]`));
    expect(answer?.parsed.subject).toBe(`[${marie.ref}] Réponse à votre question`);
    expect(answer?.parsed.text).toContain('ouvre le droit passerelle de crise');
    expect(answer?.parsed.references).toContain(marie.ack);
    expect((await read(marie.ref)).messages.at(-1).mail_status).toBe('sent');

    await deliver({
      from: 'marie.dubois@example.be',
      subject: `Re: [${marie.ref}] Réponse à votre question`,
      text: 'Et si je rouvre en juin ?',
      messageId: '<marie-4@example.be>',
      inReplyTo: answer!.parsed.messageId!,
    });
    await t.app.mail.mailbox.pollOnce();
    const late = (await emailInquiries()).find((i) => i.question.includes('Et si je rouvre en juin ?'))!;
    expect(late.ref).not.toBe(marie.ref);
    expect((await read(late.ref)).messages[0]).toMatchObject({
      kind: 'note',
      body: expect.stringContaining(marie.ref),
    });
  });

  it('reopens an answered inquiry its requester writes back to', async () => {
    const jan = (await emailInquiries()).find((i) => i.language === 'nl')!;
    await send(agent, 'POST', `/api/v1/inquiries/${jan.ref}/answer`, { body: 'Ja.', delivery: 'none' });
    expect((await read(jan.ref)).status).toBe('answered');
    await deliver({
      from: 'jan.peeters@example.be',
      subject: `Re: [${jan.ref}] Wij hebben uw bericht goed ontvangen`,
      text: 'En vanaf welke datum?',
      messageId: '<jan-2@example.be>',
    });
    await t.app.mail.mailbox.pollOnce();
    const reopened = await read(jan.ref);
    expect(reopened.status).toBe('new');
    expect(reopened.messages.at(-1)).toMatchObject({ kind: 'incoming', body: 'En vanaf welke datum?' });
  });

  it('answers no robot: an out-of-office joins the thread without reopening it, a bounce gets no acknowledgement, our own mail is ignored', async () => {
    const jan = (await emailInquiries()).find((i) => i.language === 'nl')!;
    await send(agent, 'POST', `/api/v1/inquiries/${jan.ref}/answer`, {
      body: 'Vanaf 1 maart.',
      delivery: 'none',
    });
    const before = (await emailInquiries()).length;
    const queuedBefore = json(
      await send(await login(t.app, 'admin', DEMO_PASSWORD), 'GET', '/api/v1/mail/outbox?status=queued'),
    ).total;
    await deliver({
      from: 'jan.peeters@example.be',
      subject: `Afwezig: [${jan.ref}] Antwoord op uw vraag`,
      text: 'Ik ben afwezig tot maandag.',
      messageId: '<jan-ooo@example.be>',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await deliver({
      from: 'MAILER-DAEMON@mx.example.org',
      subject: 'Undelivered Mail Returned to Sender',
      text: 'This is the mail system: the address was not found.',
      messageId: '<bounce-1@mx.example.org>',
    });
    await deliver({ from: `Relais <${MAILBOX}>`, subject: 'loop', text: 'x', messageId: '<own-1@relais>' });
    expect(await t.app.mail.mailbox.pollOnce()).toEqual({ handled: 3, duplicates: 0, failed: 0 });
    const thread = await read(jan.ref);
    expect(thread.status).toBe('answered');
    expect(thread.messages.at(-1)).toMatchObject({ kind: 'incoming', body: 'Ik ben afwezig tot maandag.' });
    // The bounce is an inquiry someone looks at (an address was wrong), with no acknowledgement.
    expect(await emailInquiries()).toHaveLength(before + 1);
    const admin = await login(t.app, 'admin', DEMO_PASSWORD);
    expect(json(await send(admin, 'GET', '/api/v1/mail/outbox?status=queued')).total).toBe(queuedBefore);
  });

  it('lets the admin follow the outbox, with the domain the mails go to and not the addresses', async () => {
    const admin = await login(t.app, 'admin', DEMO_PASSWORD);
    const outbox = json(await send(admin, 'GET', '/api/v1/mail/outbox?status=sent&limit=100'));
    expect(outbox.total).toBeGreaterThanOrEqual(4);
    expect(outbox.smtp_configured).toBe(true);
    expect(outbox.items[0]).toMatchObject({
      status: 'sent',
      to_domain: 'example.be',
      source: 'inquiries',
      attempts: 1,
    });
    expect(JSON.stringify(outbox)).not.toContain('marie.dubois@');
    expect((await send(agent, 'GET', '/api/v1/mail/outbox')).statusCode).toBe(403);
  });

  it('counts a fund’s user writing in under the funds, with the fund named, and a colleague under internal services', async () => {
    await deliver({
      from: 'Acerta <partner.acerta@acerta.example>',
      subject: 'Dossier d’un affilié',
      text: 'Un affilié en faillite garde-t-il le droit passerelle pour avril ?',
      messageId: '<acerta-1@acerta.example>',
    });
    await deliver({
      from: 'Manager <MANAGER@inasti.example>',
      subject: 'Question du cabinet',
      text: 'Le cabinet demande le nombre de demandes de droit passerelle refusées.',
      messageId: '<manager-1@inasti.example>',
    });
    expect((await t.app.mail.mailbox.pollOnce()).handled).toBe(2);
    const byQuestion = async (words: string) => {
      const found = (await emailInquiries()).find((inquiry) => inquiry.question.includes(words));
      return read(found!.ref);
    };
    expect(await byQuestion('affilié en faillite')).toMatchObject({
      origin: 'fund',
      requester: { fund: 'acerta' },
    });
    expect(await byQuestion('demandes de droit passerelle refusées')).toMatchObject({
      origin: 'internal_service',
      requester: { fund: null },
    });
  });

  it('refuses an answer by mail for an inquiry without an address, naming the field', async () => {
    const call = json(
      await send(agent, 'POST', '/api/v1/inquiries', {
        channel: 'phone',
        language: 'fr',
        question: 'Une question ?',
      }),
    );
    const response = await send(agent, 'POST', `/api/v1/inquiries/${call.ref}/answer`, {
      body: 'Réponse.',
      delivery: 'mail',
    });
    expect(response.statusCode).toBe(400);
    expect(json(response).errors).toEqual([
      expect.objectContaining({ field: 'delivery', code: 'inquiries.no_email_address' }),
    ]);
    expect((await read(call.ref)).status).toBe('new');
  });
  it('keeps from a mail only what the API would accept, and notes each refused attachment with its reason', async () => {
    await deliver({
      from: 'Luc Martin <luc.martin@example.be>',
      subject: 'Documents pour ma demande de report',
      text: 'Bonjour,\n\nvoici mes documents pour le report de cotisations.\n\nLuc',
      messageId: '<luc-1@example.be>',
      attachments: [
        { filename: 'photo.jpg', content: DOCUMENTS.jpeg, contentType: 'image/jpeg' },
        { filename: 'facture.bat.', content: DOCUMENTS.batch, contentType: 'application/pdf' },
        {
          filename: 'contrat.docm',
          content: DOCUMENTS.docxWithMacros,
          contentType: 'application/octet-stream',
        },
        { filename: 'scan.pdf', content: DOCUMENTS.png, contentType: 'application/pdf' },
        { filename: 'page.html', content: Buffer.from('<p>'), contentType: 'text/html' },
      ],
    });
    expect((await t.app.mail.mailbox.pollOnce()).handled).toBe(1);
    const created = (await emailInquiries()).find((i) => i.question.startsWith('Documents pour ma demande'))!;
    const detail = await read(created.ref);
    expect(detail.attachments).toEqual([
      expect.objectContaining({
        filename: 'photo.jpg',
        content_type: 'image/jpeg',
        size_bytes: DOCUMENTS.jpeg.length,
      }),
    ]);
    const note = detail.messages.find((m: { kind: string }) => m.kind === 'note');
    expect(note.body).toContain('facture.bat is a program');
    expect(note.body).toContain('contrat.docm is an office document that can hold macros');
    expect(note.body).toContain('scan.pdf: its content is not that of a .pdf file');
    expect(note.body).toContain('page.html: this type of file is not accepted');
    const audit = await t.app.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'inquiries.mail_received')
      .execute();
    expect(audit.map((row) => JSON.parse(row.summary))).toContainEqual({
      ref: created.ref,
      outcome: 'created',
      attachments: 1,
      refused: 4,
    });
  });
});
