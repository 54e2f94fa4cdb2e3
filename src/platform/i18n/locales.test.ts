import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ABILITIES } from '../auth/contract.js';
import { fieldErrorsFromAjv } from '../http/validation.js';
import { LANGUAGES, type Language, resources } from './i18n.js';

// One set of keys in three languages (STYLE.md habit 8): a key in one locale is in all, none is
// empty, each uses the same placeholders, and every error code the server can answer with has a
// message, so no one ever reads a bare `directory.partner_not_found`.

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

type Messages = { [key: string]: string | Messages };

/** `{ http: { not_found: '…' } }` → `{ 'http.not_found': '…' }`; non-string leaves are kept as faults. */
function flatten(messages: Messages, prefix = ''): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, full)) flat.set(k, v);
    } else flat.set(full, value);
  }
  return flat;
}

const locales = Object.fromEntries(
  LANGUAGES.map((language) => [language, flatten(resources[language].translation as Messages)]),
) as Record<Language, Map<string, unknown>>;

// A placeholder's name, without the formatter a locale may apply to it ("{{language, lowercase}}").
const placeholders = (message: unknown) =>
  [...String(message).matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// Where a code is written as a literal: thrown, used for a field error, or mapped in the HTTP layer.
const CODE = `'([a-z][a-z_]*(?:\\.[a-zA-Z_]+)+)'`;
const CODE_PATTERNS = [
  new RegExp(`new AppError\\(\\s*${CODE}`, 'g'),
  new RegExp(`\\b(?:notFound|conflict)\\(\\s*${CODE}`, 'g'),
  new RegExp(`\\bcode:\\s*${CODE}`, 'g'),
  new RegExp(`\\btranslate\\([^,()]+,\\s*${CODE}`, 'g'),
  // The platform's own codes (problem.ts maps Fastify's errors to them).
  /'((?:http|validation)\.[a-z_]+(?:\.[a-z_]+)*)'/g,
];

/** Every code literal in src/, with the files that use it. */
function codesInSource(): Map<string, string[]> {
  const codes = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of CODE_PATTERNS) {
      for (const match of text.matchAll(pattern)) {
        const code = match[1]!;
        codes.set(code, [...(codes.get(code) ?? []), path.relative(SRC, file)]);
      }
    }
  }
  return codes;
}

describe('locales', () => {
  it('have the same keys in French, Dutch and English', () => {
    const all = new Set(LANGUAGES.flatMap((language) => [...locales[language].keys()]));
    const missing = LANGUAGES.flatMap((language) =>
      [...all].filter((key) => !locales[language].has(key)).map((key) => `${language}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('name every ability of the permissions table in words, in each language (the roles page)', () => {
    // web/src/modules/admin/roles-page.tsx: `web.abilities.<ability with _ for .>`.
    const missing = LANGUAGES.flatMap((language) =>
      Object.keys(ABILITIES)
        .filter(
          (ability) =>
            typeof locales[language].get(`web.abilities.${ability.replaceAll('.', '_')}`) !== 'string',
        )
        .map((ability) => `${language}: ${ability}`),
    );
    expect(missing).toEqual([]);
  });

  it('have no empty message', () => {
    const empty = LANGUAGES.flatMap((language) =>
      [...locales[language]]
        .filter(([, message]) => typeof message !== 'string' || message.trim() === '')
        .map(([key]) => `${language}: ${key}`),
    );
    expect(empty).toEqual([]);
  });

  it('use the same placeholders in each language', () => {
    const mismatched = [...locales.en]
      .filter(([key, message]) =>
        LANGUAGES.some(
          (language) =>
            locales[language].has(key) &&
            placeholders(locales[language].get(key)).join() !== placeholders(message).join(),
        ),
      )
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('have a message in every language for every error code the source uses', () => {
    const codes = codesInSource();
    expect(codes.size).toBeGreaterThan(20);
    const missing = [...codes].flatMap(([code, files]) =>
      LANGUAGES.filter((language) => typeof locales[language].get(code) !== 'string').map(
        (language) => `${language}: ${code} (${[...new Set(files)].join(', ')})`,
      ),
    );
    expect(missing).toEqual([]);
  });

  it('have a message for every validation keyword the API reports', () => {
    const keywords = [
      'required',
      'additionalProperties',
      'type',
      'format',
      'pattern',
      'enum',
      'const',
      'minLength',
      'maxLength',
      'minimum',
      'maximum',
      'exclusiveMinimum',
      'exclusiveMaximum',
      'minItems',
      'maxItems',
      'uniqueItems',
      'multipleOf',
      'anyOf',
      'oneOf',
      'not',
    ];
    const codes = fieldErrorsFromAjv(
      keywords.map((keyword, i) => ({
        keyword,
        instancePath: `/f${i}`,
        params: { allowedValues: [], limit: 1, type: 'string', format: 'date' },
      })),
      'body',
    ).map((e) => e.code);
    const missing = LANGUAGES.flatMap((language) =>
      codes.filter((code) => !locales[language].has(code)).map((code) => `${language}: ${code}`),
    );
    expect(missing).toEqual([]);
  });
});
