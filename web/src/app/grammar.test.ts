import { describe, expect, it } from 'vitest';
import { vowelContext } from '../../../src/shared/grammar.js';
import { createI18n } from './i18n-setup.js';

// The strings as the web app renders them: its own i18next setup, the shared locale files.
const fr = createI18n('fr');
const nl = createI18n('nl');
const en = createI18n('en');

describe('web: grammar of sentences with a value in them', () => {
  it('elides "que" before a vowel in French: "Connecté en tant qu\'agent"', () => {
    const signedIn = (t: typeof fr.t, username: string) =>
      t('web.shell.signed_in_as', { username, context: vowelContext(username) });
    expect(signedIn(fr.t, 'agent')).toBe("Connecté en tant qu'agent");
    expect(signedIn(fr.t, 'expert')).toBe("Connecté en tant qu'expert");
    expect(signedIn(fr.t, 'fund')).toBe('Connecté en tant que fund');
    expect(signedIn(nl.t, 'agent')).toBe('Aangemeld als agent');
    expect(signedIn(en.t, 'agent')).toBe('Signed in as agent');
  });

  it('elides "de" before a name starting with a vowel: "Menu du compte d\'Anne Martin"', () => {
    const menu = (t: typeof fr.t, name: string) =>
      t('web.shell.user_menu', { name, context: vowelContext(name) });
    expect(menu(fr.t, 'Anne Martin')).toBe("Menu du compte d'Anne Martin");
    expect(menu(fr.t, 'Marc Dubois')).toBe('Menu du compte de Marc Dubois');
    expect(menu(nl.t, 'Anne Martin')).toBe('Accountmenu van Anne Martin');
    expect(menu(en.t, 'Anne Martin')).toBe('Account menu of Anne Martin');
  });

  it('elides "de" before a username starting with a vowel in the token revocation', () => {
    const confirm = (username: string) =>
      fr.t('web.tokens.revoke_confirm', { name: 'export', username, context: vowelContext(username) });
    expect(confirm('admin')).toBe(
      "Le jeton export d'admin cessera immédiatement de fonctionner. C'est irréversible.",
    );
    expect(confirm('fund')).toBe(
      "Le jeton export de fund cessera immédiatement de fonctionner. C'est irréversible.",
    );
  });

  it('writes a language in lower case inside a French sentence: "Parle français"', () => {
    const K = 'web.inquiries.callbacks';
    const speaks = (t: typeof fr.t, code: string) =>
      t(`${K}.language`, { language: t(`${K}.languages.${code}`) });
    expect(fr.t(`${K}.languages.fr`)).toBe('Français');
    expect(speaks(fr.t, 'fr')).toBe('Parle français');
    expect(speaks(fr.t, 'nl')).toBe('Parle néerlandais');
    expect(speaks(nl.t, 'fr')).toBe('Spreekt Frans');
    expect(speaks(en.t, 'nl')).toBe('Speaks Dutch');
  });
});

describe('web: counts in sentences', () => {
  it('says "1 affiché" and "3 affichés" for the desks shown', () => {
    const caption = (t: typeof fr.t, count: number) =>
      t('web.workplace.table_caption', { floor: '2e étage', count });
    expect(caption(fr.t, 1)).toBe('Bureaux du 2e étage (1 affiché)');
    expect(caption(fr.t, 3)).toBe('Bureaux du 2e étage (3 affichés)');
    expect(caption(nl.t, 1)).toBe('Bureaus van 2e étage (1 getoond)');
    expect(caption(en.t, 3)).toBe('Desks of 2e étage (3 shown)');
  });

  it('counts the places of a zone, not its bookings, so that one booking reads right', () => {
    const occupancy = (t: typeof fr.t, booked: number) =>
      t('web.workplace.zone_occupancy', { zone: 'A', booked, capacity: 4 });
    expect(occupancy(fr.t, 1)).toBe('A : 1 sur 4 places réservées');
    expect(occupancy(nl.t, 1)).toBe('A: 1 van de 4 plaatsen gereserveerd');
    expect(occupancy(en.t, 0)).toBe('A: 0 of 4 places booked');
  });
});

describe('web: counts nested in a sentence', () => {
  it('says "1 page, 1 fiche" and "12 pages, 150 fiches" of an export', () => {
    const details = (t: typeof fr.t, pages: number, entries: number) =>
      t('knowledgeExport.page.details_pdf', { pages, entries, size: '2 Mo' });
    expect(details(fr.t, 1, 1)).toBe('1 page, 1 fiche, 2 Mo');
    expect(details(fr.t, 12, 150)).toBe('12 pages, 150 fiches, 2 Mo');
    expect(details(nl.t, 1, 2)).toBe('1 pagina, 2 fiches, 2 Mo');
    expect(en.t('knowledgeExport.page.details_html', { entries: 1, size: '40 kB' })).toBe('1 entry, 40 kB');
  });
});
