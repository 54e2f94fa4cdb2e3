// PDFs use the 14 standard fonts, which know the Windows-1252 (WinAnsi) characters: every
// French and Dutch letter, € and typographic quotes, but not arrows or mathematical signs.
const WIN_ANSI_EXTRA = new Set(
  [
    0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d,
    0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e,
    0x0178,
  ].map((code) => String.fromCodePoint(code)),
);
const SUBSTITUTES: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '↔': '<->',
  '⇒': '=>',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '′': "'",
  '″': '"',
  '✓': 'v',
  '✔': 'v',
  '✗': 'x',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
  '\u200b': '',
  '\u200d': '',
  '\ufeff': '',
  '\t': '    ',
};

/**
 * Text the standard PDF fonts can print: composed accents (e + ´ → é), common signs spelled out
 * (→ becomes ->), anything else outside Windows-1252 replaced by "?" rather than printed as garbage.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a) out += char;
    else if (WIN_ANSI_EXTRA.has(char)) out += char;
    else if (char in SUBSTITUTES) out += SUBSTITUTES[char];
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += '';
    else out += '?';
  }
  return out;
}
