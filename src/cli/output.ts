import { ConfigError } from '../platform/config.js';
import { AppError, type FieldError } from '../platform/errors.js';
import { type Language, languageFromHeader, translate } from '../platform/i18n/i18n.js';

/** The CLI speaks the language of the shell (LANG=nl_BE.UTF-8 → Dutch), English otherwise. */
export const cliLanguage: Language = languageFromHeader(process.env.LANG?.replace('_', '-')) ?? 'en';

/** A failure of the command itself (a missing file, a missing tool): its message is the whole story. */
export class CliError extends Error {}

/**
 * `line.3.email` → `line 3, email`; `employees.csv.line.3.hired_on` → `employees.csv, line 3, hired_on`:
 * import errors point at the file's line.
 */
export function fieldLabel(field: string): string {
  const match = /^(?:(.+)\.)?line\.(\d+)(?:\.(.+))?$/.exec(field);
  if (!match) return field;
  const where = match[1] ? `${match[1]}, line ${match[2]}` : `line ${match[2]}`;
  return match[3] ? `${where}, ${match[3]}` : where;
}

/**
 * What to print for an error: one line with the reason (naming the field when one field is
 * wrong), or the reason then one line per bad field. Never a stack trace for bad input.
 */
export function describeFailure(error: unknown, language: Language = cliLanguage): string[] {
  if (error instanceof AppError) {
    const fieldLine = (fieldError: FieldError) =>
      `${fieldLabel(fieldError.field)}: ${translate(language, fieldError.code, fieldError.params)}`;
    const [only, ...others] = error.fieldErrors;
    // One bad field: its line says it all, unless the headline adds context (a file not imported).
    const isHeadlineRedundant = error.code === 'validation.failed' || error.code === only?.code;
    if (only && others.length === 0 && isHeadlineRedundant) return [fieldLine(only)];
    return [
      translate(language, error.code, error.params),
      ...error.fieldErrors.map((fieldError) => `  ${fieldLine(fieldError)}`),
    ];
  }
  if (error instanceof ConfigError || error instanceof CliError) return [error.message];
  return [error instanceof Error ? error.message : String(error)];
}

/** Prints why on stderr and exits: 2 for bad configuration, 1 otherwise. */
export function failAndExit(error: unknown): never {
  const [first, ...rest] = describeFailure(error);
  console.error(`relais: ${first}`);
  for (const line of rest) console.error(line);
  // Anything else is unexpected (a bug, a database that is down): its trace when debugging.
  const isExpected = error instanceof AppError || error instanceof ConfigError || error instanceof CliError;
  const isDebugging = ['debug', 'trace'].includes(process.env.RELAIS_LOG_LEVEL ?? '');
  if (!isExpected && isDebugging && error instanceof Error) console.error(error.stack);
  process.exit(error instanceof ConfigError ? 2 : 1);
}

/** Progress on stderr: a live counter on a terminal, a line every 10% in a log. */
export function progressPrinter(label: string): (done: number, total: number) => void {
  let lastDecile = -1;
  let isFinished = false;
  return (done, total) => {
    if (isFinished) return;
    isFinished = done === total;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${label} ${done}/${total}${done === total ? '\n' : ''}`);
      return;
    }
    const decile = Math.floor((done / Math.max(total, 1)) * 10);
    if (decile !== lastDecile || done === total) {
      lastDecile = decile;
      process.stderr.write(`${label} ${done}/${total}\n`);
    }
  };
}

/**
 * A percentage on stderr for work counted in steps: a bar redrawn in place on a terminal, a line
 * every 10 % in a log. `detail` says what is being done now.
 */
export function percentPrinter(label: string): (done: number, total: number, detail?: string) => void {
  let lastDecile = -1;
  let lastDrawn = '';
  let isFinished = false;
  return (done, total, detail) => {
    if (isFinished) return;
    const percent = Math.min(100, Math.floor((done * 100) / Math.max(total, 1)));
    isFinished = percent === 100;
    const suffix = detail && !isFinished ? ` (${detail})` : '';
    if (process.stderr.isTTY) {
      const filled = Math.round(percent / 5);
      const line = `\r${label} [${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${String(percent).padStart(3)} %${suffix}`;
      if (line === lastDrawn) return;
      lastDrawn = line;
      process.stderr.write(`${line}\u001b[K${isFinished ? '\n' : ''}`);
      return;
    }
    const decile = Math.floor(percent / 10);
    if (decile !== lastDecile) {
      lastDecile = decile;
      process.stderr.write(`${label} ${percent} %${suffix}\n`);
    }
  };
}
