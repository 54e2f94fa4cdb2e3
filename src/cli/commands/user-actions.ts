import fs from 'node:fs';
import { createPerson, importPeople, PersonInput, unbindSsoAccounts } from '../../modules/directory/index.js';
import { CLI_ACTOR } from '../../platform/audit/audit.js';
import { loadConfig } from '../../platform/config.js';
import { validateValue } from '../../platform/http/validation.js';
import { toCsv } from '../../shared/spreadsheet-cell.js';
import { withDatabase } from '../context.js';
import { CliError, progressPrinter } from '../output.js';

export type AddUserOptions = {
  username: string;
  name: string;
  email: string;
  roles: string;
  partner?: string;
  orgUnit?: string;
  language?: string;
  password?: string;
};

export async function addUser(options: AddUserOptions): Promise<void> {
  const input = validateValue(PersonInput, {
    username: options.username,
    name: options.name,
    email: options.email,
    roles: options.roles
      .split(',')
      .map((role) => role.trim())
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
}

export async function importUsers(file: string, options: { generatePasswords?: boolean }): Promise<void> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CliError(`No such file: ${file}`);
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
    // Through the spreadsheet guard: this output is meant to be saved as a .csv and opened.
    const rows = result.passwords.map((p) => [p.username, p.password]);
    process.stdout.write(toCsv([['username', 'password'], ...rows], '\n'));
  }
}

export async function unbindSso(username: string): Promise<void> {
  const removed = await withDatabase(({ db }) => unbindSsoAccounts(db, CLI_ACTOR, username));
  console.log(
    removed > 0
      ? `${username}: single sign-on binding removed; the next single sign-on binds again`
      : `${username} was bound to no single sign-on account`,
  );
}
