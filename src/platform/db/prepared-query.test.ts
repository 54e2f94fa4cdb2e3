import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../test-support/databases.js';
import type { DatabaseHandle } from './database.js';
import { preparedInsert, preparedQuery } from './prepared-query.js';

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

  it('serves a transaction too, which sees its own writes', async () => {
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

  it('compiles once for a database and the transactions opened from it', async () => {
    let builds = 0;
    const countFailures = preparedQuery((db, key: string) => {
      builds++;
      return db
        .selectFrom('auth_login_failure')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('throttle_key', '=', key);
    });
    const count = async (db: Kysely<any>, key: string) => Number((await countFailures(db, key))[0]!.n);
    expect(await count(database.db, 'user:ann')).toBe(2);
    await database.db.transaction().execute(async (trx) => {
      expect(await count(trx, 'user:bob')).toBe(1);
    });
    await database.db.transaction().execute(async (trx) => {
      expect(await count(trx, 'user:ann')).toBe(2);
    });
    expect(builds).toBe(1);
  });

  it('inserts rows, each with its own values, nulls included, and inside a transaction', async () => {
    const addFailure = preparedInsert<{ id: string; throttle_key: string; at: string | null }>(
      'auth_login_failure',
    );
    await addFailure(database.db, { id: 'f', throttle_key: 'user:eve', at: '2026-01-04T10:00:00.000Z' });
    await database.db.transaction().execute(async (trx) => {
      await addFailure(trx, { id: 'g', throttle_key: 'user:eve', at: '2026-01-05T10:00:00.000Z' });
    });
    await expect(
      database.db.transaction().execute(async (trx) => {
        await addFailure(trx, { id: 'h', throttle_key: 'user:eve', at: '2026-01-06T10:00:00.000Z' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // `at` is NOT NULL: the null reaches the database, which refuses it.
    await expect(addFailure(database.db, { id: 'i', throttle_key: 'user:eve', at: null })).rejects.toThrow();
    expect(await findFailures(database.db, 'user:eve', '2026-01-01T00:00:00.000Z')).toEqual([
      { id: 'f', key: 'user:eve' },
      { id: 'g', key: 'user:eve' },
    ]);
  });
});
