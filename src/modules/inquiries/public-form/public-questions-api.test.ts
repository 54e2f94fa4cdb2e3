import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test-support/databases.js';
import { buildEntry, buildPartner, buildTheme } from '../../../test-support/factories.js';
import { createTestApp, json, type TestApp } from '../../../test-support/test-app.js';
import { withApp } from '../../../test-support/with-app.js';

const API = '/api/v1/public/questions';
const SCRIPT = '<script>alert(1)</script>';

const aQuestion = (overrides: Record<string, unknown> = {}) => ({
  name: 'Anna Peeters',
  email: 'anna.peeters@example.be',
  language: 'nl',
  question: 'Heb ik recht op het overbruggingsrecht als mijn zaak dicht moet?',
  ...overrides,
});

/** The fields a problem names (a field may break several rules at once). */
const fieldsOf = (response: LightMyRequestResponse): string[] =>
  [...new Set(((json(response).errors ?? []) as { field: string }[]).map((error) => error.field))].sort();

describe.each(DIALECTS)('%s: the public question form (API)', (dialect) => {
  const t = withApp(dialect, { as: ['agent', 'editor'] });
  let fund: string;
  let theme: string;
  let publicRef: string;
  let internalRef: string;

  beforeAll(async () => {
    fund = (await buildPartner(t.app, { code: 'acerta' })).code;
    theme = (await buildTheme(t.app, { code: 'droit-passerelle' })).code;
    publicRef = (await buildEntry(t.app, { theme })).ref;
    internalRef = (await buildEntry(t.app, { theme, audience: 'internal' })).ref;
  });

  const ask = (payload: unknown, remoteAddress = '198.51.100.1') =>
    t.app.inject({ method: 'POST', url: API, payload: payload as object, remoteAddress });
  const countInquiries = async () =>
    Number(
      (
        await t.app.db
          .selectFrom('inquiry')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const countMails = async () =>
    Number(
      (
        await t.app.db
          .selectFrom('platform_mail_outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('answers 201 with a reference; the inquiry is in the agents’ list with channel web, and the confirmation mail is queued in Dutch', async () => {
    const response = await ask(
      aQuestion({
        phone: '+32 470 12 34 56',
        niss: '85.07.30-033.28',
        enterprise_number: '0403.170.701',
        fund,
        theme,
      }),
    );
    expect(response.statusCode).toBe(201);
    const { ref } = json(response);
    expect(ref).toMatch(/^Q-\d{4}-\d{6}$/);

    const list = await t.send(t.people.agent, 'GET', `/api/v1/inquiries?channel=web&status=new`);
    expect(list.statusCode).toBe(200);
    const inquiry = json(list).items.find((item: { ref: string }) => item.ref === ref);
    expect(inquiry).toMatchObject({
      channel: 'web',
      origin: 'self_employed',
      language: 'nl',
      status: 'new',
      theme,
      question: 'Heb ik recht op het overbruggingsrecht als mijn zaak dicht moet?',
      requester: { name: 'Anna Peeters', fund },
    });
    const detail = json(await t.send(t.people.agent, 'GET', `/api/v1/inquiries/${ref}`));
    expect(detail.requester).toMatchObject({
      email: 'anna.peeters@example.be',
      phone: '+32 470 12 34 56',
      niss: '85.07.30-033.28',
      enterprise_number: '0403.170.701',
    });

    const mail = await t.app.db
      .selectFrom('platform_mail_outbox')
      .selectAll()
      .where('to_address', '=', 'anna.peeters@example.be')
      .executeTakeFirstOrThrow();
    expect(mail.status).toBe('queued');
    expect(mail.subject).toContain(ref);
    expect(mail.subject).toContain('Wij hebben uw vraag goed ontvangen');
    expect(mail.text_body).toContain(ref);
    // The mail says nothing of what was typed: the form cannot be used to send others words.
    expect(mail.text_body).not.toContain('overbruggingsrecht');
    expect(mail.text_body).not.toContain('Anna');
  });

  it('keeps names and questions as text: a script sent in them is taken out, never stored', async () => {
    const response = await ask(
      aQuestion({
        name: `Jan ${SCRIPT}<b>Janssens</b>`,
        question: `${SCRIPT}Mijn <i>vraag</i> over de premie`,
      }),
    );
    expect(response.statusCode).toBe(201);
    const row = await t.app.db
      .selectFrom('inquiry')
      .select(['requester_name', 'question'])
      .where('ref', '=', json(response).ref)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ requester_name: 'Jan Janssens', question: 'Mijn vraag over de premie' });
  });

  it('refuses a script in each other field, naming that field, and stores nothing', async () => {
    const before = await countInquiries();
    for (const field of ['email', 'language', 'phone', 'niss', 'enterprise_number', 'fund', 'theme']) {
      const response = await ask(aQuestion({ [field]: SCRIPT }));
      expect(response.statusCode, field).toBe(400);
      expect(fieldsOf(response), field).toEqual([field]);
      expect(response.body).not.toContain('<script>');
    }
    // A name or question that was nothing but markup is missing.
    const onlyMarkup = await ask(aQuestion({ name: SCRIPT, question: `${SCRIPT}${SCRIPT}` }));
    expect(onlyMarkup.statusCode).toBe(400);
    expect(fieldsOf(onlyMarkup)).toEqual(['name', 'question']);
    expect(await countInquiries()).toBe(before);
  });

  it('names every missing, malformed or oversized field', async () => {
    const before = await countInquiries();
    const missing = await ask({});
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing)).toEqual(['email', 'language', 'name', 'question']);

    const malformed = await ask(
      aQuestion({
        email: 'not-an-address',
        language: 'de',
        phone: 'call me',
        niss: '85.07.30-033.29',
        enterprise_number: '0403.170.702',
        question: 'short',
      }),
    );
    expect(malformed.statusCode).toBe(400);
    expect(fieldsOf(malformed)).toEqual([
      'email',
      'enterprise_number',
      'language',
      'niss',
      'phone',
      'question',
    ]);
    expect(json(malformed).errors.find((e: { field: string }) => e.field === 'niss').code).toBe(
      'validation.niss',
    );

    const oversized = await ask(
      aQuestion({
        name: 'n'.repeat(201),
        email: `${'e'.repeat(250)}@x.be`,
        question: 'q'.repeat(5001),
        phone: '1'.repeat(31),
        website: 'w'.repeat(501),
      }),
    );
    expect(oversized.statusCode).toBe(400);
    expect(fieldsOf(oversized)).toEqual(['email', 'name', 'phone', 'question', 'website']);

    const unknownField = await ask(aQuestion({ password: 'x' }));
    expect(unknownField.statusCode).toBe(400);
    expect(fieldsOf(unknownField)).toEqual(['password']);

    const wrongTypes = await ask(aQuestion({ name: 42, question: ['a', 'b'] }));
    expect(wrongTypes.statusCode).toBe(400);
    expect(fieldsOf(wrongTypes)).toEqual(['name', 'question']);
    expect(await countInquiries()).toBe(before);
  });

  it('refuses an unknown fund and an unknown theme, naming both fields', async () => {
    const before = await countInquiries();
    const response = await ask(aQuestion({ fund: 'nowhere', theme: 'nothing' }));
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['fund', 'theme']);
    expect(
      json(response)
        .errors.map((e: { code: string }) => e.code)
        .sort(),
    ).toEqual(['inquiries.unknown_fund', 'knowledge.unknown_theme']);
    expect(await countInquiries()).toBe(before);
  });

  it('refuses a huge post with a 413 problem before reading it', async () => {
    const response = await ask(aQuestion({ question: 'x'.repeat(200_000) }));
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(json(response).code).toBe('http.payload_too_large');
  });

  it('answers a robot that fills in the hidden field as if accepted, and creates and sends nothing', async () => {
    const [inquiries, mails] = [await countInquiries(), await countMails()];
    const response = await ask(aQuestion({ website: 'http://spam.example' }));
    expect(response.statusCode).toBe(201);
    expect(json(response).ref).toMatch(/^Q-\d{4}-000000$/);
    expect(await countInquiries()).toBe(inquiries);
    expect(await countMails()).toBe(mails);
  });

  it('counts a deflection per entry and language, and shows it to the editors only', async () => {
    const deflect = (body: object) =>
      t.app.inject({
        method: 'POST',
        url: `${API}/deflections`,
        payload: body,
        remoteAddress: '198.51.100.9',
      });
    expect((await deflect({ entry_ref: publicRef, language: 'nl' })).statusCode).toBe(204);
    expect((await deflect({ entry_ref: publicRef.toLowerCase(), language: 'nl' })).statusCode).toBe(204);
    expect((await deflect({ entry_ref: publicRef, language: 'fr' })).statusCode).toBe(204);
    for (const ref of [internalRef, 'FAQ-9999', SCRIPT]) {
      const refused = await deflect({ entry_ref: ref, language: 'nl' });
      expect(refused.statusCode, ref).toBe(400);
      expect(fieldsOf(refused)).toEqual(['entry_ref']);
    }

    const seen = await t.send(t.people.editor, 'GET', '/api/v1/knowledge/deflections?days=7');
    expect(seen.statusCode).toBe(200);
    const rows = json(seen).items.filter((item: { ref: string }) => item.ref === publicRef);
    expect(rows).toEqual([
      expect.objectContaining({
        ref: publicRef,
        lang: 'nl',
        count: 2,
        question: expect.stringMatching(/^Vraag/),
      }),
      expect.objectContaining({
        ref: publicRef,
        lang: 'fr',
        count: 1,
        question: expect.stringMatching(/^Question/),
      }),
    ]);
    expect(json(seen).items.some((item: { ref: string }) => item.ref === internalRef)).toBe(false);
    expect((await t.send(t.people.agent, 'GET', '/api/v1/knowledge/deflections')).statusCode).toBe(403);
  });
});

describe.each(DIALECTS)('%s: the public question form’s limit per address', (dialect) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      env: { RELAIS_PUBLIC_QUESTIONS_PER_WINDOW: '5', RELAIS_TRUST_PROXY: '10.9.9.9' },
    });
  });
  afterAll(() => t?.close());

  const ask = (remoteAddress: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: API, payload: aQuestion(), remoteAddress, headers });

  it('answers the sixth question of an address within 10 minutes with a 429 problem and Retry-After; other addresses still ask', async () => {
    for (let i = 0; i < 5; i++) expect((await ask('203.0.113.10')).statusCode).toBe(201);
    const refused = await ask('203.0.113.10', { 'accept-language': 'nl' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(json(refused)).toMatchObject({ status: 429, code: 'inquiries.public_form_rate_limited' });
    expect(json(refused).title).toMatch(
      /^U hebt veel vragen gesteld in korte tijd: probeer opnieuw over 10 min\.$/,
    );
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(540);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect((await ask('203.0.113.11')).statusCode).toBe(201);
  });

  it('counts behind the trusted proxy by the address it forwards', async () => {
    for (let i = 0; i < 5; i++)
      expect((await ask('10.9.9.9', { 'x-forwarded-for': '192.0.2.1' })).statusCode).toBe(201);
    expect((await ask('10.9.9.9', { 'x-forwarded-for': '192.0.2.1' })).statusCode).toBe(429);
    expect((await ask('10.9.9.9', { 'x-forwarded-for': '192.0.2.2' })).statusCode).toBe(201);
  });

  it('limits the page’s form by the same count as the API', async () => {
    for (let i = 0; i < 5; i++) expect((await ask('203.0.113.20')).statusCode).toBe(201);
    const page = await t.app.inject({
      method: 'POST',
      url: '/faq/fr/ask',
      remoteAddress: '203.0.113.20',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(aQuestion({ language: 'fr' }) as Record<string, string>).toString(),
    });
    expect(page.statusCode).toBe(429);
    expect(Number(page.headers['retry-after'])).toBeGreaterThan(0);
    expect(page.body).toContain('Vous avez posé beaucoup de questions en peu de temps');
    // What was typed is still there.
    expect(page.body).toContain('value="Anna Peeters"');
  });
});
