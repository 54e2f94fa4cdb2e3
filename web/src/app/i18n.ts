import { createI18n } from './i18n-setup.js';
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

export const i18n = createI18n(pickLanguage(storedLanguage(), navigator.languages));

// Screen readers and the browser's own spell-check and hyphenation follow <html lang>.
const syncDocumentLanguage = (language: string) => {
  document.documentElement.lang = language;
};
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

/** The current interface language. */
export const currentLanguage = (): Language => i18n.language as Language;
