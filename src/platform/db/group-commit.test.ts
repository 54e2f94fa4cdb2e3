import SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, DIALECTS } from '../../test-support/databases.js';
import type { DatabaseHandle } from './database.js';
import { withGroupCommit } from './group-commit.js';
import { withTransaction } from './transaction.js';
import { isUniqueViolation } from './unique-violation.js';

type Db = Kysely<{ item: { name: string } }>;

const insert = (trx: Db, name: string) => trx.insertInto('item').values({ name }).execute();
const names = async (db: Db) =>
  (await db.selectFrom('item').select('name').orderBy('name').execute()).map((row) => row.name);

describe.each(DIALECTS)('withGroupCommit (%s)', (dialect) => {
  let database: DatabaseHandle & { location: string };
  let db: Db;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    db = database.db as Db;
    await db.schema
      .createTable('item')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .execute();
  });
  afterEach(() => database.close());

  it('commits every call made at once, each with its own result', async () => {
    const results = await Promise.all(
      Array.from({ length: 250 }, (_, i) =>
        withGroupCommit(db, async (trx) => {
          await insert(trx, `n${String(i).padStart(3, '0')}`);
          return i;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(await names(db)).toHaveLength(250);
  });

  it('undoes a call that fails, alone, and gives it its own error', async () => {
    await insert(db, 'taken');
    const outcomes = await Promise.allSettled([
      withGroupCommit(db, (trx) => insert(trx, 'first')),
      withGroupCommit(db, async (trx) => {
        await insert(trx, 'half-done');
        await insert(trx, 'taken');
      }),
      withGroupCommit(db, async () => {
        throw new Error('refused by a rule');
      }),
      withGroupCommit(db, (trx) => insert(trx, 'last')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(isUniqueViolation((outcomes[1] as PromiseRejectedResult).reason)).toBe(true);
    expect((outcomes[2] as PromiseRejectedResult).reason).toEqual(new Error('refused by a rule'));
    expect(await names(db)).toEqual(['first', 'last', 'taken']);
  });

  it('joins the transaction it is called in', async () => {
    await expect(
      withTransaction(db, async (trx) => {
        await withGroupCommit(trx, (inner) => insert(inner, 'inside'));
        throw new Error('the outer work fails');
      }),
    ).rejects.toThrow('the outer work fails');
    expect(await names(db)).toEqual([]);
  });

  it.runIf(dialect === 'sqlite')(
    'shares one transaction between the calls of the same moment, and answers once it is committed',
    async () => {
      // Another connection to the same file sees only what is committed.
      const observer = new SQLite(database.location, { readonly: true });
      const committed = () =>
        (observer.prepare('select name from item order by name').all() as { name: string }[]).map(
          (row) => row.name,
        );
      try {
        const seenBySecond: string[][] = [];
        const first = withGroupCommit(db, (trx) => insert(trx, 'a'));
        const second = withGroupCommit(db, async (trx) => {
          seenBySecond.push(await names(trx), committed());
          await insert(trx, 'b');
        });
        await Promise.all([first, second]);
        // The second call saw the first one's row in its transaction, not yet committed.
        expect(seenBySecond).toEqual([['a'], []]);
        expect(committed()).toEqual(['a', 'b']);
      } finally {
        observer.close();
      }
    },
  );
});
