import fs from 'node:fs';
import type { Command } from 'commander';
import { createPerson, importPeople, PersonInput } from '../../modules/directory/index.js';
import { CLI_ACTOR } from '../../platform/audit/audit.js';
import { loadConfig } from '../../platform/config.js';
import { AppError } from '../../platform/errors.js';
import { validateValue } from '../../platform/http/validation.js';
import { withDatabase } from '../context.js';
import { progressPrinter } from '../output.js';

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
      'comma-separated: agent,expert,editor,reviewer,partner,employee,manager,hr,facility,ict,admin',
    )
    .option('--partner <code>', "the fund's code, for partner users (acerta, ucm, ...)")
    .option('--org-unit <code>', 'organisation unit code')
    .option('--language <fr|nl|en>', 'preferred language')
    .option('--password <password>', 'initial password (at least 10 characters)')
    .action(async (options) => {
      const input = validateValue(PersonInput, {
        username: options.username,
        name: options.name,
        email: options.email,
        roles: String(options.roles)
          .split(',')
          .map((r: string) => r.trim())
          .filter(Boolean),
        ...(options.partner && { partner: options.partner }),
        ...(options.orgUnit && { orgUnit: options.orgUnit }),
        ...(options.language && { language: options.language }),
        ...(options.password && { password: options.password }),
      });
      const config = loadConfig();
      const person = await withDatabase(({ db }) =>
        createPerson(db, CLI_ACTOR, input, config.RELAIS_DEFAULT_LANGUAGE),
      );
      console.log(
        `Created ${person.username} (${person.roles.join(', ')})${input.password ? '' : ': no password set'}`,
      );
    });

  user
    .command('import')
    .description(
      'import people from CSV (username,name,email,language,roles,org_unit,partner): all rows or none',
    )
    .argument('<file>', 'CSV file with a header row; roles separated by spaces')
    .option('--generate-passwords', 'give each person a random password and print username,password as CSV')
    .action(async (file: string, options) => {
      if (!fs.existsSync(file))
        throw new AppError('validation.required', 400, {}, [{ field: 'file', code: 'http.not_found' }]);
      const csv = fs.readFileSync(file, 'utf8');
      const config = loadConfig();
      const result = await withDatabase(({ db }) =>
        importPeople(db, CLI_ACTOR, csv, {
          defaultLanguage: config.RELAIS_DEFAULT_LANGUAGE,
          generatePasswords: Boolean(options.generatePasswords),
          onProgress: progressPrinter('importing'),
        }),
      );
      console.error(`Imported ${result.imported} people.`);
      if (options.generatePasswords) {
        console.log('username,password');
        for (const p of result.passwords) console.log(`${p.username},${p.password}`);
      }
    });
}
