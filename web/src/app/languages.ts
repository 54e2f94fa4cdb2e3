/** The interface languages, each named in itself (a French speaker looks for "Français"). */
export const LANGUAGES = [
  { code: 'fr', nativeName: 'Français' },
  { code: 'nl', nativeName: 'Nederlands' },
  { code: 'en', nativeName: 'English' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

export const isLanguage = (value: unknown): value is Language =>
  LANGUAGES.some((language) => language.code === value);

/**
 * The language to start in: the one chosen on this device, else the browser's first supported
 * language, else French (the institution's main language).
 */
export function pickLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().slice(0, 2);
    if (isLanguage(base)) return base;
  }
  return 'fr';
}
