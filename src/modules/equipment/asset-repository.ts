import { type ExpressionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';
import type { AssetMoveRow, AssetRow, EquipmentTables } from './tables.js';

// The assets' SQL. Searches stay on indexes (migration 2026_12_07_1810): exact or prefix on tag,
// serial and model, type and status, holder; the holder's name is resolved to ids by the
// directory first, never joined.

export type Db = Kysely<EquipmentTables>;

export const isPostgres = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

/** What a search may hold: the typed text is split by the caller into what indexes can answer. */
export type AssetSearch = {
  type?: string;
  status?: string;
  location?: string;
  site?: string;
  desk?: string;
  /** Prefix (any case) of tag, serial or model. */
  prefix?: string;
  /** Or held by one of these people. */
  holderIds?: readonly string[];
};

// A prefix search that an index answers: LIKE with no wildcard of the person's (the caller keeps
// only letters, digits, dashes, dots and spaces), lower-cased on PostgreSQL to match its
// lower(column) index, as is on SQLite whose LIKE ignores ASCII case like its NOCASE index.
function prefixOf(
  eb: ExpressionBuilder<EquipmentTables, 'equipment_asset'>,
  column: string,
  text: string,
  pg: boolean,
) {
  const pattern = `${(pg ? text.toLowerCase() : text).replace(/[%_\\]/g, '')}%`;
  return pg ? eb(sql`lower(${sql.ref(column)})`, 'like', pattern) : eb(sql.ref(column), 'like', pattern);
}

function filtered(db: Db, search: AssetSearch) {
  const pg = isPostgres(db);
  let query = db.selectFrom('equipment_asset');
  if (search.type) query = query.where('type', '=', search.type);
  if (search.status) query = query.where('status', '=', search.status);
  if (search.location) query = query.where('location', '=', search.location);
  if (search.site) query = query.where('site', '=', search.site);
  if (search.desk) query = query.where('desk', '=', search.desk);
  const { prefix, holderIds } = search;
  if (prefix !== undefined || holderIds !== undefined)
    query = query.where((eb) => {
      const terms = [];
      if (prefix) {
        terms.push(prefixOf(eb, 'asset_tag', prefix, pg));
        terms.push(prefixOf(eb, 'serial', prefix, pg));
        terms.push(prefixOf(eb, 'model', prefix, pg));
      }
      if (holderIds && holderIds.length > 0) terms.push(eb('holder_id', 'in', [...holderIds]));
      return terms.length > 0 ? eb.or(terms) : sql<boolean>`1 = 0`;
    });
  return query;
}

/** Counting stops past this many matches (or past the page asked for, if further): the total is then a lower bound. */
export const ASSET_TOTAL_COUNTED_MAX = 1000;

/** Beyond this many models starting with the text, they are searched as one range. */
const MODELS_APART_MAX = 12;

/** One way a unit matches the typed text; `inTagOrder` when its index hands the matches out by tag. */
type TextBranch = {
  where: (eb: ExpressionBuilder<EquipmentTables, 'equipment_asset'>) => ReturnType<typeof prefixOf>;
  inTagOrder: boolean;
};

/** The filters other than the text (type, status, place). */
function narrowed(db: Db, search: AssetSearch) {
  return filtered(db, { ...search, prefix: undefined, holderIds: undefined });
}

// The models starting with the text, one index probe each (a loose index scan, in one round
// trip): "evolve" names two models of 18,000 headsets, and each model's index hands its units out
// in tag order. Each probe asks only for the next model past the last one: SQLite, given the
// LIKE's range as well, would keep the LIKE's and step through every unit of the models found.
async function modelsStartingWith(db: Db, text: string): Promise<string[] | null> {
  const pg = isPostgres(db);
  const pattern = `${(pg ? text.toLowerCase() : text).replace(/[%_\\]/g, '')}%`;
  const { rows } = await (pg
    ? sql<{ m: string }>`with recursive models(m, n) as (
        (select lower(model), 1 from equipment_asset where lower(model) like ${pattern}
          order by lower(model) using ~<~ limit 1)
        union all
        select (select lower(model) from equipment_asset where lower(model) ~>~ models.m
          order by lower(model) using ~<~ limit 1), n + 1
        from models where models.m like ${pattern} and n <= ${MODELS_APART_MAX}
      ) select m from models where m like ${pattern}`
    : sql<{ m: string }>`with recursive models(m, n) as (
        select * from (select model, 1 from equipment_asset where model like ${pattern}
          order by model collate nocase limit 1)
        union all
        select (select model from equipment_asset where model collate nocase > models.m
          order by model collate nocase limit 1), n + 1
        from models where models.m like ${pattern} and n <= ${MODELS_APART_MAX}
      ) select m from models where m like ${pattern}`
  ).execute(db);
  return rows.length > MODELS_APART_MAX ? null : rows.map((row) => row.m);
}

async function textBranches(db: Db, search: AssetSearch): Promise<TextBranch[]> {
  const pg = isPostgres(db);
  const branches: TextBranch[] = [];
  const { prefix, holderIds } = search;
  if (prefix) {
    branches.push({ where: (eb) => prefixOf(eb, 'asset_tag', prefix, pg), inTagOrder: false });
    branches.push({ where: (eb) => prefixOf(eb, 'serial', prefix, pg), inTagOrder: false });
    const models = await modelsStartingWith(db, prefix);
    if (models === null)
      branches.push({ where: (eb) => prefixOf(eb, 'model', prefix, pg), inTagOrder: false });
    else
      for (const model of models)
        branches.push({
          where: (eb) => (pg ? eb(sql`lower(model)`, '=', model) : eb(sql`model collate nocase`, '=', model)),
          inTagOrder: true,
        });
  }
  if (holderIds && holderIds.length > 0)
    branches.push({ where: (eb) => eb('holder_id', 'in', [...holderIds]), inTagOrder: false });
  return branches;
}

export async function searchAssetRows(
  db: Db,
  search: AssetSearch,
  page: { limit: number; offset: number },
  countedMax: number = ASSET_TOTAL_COUNTED_MAX,
): Promise<{ rows: AssetRow[]; total: number; totalIsLowerBound: boolean }> {
  // An exact count of "screen" or "evolve" reads every one of their tens of thousands of rows;
  // nobody pages that far, so the count stops one row past the bound. The bound covers the page
  // asked for, so that the pager always knows whether a next page exists.
  const bound = Math.max(countedMax, page.offset + page.limit);
  const text = search.prefix !== undefined || search.holderIds !== undefined;
  if (!text) {
    // Type, status or nothing: an index in (…, tag) order gives the page and the count.
    const query = narrowed(db, search);
    const [counted, rows] = await Promise.all([
      db
        .selectFrom(
          query
            .select(sql<number>`1`.as('one'))
            .limit(bound + 1)
            .as('matches'),
        )
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      query.selectAll().orderBy('asset_tag').limit(page.limit).offset(page.offset).execute(),
    ]);
    const matches = Number(counted.n);
    return { rows, total: Math.min(matches, bound), totalIsLowerBound: matches > bound };
  }
  // The text: each way of matching on its own index, at most a page deep (or a bound deep for
  // the count), then merged. One query with OR lets the planner walk the whole tag index when
  // the matches sit late in tag order (the headsets, the screens): hundreds of milliseconds.
  const branches = await textBranches(db, search);
  if (branches.length === 0) return { rows: [], total: 0, totalIsLowerBound: false };
  const depth = page.offset + page.limit;
  // Tags, unique, stand for the units: every search index carries the tag, so SQLite reads
  // nothing else until the page's rows.
  const tagsOf = (n: number, ordered: boolean) =>
    branches
      .map((branch, i) => {
        let query = narrowed(db, search).where(branch.where).select('asset_tag');
        // Sorting an expression makes the matches be collected and sorted, never found by
        // walking the tag index. A model's units are read in tag order from its index even to be
        // counted: else PostgreSQL scans the table for them, thousands of rows a model.
        if (branch.inTagOrder) query = query.orderBy('asset_tag');
        else if (ordered) query = query.orderBy(sql`asset_tag || ''`);
        return db.selectFrom(query.limit(n).as(`b${i}`)).select(`b${i}.asset_tag as asset_tag` as never);
      })
      .reduce((all, next) => all.union(next));
  // Side by side: on PostgreSQL two connections, one round trip's wait.
  const [counted, rows] = await Promise.all([
    db
      .selectFrom(tagsOf(bound + 1, false).as('matches'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('equipment_asset')
      .selectAll()
      .where(
        'asset_tag',
        'in',
        db
          .selectFrom(tagsOf(depth, true).as('page'))
          .select('page.asset_tag' as never)
          .orderBy('page.asset_tag' as never)
          .limit(page.limit)
          .offset(page.offset),
      )
      .orderBy('asset_tag')
      .execute(),
  ]);
  const matches = Number(counted.n);
  return { rows: rows as AssetRow[], total: Math.min(matches, bound), totalIsLowerBound: matches > bound };
}

/** Every asset of a search in tag order, a batch at a time (downloads, label sheets). */
export async function* assetRowBatches(db: Db, search: AssetSearch, size = 1000): AsyncGenerator<AssetRow[]> {
  let after: string | undefined;
  for (;;) {
    let query = filtered(db, search).selectAll();
    if (after !== undefined) query = query.where('asset_tag', '>', after);
    const rows = await query.orderBy('asset_tag').limit(size).execute();
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = rows[rows.length - 1]!.asset_tag;
  }
}

export const findAssetByTag = (db: Db, tag: string): Promise<AssetRow | undefined> =>
  db.selectFrom('equipment_asset').selectAll().where('asset_tag', '=', tag).executeTakeFirst();

export const findAssetById = (db: Db, id: string): Promise<AssetRow | undefined> =>
  db.selectFrom('equipment_asset').selectAll().where('id', '=', id).executeTakeFirst();

export const findAssetBySerial = (db: Db, serial: string): Promise<AssetRow | undefined> =>
  db.selectFrom('equipment_asset').selectAll().where('serial', '=', serial).executeTakeFirst();

/** Which of these tags, and which of these serials, are already registered. */
export async function registeredTagsAndSerials(
  db: Db,
  tags: readonly string[],
  serials: readonly string[],
): Promise<{ tags: Set<string>; serials: Set<string> }> {
  const found = { tags: new Set<string>(), serials: new Set<string>() };
  // A few hundred at a time: far under either database's bound-parameter limit.
  for (let i = 0; i < tags.length; i += 500) {
    const rows = await db
      .selectFrom('equipment_asset')
      .select('asset_tag')
      .where('asset_tag', 'in', tags.slice(i, i + 500))
      .execute();
    for (const row of rows) found.tags.add(row.asset_tag);
  }
  for (let i = 0; i < serials.length; i += 500) {
    const rows = await db
      .selectFrom('equipment_asset')
      .select('serial')
      .where('serial', 'in', serials.slice(i, i + 500))
      .execute();
    for (const row of rows) if (row.serial !== null) found.serials.add(row.serial);
  }
  return found;
}

export const listMovesOf = (db: Db, assetId: string): Promise<AssetMoveRow[]> =>
  db
    .selectFrom('equipment_asset_move')
    .selectAll()
    .where('asset_id', '=', assetId)
    .orderBy('at')
    .orderBy('id')
    .execute();

// 16 columns of an asset, 14 of a move: 200 rows an insert stays under SQLite's 32,766 and
// PostgreSQL's 65,535 bound parameters.
const INSERT_BATCH = 200;

export async function insertAssetRows(db: Db, rows: readonly AssetRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH)
    await db
      .insertInto('equipment_asset')
      .values(rows.slice(i, i + INSERT_BATCH))
      .execute();
}

export async function insertMoveRows(db: Db, rows: readonly AssetMoveRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH)
    await db
      .insertInto('equipment_asset_move')
      .values(rows.slice(i, i + INSERT_BATCH))
      .execute();
}

/** Writes the changes if the row is still at `version`; false when someone changed it meanwhile. */
export async function updateAssetRowAt(
  db: Db,
  id: string,
  version: number,
  changes: Partial<Omit<AssetRow, 'id' | 'version'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('equipment_asset')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Units in stock, per type and site. */
export const countStockRows = (
  db: Db,
): Promise<{ type: string; site: string | null; n: number | string }[]> =>
  db
    .selectFrom('equipment_asset')
    .select(['type', 'site', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'in_stock')
    .groupBy(['type', 'site'])
    .orderBy('type')
    .orderBy('site')
    .execute();

export async function countInStock(db: Db, type: string): Promise<number> {
  const row = await db
    .selectFrom('equipment_asset')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('type', '=', type)
    .where('status', '=', 'in_stock')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const listTypePolicies = (db: Db) =>
  db.selectFrom('equipment_type_policy').select(['type', 'low_stock_threshold']).execute();

export async function lowStockThresholdOf(db: Db, type: string): Promise<number | null> {
  const row = await db
    .selectFrom('equipment_type_policy')
    .select('low_stock_threshold')
    .where('type', '=', type)
    .executeTakeFirst();
  return row?.low_stock_threshold ?? null;
}

/** The assets on these desks (recovery), in desk then tag order. */
export const listAssetsOnDesks = (db: Db, desks: readonly string[]): Promise<AssetRow[]> =>
  desks.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('equipment_asset')
        .selectAll()
        .where('location', '=', 'desk')
        .where('desk', 'in', [...desks])
        .where('status', '!=', 'retired')
        .orderBy('desk')
        .orderBy('asset_tag')
        .execute();

export const findAssetsByTags = (db: Db, tags: readonly string[]): Promise<AssetRow[]> =>
  tags.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('equipment_asset')
        .selectAll()
        .where('asset_tag', 'in', [...tags])
        .execute();

/** The assets at people's homes, by holder then type. */
export const listAssetsAtHome = (db: Db): Promise<AssetRow[]> =>
  db
    .selectFrom('equipment_asset')
    .selectAll()
    .where('location', '=', 'home')
    .where('status', '!=', 'retired')
    .orderBy('holder_id')
    .orderBy('type')
    .orderBy('asset_tag')
    .execute();
