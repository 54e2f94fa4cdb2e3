import fs from 'node:fs';
import { importCallFile } from '../../modules/inquiries/index.js';
import { CLI_ACTOR } from '../../platform/audit/audit.js';
import { withDatabase } from '../context.js';
import { CliError, progressPrinter } from '../output.js';

/** `relais calls import FILE`: the file checked whole, then written in one transaction. */
export async function importCallsCommand(file: string): Promise<void> {
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) throw new CliError(`No such file: ${file}`);
  const text = fs.readFileSync(file, 'utf8');
  const report = await withDatabase(({ db }) =>
    importCallFile(db, CLI_ACTOR, text, { onProgress: progressPrinter('importing calls') }),
  );
  console.log(
    `Imported ${file}: ${report.received} calls read, ${report.inserted} new, ${report.already_known} already known.`,
  );
}
