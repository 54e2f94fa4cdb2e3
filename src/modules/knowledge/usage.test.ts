import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../platform/audit/audit.js';
import { DIALECTS } from '../../test-support/databases.js';
import { asSession, json, type Session } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';
import { importCorpus } from './import-corpus.js';

describe.each(DIALECTS)('%s: feedback, usage, unanswered searches and synonyms', (dialect) => {
  const t = withApp(dialect, { as: ['agent', 'editor'] });
  let agent: Session;
  let editor: Session;
  beforeAll(async () => {
    ({ agent, editor } = t.people);
    // The institution's existing FAQ, imported: a knowledge base's first import brings the glossary's synonyms.
    await importCorpus(t.app.db, CLI_ACTOR, [
      {
        id: 'FAQ-0001',
        theme: 'droit-passerelle',
        audience: 'public',
        valid_from: '2020-03-13',
        valid_to: null,
        supersedes: null,
        tags: [],
        legal_basis: null,
        sources: [],
        fr: {
          question: 'Qui a droit au droit passerelle de crise ?',
          answer: 'Le droit passerelle de crise est ouvert à l’indépendant forcé d’interrompre son activité.',
        },
        nl: {
          question: 'Wie heeft recht op het crisis-overbruggingsrecht?',
          answer:
            'Het crisis-overbruggingsrecht staat open voor de zelfstandige die zijn activiteit moet onderbreken.',
        },
      },
    ]);
  });

  it('counts openings and helpful/unhelpful marks on the entry', async () => {
    await t.app.inject({ url: '/api/v1/knowledge/entries/FAQ-0001', headers: asSession(agent) });
    for (const isHelpful of [true, true, false]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/knowledge/entries/FAQ-0001/feedback',
        headers: asSession(agent),
        payload: { isHelpful },
      });
      expect(response.statusCode).toBe(204);
    }
    const view = json(
      await t.app.inject({ url: '/api/v1/knowledge/entries/FAQ-0001', headers: asSession(agent) }),
    );
    expect(view.usage).toMatchObject({ opened: 2, helped: 2, notHelped: 1 });
  });

  it('lists searches that found nothing for editors, most frequent first', async () => {
    for (const q of ['zorgverlof mantelzorg hond', 'zorgverlof mantelzorg hond', 'xylofoon']) {
      await t.app.inject({
        url: `/api/v1/knowledge/search?q=${encodeURIComponent(q)}&lang=nl`,
        headers: asSession(agent),
      });
    }
    const misses = json(
      await t.app.inject({ url: '/api/v1/knowledge/search-misses', headers: asSession(editor) }),
    ).items;
    const xylofoon = misses.find((m: { query: string }) => m.query === 'xylofoon');
    expect(xylofoon).toMatchObject({ lang: 'nl', count: 1 });
    expect(misses.map((m: { query: string }) => m.query).indexOf('xylofoon')).toBeGreaterThan(-1);
    expect(
      (await t.app.inject({ url: '/api/v1/knowledge/search-misses', headers: asSession(agent) })).statusCode,
    ).toBe(403);
  });

  it('starts with the glossary synonyms, and a new group changes what search finds at once', async () => {
    const groups = json(
      await t.app.inject({ url: '/api/v1/knowledge/synonyms', headers: asSession(editor) }),
    ).items;
    expect(groups.length).toBeGreaterThan(10);
    const search = async () =>
      json(
        await t.app.inject({
          url: '/api/v1/knowledge/search?q=xylofoon&lang=nl&as_of=any',
          headers: asSession(agent),
        }),
      ).results.length;
    expect(await search()).toBe(0);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/knowledge/synonyms',
      headers: asSession(editor),
      payload: { fr: ['droit passerelle'], nl: ['xylofoon'] },
    });
    expect(created.statusCode).toBe(201);
    expect(await search()).toBeGreaterThan(0);
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/knowledge/synonyms/${json(created).id}`,
      headers: asSession(editor),
    });
    expect(await search()).toBe(0);
  });
});
