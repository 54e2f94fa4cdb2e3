import { describe, expect } from 'vitest';
import { DIALECTS } from '../../src/test-support/databases.js';
import { asSession, login } from '../../src/test-support/test-app.js';
import { browserTest, DEMO_PASSWORD, openDraftForReview, useServerAndBrowser } from './support.js';

// The FAQ workflow says the truth (issue 12, point 7): the reviewer sees each answer rendered as
// readers will, beside the word diff against the published version; a draft never published has
// no "see the published version" link and shows what was written instead of a diff.

describe.each(DIALECTS)('%s: what the reviewer sees', (dialect) => {
  const running = useServerAndBrowser(dialect);

  const call = async (username: string, method: 'POST' | 'PATCH', url: string, payload: object) => {
    const session = await login(running.server.app, username, DEMO_PASSWORD);
    const response = await running.server.app.inject({ method, url, headers: asSession(session), payload });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json();
  };

  browserTest(
    'a revision: the answer rendered beside the words it adds and removes, with the published version at hand',
    running,
    async ({ a11y, open }) => {
      const entry = '/api/v1/knowledge/entries/FAQ-0002';
      await call('editor', 'PATCH', `${entry}/draft`, {
        fr: {
          question: 'Question révisée pour la relecture ?',
          answer: 'Réponse **révisée** par la rédaction.',
        },
        nl: {
          question: 'Herziene vraag voor de nalezing?',
          answer: 'Antwoord **herzien** door de redactie.',
        },
      });
      await call('editor', 'POST', `${entry}/draft/submit`, {});

      const reviewer = await openDraftForReview(open, 'FAQ-0002');
      const french = reviewer.panel.getByRole('region', { name: 'Français' });
      await expect.poll(() => french.locator('.kb-answer strong').textContent()).toBe('révisée');
      expect(await french.textContent()).toContain('Telle que les lecteurs la verront');
      // The published version arrives after the draft; until then the column says neither.
      await expect.poll(() => french.textContent()).toMatch(/Changements par rapport à la version \d+/);
      expect(await french.textContent()).not.toContain('jamais publiée');
      expect(await french.locator('ins').first().textContent()).toContain('révisée');
      expect(await french.locator('del').count()).toBeGreaterThan(0);
      expect(await reviewer.panel.getByRole('link', { name: 'Voir la version publiée' }).count()).toBe(1);
      await a11y.check(reviewer.page, 'review of a revision');
    },
  );

  browserTest(
    'a new entry: no published version to see, and the Markdown as written beside the rendering',
    running,
    async ({ a11y, open }) => {
      const created = await call('editor', 'POST', '/api/v1/knowledge/entries', {
        theme: 'cotisations',
        audience: 'public',
        validFrom: '2026-01-01',
        fr: { question: 'Une fiche toute neuve ?', answer: 'Oui, **toute** neuve.' },
        nl: { question: 'Een gloednieuwe fiche?', answer: 'Ja, **gloed**nieuw.' },
      });
      await call('editor', 'POST', `/api/v1/knowledge/entries/${created.ref}/draft/submit`, {});

      const reviewer = await openDraftForReview(open, created.ref);
      const french = reviewer.panel.getByRole('region', { name: 'Français' });
      await expect.poll(() => french.locator('.kb-answer strong').textContent()).toBe('toute');
      expect(await french.textContent()).toContain('nouvelle fiche, jamais publiée');
      expect(await french.textContent()).toContain('Oui, **toute** neuve.');
      expect(await reviewer.panel.getByRole('link', { name: 'Voir la version publiée' }).count()).toBe(0);
      await a11y.check(reviewer.page, 'review of a new entry');
    },
  );
});
