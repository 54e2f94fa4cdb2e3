import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { DOCUMENTS } from '../../test-support/documents.js';
import { buildEntry, buildTeam } from '../../test-support/factories.js';
import { asSession, json, type Session } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';

describe.each(DIALECTS)('%s: answering, escalating and the thread', (dialect) => {
  const t = withApp(dialect, {
    as: { agent: { name: 'Alain Agent', language: 'fr' }, expert: {}, manager: {} },
  });
  let agent: Session;
  let expert: Session;
  let manager: Session;
  /** Three published FAQ entries the agents answer from. */
  let faq: [string, string, string];
  beforeAll(async () => {
    ({ agent, expert, manager } = t.people);
    await buildTeam(t.app, { code: 'audit-externe', nameFr: 'Audit externe', members: [t.people.expert] });
    await buildTeam(t.app, { code: 'etudes-juridiques' });
    await buildTeam(t.app, { code: 'expertiz' });
    faq = [(await buildEntry(t.app)).ref, (await buildEntry(t.app)).ref, (await buildEntry(t.app)).ref];
  });

  const send = (...args: Parameters<typeof t.send>) => t.send(...args);
  const newCall = async (question = 'Puis-je reporter le paiement de mes cotisations sociales ?') =>
    json(await send(agent, 'POST', '/api/v1/inquiries', { channel: 'phone', language: 'fr', question }))
      .ref as string;
  const read = async (ref: string) => json(await send(agent, 'GET', `/api/v1/inquiries/${ref}`));
  const usedCount = async (entry: string) =>
    json(await send(agent, 'GET', `/api/v1/knowledge/entries/${entry}`)).usage.used as number;

  it('answers a call from an FAQ entry: records entry and version, counts the use, closes the call', async () => {
    const ref = await newCall();
    const before = await usedCount(faq[0]);
    const answered = await send(agent, 'POST', `/api/v1/inquiries/${ref}/answer-from-faq`, {
      entry_ref: faq[0],
    });
    expect(answered.statusCode).toBe(204);
    const inquiry = await read(ref);
    expect(inquiry.status).toBe('closed');
    expect(inquiry.answer_entry).toEqual({ ref: faq[0], version: expect.any(Number) });
    expect(inquiry.first_answered_at).not.toBeNull();
    expect(inquiry.deadlines).toBeNull(); // answered on the call: no team, no service level
    expect(inquiry.messages).toEqual([expect.objectContaining({ kind: 'answer', via: 'phone' })]);
    expect(await usedCount(faq[0])).toBe(before + 1);
  });

  it('refuses an answer from an entry that does not exist, naming the field, and changes nothing', async () => {
    const ref = await newCall();
    const response = await send(agent, 'POST', `/api/v1/inquiries/${ref}/answer-from-faq`, {
      entry_ref: 'FAQ-9999',
    });
    expect(response.statusCode).toBe(400);
    expect(json(response).errors).toEqual([
      expect.objectContaining({ field: 'entry_ref', code: 'inquiries.unknown_entry' }),
    ]);
    expect((await read(ref)).status).toBe('new');
  });

  it('escalates to a team with a note; the team’s list shows it', async () => {
    const ref = await newCall('Une question difficile sur le droit passerelle et la pension');
    const response = await send(agent, 'POST', `/api/v1/inquiries/${ref}/escalate`, {
      team: 'audit-externe',
      note: 'Pensionné actif, a déjà reçu un droit passerelle en avril.',
    });
    expect(response.statusCode).toBe(204);
    const inquiry = await read(ref);
    expect(inquiry).toMatchObject({
      status: 'escalated',
      team: { code: 'audit-externe', name_fr: 'Audit externe' },
    });
    expect(inquiry.messages).toEqual([
      expect.objectContaining({ kind: 'note', author: expect.objectContaining({ name: 'Alain Agent' }) }),
    ]);
    const queue = json(await send(expert, 'GET', '/api/v1/inquiries?team=audit-externe&status=escalated'));
    expect(queue.items.map((i: { ref: string }) => i.ref)).toContain(ref);

    const unknownTeam = await send(agent, 'POST', `/api/v1/inquiries/${await newCall()}/escalate`, {
      team: 'nope',
      note: 'x',
    });
    expect(json(unknownTeam).errors).toEqual([
      expect.objectContaining({ field: 'team', code: 'inquiries.unknown_team' }),
    ]);
  });

  it('refuses a message on a closed inquiry and a second answer given at the same moment', async () => {
    const ref = await newCall();
    const [a, b] = await Promise.all([
      send(agent, 'POST', `/api/v1/inquiries/${ref}/answer-from-faq`, {
        entry_ref: faq[1],
        keep_open: true,
      }),
      send(expert, 'POST', `/api/v1/inquiries/${ref}/answer-from-faq`, {
        entry_ref: faq[2],
        keep_open: true,
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([204, 409]);
    expect((await read(ref)).messages).toHaveLength(1);

    await send(agent, 'POST', `/api/v1/inquiries/${ref}/close`, { note: 'Réponse donnée au téléphone.' });
    const late = await send(agent, 'POST', `/api/v1/inquiries/${ref}/messages`, {
      kind: 'incoming',
      body: 'Merci !',
    });
    expect(late.statusCode).toBe(409);
    expect(json(late).code).toBe('inquiries.closed');
    expect((await read(ref)).messages.map((m: { body: string }) => m.body)).not.toContain('Merci !');
  });

  it('records a referral to the moral-support line, and lets managers read but not act', async () => {
    const ref = await newCall('Je n’en peux plus, mon commerce est fermé depuis des mois.');
    const flagged = await send(agent, 'POST', `/api/v1/inquiries/${ref}/flags`, {
      kind: 'moral_support_referral',
      note: 'Numéro du soutien psychologique communiqué.',
    });
    expect(flagged.statusCode).toBe(204);
    expect((await read(ref)).flags).toEqual([expect.objectContaining({ kind: 'moral_support_referral' })]);
    expect((await send(manager, 'GET', `/api/v1/inquiries/${ref}`)).statusCode).toBe(200);
    expect((await send(manager, 'POST', `/api/v1/inquiries/${ref}/close`, {})).statusCode).toBe(403);
  });

  it('lists the expert teams with their service levels', async () => {
    const teams = json(await send(agent, 'GET', '/api/v1/inquiries/teams'));
    expect(teams.map((team: { code: string }) => team.code)).toEqual([
      'audit-externe',
      'etudes-juridiques',
      'expertiz',
    ]);
  });

  it('judges a document by the name Windows would save it under and by its content, and says why it refuses one', async () => {
    const ref = await newCall();
    const attach = (filename: string, bytes: Buffer, content_type = 'application/octet-stream') =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/inquiries/${ref}/attachments`,
        headers: { ...asSession(agent), 'accept-language': 'fr' },
        payload: { filename, content_type, content_base64: bytes.toString('base64') },
      });
    const refusals = await Promise.all([
      attach('facture.bat.', DOCUMENTS.batch, 'application/pdf'),
      attach('facture.exe::$DATA', DOCUMENTS.pdf),
      attach('facture\u202Efdp.exe', DOCUMENTS.pdf),
      attach('contrat.docm', DOCUMENTS.docxWithMacros),
      attach('contrat.docx', DOCUMENTS.docxWithMacros),
      attach('facture.docx', DOCUMENTS.zipOfProgram),
      attach('scan.pdf', DOCUMENTS.png, 'application/pdf'),
    ]);
    expect(refusals.map((r) => r.statusCode)).toEqual(Array(7).fill(400));
    expect(refusals.map((r) => json(r).errors[0].code)).toEqual([
      'inquiries.attachment_executable',
      'inquiries.attachment_executable',
      'inquiries.attachment_executable',
      'inquiries.attachment_macros',
      'inquiries.attachment_macros',
      'inquiries.attachment_mismatch',
      'inquiries.attachment_mismatch',
    ]);
    expect(json(refusals[0]!).errors[0].message).toBe(
      'facture.bat est un programme : les programmes ne sont pas acceptés comme pièces jointes.',
    );
    expect(json(refusals[6]!).errors[0].message).toContain('scan.pdf');

    // Kept under the name a computer saves it as, served with the type its content proved.
    const photo = await attach('photo.jpg. ', DOCUMENTS.jpeg, 'text/html');
    const sheet = await attach('chiffres.ods', DOCUMENTS.ods);
    expect([photo.statusCode, sheet.statusCode]).toEqual([201, 201]);
    const download = await send(agent, 'GET', `/api/v1/inquiries/${ref}/attachments/${json(photo).id}`);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.headers['content-disposition']).toBe("attachment; filename*=UTF-8''photo.jpg");
    expect((await read(ref)).attachments.map((a: { filename: string }) => a.filename).sort()).toEqual([
      'chiffres.ods',
      'photo.jpg',
    ]);
  });

  it('keeps documents on the thread and refuses programs, oversized and mistyped files', async () => {
    const ref = await newCall();
    const pdf = Buffer.from('%PDF-1.7\nattestation de fermeture');
    const attach = (filename: string, content_type: string, bytes: Buffer) =>
      send(agent, 'POST', `/api/v1/inquiries/${ref}/attachments`, {
        filename,
        content_type,
        content_base64: bytes.toString('base64'),
      });
    const saved = await attach('attestation.pdf', 'application/pdf', pdf);
    expect(saved.statusCode).toBe(201);
    const { id } = json(saved);
    const download = await send(agent, 'GET', `/api/v1/inquiries/${ref}/attachments/${id}`);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain('attestation.pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);

    const program = await attach('attestation.pdf', 'application/pdf', Buffer.from([0x4d, 0x5a, 0x90, 0, 3]));
    expect(json(program).errors).toEqual([
      expect.objectContaining({ field: 'filename', code: 'inquiries.attachment_executable' }),
    ]);
    const huge = Buffer.alloc(5 * 1024 * 1024 + 10);
    pdf.copy(huge);
    expect(json(await attach('big.pdf', 'application/pdf', huge)).errors[0].code).toBe(
      'inquiries.attachment_too_large',
    );
    // The type is decided by the name (and the content), not by the declared type.
    expect(json(await attach('page.html', 'text/html', Buffer.from('<script>'))).errors).toEqual([
      expect.objectContaining({ field: 'filename', code: 'inquiries.attachment_type' }),
    ]);
    const view = await read(ref);
    expect(view.attachments).toEqual([
      expect.objectContaining({ id, filename: 'attestation.pdf', size_bytes: pdf.length }),
    ]);
  });
});
