// A file's name as the computer that saves it will read it. An attachment is judged by its type,
// and Windows and macOS find the type in the name, after their own rewriting: Windows drops
// trailing dots and spaces (`facture.bat.` is saved as `facture.bat`) and reads `a.exe:b.pdf` or
// `a.exe::$DATA` as the file `a.exe` (an NTFS stream); invisible characters such as the right-to-left
// override U+202E make `facture\u202Efdp.exe` look like `factureexe.pdf`; full-width letters
// (`．ｅｘｅ`) are the same letters to a person. Relais judges the name so rewritten, and keeps it, so
// that the name checked is the name saved.

export const MAX_FILENAME_LENGTH = 200;

// Format and control characters (bidirectional overrides, zero-width spaces and joiners, the BOM,
// the soft hyphen): invisible in a name, or rearranging what is shown.
const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;
// Not allowed in a Windows name: what would be saved is not what was sent.
const FORBIDDEN_ON_WINDOWS = /[<>"|?*]/g;

/** The name a Windows or macOS computer would save, without folders, streams or invisible characters. */
export function nameAsSaved(sent: string): string {
  let name = sent.normalize('NFKC').replace(INVISIBLE, '');
  // A mail program may send a path; every system keeps the last part.
  name = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  // Windows reads `name:stream:type`; the file saved is `name`.
  const stream = name.indexOf(':');
  if (stream >= 0) name = name.slice(0, stream);
  name = name
    .replace(FORBIDDEN_ON_WINDOWS, '_')
    .trim()
    .replace(/[. ]+$/, '');
  if (name.length > MAX_FILENAME_LENGTH) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_FILENAME_LENGTH - extension.length) + extension;
  }
  return name;
}

/** The last extension of a saved name, lower case (`Scan.JPEG` → `jpeg`), or '' when it has none. */
export function extensionOf(savedName: string): string {
  const dot = savedName.lastIndexOf('.');
  return dot < 0 ? '' : savedName.slice(dot + 1).toLowerCase();
}
