import { translate } from '../../../platform/i18n/i18n.js';
import type { PublicQuestionLanguage } from '../contract.js';

/** The form's words, from the `publicQuestion` section of the shared locale files. */
export const formTexts =
  (lang: PublicQuestionLanguage) =>
  (key: string, params?: Record<string, unknown>): string =>
    translate(lang, `publicQuestion.${key}`, params);
