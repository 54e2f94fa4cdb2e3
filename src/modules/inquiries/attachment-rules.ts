// What a thread accepts as an attachment: the documents people send a social-security institute
// in a crisis (scans and photos of letters, PDFs, office documents, exports), and nothing else.
// A file is judged by the name a Windows or macOS computer would save it under (see
// attachment-name.ts), whose last extension must be on the list below, and by its content, whose
// own signature must be that type's: a program renamed `attestation.pdf`, or a zip of programs
// renamed `.docx`, is refused. The type stored, and served on download, is the one so decided,
// never the one the sender declared.

import { extensionOf, nameAsSaved } from './attachment-name.js';
import { firstZipEntry, zipEntryNames } from './zip-entries.js';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

type ContentCheck = (bytes: Uint8Array) => 'ok' | 'mismatch' | 'macros';

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  prefix.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const signature =
  (...prefixes: (readonly number[])[]): ContentCheck =>
  (bytes) =>
    prefixes.some((prefix) => startsWith(bytes, prefix)) ? 'ok' : 'mismatch';

// HEIF images (what an iPhone photographs in) are ISO media files: `ftyp` at byte 4, then a brand.
const HEIF_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'];
const heif: ContentCheck = (bytes) =>
  startsWith(bytes, ascii('ftyp'), 4) && HEIF_BRANDS.some((brand) => startsWith(bytes, ascii(brand), 8))
    ? 'ok'
    : 'mismatch';

// Text in UTF-8 or in the Windows-1252 Excel still writes CSV in (both are bytes above 0x1F for
// anything printable): any other control byte, a NUL first, means a binary file renamed `.txt`.
const text: ContentCheck = (bytes) =>
  bytes.every((byte) => byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d)
    ? 'ok'
    : 'mismatch';

// Word, Excel and PowerPoint files: a zip listing its content types and its main part's folder.
// Macros live in a `vbaProject.bin`: a `.docx` that holds one is a `.docm` renamed.
const officeOpenXml =
  (folder: string): ContentCheck =>
  (bytes) => {
    const names = zipEntryNames(bytes);
    if (!names?.includes('[Content_Types].xml') || !names.some((n) => n.startsWith(`${folder}/`)))
      return 'mismatch';
    return names.some((n) => n.toLowerCase().endsWith('vbaproject.bin')) ? 'macros' : 'ok';
  };

// OpenDocument files open with an uncompressed entry `mimetype` naming their type; their macros
// live under `Basic/` (and scripts under `Scripts/`).
const openDocument =
  (mimetype: string): ContentCheck =>
  (bytes) => {
    const first = firstZipEntry(bytes);
    const names = zipEntryNames(bytes);
    if (first?.name !== 'mimetype' || first.storedText !== mimetype || !names) return 'mismatch';
    return names.some((n) => n.startsWith('Basic/') || n.startsWith('Scripts/')) ? 'macros' : 'ok';
  };

const OOXML = 'application/vnd.openxmlformats-officedocument';
const ODF = 'application/vnd.oasis.opendocument';

/**
 * The accepted extensions, the type each is stored and served as, and its content check. Scans
 * come as PDF, TIFF (a fax) or JPEG/PNG, photos as JPEG or HEIC (iPhones), old screenshots as
 * GIF; letters and tables as text, CSV, Word/Excel/PowerPoint or their OpenDocument twins.
 */
const ACCEPTED: Record<string, { type: string; check: ContentCheck }> = {
  pdf: { type: 'application/pdf', check: signature(ascii('%PDF-')) },
  jpg: { type: 'image/jpeg', check: signature([0xff, 0xd8, 0xff]) },
  jpeg: { type: 'image/jpeg', check: signature([0xff, 0xd8, 0xff]) },
  png: { type: 'image/png', check: signature([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  gif: { type: 'image/gif', check: signature(ascii('GIF87a'), ascii('GIF89a')) },
  tif: { type: 'image/tiff', check: signature([0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]) },
  tiff: { type: 'image/tiff', check: signature([0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]) },
  heic: { type: 'image/heic', check: heif },
  heif: { type: 'image/heif', check: heif },
  txt: { type: 'text/plain', check: text },
  csv: { type: 'text/csv', check: text },
  docx: { type: `${OOXML}.wordprocessingml.document`, check: officeOpenXml('word') },
  xlsx: { type: `${OOXML}.spreadsheetml.sheet`, check: officeOpenXml('xl') },
  pptx: { type: `${OOXML}.presentationml.presentation`, check: officeOpenXml('ppt') },
  odt: { type: `${ODF}.text`, check: openDocument(`${ODF}.text`) },
  ods: { type: `${ODF}.spreadsheet`, check: openDocument(`${ODF}.spreadsheet`) },
  odp: { type: `${ODF}.presentation`, check: openDocument(`${ODF}.presentation`) },
};

/** The accepted types, as the refusal names them. */
export const ACCEPTED_TYPES = 'PDF, JPEG, PNG, GIF, TIFF, HEIC, TXT, CSV, DOCX, XLSX, PPTX, ODT, ODS, ODP';

// Office formats that carry macros: those named for them, and the old binary formats, where
// nothing short of parsing them tells whether they do. Refused with their own reason, which says
// how to send the document instead.
const MACRO_FORMATS = new Set(
  'docm dotm xlsm xltm xlam xlsb pptm potm ppsm ppam sldm doc dot xls xlt xla ppt pot pps'.split(' '),
);

// Programs, scripts and shortcuts, named so in the refusal (the allow-list refuses them anyway).
const PROGRAMS = new Set(
  'exe com bat cmd msi msp scr dll cpl pif ps1 psm1 vbs vbe js jse wsf wsh hta jar sh bash command app apk bin run elf lnk url scf reg inf'.split(
    ' ',
  ),
);

/** Programs by their content, whatever their name: Windows (MZ), Linux (ELF), macOS (Mach-O), scripts (#!). */
const PROGRAM_SIGNATURES: readonly number[][] = [
  [0x4d, 0x5a],
  [0x7f, 0x45, 0x4c, 0x46],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xca, 0xfe, 0xba, 0xbe],
  [0x23, 0x21],
];

export type AttachmentProblem = { field: string; code: string; params: Record<string, unknown> };

/** What to store of an accepted file: the name as it will be saved, and the type its content proved. */
export type AcceptedAttachment = { filename: string; contentType: string };

export type AttachmentCheck =
  | { accepted: AcceptedAttachment; problem?: undefined }
  | { accepted?: undefined; problem: AttachmentProblem };

const refuse = (field: string, code: string, params: Record<string, unknown>): AttachmentCheck => ({
  problem: { field, code, params },
});

/** Accepts a file, saying under which name and type to keep it, or gives the first reason to refuse it. */
export function checkAttachment(sentName: string, bytes: Uint8Array): AttachmentCheck {
  const filename = nameAsSaved(sentName);
  const file = filename || sentName;
  const extension = extensionOf(filename);
  if (bytes.length === 0) return refuse('content_base64', 'inquiries.attachment_empty', { file });
  if (bytes.length > MAX_ATTACHMENT_BYTES)
    return refuse('content_base64', 'inquiries.attachment_too_large', { file, limit: '5 MB' });
  if (PROGRAMS.has(extension) || PROGRAM_SIGNATURES.some((magic) => startsWith(bytes, magic)))
    return refuse('filename', 'inquiries.attachment_executable', { file });
  if (MACRO_FORMATS.has(extension)) return refuse('filename', 'inquiries.attachment_macros', { file });
  const accepted = ACCEPTED[extension];
  if (!accepted) return refuse('filename', 'inquiries.attachment_type', { file, types: ACCEPTED_TYPES });
  const verdict = accepted.check(bytes);
  if (verdict === 'macros') return refuse('filename', 'inquiries.attachment_macros', { file });
  if (verdict === 'mismatch')
    return refuse('content_base64', 'inquiries.attachment_mismatch', { file, extension });
  return { accepted: { filename, contentType: accepted.type } };
}
