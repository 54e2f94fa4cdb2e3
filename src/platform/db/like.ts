import { type RawBuilder, sql } from 'kysely';

// LIKE with what a person typed: their `%`, `_` and `\` are matched as themselves. SQLite only
// honours an escape character when the ESCAPE clause names it, so every pattern carries one.

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `column LIKE 'text%'`. */
export const startsWith = (column: string, text: string): RawBuilder<boolean> =>
  sql<boolean>`${sql.ref(column)} like ${`${escapeLike(text)}%`} escape '\\'`;

/** `lower(column) LIKE '%text%'`, for text already lower-cased. */
export const containsLowercase = (column: string, lowercaseText: string): RawBuilder<boolean> =>
  sql<boolean>`lower(${sql.ref(column)}) like ${`%${escapeLike(lowercaseText)}%`} escape '\\'`;
