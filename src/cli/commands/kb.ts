import type { Command } from 'commander';

/** kb: the knowledge base (FAQ) from the command line. */
export function registerKnowledgeCommands(program: Command): void {
  const kb = program.command('kb').description('the bilingual FAQ: import a corpus, search it, export it');

  kb.command('import')
    .description(
      'load a corpus file (JSON array of entries, the format of demo/faq/faq-corpus.json): all or nothing',
    )
    .argument('<file>', 'the corpus file; entries keep their id (FAQ-0001) as reference')
    .action(async (file: string) => (await import('./kb-actions.js')).importCommand(file));

  kb.command('search')
    .description('search the FAQ as an agent would (staff audience); or many queries with --batch')
    .argument('[query]', 'what the caller asks, in French or Dutch')
    .option('--lang <fr|nl>', 'the language of the conversation', 'fr')
    .option('--as-of <YYYY-MM-DD|any>', 'the day the question is about (default: all periods)')
    .option('--limit <n>', 'how many results', '10')
    .option('--json', 'one JSON line instead of a table')
    .option('--batch <file>', 'a JSON array of { "q", "lang", "as_of"? }: prints one JSON line per query')
    .action(async (query: string | undefined, options) =>
      (await import('./kb-actions.js')).searchCommand(query, options),
    );

  kb.command('export')
    .description('export the FAQ as of a day to a PDF, or to an HTML page to print (progress on stderr)')
    .requiredOption('--out <file>', 'the file to write (replaced if it exists)')
    .option('--as-of <YYYY-MM-DD>', 'the entries valid on this day (default: today, Brussels time)')
    .option('--lang <fr|nl|both>', 'one language, or French and Dutch side by side', 'both')
    .option('--format <pdf|html>', 'default: html when --out ends in .html, else pdf')
    .option(
      '--audience <public|partners|internal>',
      "for whom: public entries only, plus the funds' ones, or all (staff)",
      'internal',
    )
    .action(async (options) => (await import('./kb-export-action.js')).exportCommand(options));
}
