import fs from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test-support/databases.js';
import {
  asSession,
  createTestApp,
  DEMO_PASSWORD,
  json,
  login,
  type Session,
  type TestApp,
} from '../../../test-support/test-app.js';
import { canonicalRef } from './faq.js';

type CorpusEntry = {
  id: string;
  audience: string;
  valid_from: string;
  valid_to: string | null;
  supersedes: string | null;
  fr: { question: string };
  nl: { question: string };
};
const corpus = JSON.parse(
  fs.readFileSync(new URL('../../../../demo/faq/faq-corpus.json', import.meta.url), 'utf8'),
) as CorpusEntry[];
const hidden = corpus.filter((e) => e.audience !== 'public');
const internal = corpus.find((e) => e.audience === 'internal')!;
const partners = corpus.find((e) => e.audience === 'partners')!;
// A public entry that replaced another and was replaced in turn: it has a chain of periods.
const chained = corpus.find(
  (e) => e.audience === 'public' && e.supersedes && corpus.some((n) => n.supersedes === e.id),
)!;

const refsIn = (html: string) =>
  new Set([...html.matchAll(/href="\/faq\/(?:fr|nl)\/(FAQ-\d+)/g)].map((m) => m[1]));
const pageLang = (html: string) => /<html lang="([a-z]+)"/.exec(html)?.[1];
const h1 = (html: string) => /<h1[^>]*>(.*?)<\/h1>/s.exec(html)?.[1];

/** What a shared cache needs to keep a copy for everyone: a tag, `public`, and no cookie. */
function expectCacheable(response: LightMyRequestResponse) {
  expect(response.headers.etag).toMatch(/^W\/".+"$/);
  expect(response.headers['cache-control']).toMatch(/^public, max-age=60, stale-while-revalidate=\d+/);
  expect(response.headers['cache-control']).not.toMatch(/private|no-store/);
  expect(response.headers['set-cookie']).toBeUndefined();
  expect(String(response.headers.vary ?? '')).not.toMatch(/cookie|authorization/i);
}

describe('references as people type them', () => {
  it('become the canonical form, and the exact form is left alone', () => {
    expect(canonicalRef('faq-12')).toBe('FAQ-0012');
    expect(canonicalRef('FAQ 0012')).toBe('FAQ-0012');
    expect(canonicalRef('faq0012')).toBe('FAQ-0012');
    expect(canonicalRef('FAQ-12345')).toBe('FAQ-12345');
    expect(canonicalRef('FAQ-00012')).toBe('FAQ-00012');
    for (const odd of ['', 'FAQ-', 'FAQ-12a', '12', 'FAQ-12345678', '../FAQ-0012', 'FAQ-0012/'])
      expect(canonicalRef(odd), odd).toBeUndefined();
  });
});

describe.each(DIALECTS)('%s: the public FAQ', (dialect) => {
  let t: TestApp;
  let editor: Session;
  let reviewer: Session;
  let agent: Session;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'demo' });
    editor = await login(t.app, 'editor', DEMO_PASSWORD);
    reviewer = await login(t.app, 'reviewer', DEMO_PASSWORD);
    agent = await login(t.app, 'agent', DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  describe('pages', () => {
    it('sends a browser to its language from /faq, and offers both to others', async () => {
      for (const [header, target] of [
        ['nl-BE,nl;q=0.9,fr;q=0.8', '/faq/nl'],
        ['fr-BE,fr;q=0.9', '/faq/fr'],
        ['en-GB,en;q=0.9,nl;q=0.5', '/faq/nl'],
      ] as const) {
        const response = await get('/faq', { 'accept-language': header });
        expect(response.statusCode).toBe(302);
        expect(response.headers.location).toBe(target);
        expect(response.headers.vary).toBe('Accept-Language');
        expect(response.body).toContain('href="/faq/fr"');
        expect(response.body).toContain('href="/faq/nl"');
      }
      const neither = await get('/faq/', { 'accept-language': 'de-DE,en;q=0.5' });
      expect(neither.statusCode).toBe(200);
      expect(neither.headers.vary).toBe('Accept-Language');
      expect(neither.body).toContain('href="/faq/fr"');
      expect(neither.body).toContain('href="/faq/nl"');
      expect(neither.headers['set-cookie']).toBeUndefined();
    });

    it('lists the public entries by theme, in each language, and none of the others', async () => {
      const [fr, nl] = await Promise.all([get('/faq/fr'), get('/faq/nl')]);
      for (const [response, lang] of [
        [fr, 'fr'],
        [nl, 'nl'],
      ] as const) {
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(response.body.startsWith('<!DOCTYPE html>')).toBe(true);
        expect(pageLang(response.body)).toBe(lang);
        expectCacheable(response);
        const refs = refsIn(response.body);
        expect(refs.size).toBeGreaterThan(50);
        expect(hidden.filter((e) => refs.has(e.id)).map((e) => e.id)).toEqual([]);
      }
      expect(fr.body).toContain('<h2 id="theme-droit-passerelle">Droit passerelle</h2>');
      expect(nl.body).toContain('<h2 id="theme-droit-passerelle">Overbruggingsrecht</h2>');
      // Each links to the other language, marked as such.
      expect(fr.body).toContain('<a href="/faq/nl" hrefLang="nl" lang="nl">Nederlands</a>');
      expect(nl.body).toContain('<a href="/faq/fr" hrefLang="fr" lang="fr">Français</a>');
      // Landmarks, skip link and a labelled search field.
      for (const fragment of [
        '<header',
        '<main id="main"',
        '<footer',
        '<search',
        'href="#main"',
        '<label for="q">',
      ])
        expect(fr.body).toContain(fragment);
    });

    it('searches with the agents’ search, public entries only, marking the matched words', async () => {
      const page = await get('/faq/fr/search?q=droit+passerelle+montant');
      expect(page.statusCode).toBe(200);
      expectCacheable(page);
      expect(page.body).toContain('<mark>');
      const api = json(await get('/api/v1/public/faq/search?q=droit+passerelle+montant&lang=fr&limit=20'));
      expect([...refsIn(page.body)]).toEqual(api.results.map((r: { ref: string }) => r.ref));

      // Staff find an internal entry by its own question; the public never does.
      const q = encodeURIComponent(internal.fr.question);
      const staff = json(
        await get(`/api/v1/knowledge/search?q=${q}&lang=fr&as_of=any`, asSession(agent)),
      ).results.map((r: { ref: string }) => r.ref);
      expect(staff).toContain(internal.id);
      const publicPage = await get(`/faq/fr/search?q=${q}&as_of=${internal.valid_from}`);
      expect(refsIn(publicPage.body).has(internal.id)).toBe(false);
      const publicApi = json(await get(`/api/v1/public/faq/search?q=${q}&as_of=any&limit=50`));
      expect(publicApi.results.map((r: { ref: string }) => r.ref)).not.toContain(internal.id);
      expect(hidden.some((e) => publicApi.results.some((r: { ref: string }) => r.ref === e.id))).toBe(false);
    });

    it('says when nothing applies on the day and shows entries of other periods', async () => {
      const page = await get('/faq/nl/search?q=overbruggingsrecht+bedrag&as_of=2019-06-01');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Geen antwoord geldt op 1 juni 2019.');
      expect(page.body).toContain('Antwoorden uit andere periodes');
      expect(refsIn(page.body).size).toBeGreaterThan(0);
      // The day asked about stays in the form and in the links.
      expect(page.body).toContain('value="2019-06-01"');
      // The same words, in French, one link away; results pages are kept out of search engines.
      expect(page.body).toContain(
        '<a href="/faq/fr/search?q=overbruggingsrecht+bedrag&amp;as_of=2019-06-01" hrefLang="fr" lang="fr">Français</a>',
      );
      expect(page.body).toContain('<meta name="robots" content="noindex"/>');
      expect(page.body).toMatch(/href="\/faq\/nl\/FAQ-\d+\?as_of=2019-06-01"/);
    });

    it('answers an empty, an absurdly long or an odd search with a page that says so, never a 500', async () => {
      const empty = await get('/faq/fr/search?q=');
      expect(empty.statusCode).toBe(200);
      expect(empty.body).toContain('Tapez quelques mots de votre question');
      const long = await get(`/faq/nl/search?q=${'overbrugging '.repeat(800)}`);
      expect(long.statusCode).toBe(400);
      expect(long.headers['content-type']).toContain('text/html');
      expect(long.body).toContain('Uw zoekopdracht is te lang: hoogstens 200 tekens.');
      expect(long.headers['cache-control']).toBeUndefined();
      const badDate = await get('/faq/fr/search?q=montant&as_of=2021-02-30');
      expect(badDate.statusCode).toBe(400);
      expect(badDate.body).toContain('« 2021-02-30 » n&#x27;est pas une date valable');
      for (const url of [
        '/faq/fr/search?q=%00',
        '/faq/fr/search?q[a]=b',
        '/faq/fr/search?q=a&q=b&q=c',
        '/faq/nl/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
        '/faq/fr/search?as_of=<x>',
        '/faq/fr?as_of=yesterday',
        '/faq/fr/search?q=%E0%A4%A',
      ]) {
        const response = await get(url);
        expect(response.statusCode, url).toBeLessThan(500);
        expect(response.headers['content-type'], url).toContain('text/html');
        expect(response.body, url).not.toContain('<script>');
      }
      expect((await get('/faq/fr/search?q=%00')).statusCode).toBe(400);
    });

    it('shows one entry: question, rendered answer, period, version, legal basis, chain and both languages', async () => {
      const response = await get(`/faq/fr/${chained.id}`);
      expect(response.statusCode).toBe(200);
      expectCacheable(response);
      const html = response.body;
      expect(h1(html)).toBe(chained.fr.question.replace(/'/g, '&#x27;'));
      expect(html).toMatch(/<div class="answer"><p>/);
      expect(html).toContain('<dt>Période</dt>');
      expect(html).toMatch(/<dt>Version<\/dt><dd>version 1 du \d/);
      expect(html).toContain('<dt>Base légale</dt>');
      expect(html).toContain('<h2 id="chain-title">Cette règle au fil du temps</h2>');
      expect(html).toContain(`href="/faq/fr/${chained.supersedes}"`);
      expect(html).toContain(`<link rel="alternate" hrefLang="nl" href="/faq/nl/${chained.id}"/>`);
      expect(html).toContain(`<a href="/faq/nl/${chained.id}" hrefLang="nl" lang="nl">`);
      expect(html).toContain('Lees dit antwoord in het Nederlands');
      // The crisis is over: today it does not apply, and the page says so.
      expect(html).toContain('Cette réponse ne s&#x27;applique pas le');
      const onItsDay = await get(`/faq/nl/${chained.id}?as_of=${chained.valid_from}`);
      expect(pageLang(onItsDay.body)).toBe('nl');
      expect(onItsDay.body).toContain('Dit antwoord geldt op');
      expect(h1(onItsDay.body)).toBe(chained.nl.question.replace(/'/g, '&#x27;'));
    });

    it('answers entries that are not public exactly like unknown ones (404), in the page’s language', async () => {
      const unknown = await get('/faq/fr/FAQ-9999');
      expect(unknown.statusCode).toBe(404);
      expect(unknown.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(h1(unknown.body)).toBe('Page introuvable');
      const strip = (r: LightMyRequestResponse) => ({
        status: r.statusCode,
        body: r.body,
        headers: { ...r.headers, 'x-request-id': '', date: '' },
      });
      for (const entry of [internal, partners]) {
        const response = await get(`/faq/fr/${entry.id}`);
        expect(strip(response)).toEqual(strip(unknown));
        expect((await get(`/faq/fr/${entry.id}`, asSession(agent))).statusCode).toBe(404);
      }
      expect(h1((await get('/faq/nl/FAQ-9999')).body)).toBe('Pagina niet gevonden');
    });

    it('takes references as people type them, and odd addresses without a 500', async () => {
      const typed = await get('/faq/nl/faq-2?as_of=2020-11-02');
      expect(typed.statusCode).toBe(301);
      expect(typed.headers.location).toBe('/faq/nl/FAQ-0002?as_of=2020-11-02');
      expect((await get('/faq/fr/FAQ-0002/')).headers.location).toBe('/faq/fr/FAQ-0002');
      expect((await get('/faq/fr/')).headers.location).toBe('/faq/fr');
      for (const url of [
        '/faq/en',
        '/faq/en/FAQ-0002',
        '/faq/fr/FAQ-99999999',
        '/faq/fr/..%2F..%2Fetc%2Fpasswd',
        '/faq/fr/FAQ-0002/extra',
        '/faq/fr/%00',
        `/faq/fr/${'A'.repeat(5000)}`,
        '/faq/fr/%E0%A4%A',
        '/faq/assets/../../package.json',
        '/faq/assets/other.css',
        '/faq/fr/FAQ-0002?as_of=2020-13-01',
      ]) {
        const response = await get(url);
        expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, url).toBeLessThan(500);
      }
      expect((await get('/faq/fr/FAQ-0002?as_of=2020-13-01')).body).toContain('Date non valable');
    });

    it('serves its stylesheet for a year under a name that changes with it', async () => {
      const home = await get('/faq/fr');
      const href = /<link rel="stylesheet" href="([^"]+)"/.exec(home.body)![1]!;
      const css = await get(href);
      expect(css.statusCode).toBe(200);
      expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(css.body).toContain(':focus-visible');
    });

    it('gives a logged-in reader the same public page as anyone, without touching the cookie', async () => {
      for (const url of ['/faq/fr', `/faq/fr/${chained.id}`, '/faq/nl/search?q=overbruggingsrecht']) {
        const [anonymous, staff] = await Promise.all([get(url), get(url, asSession(agent))]);
        expect(staff.statusCode).toBe(200);
        expect(staff.body).toBe(anonymous.body);
        expect(staff.headers.etag).toBe(anonymous.headers.etag);
        expectCacheable(staff);
      }
    });
  });

  describe('JSON API', () => {
    it('reads a public entry in the language asked, and hides the others', async () => {
      const response = await get(`/api/v1/public/faq/entries/${chained.id}?lang=nl`);
      expect(response.statusCode).toBe(200);
      expectCacheable(response);
      const entry = json(response);
      expect(entry).toMatchObject({
        ref: chained.id,
        lang: 'nl',
        question: chained.nl.question,
        validFrom: chained.valid_from,
        links: { fr: `/faq/fr/${chained.id}`, nl: `/faq/nl/${chained.id}` },
      });
      expect(entry.answerHtml).toContain('<p>');
      expect(entry).not.toHaveProperty('usage');
      expect(entry).not.toHaveProperty('audience');
      for (const ref of [internal.id, partners.id, 'FAQ-9999']) {
        const hiddenEntry = await get(`/api/v1/public/faq/entries/${ref}`);
        expect(hiddenEntry.statusCode).toBe(404);
        expect(hiddenEntry.json()).toMatchObject({ code: 'knowledge.entry_not_found' });
        expect(hiddenEntry.headers.etag).toBeUndefined();
      }
      expect((await get('/api/v1/public/faq/entries/FAQ-0002?as_of=nope')).statusCode).toBe(400);
      expect((await get('/api/v1/public/faq/entries/faq-2')).statusCode).toBe(400);
    });

    it('lists the public entries by theme', async () => {
      const body = json(await get('/api/v1/public/faq/themes?lang=nl&as_of=2020-04-01'));
      expect(body.asOf).toBe('2020-04-01');
      const refs = body.items.flatMap((theme: { current: { ref: string }[]; others: { ref: string }[] }) =>
        [...theme.current, ...theme.others].map((q) => q.ref),
      );
      expect(refs.length).toBe(corpus.filter((e) => e.audience === 'public').length);
      expect(body.items.map((theme: { name: string }) => theme.name)).toContain('Overbruggingsrecht');
    });

    it('refuses bad input with problem documents', async () => {
      for (const url of [
        '/api/v1/public/faq/search',
        `/api/v1/public/faq/search?q=${'x'.repeat(10_000)}`,
        '/api/v1/public/faq/search?q=x&lang=de',
        '/api/v1/public/faq/search?q=x&as_of=2021-02-30',
        '/api/v1/public/faq/search?q=x&limit=1000',
        '/api/v1/public/faq/search?q=x&audience=internal',
      ]) {
        const response = await get(url);
        expect(response.statusCode, url).toBe(400);
        expect(response.headers['content-type'], url).toContain('application/problem+json');
      }
    });
  });

  describe('caching and what the editors see', () => {
    it('answers 304 to a current copy without a body, and a new tag once an entry changes', async () => {
      const urls = [
        `/faq/fr/${chained.id}`,
        '/faq/nl',
        '/faq/fr/search?q=horeca',
        `/api/v1/public/faq/entries/${chained.id}`,
        '/api/v1/public/faq/search?q=horeca',
        '/api/v1/public/faq/themes',
      ];
      const first = await Promise.all(urls.map((url) => get(url)));
      for (const [i, response] of first.entries()) {
        const again = await get(urls[i]!, { 'if-none-match': response.headers.etag as string });
        expect(again.statusCode, urls[i]).toBe(304);
        expect(again.body).toBe('');
        expect(again.headers.etag).toBe(response.headers.etag);
        expect(again.headers['cache-control']).toBe(response.headers['cache-control']);
        // A tag from a list, or a strong form of the same tag, matches too.
        const strong = String(response.headers.etag).replace(/^W\//, '');
        expect((await get(urls[i]!, { 'if-none-match': `"other", ${strong}` })).statusCode).toBe(304);
      }
      // Another day is another answer.
      const otherDay = await get(`/faq/fr/${chained.id}?as_of=2020-12-01`, {
        'if-none-match': first[0]!.headers.etag as string,
      });
      expect(otherDay.statusCode).toBe(200);

      // An editor corrects the French answer; a reviewer publishes it.
      const changed = 'Réponse corrigée : **montant revu**.';
      const patch = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/knowledge/entries/${chained.id}/draft`,
        headers: asSession(editor),
        payload: { fr: { question: chained.fr.question, answer: changed } },
      });
      expect(patch.statusCode).toBe(200);
      for (const [session, method, url, payload] of [
        [
          editor,
          'POST',
          `/api/v1/knowledge/entries/${chained.id}/draft/confirm-translation`,
          { language: 'nl' },
        ],
        [editor, 'POST', `/api/v1/knowledge/entries/${chained.id}/draft/submit`, undefined],
        [reviewer, 'POST', `/api/v1/knowledge/entries/${chained.id}/publish`, {}],
      ] as const) {
        const response = await t.app.inject({
          method,
          url,
          headers: asSession(session),
          ...(payload && { payload }),
        });
        expect(response.statusCode, url).toBe(200);
      }
      for (const [i, response] of first.entries()) {
        const after = await get(urls[i]!, { 'if-none-match': response.headers.etag as string });
        expect(after.statusCode, urls[i]).toBe(200);
        expect(after.headers.etag).not.toBe(response.headers.etag);
      }
      const page = await get(`/faq/fr/${chained.id}`);
      expect(page.body).toContain('<strong>montant revu</strong>');
      expect(page.body).toMatch(/version 2 du/);
    });

    it('tells editors what the public searched in vain, apart from the agents, and only from the site', async () => {
      const words = 'zeppelinhangar';
      const page = await get(`/faq/nl/search?q=${encodeURIComponent(words)}`);
      expect(page.body).toContain('Geen antwoord past bij');
      // A copy revalidated, or the JSON API, records nothing more.
      await get(`/faq/nl/search?q=${encodeURIComponent(words)}`, {
        'if-none-match': page.headers.etag as string,
      });
      await get(`/api/v1/public/faq/search?q=${encodeURIComponent(words)}&lang=nl`);
      await get(`/api/v1/knowledge/search?q=${encodeURIComponent(words)}&lang=nl`, asSession(agent));
      const misses = json(await get('/api/v1/knowledge/search-misses', asSession(editor))).items.filter(
        (m: { query: string }) => m.query === words,
      );
      expect(misses).toEqual([expect.objectContaining({ lang: 'nl', count: 2, publicCount: 1 })]);
    });

    it('answers a withdrawn public entry as gone (410), on the page and in the API', async () => {
      const ref = 'FAQ-0067';
      const withdraw = await t.app.inject({
        method: 'POST',
        url: `/api/v1/knowledge/entries/${ref}/withdraw`,
        headers: asSession(reviewer),
        payload: { comment: 'Règle abrogée.' },
      });
      expect(withdraw.statusCode).toBe(204);
      const page = await get(`/faq/fr/${ref}`);
      expect(page.statusCode).toBe(410);
      expect(h1(page.body)).toBe('Réponse retirée');
      const api = await get(`/api/v1/public/faq/entries/${ref}`);
      expect(api.statusCode).toBe(410);
      expect(api.json().code).toBe('knowledge.entry_withdrawn');
      expect(refsIn((await get('/faq/fr')).body).has(ref)).toBe(false);
    });
  });
});
