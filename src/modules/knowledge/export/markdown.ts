import { parseMarkdown } from '../../../platform/markdown.js';

/** A run of text in one style. A link keeps its address: print cannot be clicked, so it is printed too. */
export type Span = { text: string; bold?: boolean; italic?: boolean; code?: boolean; link?: string };

/** A paragraph-level piece of an answer, as the PDF lays it out. */
export type Block = {
  kind: 'paragraph' | 'heading' | 'code' | 'rule';
  spans: Span[];
  /** List nesting: 0 outside lists. */
  depth: number;
  /** "•" or "3." on the first line of a list item. */
  marker?: string;
  isQuote?: boolean;
};

type Token = ReturnType<typeof parseMarkdown>[number];

/**
 * Markdown (the same parser and rules as the HTML shown on screen) to blocks of styled text.
 * Lists keep their markers and nesting, tables become one line per row with cells separated by
 * " | ", links are their text followed by the address when the two differ.
 */
export function markdownBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const lists: { isOrdered: boolean; next: number }[] = [];
  let pendingMarker: string | undefined;
  let quoteDepth = 0;
  let headingLevel = 0;
  let row: Span[][] | null = null;
  let isHeaderRow = false;

  const push = (block: Omit<Block, 'depth'>) => {
    const depth = lists.length;
    blocks.push({
      ...block,
      depth,
      ...(pendingMarker !== undefined && { marker: pendingMarker }),
      ...(quoteDepth > 0 && { isQuote: true }),
    });
    pendingMarker = undefined;
  };

  for (const token of parseMarkdown(source)) {
    switch (token.type) {
      case 'bullet_list_open':
        lists.push({ isOrdered: false, next: 1 });
        break;
      case 'ordered_list_open':
        lists.push({ isOrdered: true, next: Number(token.attrGet('start') ?? 1) || 1 });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists.at(-1);
        if (list) pendingMarker = list.isOrdered ? `${list.next++}.` : '•';
        break;
      }
      case 'blockquote_open':
        quoteDepth += 1;
        break;
      case 'blockquote_close':
        quoteDepth -= 1;
        break;
      case 'heading_open':
        headingLevel = Number(token.tag.slice(1)) || 1;
        break;
      case 'heading_close':
        headingLevel = 0;
        break;
      case 'tr_open':
        row = [];
        break;
      case 'th_open':
        isHeaderRow = true;
        break;
      case 'tr_close':
        if (row) {
          const cells = row;
          const spans = cells.flatMap((cell, i) => (i === 0 ? cell : [{ text: ' | ' }, ...cell]));
          push({
            kind: 'paragraph',
            spans: isHeaderRow ? spans.map((s) => ({ ...s, bold: true })) : spans,
          });
        }
        row = null;
        isHeaderRow = false;
        break;
      case 'inline': {
        const spans = inlineSpans(token.children ?? []);
        if (row) row.push(spans);
        else if (headingLevel > 0) push({ kind: 'heading', spans: spans.map((s) => ({ ...s, bold: true })) });
        else push({ kind: 'paragraph', spans });
        break;
      }
      case 'fence':
      case 'code_block':
        push({ kind: 'code', spans: [{ text: token.content.replace(/\n$/, ''), code: true }] });
        break;
      case 'hr':
        push({ kind: 'rule', spans: [] });
        break;
      default:
        break;
    }
  }
  return blocks;
}

function inlineSpans(children: Token[]): Span[] {
  const spans: Span[] = [];
  let bold = 0;
  let italic = 0;
  let link: { href: string; text: string } | null = null;
  const add = (text: string, extra: Partial<Span> = {}) => {
    if (!text) return;
    const span: Span = {
      text,
      ...(bold > 0 && { bold: true }),
      ...(italic > 0 && { italic: true }),
      ...(link && { link: link.href }),
      ...extra,
    };
    const last = spans.at(-1);
    if (last && sameStyle(last, span)) last.text += text;
    else spans.push(span);
  };
  for (const child of children) {
    switch (child.type) {
      case 'text':
        add(child.content);
        if (link) link.text += child.content;
        break;
      case 'code_inline':
        add(child.content, { code: true });
        if (link) link.text += child.content;
        break;
      case 'softbreak':
        add(' ');
        break;
      case 'hardbreak':
        add('\n');
        break;
      case 'strong_open':
        bold += 1;
        break;
      case 'strong_close':
        bold -= 1;
        break;
      case 'em_open':
        italic += 1;
        break;
      case 'em_close':
        italic -= 1;
        break;
      case 'link_open':
        link = { href: child.attrGet('href') ?? '', text: '' };
        break;
      case 'link_close': {
        const closed = link;
        link = null;
        if (closed && !sameAddress(closed.text, closed.href)) add(` (${closed.href})`);
        break;
      }
      case 'image':
        add(child.content || child.attrGet('alt') || '');
        break;
      default:
        if (child.content) add(child.content);
    }
  }
  return spans;
}

const sameStyle = (a: Span, b: Span) =>
  Boolean(a.bold) === Boolean(b.bold) &&
  Boolean(a.italic) === Boolean(b.italic) &&
  Boolean(a.code) === Boolean(b.code) &&
  a.link === b.link;

/** A linkified address (www.x.be → http://www.x.be, a@b.be → mailto:a@b.be) already shows itself. */
const sameAddress = (text: string, href: string) =>
  href === text || href.replace(/^(https?:\/\/|mailto:)/, '') === text.replace(/^(https?:\/\/)/, '');

/** The plain text of blocks (tests, and a TOC that needs a line of it). */
export const blocksText = (blocks: Block[]): string =>
  blocks.map((b) => `${b.marker ? `${b.marker} ` : ''}${b.spans.map((s) => s.text).join('')}`).join('\n');
