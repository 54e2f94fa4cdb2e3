import { beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../platform/audit/audit.js';
import { DIALECTS } from '../../test-support/databases.js';
import { asSession, json, type Session } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';
import { importCorpus } from './import-corpus.js';

const entry = (id: string, audience: 'public' | 'internal', fr: string, nl: string) => ({
  id,
  theme: 'droit-passerelle',
  audience,
  valid_from: '2020-03-13',
  valid_to: null,
  supersedes: null,
  tags: [],
  legal_basis: null,
  sources: [],
  fr: { question: fr, answer: `${fr} Réponse.` },
  nl: { question: nl, answer: `${nl} Antwoord.` },
});

describe.each(DIALECTS)('%s: finding an FAQ entry by its reference as people say it', (dialect) => {
  const t = withApp(dialect, { as: ['agent'] });
  let agent: Session;
  beforeAll(async () => {
    agent = t.people.agent;
    await importCorpus(t.app.db, CLI_ACTOR, [
      entry(
        'FAQ-0012',
        'public',
        'Qui a droit au droit passerelle de crise ?',
        'Wie heeft recht op het overbruggingsrecht?',
      ),
      entry(
        'FAQ-0013',
        'internal',
        'Comment traiter un dossier de droit passerelle ?',
        'Hoe een dossier behandelen?',
      ),
    ]);
  });
  const search = async (q: string, headers = asSession(agent)) =>
    json(
      await t.app.inject({
        url: `/api/v1/knowledge/search?q=${encodeURIComponent(q)}&lang=fr&as_of=any`,
        headers,
      }),
    ).results.map((r: { ref: string }) => r.ref);

  it('gives the entry itself for its reference in any spelling', async () => {
    for (const typed of ['FAQ-0012', 'faq 12', 'FAQ12', 'faq-0012', '0012', ' Faq 0012 '])
      expect(await search(typed), typed).toEqual(['FAQ-0012']);
  });

  it('keeps reading other text as words, and a reference no entry holds finds nothing by number', async () => {
    expect(await search('droit passerelle')).toEqual(expect.arrayContaining(['FAQ-0012', 'FAQ-0013']));
    expect(await search('faq 99')).toEqual([]);
  });

  it('keeps an entry out of reach of those its audience leaves out, even by reference', async () => {
    expect(await search('faq 13')).toEqual(['FAQ-0013']);
    const publicApi = json(
      await t.app.inject({ url: '/api/v1/public/faq/search?q=faq%2013&lang=fr&as_of=any' }),
    );
    expect(publicApi.results).toEqual([]);
    const publicOwn = json(
      await t.app.inject({ url: '/api/v1/public/faq/search?q=FAQ12&lang=fr&as_of=any' }),
    );
    expect(publicOwn.results.map((r: { ref: string }) => r.ref)).toEqual(['FAQ-0012']);
  });
});
