import type { Command } from 'commander';

/** calls: the telephony's call-detail records from the command line. */
export function registerCallCommands(program: Command): void {
  const calls = program.command('calls').description("call center: load the telephony's call records");

  calls
    .command('import')
    .description(
      'load call records from a CSV file with the header call_id,line,caller_language,received_at,answered_at,ended_at,outcome (the format of demo/callcenter/calls-2020.csv); all or nothing, bad rows listed with their line numbers; a call already loaded (same call_id) is skipped, so importing a file again, or after an interrupted run, stores each call once',
    )
    .argument('<file>', 'the CSV file')
    .action(async (file: string) => (await import('./calls-actions.js')).importCallsCommand(file));
}
