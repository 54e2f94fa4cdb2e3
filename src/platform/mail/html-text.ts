import { convert } from 'html-to-text';

// mailparser makes text from HTML only when the HTML is the whole mail; an HTML-only mail with an
// attachment arrives without text. html-to-text (the library mailparser itself uses) reads such HTML
// as a person would: every named entity decoded, blocks on their own lines, quotes marked with `>`
// so the quoted mail below a reply is recognised and cut like in a plain-text mail.
const OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'p', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    // A link's address would bury the person's words in tracking URLs; images say nothing.
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
      selector,
      options: { uppercase: false, leadingLineBreaks: 1, trailingLineBreaks: 1 },
    })),
    { selector: 'table', format: 'dataTable' },
  ],
};

/** The readable text of an HTML mail body. */
export function htmlToText(html: string): string {
  // A no-break space is a space to whoever searches or reads the words.
  return convert(html, OPTIONS)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
