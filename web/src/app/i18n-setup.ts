import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { registerGrammar } from '../../../src/shared/grammar.js';
// One set of keys for server and browser: error codes from problem documents are keys here too.
import en from '../../../src/shared/locales/en.json' with { type: 'json' };
import fr from '../../../src/shared/locales/fr.json' with { type: 'json' };
import nl from '../../../src/shared/locales/nl.json' with { type: 'json' };
import type { Language } from './languages.js';

/**
 * An i18next instance as the web app runs it: the shared locale files, English as fallback, and the
 * grammar the sentences use (src/shared/grammar.ts). No browser needed, so tests render with it.
 */
export function createI18n(language: Language): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { fr: { translation: fr }, nl: { translation: nl }, en: { translation: en } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  });
  registerGrammar(instance);
  return instance;
}
