import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/**
 * What the compiled SQL depends on: the database's adapter (shared by the handle and every
 * transaction opened from it, each a Kysely instance of its own), unless plugins rewrite queries.
 */
const compilationKey = (db: Kysely<any>): object => {
  const executor = db.getExecutor();
  return executor.plugins.length === 0 ? executor.adapter : db;
};

/**
 * A query that runs on every request (who is calling?), built and compiled once per database
 * handle instead of on every call: Kysely's builder and compiler cost more than SQLite's lookup
 * (bench/http-baseline.ts), and than inserting a row (bench/inquiries-throughput.ts). `build`
 * receives stand-ins for the arguments, which are swapped for the real values at each run. Only the
 * SQL text is kept, never a result; a transaction uses the SQL compiled for its database.
 */
export function preparedQuery<Args extends unknown[], Row>(
  build: (db: Kysely<any>, ...args: Args) => Compilable<Row>,
): (db: Kysely<any>, ...args: Args) => Promise<Row[]> {
  const compiledBy = new WeakMap<object, { compiled: CompiledQuery<Row>; standIns: unknown[] }>();
  return async (db, ...args) => {
    const key = compilationKey(db);
    let entry = compiledBy.get(key);
    if (!entry) {
      // Objects of our own: Kysely keeps values by reference, so each is found again below.
      const standIns = args.map((_, index) => ({ preparedQueryArgument: index }));
      entry = { compiled: build(db, ...(standIns as Args)).compile(), standIns };
      compiledBy.set(key, entry);
    }
    const { compiled, standIns } = entry;
    const parameters = compiled.parameters.map((value) => {
      const index = standIns.indexOf(value);
      return index === -1 ? value : args[index];
    });
    const result = await db.executeQuery<Row>({ ...compiled, parameters });
    return result.rows;
  };
}

/**
 * An INSERT of one row into `table`, compiled once for each set of columns (see preparedQuery): for
 * the rows written on every call of a busy use case. Columns are the row's keys (undefined is
 * written as null); build rows with the same keys in the same order and they share one statement.
 */
export function preparedInsert<Row extends Record<string, unknown>>(
  table: string,
): (db: Kysely<any>, row: Row) => Promise<void> {
  const inserts = new Map<string, (db: Kysely<any>, ...values: unknown[]) => Promise<unknown>>();
  return async (db, row) => {
    const columns = Object.keys(row);
    const key = columns.join(',');
    let insert = inserts.get(key);
    if (!insert) {
      insert = preparedQuery((db, ...values: unknown[]) =>
        db.insertInto(table).values(Object.fromEntries(columns.map((column, i) => [column, values[i]]))),
      );
      inserts.set(key, insert);
    }
    await insert(db, ...Object.values(row).map((value) => (value === undefined ? null : value)));
  };
}
