import { isContentWord, partsOf, termOf } from './analyzer.js';
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

function matchedTokens(text: string, lang: Lang, matchedTerms: ReadonlySet<string>): Token[] {
  return tokenize(text).filter(
    (t) =>
      isContentWord(t.word) &&
      (matchedTerms.has(termOf(t.word, lang)) ||
        partsOf(t.word, lang).some((part) => matchedTerms.has(part))),
  );
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
export function highlightText(text: string, lang: Lang, matchedTerms: ReadonlySet<string>): string {
  return mark(text, matchedTokens(text, lang, matchedTerms), 0, text.length);
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
  const text = markdownToText(markdown);
  const tokens = matchedTokens(text, lang, matchedTerms);
  const [from, to] = bestWindow(text, tokens, EXCERPT_LENGTH);
  return `${from > 0 ? '… ' : ''}${mark(text, tokens, from, to)}${to < text.length ? ' …' : ''}`;
}
