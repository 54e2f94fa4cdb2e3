import type { Command } from 'commander';

/** assets: the equipment module's inventory from the command line. */
export function registerAssetCommands(program: Command): void {
  const assets = program.command('assets').description('equipment: register the units of the inventory');

  assets
    .command('import')
    .description(
      'register units from a CSV file with the header asset_tag,type,model,serial,status,site (an empty status means in_stock); all or nothing, bad rows listed with their line numbers; a tag or serial already registered is an error on its line',
    )
    .argument('<file>', 'the CSV file')
    .action(async (file: string) => (await import('./assets-actions.js')).importAssetsCommand(file));
}
