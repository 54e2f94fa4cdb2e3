import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../test-support/databases.js';
import type { DatabaseHandle } from './database.js';
import { preparedQuery } from './prepared-query.js';

type Tables = { auth_login_failure: { id: string; throttle_key: string; at: string } };

// Uses a platform table every migrated database has: the query shape is what matters here.
const findFailures = preparedQuery((db, key: string, since: string) =>
  db
    .selectFrom('auth_login_failure')
    .select(['id', 'throttle_key as key'])
    .where('throttle_key', '=', key)
    .where('at', '>=', since)
    .orderBy('id'),
);

describe.each(DIALECTS)('%s: preparedQuery', (dialect) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await (database.db as Kysely<Tables>)
      .insertInto('auth_login_failure')
      .values([
        { id: 'a', throttle_key: 'user:ann', at: '2026-01-01T10:00:00.000Z' },
        { id: 'b', throttle_key: 'user:ann', at: '2026-01-02T10:00:00.000Z' },
        { id: 'c', throttle_key: 'user:bob', at: '2026-01-02T10:00:00.000Z' },
      ])
      .execute();
  });
  afterAll(() => database.close());

  it('runs with the values of each call, in the right places', async () => {
    expect(await findFailures(database.db, 'user:ann', '2026-01-01T00:00:00.000Z')).toEqual([
      { id: 'a', key: 'user:ann' },
      { id: 'b', key: 'user:ann' },
    ]);
    expect(await findFailures(database.db, 'user:ann', '2026-01-02T00:00:00.000Z')).toEqual([
      { id: 'b', key: 'user:ann' },
    ]);
    expect(await findFailures(database.db, 'user:bob', '2026-01-01T00:00:00.000Z')).toEqual([
      { id: 'c', key: 'user:bob' },
    ]);
  });

  it('keeps the SQL, never a result: a row written since is found at once', async () => {
    expect(await findFailures(database.db, 'user:cid', '2026-01-01T00:00:00.000Z')).toEqual([]);
    await database.db
      .insertInto('auth_login_failure')
      .values({ id: 'd', throttle_key: 'user:cid', at: '2026-01-03T10:00:00.000Z' })
      .execute();
    expect(await findFailures(database.db, 'user:cid', '2026-01-01T00:00:00.000Z')).toEqual([
      { id: 'd', key: 'user:cid' },
    ]);
  });

  it('compiles for each handle, so a transaction gets its own (and sees its own writes)', async () => {
    await database.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('auth_login_failure')
        .values({ id: 'e', throttle_key: 'user:dan', at: '2026-01-03T10:00:00.000Z' })
        .execute();
      expect(await findFailures(trx, 'user:dan', '2026-01-01T00:00:00.000Z')).toEqual([
        { id: 'e', key: 'user:dan' },
      ]);
    });
  });
});
