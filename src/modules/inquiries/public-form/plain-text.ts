// Elements whose content is code or markup, never words a person typed: they go whole.
const CODE_ELEMENTS =
  /<(script|style|iframe|object|embed|noscript|template|svg|math)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
// A tag, a comment or a declaration: `<b>`, `</p>`, `<img src=x onerror=…>`, `<!-- -->`, `<!DOCTYPE>`.
const TAG = /<(?:\/?[a-zA-Z][^<>]*|!--[\s\S]*?--|![^<>]*|\?[^<>]*)>/g;
// A tag left open at the end of the text (`<img src=x onerror=alert(1)`).
const OPEN_TAG = /<\/?[a-zA-Z][^<>]*$/;

/**
 * What a person typed on the public form, as text: HTML tags are taken out (elements holding code,
 * such as a script, with their content), a `<` that starts no tag is kept (`5 < 6`). Repeated until
 * nothing changes, so that `<scr<script></script>ipt>` does not leave a tag behind. Entities are
 * left as typed: the text is only ever shown escaped (pages, mails in plain text, JSON).
 */
export function plainText(input: string): string {
  let text = input;
  for (let pass = 0; pass < 10; pass++) {
    const next = text.replace(CODE_ELEMENTS, '').replace(TAG, '').replace(OPEN_TAG, '');
    if (next === text) break;
    text = next;
  }
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Whether text still holds something that reads as an HTML tag (what plainText takes out). */
export const hasMarkup = (text: string): boolean => /<\/?[a-zA-Z!?]/.test(text);
