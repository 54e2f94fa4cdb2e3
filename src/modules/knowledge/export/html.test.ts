import { describe, expect, it } from 'vitest';
import { buildFaqExport, type ExportEntry } from './content.js';
import { escapeHtml, renderFaqHtml } from './html.js';

const entry = (number: number, overrides: Partial<ExportEntry> = {}): ExportEntry => ({
  ref: `FAQ-${String(number).padStart(4, '0')}`,
  number,
  theme: 'cotisations',
  audience: 'public',
  validFrom: '2020-03-01',
  validTo: '2020-06-30',
  version: 2,
  versionDate: '2020-03-20',
  supersedes: null,
  fr: {
    question: `Question ${number} ?`,
    answer: 'Le **montant** est fixe.',
    legalBasis: 'Loi du 23 mars 2020',
    sources: ['INASTI'],
  },
  nl: {
    question: `Vraag ${number}?`,
    answer: 'Het **bedrag** is vast.',
    legalBasis: 'Loi du 23 mars 2020',
    sources: ['INASTI'],
  },
  ...overrides,
});
const themes = [
  { code: 'cotisations', name: { fr: 'Cotisations sociales', nl: 'Sociale bijdragen' } },
  { code: 'cumul', name: { fr: 'Cumul <b>gras</b>', nl: 'Cumulatie' } },
];
const render = (entries: ExportEntry[], languages: 'fr' | 'nl' | 'both' = 'both') =>
  renderFaqHtml(
    buildFaqExport(entries, themes, {
      asOf: '2020-04-15',
      languages,
      audience: 'internal',
      generatedAt: '2020-04-15T10:30:00Z',
    }),
  );

describe('knowledge export: the print-ready HTML page', () => {
  it('escapes every text and keeps only the sanitised Markdown as markup: no script anywhere', async () => {
    const hostile = entry(7, {
      theme: 'cumul',
      supersedes: 'FAQ-0001',
      fr: {
        question: '<script>alert(3)</script> & co ?',
        answer: 'Texte <script>alert(4)</script> [lien](javascript:alert(5)) [site](https://www.inasti.be)',
        legalBasis: '<img src=x onerror=alert(1)>',
        sources: ['"><script>alert(2)</script>'],
      },
      nl: {
        question: 'Vraag \'x\' "y"?',
        answer: '<iframe src="https://evil.example"></iframe>',
        legalBasis: '<img src=x onerror=alert(1)>',
        sources: ['"><script>alert(2)</script>'],
      },
    });
    const html = await render([hostile]);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(3)&lt;/script&gt; &amp; co ?');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('Vraag &#39;x&#39; &quot;y&quot;?');
    expect(html).toContain('Cumul &lt;b&gt;gras&lt;/b&gt;');
    expect(html).toContain(
      '<a href="https://www.inasti.be" rel="noopener noreferrer" target="_blank">site</a>',
    );
    expect(html).toContain('remplace FAQ-0001 / vervangt FAQ-0001');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(escapeHtml(`<a href="x">'</a>&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&lt;/a&gt;&amp;');
  });

  it('is an A4 print page: contents linking to each theme and entry, themes from a new page, two columns for two languages', async () => {
    const html = await render([entry(1), entry(2, { theme: 'cumul', validTo: null, audience: 'partners' })]);
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toContain('.theme { break-before: page; }');
    expect(html).toContain('target-counter(attr(href url), page)');
    expect(html).toContain('counter(page) " / " counter(pages)');
    for (const id of ['theme-cotisations', 'theme-cumul', 'FAQ-0001', 'FAQ-0002']) {
      expect(html).toContain(`href="#${id}"`);
      expect(html).toContain(`id="${id}"`);
    }
    expect(html).toContain('<div class="texts two">');
    expect(html).toContain('<div class="text" lang="fr">');
    expect(html).toContain('<div class="text" lang="nl">');
    expect(html).toContain('<p>Le <strong>montant</strong> est fixe.</p>');
    expect(html).toContain('<p>Het <strong>bedrag</strong> is vast.</p>');
    expect(html).toContain(
      'Validité / Geldigheid: 01/03/2020 – 30/06/2020 · Version / Versie 2 (20/03/2020)',
    );
    expect(html).toContain('Validité / Geldigheid: à partir du / vanaf 01/03/2020');
    expect(html).toContain('<span class="tag">Caisses partenaires / Partnerfondsen</span>');
    expect(html).toContain('Situation au 15 avril 2020 / Stand van zaken op 15 april 2020');
  });

  it('prints one language alone, labels in that language', async () => {
    const html = await render([entry(1)], 'nl');
    expect(html).toContain('<html lang="nl-BE">');
    expect(html).not.toContain('lang="fr"');
    expect(html).not.toContain('Question 1');
    expect(html).toContain('Vraag 1?');
    expect(html).toContain('Inhoudstafel');
    expect(html).not.toContain('class="texts two"');
  });
});
