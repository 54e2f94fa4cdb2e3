import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/**
 * A query that runs on every request (who is calling?), built and compiled once per database
 * handle instead of on every call: Kysely's builder and compiler cost more than SQLite's lookup
 * (bench/http-baseline.ts). `build` receives stand-ins for the arguments, which are swapped for
 * the real values at each run. Only the SQL text is kept, never a result.
 */
export function preparedQuery<Args extends unknown[], Row>(
  build: (db: Kysely<any>, ...args: Args) => Compilable<Row>,
): (db: Kysely<any>, ...args: Args) => Promise<Row[]> {
  const compiledBy = new WeakMap<Kysely<any>, { compiled: CompiledQuery<Row>; standIns: unknown[] }>();
  return async (db, ...args) => {
    let entry = compiledBy.get(db);
    if (!entry) {
      // Objects of our own: Kysely keeps values by reference, so each is found again below.
      const standIns = args.map((_, index) => ({ preparedQueryArgument: index }));
      entry = { compiled: build(db, ...(standIns as Args)).compile(), standIns };
      compiledBy.set(db, entry);
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
