import { ConfigError } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import { type Language, languageFromHeader, translate } from '../platform/i18n/i18n.js';

/** The CLI speaks the language of the shell (LANG=nl_BE.UTF-8 → Dutch), English otherwise. */
export const cliLanguage: Language = languageFromHeader(process.env.LANG?.replace('_', '-')) ?? 'en';

/** One line saying why, then the bad fields, then exit non-zero: never a stack trace for bad input. */
export function failAndExit(error: unknown): never {
  if (error instanceof AppError) {
    console.error(`relais: ${translate(cliLanguage, error.code, error.params)}`);
    for (const fieldError of error.fieldErrors) {
      console.error(`  ${fieldError.field}: ${translate(cliLanguage, fieldError.code, fieldError.params)}`);
    }
    process.exit(1);
  }
  if (error instanceof ConfigError) {
    console.error(`relais: ${error.message}`);
    process.exit(2);
  }
  console.error(`relais: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

/** Progress on stderr: a live counter on a terminal, a line every 10% in a log. */
export function progressPrinter(label: string): (done: number, total: number) => void {
  let lastDecile = -1;
  return (done, total) => {
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${label} ${done}/${total}${done === total ? '\n' : ''}`);
      return;
    }
    const decile = Math.floor((done / total) * 10);
    if (decile !== lastDecile || done === total) {
      lastDecile = decile;
      process.stderr.write(`${label} ${done}/${total}\n`);
    }
  };
}
