import i18next, { type TFunction } from 'i18next';
import { registerGrammar } from '../../shared/grammar.js';
import en from '../../shared/locales/en.json' with { type: 'json' };
import fr from '../../shared/locales/fr.json' with { type: 'json' };
import nl from '../../shared/locales/nl.json' with { type: 'json' };

export const LANGUAGES = ['fr', 'nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const isLanguage = (v: unknown): v is Language => LANGUAGES.includes(v as Language);

/** The same message files the web app uses: one set of keys, three locales. */
export const resources = { fr: { translation: fr }, nl: { translation: nl }, en: { translation: en } };

const instance = i18next.createInstance();
void instance.init({
  resources,
  lng: 'fr',
  fallbackLng: false,
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
registerGrammar(instance);

const fixed: Record<Language, TFunction> = {
  fr: instance.getFixedT('fr'),
  nl: instance.getFixedT('nl'),
  en: instance.getFixedT('en'),
};

/** Translates `key`; falls back to English, then to the key itself, so a message is never empty. */
export function translate(language: Language, key: string, params: Record<string, unknown> = {}): string {
  // With a count, `key` names plural forms (`key_one`, `key_other`): only the count finds them.
  const lookup = typeof params.count === 'number' ? { count: params.count } : {};
  if (instance.exists(key, { lng: language, ...lookup })) return fixed[language](key, params);
  if (instance.exists(key, { lng: 'en', ...lookup })) return fixed.en(key, params);
  return key;
}

export function hasMessage(language: Language, key: string): boolean {
  return instance.exists(key, { lng: language });
}

/** Picks fr/nl/en from an Accept-Language header, honouring q-values; undefined when none fits. */
export function languageFromHeader(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith('q='));
      return { tag: tag.toLowerCase().slice(0, 2), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.tag).find(isLanguage);
}
