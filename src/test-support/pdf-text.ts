import zlib from 'node:zlib';

// Reads back the text of a PDF the way a reader sees it: which words, where, in which font, on which
// page. Enough of PDF for files written with the standard fonts (WinAnsi text, Flate-compressed
// content streams, as pdfkit writes them); tests use it on the product's real output.
// A fuller reader (pdfjs-dist) would need a new dependency.

export type PdfFragment = { page: number; x: number; y: number; text: string; font: string; size: number };
export type PdfDocumentText = {
  pageCount: number;
  /** Every piece of text drawn, page by page (1-based), top of the page first. */
  fragments: PdfFragment[];
  info: Record<string, string>;
  lang: string | undefined;
  /** Bookmarks, depth first: `depth` 0 for the top level. */
  outline: { title: string; depth: number; page: number | undefined }[];
  /** Named destinations (link targets) and the page each points to. */
  destinations: Map<string, number>;
};

type PdfObject = { dict: string; stream?: Buffer };

// Windows-1252 bytes 0x80–0x9F.
const WIN_ANSI_HIGH: Record<number, string> = {
  128: '€',
  130: '‚',
  131: 'ƒ',
  132: '„',
  133: '…',
  134: '†',
  135: '‡',
  136: 'ˆ',
  137: '‰',
  138: 'Š',
  139: '‹',
  140: 'Œ',
  142: 'Ž',
  145: '‘',
  146: '’',
  147: '“',
  148: '”',
  149: '•',
  150: '–',
  151: '—',
  152: '˜',
  153: '™',
  154: 'š',
  155: '›',
  156: 'œ',
  158: 'ž',
  159: 'Ÿ',
};

const winAnsi = (bytes: number[]): string =>
  bytes.map((b) => WIN_ANSI_HIGH[b] ?? String.fromCharCode(b)).join('');

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  for (let match = header.exec(text); match; match = header.exec(text)) {
    const start = match.index + match[0].length;
    const streamAt = text.indexOf('stream', start);
    const endAt = text.indexOf('endobj', start);
    if (streamAt !== -1 && streamAt < endAt && text.slice(start, streamAt).trimEnd().endsWith('>>')) {
      const dict = text.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const dataStart = streamAt + 'stream'.length + (text[streamAt + 6] === '\r' ? 2 : 1);
      const raw = pdf.subarray(dataStart, dataStart + length);
      const stream = /\/FlateDecode/.test(dict) ? zlib.inflateSync(raw) : Buffer.from(raw);
      objects.set(Number(match[1]), { dict, stream });
      header.lastIndex = text.indexOf('endobj', dataStart + length);
    } else {
      objects.set(Number(match[1]), { dict: text.slice(start, endAt) });
      header.lastIndex = endAt;
    }
  }
  return objects;
}

const ref = (dict: string, key: string): number | undefined => {
  const match = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return match ? Number(match[1]) : undefined;
};

/** A literal string `( … )` starting at `at`: its bytes, and where it ends. */
function literalString(text: string, at: number): { bytes: number[]; end: number } {
  const bytes: number[] = [];
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\') {
      const next = text[i + 1]!;
      const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
      if (/[0-7]/.test(next)) {
        const octal = /^[0-7]{1,3}/.exec(text.slice(i + 1))![0];
        bytes.push(Number.parseInt(octal, 8));
        i += octal.length;
      } else {
        bytes.push(escapes[next] ?? next.charCodeAt(0));
        i += 1;
      }
      continue;
    }
    if (char === '(') {
      depth += 1;
      if (depth === 1) continue;
    }
    if (char === ')') {
      depth -= 1;
      if (depth === 0) return { bytes, end: i + 1 };
    }
    bytes.push(char.charCodeAt(0));
  }
  return { bytes, end: text.length };
}

/** A text string: UTF-16BE with its byte-order mark, or PDFDocEncoding (Latin-1 for our purpose). */
function decodeTextString(bytes: number[]): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2)
      out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return out;
  }
  return winAnsi(bytes);
}

const stringAfter = (dict: string, key: string, objects?: Map<number, PdfObject>): string | undefined => {
  const indirect = ref(dict, key);
  if (indirect !== undefined && objects) {
    const value = objects.get(indirect)?.dict.trim() ?? '';
    return value.startsWith('(') ? decodeTextString(literalString(value, 0).bytes) : undefined;
  }
  const at = dict.indexOf(`/${key} (`);
  return at === -1 ? undefined : decodeTextString(literalString(dict, at + key.length + 2).bytes);
};

function pagesOf(objects: Map<number, PdfObject>, node: number): number[] {
  const dict = objects.get(node)?.dict ?? '';
  if (/\/Type \/Page\b(?!s)/.test(dict)) return [node];
  const kids = /\/Kids \[([^\]]*)\]/.exec(dict)?.[1] ?? '';
  return [...kids.matchAll(/(\d+) 0 R/g)].flatMap((m) => pagesOf(objects, Number(m[1])));
}

/** The font resources of a page: `/F1` → `Helvetica-Bold`. */
function fontsOf(objects: Map<number, PdfObject>, pageDict: string): Map<string, string> {
  const resourcesRef = ref(pageDict, 'Resources');
  const resources = resourcesRef === undefined ? pageDict : (objects.get(resourcesRef)?.dict ?? '');
  const fonts = new Map<string, string>();
  const fontBlock = /\/Font <<([^>]*)>>/.exec(resources)?.[1] ?? '';
  for (const [, name, id] of fontBlock.matchAll(/\/(\w+) (\d+) 0 R/g)) {
    const base = /\/BaseFont \/([\w-]+)/.exec(objects.get(Number(id))?.dict ?? '')?.[1] ?? name!;
    fonts.set(name!, base);
  }
  return fonts;
}

/** The text-showing operators of a content stream (Tm, Tf, TJ/Tj inside BT … ET). */
function contentFragments(
  content: string,
  page: number,
  fonts: Map<string, string>,
  height: number,
): PdfFragment[] {
  const fragments: PdfFragment[] = [];
  let x = 0;
  let y = 0;
  let font = '';
  let size = 0;
  const tokens = content.matchAll(
    /\[((?:[^\]\\]|\\.)*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) Tm|\/(\w+) ([\d.]+) Tf/g,
  );
  for (const token of tokens) {
    if (token[3] !== undefined) {
      x = Number(token[7]);
      y = height - Number(token[8]);
    } else if (token[9] !== undefined) {
      font = fonts.get(token[9]) ?? token[9];
      size = Number(token[10]);
    } else {
      const hex =
        token[1] !== undefined
          ? [...token[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]!).join('')
          : token[2]!;
      const bytes: number[] = [];
      for (let i = 0; i + 1 < hex.length; i += 2) bytes.push(Number.parseInt(hex.slice(i, i + 2), 16));
      fragments.push({ page, x, y, text: winAnsi(bytes), font, size });
    }
  }
  return fragments;
}

function readOutline(
  objects: Map<number, PdfObject>,
  first: number | undefined,
  depth: number,
  pageNumbers: Map<number, number>,
  out: PdfDocumentText['outline'],
): void {
  for (let id = first; id !== undefined; ) {
    const dict = objects.get(id)?.dict ?? '';
    const destPage = /\/Dest \[(\d+) 0 R/.exec(dict)?.[1];
    out.push({
      title: stringAfter(dict, 'Title') ?? '',
      depth,
      page: destPage ? pageNumbers.get(Number(destPage)) : undefined,
    });
    readOutline(objects, ref(dict, 'First'), depth + 1, pageNumbers, out);
    id = ref(dict, 'Next');
  }
}

/** A name tree (given as its dictionary's text): leaves' /Names arrays, then its /Kids. */
function readDestinations(
  objects: Map<number, PdfObject>,
  dict: string,
  pageNumbers: Map<number, number>,
  out: Map<string, number>,
): void {
  const kids = /\/Kids \[([^\]]*)\]/.exec(dict)?.[1];
  if (kids)
    for (const m of kids.matchAll(/(\d+) 0 R/g))
      readDestinations(objects, objects.get(Number(m[1]))?.dict ?? '', pageNumbers, out);
  const namesAt = dict.indexOf('/Names [');
  if (namesAt === -1) return;
  let at = namesAt + '/Names ['.length;
  for (;;) {
    const open = dict.indexOf('(', at);
    const close = dict.indexOf(']', at);
    if (open === -1 || (close !== -1 && close < open)) break;
    const { bytes, end } = literalString(dict, open);
    const page = /^\s*\[(\d+) 0 R/.exec(dict.slice(end))?.[1];
    if (page) out.set(decodeTextString(bytes), pageNumbers.get(Number(page)) ?? -1);
    at = dict.indexOf(']', end) + 1;
  }
}

export function readPdfText(pdf: Buffer): PdfDocumentText {
  const objects = readObjects(pdf);
  const text = pdf.toString('latin1');
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const root = objects.get(ref(trailer, 'Root')!)!.dict;
  const info = objects.get(ref(trailer, 'Info') ?? -1)?.dict ?? '';
  const pages = pagesOf(objects, ref(root, 'Pages')!);
  const pageNumbers = new Map(pages.map((id, index) => [id, index + 1]));

  const fragments: PdfFragment[] = [];
  pages.forEach((id, index) => {
    const dict = objects.get(id)!.dict;
    const height = Number(/\/MediaBox \[[\d.]+ [\d.]+ [\d.]+ ([\d.]+)\]/.exec(dict)?.[1] ?? 841.89);
    const content = (/\/Contents \[?([\d\s0R]+)\]?/.exec(dict)?.[1] ?? '')
      .match(/\d+ 0 R/g)
      ?.map((r) => objects.get(Number.parseInt(r, 10))?.stream?.toString('latin1') ?? '')
      .join('\n');
    const onPage = contentFragments(content ?? '', index + 1, fontsOf(objects, dict), height);
    // Top of the page first, then left to right.
    onPage.sort((a, b) => a.y - b.y || a.x - b.x);
    fragments.push(...onPage);
  });

  const infoValues: Record<string, string> = {};
  for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer']) {
    const value = stringAfter(info, key, objects);
    if (value !== undefined) infoValues[key] = value;
  }
  const outline: PdfDocumentText['outline'] = [];
  const outlines = ref(root, 'Outlines');
  if (outlines !== undefined)
    readOutline(objects, ref(objects.get(outlines)!.dict, 'First'), 0, pageNumbers, outline);
  const destinations = new Map<string, number>();
  const names = ref(root, 'Names');
  if (names !== undefined) {
    const namesDict = objects.get(names)!.dict;
    const dests = ref(namesDict, 'Dests');
    readDestinations(
      objects,
      dests === undefined ? namesDict : objects.get(dests)!.dict,
      pageNumbers,
      destinations,
    );
  }

  return {
    pageCount: pages.length,
    fragments,
    info: infoValues,
    lang: stringAfter(root, 'Lang'),
    outline,
    destinations,
  };
}

/** The lines of one page (fragments at the same height), optionally only those between two x. */
export function pageLines(
  doc: PdfDocumentText,
  page: number,
  range: { from?: number; to?: number } = {},
): string[] {
  const lines: { y: number; parts: PdfFragment[] }[] = [];
  for (const fragment of doc.fragments) {
    if (fragment.page !== page) continue;
    if (range.from !== undefined && fragment.x < range.from) continue;
    if (range.to !== undefined && fragment.x >= range.to) continue;
    const line = lines.find((l) => Math.abs(l.y - fragment.y) < 1.5);
    if (line) line.parts.push(fragment);
    else lines.push({ y: fragment.y, parts: [fragment] });
  }
  return lines
    .sort((a, b) => a.y - b.y)
    .map((line) =>
      line.parts
        .sort((a, b) => a.x - b.x)
        .map((p) => p.text)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
}

/** All the text of a page (or a column of it), lines joined by spaces: what a search in a viewer finds. */
export const pageText = (doc: PdfDocumentText, page: number, range: { from?: number; to?: number } = {}) =>
  pageLines(doc, page, range).join(' ');
