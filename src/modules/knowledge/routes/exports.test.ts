import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test-support/databases.js';
import { pageText, readPdfText } from '../../../test-support/pdf-text.js';
import {
  asSession,
  createTestApp,
  DEMO_PASSWORD,
  login,
  makePerson,
  type Session,
  type TestApp,
} from '../../../test-support/test-app.js';

// The demo's FAQ: the corpus and the ICT helpdesk's internal entries.
const corpus = ['faq-corpus.json', 'ict-helpdesk-faq.json'].flatMap(
  (name) =>
    JSON.parse(fs.readFileSync(new URL(`../../../../demo/faq/${name}`, import.meta.url), 'utf8')) as {
      id: string;
      audience: string;
      valid_from: string;
      valid_to: string | null;
    }[],
);
const AS_OF = '2020-04-15';
const validOn = (e: (typeof corpus)[number]) =>
  e.valid_from <= AS_OF && (e.valid_to === null || AS_OF <= e.valid_to);
const internal = corpus.find((e) => e.audience === 'internal' && validOn(e))!;
const forPartners = corpus.find((e) => e.audience === 'partners' && validOn(e))!;

describe.each(DIALECTS)('%s: FAQ exports over the API', (dialect) => {
  let t: TestApp;
  let agent: Session;
  let partner: Session;
  const start = (session: Session, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/knowledge/exports', headers: asSession(session), payload });
  const get = (session: Session, url: string) => t.app.inject({ url, headers: asSession(session) });

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'demo' });
    agent = await login(t.app, 'agent', DEMO_PASSWORD);
    partner = await login(t.app, 'partner.acerta', DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  it('exports the bilingual PDF as a job: queued, followed at its Location, then downloaded with its name', async () => {
    const started = await start(agent, { as_of: AS_OF, lang: 'both', format: 'pdf' });
    expect(started.statusCode, started.body).toBe(202);
    const location = started.headers.location as string;
    expect(location).toMatch(/^\/api\/v1\/knowledge\/exports\/[0-9a-f-]{36}$/);
    expect(started.json()).toMatchObject({
      status: 'queued',
      asOf: AS_OF,
      lang: 'both',
      format: 'pdf',
      audience: 'internal',
      progress: { percent: 0 },
      file: null,
    });
    expect((await get(agent, location)).json().status).toBe('queued');

    expect(await t.app.jobs.runDue()).toBe(1);
    const done = (await get(agent, location)).json();
    expect(done).toMatchObject({
      status: 'done',
      progress: { percent: 100 },
      error: null,
      file: { fileName: 'faq-2020-04-15-fr-nl.pdf', contentType: 'application/pdf', url: `${location}/file` },
    });
    expect(done.file.pages).toBeGreaterThan(10);
    expect(done.file.entries).toBe(corpus.filter(validOn).length);

    const file = await get(agent, done.file.url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe('attachment; filename="faq-2020-04-15-fr-nl.pdf"');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.rawPayload.byteLength).toBe(done.file.bytes);
    const pdf = readPdfText(file.rawPayload);
    expect(pdf.pageCount).toBe(done.file.pages);
    // Staff print for staff: internal entries are in.
    expect(pdf.destinations.has(internal.id)).toBe(true);

    // The list of one's exports has it.
    const list = (await get(agent, '/api/v1/knowledge/exports')).json();
    expect(list.items.map((item: { id: string }) => item.id)).toContain(done.id);
  });

  it('shows an export to the person who asked for it and to admins only', async () => {
    const started = await start(agent, { as_of: AS_OF, lang: 'fr', format: 'html' });
    const location = started.headers.location as string;
    await t.app.jobs.runDue();
    const colleague = await makePerson(t.app, { roles: ['agent'] });
    const other = await login(t.app, colleague.username);
    for (const url of [location, `${location}/file`]) {
      const response = await get(other, url);
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('knowledge.export_not_found');
    }
    expect((await get(other, '/api/v1/knowledge/exports')).json().items).toEqual([]);
    const admin = await login(t.app, 'admin', DEMO_PASSWORD);
    const file = await get(admin, `${location}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(file.headers['content-disposition']).toBe('attachment; filename="faq-2020-04-15-fr.html"');
    expect(file.body).toContain('<html lang="fr-BE">');
    expect(file.body).not.toMatch(/<script/i);
  });

  it('gives the funds public and partner entries only, and refuses them an internal export naming the field', async () => {
    const refused = await start(partner, { lang: 'nl', format: 'pdf', audience: 'internal' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'knowledge.export_audience_forbidden',
      errors: [{ field: 'audience' }],
    });
    const started = await start(partner, { as_of: AS_OF, lang: 'nl', format: 'pdf' });
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json().audience).toBe('partners');
    await t.app.jobs.runDue();
    const done = (await get(partner, started.headers.location as string)).json();
    expect(done.file.fileName).toBe('faq-2020-04-15-nl-partners.pdf');
    const pdf = readPdfText((await get(partner, done.file.url)).rawPayload);
    expect(pdf.destinations.has(forPartners.id)).toBe(true);
    expect(pdf.destinations.has(internal.id)).toBe(false);
    const text = Array.from({ length: pdf.pageCount }, (_, i) => pageText(pdf, i + 1)).join(' ');
    expect(text).not.toContain(internal.id);
  });

  it('answers bad input with a problem naming the field, and a file not ready yet with 409', async () => {
    const cases: [object, string][] = [
      [{ lang: 'de', format: 'pdf' }, 'lang'],
      [{ lang: 'fr', format: 'docx' }, 'format'],
      [{ lang: 'fr', format: 'pdf', as_of: '2020-02-30' }, 'as_of'],
      [{ lang: 'fr', format: 'pdf', audience: 'everyone' }, 'audience'],
      [{ format: 'pdf' }, 'lang'],
      [{ lang: 'fr', format: 'pdf', pages: 3 }, 'pages'],
    ];
    for (const [payload, field] of cases) {
      const response = await start(agent, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const started = await start(agent, { lang: 'fr', format: 'pdf' });
    const early = await get(agent, `${started.headers.location}/file`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('knowledge.export_not_ready');
    // Today by default.
    expect(started.json().asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await t.app.jobs.runDue();
  });

  it('lets one person have three exports under way at most', async () => {
    const expert = await login(t.app, 'expert', DEMO_PASSWORD);
    for (let i = 0; i < 3; i++)
      expect((await start(expert, { lang: 'fr', format: 'html' })).statusCode).toBe(202);
    const fourth = await start(expert, { lang: 'fr', format: 'html' });
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json()).toMatchObject({ code: 'knowledge.export_too_many', count: 3 });
    await t.app.jobs.runDue();
    expect((await start(expert, { lang: 'fr', format: 'html' })).statusCode).toBe(202);
    await t.app.jobs.runDue();
  });
});
