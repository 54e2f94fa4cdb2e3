import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { asSession, json, type Session } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';
import { KnowledgeLimits } from './contract.js';

describe.each(DIALECTS)('%s: the editor preview renders Markdown as readers will see it', (dialect) => {
  const t = withApp(dialect, { as: ['agent', 'editor', 'reviewer'] });
  let agent: Session;
  let editor: Session;
  let reviewer: Session;
  beforeAll(() => {
    ({ agent, editor, reviewer } = t.people);
  });

  const preview = (session: Session, markdown: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/knowledge/preview',
      headers: asSession(session),
      payload: { markdown },
    });

  it('formats bold text and lists', async () => {
    const response = await preview(
      editor,
      'Le **droit passerelle** couvre :\n\n- la perte de revenus\n- 12 mois',
    );
    expect(response.statusCode).toBe(200);
    const { html } = json(response);
    expect(html).toContain('<strong>droit passerelle</strong>');
    expect(html).toMatch(/<ul>\s*<li>la perte de revenus<\/li>\s*<li>12 mois<\/li>\s*<\/ul>/);
  });

  it('shows raw HTML as text and refuses javascript: links', async () => {
    const { html } = json(
      await preview(
        editor,
        '<script>alert(1)</script>\n\n[cliquez](javascript:alert(1)) [site](https://socialsecurity.be)',
      ),
    );
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('href="https://socialsecurity.be"');
  });

  it('refuses an answer over the limit, naming the field', async () => {
    const response = await preview(editor, 'x'.repeat(KnowledgeLimits.answerMax + 1));
    expect(response.statusCode).toBe(400);
    expect(json(response).errors.map((e: { field: string }) => e.field)).toContain('markdown');
  });

  it('is for those who write or review drafts', async () => {
    expect((await preview(agent, '**gras**')).statusCode).toBe(403);
    // The reviewer sees the answer rendered as readers will before publishing it (issue 12, point 7).
    expect(json(await preview(reviewer, '**gras**')).html).toContain('<strong>gras</strong>');
  });
});
