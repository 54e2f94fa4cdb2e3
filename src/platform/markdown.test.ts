import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('renders the Markdown editors write: bold, lists, links', () => {
    const html = renderMarkdown(
      '**1.291,69 €** par mois\n\n- sans charge\n- avec charge\n\n[INASTI](https://www.inasti.be)',
    );
    expect(html).toContain('<strong>1.291,69 €</strong>');
    expect(html).toContain('<li>sans charge</li>');
    expect(html).toContain(
      '<a href="https://www.inasti.be" rel="noopener noreferrer" target="_blank">INASTI</a>',
    );
  });
  it('shows raw HTML and scripts as text, never as markup', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });
  it('refuses javascript: and data: links', () => {
    expect(renderMarkdown('[x](javascript:alert(1))')).not.toContain('href');
    expect(renderMarkdown('[x](JaVaScRiPt:alert(1))')).not.toContain('href');
    expect(renderMarkdown('[x](data:text/html;base64,PHNjcmlwdD4=)')).not.toContain('href');
  });
});
