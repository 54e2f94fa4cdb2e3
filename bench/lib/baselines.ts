import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import type { SearchableEntry } from '../../src/modules/knowledge/search/types.js';

/** A system under test: refs in rank order for a query. */
export type Ranker = (q: string, limit: number) => string[];

/**
 * Baseline 1: SQLite FTS5, what the database alone offers. Question and answer of both languages,
 * diacritics removed by the tokenizer, the query's words OR-ed, bm25 order.
 */
export function fts5Baseline(entries: readonly SearchableEntry[]): Ranker {
  const db = new Database(':memory:');
  db.exec(
    `CREATE VIRTUAL TABLE faq USING fts5(ref UNINDEXED, question_fr, answer_fr, question_nl, answer_nl,
       tokenize = 'unicode61 remove_diacritics 2')`,
  );
  const insert = db.prepare('INSERT INTO faq VALUES (?, ?, ?, ?, ?)');
  for (const e of entries) insert.run(e.ref, e.fr.question, e.fr.answer, e.nl.question, e.nl.answer);
  const select = db.prepare('SELECT ref FROM faq WHERE faq MATCH ? ORDER BY bm25(faq) LIMIT ?');
  return (q, limit) => {
    // Each word becomes a quoted string (quotes doubled), so no query syntax can break the MATCH.
    const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) return [];
    const match = words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' OR ');
    return (select.all(match, limit) as Array<{ ref: string }>).map((row) => row.ref);
  };
}

/** Baseline 2: MiniSearch with its default options over question and answer of both languages. */
export function miniSearchDefaultBaseline(entries: readonly SearchableEntry[]): Ranker {
  const mini = new MiniSearch<{ id: string; qfr: string; afr: string; qnl: string; anl: string }>({
    fields: ['qfr', 'afr', 'qnl', 'anl'],
  });
  mini.addAll(
    entries.map((e) => ({
      id: e.ref,
      qfr: e.fr.question,
      afr: e.fr.answer,
      qnl: e.nl.question,
      anl: e.nl.answer,
    })),
  );
  return (q, limit) =>
    mini
      .search(q)
      .slice(0, limit)
      .map((r) => r.id as string);
}
