// The words a person wrote in a mail, without what their mail program quoted below (our own mail,
// their previous ones), so the thread shows each message once.

/** Lines that introduce a quoted mail, in the languages and mail programs the mailbox sees. */
const QUOTE_HEADERS = [
  /^On .+ wrote:\s*$/i,
  /^Le .+ a écrit\s*:\s*$/i,
  /^Op .+ schreef .+:\s*$/i,
  /^Am .+ schrieb .+:\s*$/i,
  /^-{2,}\s*(Original Message|Message d'origine|Oorspronkelijk bericht|Message transféré|Forwarded message)\s*-{2,}/i,
  /^_{10,}\s*$/,
  /^(From|De|Van)\s*:\s.+$/,
];

/** The text above the first quoted part: lines starting with `>`, or a line introducing a quote. */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const kept: string[] = [];
  for (const [index, line] of lines.entries()) {
    const trimmed = line.trim();
    if (trimmed.startsWith('>')) break;
    // Gmail folds a long "On … wrote:" over two lines.
    const withNext = `${trimmed} ${lines[index + 1]?.trim() ?? ''}`;
    if (QUOTE_HEADERS.some((header) => header.test(trimmed) || header.test(withNext.trim()))) break;
    kept.push(line);
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The question an inquiry records from a mail: its subject, then its own words, within `max`. */
export function questionFromMail(subject: string, text: string, max: number): string {
  const body = stripQuotedReply(text);
  const question = [subject.trim(), body].filter(Boolean).join('\n\n') || '(…)';
  return question.length > max ? `${question.slice(0, max - 1)}…` : question;
}
