import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../test-support/databases.js';
import { isDatabaseUnavailable } from './unavailable.js';

describe.skipIf(!DIALECTS.includes('postgres'))('postgres: a connection the server ends', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let superuser: pg.Client;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    superuser = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await superuser.connect();
  });
  afterAll(async () => {
    await superuser?.end();
    await database?.close();
  });

  const terminate = (pid: number) => superuser.query('select pg_terminate_backend($1)', [pid]);
  const selectOne = async () => (await sql<{ one: number }>`select 1 as one`.execute(database.db)).rows;

  it('fails the transaction it was lent to, between two statements, and the next one gets a new connection', async () => {
    const outcome = await database.db
      .transaction()
      .execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        await sql`create temporary table scratch (id integer)`.execute(trx);
        // Ended while the transaction holds the connection and runs nothing on it: the error
        // event comes on the connection itself, with no statement to fail.
        await terminate(rows[0]!.pid);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await sql`insert into scratch values (1)`.execute(trx);
      })
      .then(
        () => 'committed',
        (error: unknown) => error,
      );
    expect(isDatabaseUnavailable(outcome)).toBe(true);
    expect(await selectOne()).toEqual([{ one: 1 }]);
  });

  it('drops an idle connection, reports it, and opens a new one on demand', async () => {
    const reported: Error[] = [];
    database.onConnectionError?.((error) => reported.push(error));
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db);
    await terminate(rows[0]!.pid);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reported.map((e) => (e as { code?: string }).code)).toContain('57P01');
    expect(await selectOne()).toEqual([{ one: 1 }]);
  });
});
