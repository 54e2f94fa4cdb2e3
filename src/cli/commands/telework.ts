import type { Command } from 'commander';

/** telework: an organisation's telework statistics from the command line. */
export function registerTeleworkCommands(program: Command): void {
  const telework = program
    .command('telework')
    .description('telework statistics: load an organisation’s staff and agreements, print the yearly report');

  telework
    .command('import')
    .description(
      'load the employees and agreements of an organisation (the CSV formats of demo/telework/spf-securite-sociale); all or nothing, bad rows listed with their line numbers; importing the same files again changes nothing',
    )
    .requiredOption('--org <name>', 'the organisation, e.g. "SPF Sécurité sociale" (created on first import)')
    .requiredOption('--employees <file>', 'employee_id,org_unit,hired_on,left_on,occupation_pct,teleworkable')
    .requiredOption('--agreements <file>', 'employee_id,regime,days_per_week,start_date,end_date')
    .action(async (options: { org: string; employees: string; agreements: string }) =>
      (await import('./telework-actions.js')).importCommand(options),
    );

  telework
    .command('report')
    .description(
      'the yearly report: headcount, teleworkers, structural and occasional (counts and %), structural by days a week, on 31 December of each year (or --at MM-DD)',
    )
    .requiredOption('--org <name>', 'the organisation, by name or key')
    .requiredOption('--from <year>', 'first year')
    .requiredOption('--to <year>', 'last year')
    .option('--at <MM-DD>', 'the day of each year the snapshot is taken', '12-31')
    .option('--format <format>', 'json, csv or xlsx (xlsx needs --out)', 'json')
    .option('--lang <language>', 'labels of csv and xlsx: fr, nl or en', 'en')
    .option('--out <file>', 'write to this file instead of printing')
    .action(async (options: ReportCliOptions) =>
      (await import('./telework-actions.js')).reportCommand(options),
    );
}

export type ReportCliOptions = {
  org: string;
  from: string;
  to: string;
  at: string;
  format: string;
  lang: string;
  out?: string;
};
