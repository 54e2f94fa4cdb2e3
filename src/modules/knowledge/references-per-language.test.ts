import { beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test-support/databases.js';
import { buildEntry } from '../../test-support/factories.js';
import { json } from '../../test-support/test-app.js';
import { withApp } from '../../test-support/with-app.js';
import { referenceNotes } from './export/content.js';

// An entry's legal basis and sources are per language (issue 12, point 7): a French page shows
// French references, a Dutch page Dutch ones, and the printed FAQ each language's own.

const texts = (legalBasis: string, sources: string[]) => ({
  question: 'Q',
  answer: 'A',
  legalBasis,
  sources,
});

describe('knowledge export: the references printed under an entry', () => {
  it("are each printed language's own, marked by language when they differ", () => {
    const entry = {
      fr: texts('Loi du 23 mars 2020', ['Moniteur belge, 30 mars 2020']),
      nl: texts('Wet van 23 maart 2020', ['Belgisch Staatsblad, 30 maart 2020']),
    };
    // A Dutch print cites the Dutch references, with no marker: there is one language.
    expect(referenceNotes(entry, ['nl'])).toEqual([
      {
        language: null,
        legalBasis: 'Wet van 23 maart 2020',
        sources: ['Belgisch Staatsblad, 30 maart 2020'],
      },
    ]);
    expect(referenceNotes(entry, ['fr', 'nl']).map((note) => note.language)).toEqual(['fr', 'nl']);
  });

  it('are printed once when both languages cite the same', () => {
    const same = { fr: texts('Loi', ['INASTI']), nl: texts('Loi', ['INASTI']) };
    expect(referenceNotes(same, ['fr', 'nl'])).toEqual([
      { language: null, legalBasis: 'Loi', sources: ['INASTI'] },
    ]);
  });
});

describe.each(DIALECTS)('%s: references per language on the public page', (dialect) => {
  const t = withApp(dialect);
  let ref: string;
  beforeAll(async () => {
    ({ ref } = await buildEntry(t.app, {
      legalBasis: { fr: 'Loi du 23 mars 2020', nl: 'Wet van 23 maart 2020' },
      sources: { fr: ['Moniteur belge'], nl: ['Belgisch Staatsblad'] },
    }));
  });

  it('shows the French references on the French page and the Dutch ones on the Dutch page', async () => {
    const read = async (lang: 'fr' | 'nl') =>
      json(await t.app.inject({ url: `/api/v1/public/faq/entries/${ref}?lang=${lang}` }));
    expect(await read('fr')).toMatchObject({
      legalBasis: 'Loi du 23 mars 2020',
      sources: ['Moniteur belge'],
    });
    expect(await read('nl')).toMatchObject({
      legalBasis: 'Wet van 23 maart 2020',
      sources: ['Belgisch Staatsblad'],
    });
  });
});
