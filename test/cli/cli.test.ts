import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerBuilt } from '../../bench/support/build.js';
import { CONFIG_KEYS, loadConfig } from '../../src/platform/config.js';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/database.js';
import { buildApp } from '../../src/server/app.js';
import { DIALECTS } from '../../src/test-support/databases.js';
import { DEMO_PASSWORD } from '../../src/test-support/test-app.js';
import { type CliTarget, createCliTarget, lines, peopleCsv, runCli } from './support.js';

// The real command, compiled, in a child process: what an operator types.
beforeAll(() => ensureServerBuilt(), 180_000);

describe('relais --help', () => {
  const commands: { args: string[]; documents: string[] }[] = [
    {
      args: [],
      documents: ['serve', 'migrate', 'seed', 'user', 'token', 'backup', 'restore', ...CONFIG_KEYS],
    },
    { args: ['serve'], documents: ['PORT', 'DATABASE_URL', 'RELAIS_DATA_DIR'] },
    { args: ['migrate'], documents: ['migrations'] },
    { args: ['seed'], documents: ['--demo'] },
    { args: ['desks'], documents: ['import-plan'] },
    { args: ['desks', 'import-plan'], documents: ['<file>', 'retired'] },
    { args: ['user'], documents: ['add', 'import'] },
    {
      args: ['user', 'add'],
      documents: [
        '--username',
        '--name',
        '--email',
        '--roles',
        '--partner',
        '--org-unit',
        '--language',
        '--password',
      ],
    },
    { args: ['user', 'import'], documents: ['<file>', '--generate-passwords', 'roles separated by spaces'] },
    { args: ['token'], documents: ['create', 'list', 'revoke'] },
    { args: ['token', 'create'], documents: ['--user', '--name', '--expires'] },
    { args: ['token', 'list'], documents: ['--user'] },
    { args: ['token', 'revoke'], documents: ['<id>'] },
    { args: ['backup'], documents: ['<file>', 'pg_dump'] },
    { args: ['restore'], documents: ['<file>', 'pg_restore'] },
  ];

  it('answers 0 for every command and documents its options', async () => {
    const results = await Promise.all(commands.map(({ args }) => runCli([...args, '--help'], {})));
    for (const [index, { args, documents }] of commands.entries()) {
      const result = results[index]!;
      expect(result.code, `relais ${args.join(' ')} --help`).toBe(0);
      expect(result.stdout).toContain(`Usage: relais ${args.join(' ')}`.trim());
      for (const text of documents) expect(result.stdout, `relais ${args.join(' ')} --help`).toContain(text);
    }
  });
});

describe('relais with a bad environment', () => {
  it('exits 2 with one line naming the variable and its value', async () => {
    const result = await runCli(['migrate'], { PORT: 'abc', RELAIS_DATA_DIR: '/nonexistent' });
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(/^relais: Invalid configuration: PORT="abc"/),
    ]);
  });

  it('refuses an unknown command with exit 1 and the list of commands', async () => {
    const result = await runCli(['serv'], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("relais: unknown command 'serv'");
  });
});

describe.each(DIALECTS)('%s: relais commands', (dialect) => {
  let target: CliTarget;
  let env: Record<string, string>;
  let database: DatabaseHandle | undefined;
  let app: FastifyInstance | undefined;
  const cli = (...args: string[]) => runCli(args, env);

  beforeAll(async () => {
    target = await createCliTarget(dialect);
    env = target.env;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await target.drop();
  });

  /** The server's code over the same database, to check what the CLI did as users would see it. */
  async function server(): Promise<FastifyInstance> {
    if (app) return app;
    const config = loadConfig(env);
    database = openDatabase(config);
    app = await buildApp({ config, database, logger: false });
    await app.ready();
    return app;
  }
  async function closeServer(): Promise<void> {
    await app?.close();
    await database?.close();
    app = undefined;
    database = undefined;
  }
  const countPeople = async () =>
    Number(
      (
        await (
          await server()
        ).db
          .selectFrom('directory_person')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const me = async (headers: Record<string, string>) =>
    (await server()).inject({ method: 'GET', url: '/api/v1/me', headers });

  it('migrate applies every migration once, then has nothing to do', async () => {
    const first = await cli('migrate');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Applied: \d{4}_\d{2}_\d{2}_\d{4}_platform_auth_and_audit, /);
    const second = await cli('migrate');
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout.trim()).toBe('Database is up to date.');
  });

  it('seed --demo fills an empty database once, and says so when it already has people', async () => {
    const first = await cli('seed', '--demo');
    expect(first.code, first.stderr).toBe(0);
    // Each module adds its demo data to the report ("… and 150 FAQ entries").
    expect(first.stdout).toMatch(
      /^Seeded \d+ people\b.*\. Demo logins \(password "demo-relais-2020"\): admin, /,
    );
    const before = await countPeople();
    const second = await cli('seed', '--demo');
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout.trim()).toBe('The database already has people: nothing seeded.');
    expect(await countPeople()).toBe(before);
  });

  it('user add refuses a bad e-mail with one line naming the field, and creates nobody', async () => {
    const before = await countPeople();
    const result = await cli(
      'user',
      'add',
      '--username',
      'newbie',
      '--name',
      'New Bie',
      '--email',
      'newbie-at-example',
      '--roles',
      'agent',
    );
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual(['relais: email: Not a valid email.']);
    expect(await countPeople()).toBe(before);
  });

  it('user add creates the person, who can then be given a working token', async () => {
    const added = await cli(
      'user',
      'add',
      '--username',
      'newbie',
      '--name',
      'New Bie',
      '--email',
      'newbie@example.org',
      '--roles',
      'agent,expert',
      '--password',
      'a-long-password-1',
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout.trim()).toBe('Created newbie (agent, expert)');
    const token = await cli('token', 'create', '--user', 'newbie');
    expect(token.code, token.stderr).toBe(0);
    const response = await me({ authorization: `Bearer ${token.stdout.trim()}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ username: 'newbie', roles: ['agent', 'expert'] });
  });

  it('user import adds 100 people (roles separated by spaces, partner column) and shows progress', async () => {
    const file = path.join(target.dataDir, 'people.csv');
    fs.writeFileSync(file, peopleCsv(100, 'imp'));
    const before = await countPeople();
    const result = await cli('user', 'import', file);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('importing 50/100');
    expect(lines(result.stderr).slice(-2)).toEqual(['importing 100/100', 'Imported 100 people.']);
    expect(await countPeople()).toBe(before + 100);
    const identities = (await server()).identities;
    expect(await identities.findByUsername((await server()).db, 'imp001')).toMatchObject({
      roles: ['agent', 'expert'],
      partnerCode: null,
      language: 'nl',
    });
    expect(await identities.findByUsername((await server()).db, 'imp010')).toMatchObject({
      roles: ['partner'],
      partnerCode: 'acerta',
    });
  });

  it('user import of a file with two bad rows imports nothing and names both lines', async () => {
    const file = path.join(target.dataDir, 'bad-people.csv');
    // Rows 2 and 6 are lines 4 and 8 of the file (the header is line 1).
    fs.writeFileSync(file, peopleCsv(10, 'bad', { 2: 'email', 6: 'role' }));
    const before = await countPeople();
    const result = await cli('user', 'import', file);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([
      'relais: The file was not imported: 2 rows are not valid.',
      '  line 4, email: Not a valid email.',
      expect.stringMatching(/^ {2}line 8, roles\.1: Must be one of: agent, /),
    ]);
    expect(await countPeople()).toBe(before);
  });

  it('user import --generate-passwords prints username,password lines that log in', async () => {
    const file = path.join(target.dataDir, 'volunteers.csv');
    fs.writeFileSync(file, peopleCsv(3, 'vol'));
    const result = await cli('user', 'import', '--generate-passwords', file);
    expect(result.code, result.stderr).toBe(0);
    const [header, ...rows] = lines(result.stdout);
    expect(header).toBe('username,password');
    expect(rows.map((row) => row.split(',')[0])).toEqual(['vol000', 'vol001', 'vol002']);
    for (const row of rows) {
      const [username, password] = row.split(',');
      const login = await (await server()).inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      });
      expect(login.statusCode, `${username} logs in`).toBe(200);
    }
  });

  it('token create prints the secret once; list shows it without the secret; revoke stops it at once', async () => {
    const created = await cli('token', 'create', '--user', 'admin', '--name', 'fund sync');
    expect(created.code, created.stderr).toBe(0);
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^relais_[A-Za-z0-9_-]{20,}$/);
    const id = /Token ([0-9a-f-]{36}) for admin/.exec(created.stderr)?.[1];
    expect(id).toBeDefined();
    expect((await me({ authorization: `Bearer ${secret}` })).statusCode).toBe(200);

    const listed = await cli('token', 'list', '--user', 'admin');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).not.toContain(secret);
    const row = lines(listed.stdout).find((line) => line.startsWith(id!));
    expect(row?.split('\t')).toEqual([
      id,
      'admin',
      'fund sync',
      `${secret.slice(0, 13)}…`,
      expect.any(String),
      expect.any(String),
      '-',
      'active',
    ]);

    const revoked = await cli('token', 'revoke', id!);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect((await me({ authorization: `Bearer ${secret}` })).statusCode).toBe(401);
    const after = await cli('token', 'list', '--user', 'admin');
    expect(lines(after.stdout).find((line) => line.startsWith(id!))).toMatch(/\trevoked$/);
  });

  it('token create --expires gives the token an end, shown by list, and refuses a day that is not in the future', async () => {
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Brussels' });
    const created = await cli(
      'token',
      'create',
      '--user',
      'admin',
      '--name',
      'short-lived',
      '--expires',
      day(30),
    );
    expect(created.code, created.stderr).toBe(0);
    const id = /Token ([0-9a-f-]{36}) for admin/.exec(created.stderr)?.[1];
    expect(created.stderr).toContain(`until ${day(30)}`);
    expect((await me({ authorization: `Bearer ${created.stdout.trim()}` })).statusCode).toBe(200);
    const listed = await cli('token', 'list', '--user', 'admin');
    expect(
      lines(listed.stdout)
        .find((line) => line.startsWith(id!))
        ?.split('\t')
        .slice(-2),
    ).toEqual([day(30), 'active']);

    for (const expires of [day(0), day(-1), '2030-02-30', 'next-week']) {
      const refused = await cli('token', 'create', '--user', 'admin', '--expires', expires);
      expect(refused.code, expires).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain('expires');
    }
  });

  it('token revoke of an unknown id says so and exits 1', async () => {
    const result = await cli('token', 'revoke', '00000000-0000-4000-8000-000000000000');
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual(['relais: No such API token.']);
  });

  const hasPgDump = spawnSync('pg_dump', ['--version']).status === 0;
  it.skipIf(dialect === 'postgres' && !hasPgDump)(
    'backup while the server has the database open, then restore brings that state back',
    async () => {
      const file = path.join(target.dataDir, dialect === 'sqlite' ? 'backup.sqlite' : 'backup.dump');
      const running = await server();
      const admin = await running.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'admin', password: DEMO_PASSWORD },
      });
      expect(admin.statusCode).toBe(200);
      // The server keeps answering (and writing sessions) while the backup runs.
      const [backup] = await Promise.all([
        cli('backup', file),
        ...['agent', 'expert', 'editor'].map((username) =>
          running.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username, password: DEMO_PASSWORD },
          }),
        ),
      ]);
      expect(backup.code, backup.stderr).toBe(0);
      expect(lines(backup.stderr).at(-1)).toBe(`Backup written to ${file}`);
      const peopleInBackup = await countPeople();

      const later = await cli(
        'user',
        'add',
        '--username',
        'after.backup',
        '--name',
        'After Backup',
        '--email',
        'after@example.org',
        '--roles',
        'employee',
      );
      expect(later.code, later.stderr).toBe(0);
      expect(await countPeople()).toBe(peopleInBackup + 1);

      await closeServer(); // restore wants Relais stopped
      const restore = await cli('restore', file);
      expect(restore.code, restore.stderr).toBe(0);
      expect(await countPeople()).toBe(peopleInBackup);
      const identities = (await server()).identities;
      expect(await identities.findByUsername((await server()).db, 'after.backup')).toBeUndefined();
      expect(await identities.findByUsername((await server()).db, 'imp099')).toBeDefined();
      const migrate = await cli('migrate');
      expect(migrate.stdout.trim()).toBe('Database is up to date.');
    },
  );

  it('restore refuses a file that is not a backup, and a missing one', async () => {
    const notBackup = path.join(target.dataDir, 'people.csv');
    const refused = await cli('restore', notBackup);
    expect(refused.code).toBe(1);
    if (dialect === 'sqlite')
      expect(lines(refused.stderr)).toEqual([
        `relais: ${notBackup} is not a Relais backup (file is not a database)`,
      ]);
    const missing = await cli('restore', path.join(target.dataDir, 'nothing-here'));
    expect(missing.code).toBe(1);
    expect(lines(missing.stderr)).toEqual([
      `relais: No such file: ${path.join(target.dataDir, 'nothing-here')}`,
    ]);
  });
});
