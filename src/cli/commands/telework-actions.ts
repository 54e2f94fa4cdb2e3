import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Type } from 'typebox';
import { importStatistics, statisticsExport, statisticsReport } from '../../modules/telework/index.js';
import { CLI_ACTOR } from '../../platform/audit/audit.js';
import { csvChunks } from '../../platform/exports/csv.js';
import { xlsxStream } from '../../platform/exports/xlsx.js';
import { validateValue } from '../../platform/http/validation.js';
import { withDatabase } from '../context.js';
import { CliError, progressPrinter } from '../output.js';
import type { ReportCliOptions } from './telework.js';

function readFile(file: string): { name: string; text: string } {
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) throw new CliError(`No such file: ${file}`);
  return { name: path.basename(file), text: fs.readFileSync(file, 'utf8') };
}

/** `relais telework import`: both files checked whole, then written in one transaction. */
export async function importCommand(options: {
  org: string;
  employees: string;
  agreements: string;
}): Promise<void> {
  const employees = readFile(options.employees);
  const agreements = readFile(options.agreements);
  const report = await withDatabase(({ db }) =>
    importStatistics(
      db,
      CLI_ACTOR,
      { organisation: options.org, employees, agreements },
      { onProgress: progressPrinter('importing rows') },
    ),
  );
  const line = (what: string, c: typeof report.employees) =>
    `${what}: ${c.created} new, ${c.updated} changed, ${c.unchanged} unchanged, ${c.removed} removed`;
  console.log(
    `Imported ${report.organisation.name} (${report.organisation.id}${report.organisation.isNew ? ', new' : ''}).`,
  );
  console.log(line('Employees', report.employees));
  console.log(line('Agreements', report.agreements));
}

// The option names are the field names: a bad value is reported as "--from: Must be at least 1900.".
const ReportOptions = Type.Object({
  '--from': Type.Integer({ minimum: 1900, maximum: 2199 }),
  '--to': Type.Integer({ minimum: 1900, maximum: 2199 }),
  '--at': Type.String({ pattern: '^\\d\\d-\\d\\d$' }),
  '--format': Type.Enum(['json', 'csv', 'xlsx']),
  '--lang': Type.Enum(['fr', 'nl', 'en']),
});

const asInteger = (text: string) => (/^\d{1,4}$/.test(text) ? Number(text) : text);

/** `relais telework report`: JSON on stdout by default, or a CSV/XLSX laid out like an answer to parliament. */
export async function reportCommand(options: ReportCliOptions): Promise<void> {
  const values = validateValue(ReportOptions, {
    '--from': asInteger(options.from),
    '--to': asInteger(options.to),
    '--at': options.at,
    '--format': options.format,
    '--lang': options.lang,
  });
  const format = values['--format'];
  if (format === 'xlsx' && !options.out) throw new CliError('--format xlsx: give a file with --out');
  const report = await withDatabase(({ db }) =>
    statisticsReport(db, options.org, { from: values['--from'], to: values['--to'], at: values['--at'] }),
  );
  const target = options.out ? path.resolve(options.out) : undefined;
  if (format === 'json') {
    const { organisation, rows } = report;
    const text = `${JSON.stringify({ organisation, rows }, null, 2)}\n`;
    if (target) fs.writeFileSync(target, text);
    else process.stdout.write(text);
    return;
  }
  const table = statisticsExport(report, values['--lang']);
  const body = format === 'csv' ? Readable.from(csvChunks(table)) : xlsxStream(table);
  if (!target) {
    await pipeline(body, process.stdout, { end: false });
    return;
  }
  // Written beside, then renamed: a failed run never leaves half a file under the name.
  const partial = `${target}.partial-${process.pid}`;
  try {
    await pipeline(body, fs.createWriteStream(partial));
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  console.error(`Wrote ${target}`);
}
