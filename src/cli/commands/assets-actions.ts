import fs from 'node:fs';
import { importAssets } from '../../modules/equipment/index.js';
import { CLI_ACTOR } from '../../platform/audit/audit.js';
import { withDatabase } from '../context.js';
import { CliError, progressPrinter } from '../output.js';

/** `relais assets import FILE`: the file checked whole, then written in one transaction. */
export async function importAssetsCommand(file: string): Promise<void> {
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) throw new CliError(`No such file: ${file}`);
  const text = fs.readFileSync(file, 'utf8');
  const report = await withDatabase(({ db }) =>
    importAssets(db, CLI_ACTOR, text, { onProgress: progressPrinter('importing assets') }),
  );
  console.log(`Imported ${file}: ${report.imported} assets registered.`);
}
