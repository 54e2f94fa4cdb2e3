import fs from 'node:fs';
import { Type } from 'typebox';
import { importCorpus } from '../../modules/knowledge/index.js';
import { KnowledgeSearch } from '../../modules/knowledge/search-service.js';
import { CLI_ACTOR } from '../../platform/audit/audit.js';
import { validateValue } from '../../platform/http/validation.js';
import { withDatabase } from '../context.js';
import { CliError, progressPrinter } from '../output.js';

function readJsonFile(file: string): unknown {
  if (!fs.existsSync(file)) throw new CliError(`No such file: ${file}`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

export async function importCommand(file: string): Promise<void> {
  const corpus = readJsonFile(file);
  const report = await withDatabase(({ db }) =>
    importCorpus(db, CLI_ACTOR, corpus, { onProgress: progressPrinter('importing entries') }),
  );
  console.log(
    `Imported ${file}: ${report.created.length} new, ${report.updated.length} changed (new versions), ${report.unchanged} unchanged.`,
  );
  if (report.themesCreated.length > 0) {
    console.log(
      `New themes (give them their French and Dutch names in the web app): ${report.themesCreated.join(', ')}`,
    );
  }
}

const SearchOptions = Type.Object({
  lang: Type.Enum(['fr', 'nl']),
  asOf: Type.Union([Type.String({ format: 'date' }), Type.Literal('any')]),
  limit: Type.Integer({ minimum: 1, maximum: 50 }),
});
const BatchQuery = Type.Array(
  Type.Object({
    q: Type.String({ minLength: 1, maxLength: 200 }),
    lang: Type.Enum(['fr', 'nl']),
    as_of: Type.Optional(Type.String({ format: 'date' })),
  }),
  { maxItems: 100_000 },
);

type SearchCliOptions = { lang: string; asOf?: string; limit: string; json?: boolean; batch?: string };

export async function searchCommand(query: string | undefined, options: SearchCliOptions): Promise<void> {
  const limit = /^\d+$/.test(options.limit) ? Number(options.limit) : Number.NaN;
  const parsed = validateValue(SearchOptions, { lang: options.lang, asOf: options.asOf ?? 'any', limit });
  if (!options.batch && !query) throw new CliError('Give a query, or --batch FILE');
  const queries = options.batch ? validateValue(BatchQuery, readJsonFile(options.batch), 'batch') : [];

  await withDatabase(async ({ db }) => {
    const search = new KnowledgeSearch(db);
    await search.start(0);
    if (options.batch) {
      for (const item of queries) {
        const response = search.search({ q: item.q, lang: item.lang, asOf: item.as_of ?? 'any', limit: 10 });
        console.log(JSON.stringify({ q: item.q, results: response.results.map((r) => r.ref) }));
      }
      return;
    }
    const response = search.search({ q: query!, lang: parsed.lang, asOf: parsed.asOf, limit: parsed.limit });
    if (options.json) {
      console.log(JSON.stringify({ q: query, ...response }));
      return;
    }
    if (response.fallback) console.log(`Nothing valid on ${parsed.asOf}; closest entries of other periods:`);
    if (response.results.length === 0) console.log('No entry found.');
    for (const hit of response.results) {
      const period = `${hit.validFrom} → ${hit.validTo ?? '…'}`;
      console.log(`${hit.ref}  ${period.padEnd(25)} ${asPlainText(hit.highlights.question)}`);
    }
  });
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** Highlights are HTML (escaped text and <mark>); a terminal wants the plain words. */
const asPlainText = (html: string) =>
  html.replace(/<\/?mark>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
