import type { Command } from 'commander';

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('manage people and their accounts');

  user
    .command('add')
    .description('create one person with roles (and a password to log in with)')
    .requiredOption('--username <username>', 'login name: lower-case letters, digits, . _ -')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--email <email>', 'e-mail address')
    .requiredOption(
      '--roles <roles>',
      'comma-separated: agent,expert,editor,reviewer,partner,employee,manager,hr,facility,ict,admin,integration (a system: telephony, monitoring)',
    )
    .option('--partner <code>', "the fund's code, for partner users (acerta, ucm, ...)")
    .option('--org-unit <code>', 'organisation unit code')
    .option('--language <fr|nl|en>', 'preferred language (default: RELAIS_DEFAULT_LANGUAGE)')
    .option(
      '--password <password>',
      'initial password (at least 12 characters, not a common one); without it, no password login',
    )
    .action(async (options) => (await import('./user-actions.js')).addUser(options));

  user
    .command('import')
    .description(
      'import people from CSV (username,name,email,language,roles,org_unit,partner): all rows or none',
    )
    .argument('<file>', 'CSV file with that header row; roles separated by spaces')
    .option(
      '--generate-passwords',
      'give each person a random password and print "username,password" lines (CSV) on stdout',
    )
    .action(async (file: string, options) => (await import('./user-actions.js')).importUsers(file, options));

  user
    .command('unbind-sso')
    .description(
      'forget the single sign-on account a person was bound to at their first login: the next one binds again',
    )
    .argument('<username>', 'the Relais username')
    .action(async (username: string) => (await import('./user-actions.js')).unbindSso(username));
}
