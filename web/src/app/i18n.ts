import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
// One set of keys for server and browser: error codes from problem documents are keys here too.
import en from '../../../src/shared/locales/en.json' with { type: 'json' };
import fr from '../../../src/shared/locales/fr.json' with { type: 'json' };
import nl from '../../../src/shared/locales/nl.json' with { type: 'json' };
import { type Language, pickLanguage } from './languages.js';

const STORAGE_KEY = 'relais.language';

/** The language remembered on this device, if any. */
export function storedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage can be disabled; the browser's languages still work
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // nothing to do: the choice then lasts for this page only
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, nl: { translation: nl }, en: { translation: en } },
  lng: pickLanguage(storedLanguage(), navigator.languages),
  fallbackLng: 'en',
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
  returnNull: false,
});

// Screen readers and the browser's own spell-check and hyphenation follow <html lang>.
const syncDocumentLanguage = (language: string) => {
  document.documentElement.lang = language;
};
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

/** The current interface language. */
export const currentLanguage = (): Language => i18n.language as Language;
