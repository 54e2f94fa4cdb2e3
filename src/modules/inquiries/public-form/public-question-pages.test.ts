import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test-support/databases.js';
import { buildEntry, buildPartner } from '../../../test-support/factories.js';
import { withApp } from '../../../test-support/with-app.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded' };

const typed = {
  name: 'Anna Peeters',
  email: 'anna@example.be',
  language: 'nl',
  question: 'Heb ik recht op het overbruggingsrecht?',
  phone: '',
  niss: '',
  enterprise_number: '',
  fund: '',
  theme: '',
  website: '',
};

describe.each(DIALECTS)('%s: the public question form’s pages (without script)', (dialect) => {
  const t = withApp(dialect, { as: ['agent'] });
  let entryRef: string;

  beforeAll(async () => {
    await buildPartner(t.app, { code: 'acerta', nameNl: 'Acerta Sociaal Verzekeringsfonds' });
    entryRef = (await buildEntry(t.app)).ref;
  });

  const post = (lang: string, fields: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: `/faq/${lang}/ask`, headers: FORM_HEADERS, payload: form(fields) });

  it('links to the form from the public FAQ’s pages, in their language', async () => {
    for (const url of ['/faq/nl', `/faq/nl/${entryRef}`, '/faq/nl/search?q=niets']) {
      const page = await t.app.inject({ url });
      expect(page.body, url).toContain('<a href="/faq/nl/ask">Stel ons uw vraag</a>');
    }
    expect((await t.app.inject({ url: '/faq/fr' })).body).toContain(
      '<a href="/faq/fr/ask">Posez-nous votre question</a>',
    );
  });

  it('shows the form in Dutch, with labelled fields, the funds by their Dutch name, and a hidden honeypot', async () => {
    const page = await t.app.inject({ url: '/faq/nl/ask' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<html lang="nl">');
    expect(page.body).toContain('<h1>Een vraag stellen</h1>');
    expect(page.body).toMatch(/<form id="ask-form"[^>]* action="\/faq\/nl\/ask" method="post">/);
    for (const field of ['name', 'email', 'question', 'phone', 'niss', 'enterprise_number', 'fund', 'theme'])
      expect(page.body, field).toContain(`<label for="${field}">`);
    expect(page.body).toContain('<option value="acerta">Acerta Sociaal Verzekeringsfonds</option>');
    expect(page.body).toMatch(/<div class="hp" aria-hidden="true">.*tabindex="-1"/s);
    expect(page.body).toMatch(/<script src="\/faq\/ask-assets\/ask\.[\w-]{10}\.js" defer=""><\/script>/);
    const script = /src="(\/faq\/ask-assets\/[^"]+)"/.exec(page.body)![1]!;
    const served = await t.app.inject({ url: script });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toContain('javascript');
  });

  it('sends the question, then redirects to the confirmation with its reference', async () => {
    const sent = await post('nl', typed);
    expect(sent.statusCode).toBe(303);
    const location = String(sent.headers.location);
    expect(location).toMatch(/^\/faq\/nl\/ask\/sent\?ref=Q-\d{4}-\d{6}$/);
    const ref = location.split('ref=')[1]!;
    const confirmation = await t.app.inject({ url: location });
    expect(confirmation.statusCode).toBe(200);
    expect(confirmation.body).toContain('<h1>Uw vraag is verstuurd</h1>');
    expect(confirmation.body).toContain(`Referentienummer: ${ref}`);
    const list = await t.send(t.people.agent, 'GET', `/api/v1/inquiries?q=${ref}`);
    expect(list.json().items[0]).toMatchObject({
      ref,
      channel: 'web',
      origin: 'self_employed',
      language: 'nl',
    });
  });

  it('gives the form back as typed, each problem next to its field, and sends nothing', async () => {
    const page = await post('nl', { ...typed, niss: '85.07.30-033.29', email: '' });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('<title>Fout – Een vraag stellen – ');
    expect(page.body).toContain('role="alert"');
    expect(page.body).toContain('value="Anna Peeters"');
    expect(page.body).toContain('value="85.07.30-033.29"');
    expect(page.body).toContain('Heb ik recht op het overbruggingsrecht?</textarea>');
    expect(page.body).toMatch(/<p class="field-error" id="niss-error">[^<]+<\/p>/);
    expect(page.body).toMatch(/<p class="field-error" id="email-error">[^<]+<\/p>/);
    expect(page.body).toMatch(
      /id="niss"[^>]*aria-invalid="true"[^>]*aria-describedby="niss-help niss-error"/,
    );
    expect(page.body).toContain('<a href="#niss">');

    // A fund the form does not offer (a changed page): named next to the list, the rest kept.
    const unknownFund = await post('nl', { ...typed, fund: 'nowhere' });
    expect(unknownFund.statusCode).toBe(400);
    expect(unknownFund.body).toMatch(/<p class="field-error" id="fund-error">Onbekend fonds[^<]*<\/p>/);
    expect(unknownFund.body).toContain('value="Anna Peeters"');
  });

  it('keeps a script typed in a field as harmless text on the page', async () => {
    const page = await post('fr', { ...typed, language: 'fr', name: '<script>alert(1)</script>', niss: 'x' });
    expect(page.statusCode).toBe(400);
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('answers a robot that fills the honeypot with the confirmation of a reference no inquiry has', async () => {
    const sent = await post('fr', { ...typed, language: 'fr', website: 'http://spam.example' });
    expect(sent.statusCode).toBe(303);
    expect(String(sent.headers.location)).toMatch(/ref=Q-\d{4}-000000$/);
  });

  it('refuses a huge form with a page saying so', async () => {
    const page = await post('fr', { ...typed, question: 'x'.repeat(100_000) });
    expect(page.statusCode).toBe(413);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Votre question n&#x27;a pas été envoyée.');
  });
});
