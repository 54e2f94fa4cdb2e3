import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

describe('withStatementCache', () => {
  let sqlite: SQLite.Database;
  beforeEach(() => {
    sqlite = new SQLite(':memory:');
    sqlite.exec('create table t (id integer primary key, name text)');
  });
  afterEach(() => sqlite.close());

  it('prepares a query once and reuses the statement for the same SQL', () => {
    const database = withStatementCache(sqlite);
    const first = database.prepare('select name from t where id = ?');
    expect(database.prepare('select name from t where id = ?')).toBe(first);
    expect(database.prepare('select id from t')).not.toBe(first);
  });

  it('keeps at most `max` statements, dropping the least recently used', () => {
    const database = withStatementCache(sqlite, 2);
    const a = database.prepare('select 1');
    const b = database.prepare('select 2');
    database.prepare('select 1'); // a is now the most recently used
    database.prepare('select 3'); // evicts b
    expect(database.prepare('select 1')).toBe(a);
    expect(database.prepare('select 2')).not.toBe(b);
  });

  it('never hands out a statement that is still being iterated', () => {
    const database = withStatementCache(sqlite);
    sqlite.exec("insert into t (name) values ('a'), ('b')");
    const first = database.prepare('select name from t');
    const rows = first.iterate([]);
    rows.next();
    const second = database.prepare('select name from t');
    expect(second).not.toBe(first);
    expect(second.all([])).toHaveLength(2);
    rows.return?.();
  });

  it('keeps statements, never results: a write is seen by the next read at once', async () => {
    const db = new Kysely<{ t: { id: number; name: string } }>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    });
    await db.insertInto('t').values({ id: 1, name: 'active' }).execute();
    const read = () => db.selectFrom('t').select('name').where('id', '=', 1).executeTakeFirst();
    expect(await read()).toEqual({ name: 'active' });
    await db.updateTable('t').set({ name: 'revoked' }).where('id', '=', 1).execute();
    expect(await read()).toEqual({ name: 'revoked' });
  });
});
