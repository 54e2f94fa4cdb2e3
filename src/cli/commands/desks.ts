import type { Command } from 'commander';

/** desks: the workplace's buildings and desks from the command line. */
export function registerDeskCommands(program: Command): void {
  const desks = program.command('desks').description('desk booking: load the plan of a building');

  desks
    .command('import-plan')
    .description(
      'load a plan file (site, floors, zones with polygons, desks in metres: the format of demo/floorplans/botanique.json); all or nothing, and importing it again changes nothing',
    )
    .argument('<file>', 'the plan file; a desk it no longer lists is retired, not deleted')
    .action(async (file: string) => (await import('./desks-actions.js')).importPlanCommand(file));
}
