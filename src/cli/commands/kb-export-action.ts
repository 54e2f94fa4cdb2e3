import fs from 'node:fs';
import path from 'node:path';
import { Type } from 'typebox';
import { type ExportRequest, produceExport } from '../../modules/knowledge/index.js';
import { brusselsDay } from '../../platform/db/time.js';
import { validateValue } from '../../platform/http/validation.js';
import { withDatabase } from '../context.js';
import { CliError, percentPrinter } from '../output.js';

// The option names are the field names: a bad value is reported as "--lang: Must be one of: …".
const ExportOptions = Type.Object({
  '--as-of': Type.String({ format: 'date' }),
  '--lang': Type.Enum(['fr', 'nl', 'both']),
  '--format': Type.Enum(['pdf', 'html']),
  '--audience': Type.Enum(['public', 'partners', 'internal']),
});

export type ExportCliOptions = {
  asOf?: string;
  lang: string;
  format?: string;
  audience: string;
  out: string;
};

/** The folder must exist and be writable, and the file must not be a folder: checked before any work. */
function checkOutput(file: string): string {
  const target = path.resolve(file);
  const folder = path.dirname(target);
  if (fs.statSync(target, { throwIfNoEntry: false })?.isDirectory())
    throw new CliError(`--out: ${file} is a folder; give a file name`);
  if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory())
    throw new CliError(`--out: the folder ${folder} does not exist`);
  try {
    fs.accessSync(folder, fs.constants.W_OK);
    if (fs.existsSync(target)) fs.accessSync(target, fs.constants.W_OK);
  } catch {
    throw new CliError(`--out: cannot write to ${target}`);
  }
  return target;
}

const formatOf = (options: ExportCliOptions) =>
  options.format ?? (/\.html?$/i.test(options.out) ? 'html' : 'pdf');

const kilobytes = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KB`;

/** `relais kb export`: the same export as the web page's, made in this process, written atomically. */
export async function exportCommand(options: ExportCliOptions): Promise<void> {
  const values = validateValue(ExportOptions, {
    '--as-of': options.asOf ?? brusselsDay(),
    '--lang': options.lang,
    '--format': formatOf(options),
    '--audience': options.audience,
  });
  const target = checkOutput(options.out);
  const request: ExportRequest = {
    asOf: values['--as-of'],
    languages: values['--lang'],
    format: values['--format'],
    audience: values['--audience'],
  };
  const progress = percentPrinter('exporting the FAQ');
  const { content, summary } = await withDatabase(({ db }) =>
    produceExport(db, request, { onProgress: (done, total, phase) => progress(done, total, phase) }),
  );
  // Written beside the target then renamed: a failed or interrupted export never leaves half a file.
  const partial = `${target}.${process.pid}.partial`;
  try {
    fs.writeFileSync(partial, content);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new CliError(`--out: cannot write to ${target}: ${(error as Error).message}`);
  }
  const pages = summary.pages === null ? '' : `${summary.pages} pages, `;
  console.log(
    `Wrote ${options.out}: ${pages}${summary.entries} entries, ${kilobytes(summary.bytes)} (FAQ as of ${request.asOf}, ${
      request.languages === 'both' ? 'French and Dutch' : request.languages
    }, ${request.audience}).`,
  );
}
