import { analyzeWord } from './analyzer.js';
import { type Token, tokenize } from './normalize.js';
import type { Lang } from './types.js';

/** Characters of answer shown around the matches. */
export const EXCERPT_LENGTH = 220;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** Plain text of a Markdown answer: what an agent reads, without emphasis, list or link syntax. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)/gm, '')
    .replace(/(\*\*|__|\*|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A text's content words with their offsets and terms: what marking needs, prepared once. */
interface PreparedText {
  text: string;
  words: Token[];
  /** Positions in `words` of the words holding each term. */
  wordsByTerm: Map<string, number[]>;
}

// The same entries come back in results all day: their texts are prepared once. Keyed by the text
// itself, so an edited entry is prepared afresh; dropped when full, to bound the memory.
const PREPARED_LIMIT = 4_000;
const prepared: Record<Lang, Record<'plain' | 'markdown', Map<string, PreparedText>>> = {
  fr: { plain: new Map(), markdown: new Map() },
  nl: { plain: new Map(), markdown: new Map() },
};

function prepare(source: string, lang: Lang, kind: 'plain' | 'markdown'): PreparedText {
  const cache = prepared[lang][kind];
  let result = cache.get(source);
  if (!result) {
    const text = kind === 'markdown' ? markdownToText(source) : source;
    const words: Token[] = [];
    const wordsByTerm = new Map<string, number[]>();
    for (const token of tokenize(text)) {
      const analysis = analyzeWord(token.word, lang);
      if (!analysis) continue;
      for (const term of [analysis.term, ...analysis.parts]) {
        const positions = wordsByTerm.get(term);
        if (!positions) wordsByTerm.set(term, [words.length]);
        else if (positions[positions.length - 1] !== words.length) positions.push(words.length);
      }
      words.push(token);
    }
    result = { text, words, wordsByTerm };
    if (cache.size >= PREPARED_LIMIT) cache.clear();
    cache.set(source, result);
  }
  return result;
}

function matchedTokens(text: PreparedText, matchedTerms: ReadonlySet<string>): Token[] {
  const isMatched = new Uint8Array(text.words.length);
  for (const term of matchedTerms) {
    const positions = text.wordsByTerm.get(term);
    if (positions) for (const position of positions) isMatched[position] = 1;
  }
  return text.words.filter((_, position) => isMatched[position] === 1);
}

function mark(text: string, tokens: readonly Token[], from: number, to: number): string {
  let out = '';
  let cursor = from;
  for (const token of tokens) {
    if (token.start < from || token.end > to) continue;
    out += `${escapeHtml(text.slice(cursor, token.start))}<mark>${escapeHtml(text.slice(token.start, token.end))}</mark>`;
    cursor = token.end;
  }
  return out + escapeHtml(text.slice(cursor, to));
}

/** The whole text, escaped, with the words whose terms matched wrapped in `<mark>`. */
export function highlightText(source: string, lang: Lang, matchedTerms: ReadonlySet<string>): string {
  const prepared = prepare(source, lang, 'plain');
  return mark(prepared.text, matchedTokens(prepared, matchedTerms), 0, prepared.text.length);
}

// The window of the answer holding the most matched words, cut at word boundaries.
function bestWindow(text: string, tokens: readonly Token[], length: number): [number, number] {
  if (text.length <= length) return [0, text.length];
  let bestStart = 0;
  let bestCount = 0;
  for (let i = 0; i < tokens.length; i++) {
    const start = tokens[i]!.start;
    let count = 0;
    for (let j = i; j < tokens.length && tokens[j]!.end <= start + length; j++) count++;
    if (count > bestCount) [bestStart, bestCount] = [start, count];
  }
  // Open a little before the first match, so it reads in context.
  let from = Math.max(0, bestStart - Math.floor(length / 4));
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  let to = Math.min(text.length, from + length);
  if (to < text.length) to = text.lastIndexOf(' ', to) > from ? text.lastIndexOf(' ', to) : to;
  return [from, to];
}

/** An excerpt of a Markdown answer around its matched words, escaped and marked, `…` where cut. */
export function highlightExcerpt(markdown: string, lang: Lang, matchedTerms: ReadonlySet<string>): string {
  const prepared = prepare(markdown, lang, 'markdown');
  const { text } = prepared;
  const tokens = matchedTokens(prepared, matchedTerms);
  const [from, to] = bestWindow(text, tokens, EXCERPT_LENGTH);
  return `${from > 0 ? '… ' : ''}${mark(text, tokens, from, to)}${to < text.length ? ' …' : ''}`;
}
