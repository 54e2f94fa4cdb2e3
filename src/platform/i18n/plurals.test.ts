import { describe, expect, it } from 'vitest';
import { translate } from './i18n.js';

// Counts in messages go through i18next's plural forms (Intl.PluralRules: `_one`, `_other`, the bare
// key standing for the other forms of an error code): never "1 lignes", and French says "0 erreur".
describe('translate: plural forms', () => {
  it('says one row, one error, one problem in the singular', () => {
    expect(translate('fr', 'directory.import_failed', { count: 1 })).toBe(
      "Le fichier n'a pas été importé : 1 ligne n'est pas valide.",
    );
    expect(translate('nl', 'directory.import_failed', { count: 1 })).toBe(
      'Het bestand werd niet geïmporteerd: 1 rij is niet geldig.',
    );
    expect(translate('en', 'directory.import_failed', { count: 1 })).toBe(
      'The file was not imported: 1 row is not valid.',
    );
    expect(translate('fr', 'knowledge.import_failed', { count: 1 })).toBe(
      "Le fichier n'a pas été importé : 1 erreur dans les enregistrements.",
    );
    expect(translate('en', 'workplace.plan_invalid', { count: 1 })).toBe(
      'The plan was not imported: 1 problem in the file.',
    );
    expect(translate('nl', 'input.more_errors', { count: 1 })).toBe('En nog 1 andere fout.');
  });

  it('keeps the plural for more, and French singular for none', () => {
    expect(translate('en', 'directory.import_failed', { count: 2 })).toBe(
      'The file was not imported: 2 rows are not valid.',
    );
    expect(translate('fr', 'input.more_errors', { count: 3 })).toBe('Et 3 autres erreurs.');
    expect(translate('fr', 'knowledge.import_failed', { count: 0 })).toBe(
      "Le fichier n'a pas été importé : 0 erreur dans les enregistrements.",
    );
  });
});

describe('translate: counts nested in a sentence', () => {
  it('says "1 minute" when a throttled login waits one minute', () => {
    expect(translate('fr', 'auth.throttled', { minutes: 1 })).toBe(
      'Trop de tentatives échouées. Réessayez dans 1 minute.',
    );
    expect(translate('nl', 'auth.throttled', { minutes: 15 })).toBe(
      'Te veel mislukte pogingen. Probeer opnieuw over 15 minuten.',
    );
    expect(translate('en', 'auth.throttled', { minutes: 1 })).toBe(
      'Too many failed attempts. Try again in 1 minute.',
    );
  });
});
