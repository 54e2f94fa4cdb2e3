// Limits on the shape of what a caller sends, checked on the raw text before anything is parsed
// or validated: a 1 MiB body of 90,000 keys or 500,000 brackets is cheap to send and was costly
// to parse, validate and answer (every key an error, every error translated twice).

/** What a JSON body may hold. The widest real body is a list of 500 inquiry references. */
export const BODY_LIMITS = {
  /** Objects and arrays inside one another (`{"a":[{}]}` is 3 deep). */
  maxDepth: 32,
  /** Members of one object or items of one array. */
  maxWidth: 1_000,
  /** Members and items of the whole body, all levels together. */
  maxValues: 5_000,
};

/**
 * What a query string may hold; no screen sends more than a dozen parameters. The length is Node's
 * own cap on a request head (16 KiB), so a long search still reaches the page that explains it.
 */
export const QUERY_LIMITS = {
  maxLength: 16_384,
  maxParameters: 100,
};

export type InputExcess = { code: string; limit: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * The first limit a JSON text breaks, or undefined. One pass over the characters that stops at
 * the first excess, so a hostile body costs at most a read of the text; the syntax itself is left
 * to JSON.parse (a malformed text is never counted as more than it shows).
 */
export function findJsonExcess(text: string, limits = BODY_LIMITS): InputExcess | undefined {
  // Members seen in each open container; `isWaiting` marks a container whose first member is not yet seen.
  const widths = new Array<number>(limits.maxDepth + 2).fill(0);
  let depth = 0;
  let values = 0;
  let isWaiting = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (isBlank(c)) continue;
    if (isWaiting) {
      isWaiting = false;
      if (c !== CLOSE_OBJECT && c !== CLOSE_ARRAY) {
        widths[depth] = 1;
        values += 1;
        if (values > limits.maxValues) return { code: 'input.body_too_many_values', limit: limits.maxValues };
      }
    }
    if (c === QUOTE) {
      // Skip the string (brackets and commas inside it are text) with indexOf, several times faster
      // than a loop over a 7 MB attachment: the closing quote is the first not escaped by an odd
      // number of backslashes.
      let end = text.indexOf('"', i + 1);
      while (end !== -1 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
      if (end === -1) return undefined;
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth += 1;
      if (depth > limits.maxDepth) return { code: 'input.body_too_deep', limit: limits.maxDepth };
      widths[depth] = 0;
      isWaiting = true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth > 0) depth -= 1;
    } else if (c === COMMA && depth > 0) {
      const width = (widths[depth] ?? 0) + 1;
      widths[depth] = width;
      if (width > limits.maxWidth) return { code: 'input.body_too_wide', limit: limits.maxWidth };
      values += 1;
      if (values > limits.maxValues) return { code: 'input.body_too_many_values', limit: limits.maxValues };
    }
  }
  return undefined;
}

function isEscaped(text: string, quoteAt: number): boolean {
  let backslashes = 0;
  for (let k = quoteAt - 1; k >= 0 && text.charCodeAt(k) === BACKSLASH; k--) backslashes += 1;
  return backslashes % 2 === 1;
}

/** The first limit a raw query string (after `?`) breaks, or undefined. */
export function findQueryExcess(query: string, limits = QUERY_LIMITS): InputExcess | undefined {
  if (query.length > limits.maxLength) return { code: 'input.query_too_long', limit: limits.maxLength };
  let parameters = 1;
  for (let at = query.indexOf('&'); at !== -1; at = query.indexOf('&', at + 1)) {
    parameters += 1;
    if (parameters > limits.maxParameters)
      return { code: 'input.query_too_many_parameters', limit: limits.maxParameters };
  }
  return undefined;
}
