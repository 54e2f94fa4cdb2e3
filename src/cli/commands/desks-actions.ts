import fs from 'node:fs';
import { importPlan } from '../../modules/workplace/index.js';
import { CLI_ACTOR } from '../../platform/audit/audit.js';
import { withDatabase } from '../context.js';
import { CliError, progressPrinter } from '../output.js';

export async function importPlanCommand(file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new CliError(`No such file: ${file}`);
  let plan: unknown;
  try {
    plan = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const report = await withDatabase(({ db }) =>
    importPlan(db, CLI_ACTOR, plan, { onProgress: progressPrinter('importing desks') }),
  );
  const line = (what: string, c: typeof report.desks) =>
    `${what}: ${c.created} new, ${c.updated} changed, ${c.unchanged} unchanged, ${c.retired} retired`;
  console.log(`Imported ${file} (site ${report.site}).`);
  console.log(line('Floors', report.floors));
  console.log(line('Zones', report.zones));
  console.log(line('Desks', report.desks));
}
