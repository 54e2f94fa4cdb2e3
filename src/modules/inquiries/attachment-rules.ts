// What a thread accepts as an attachment: the documents people send a social-security institute
// (scans, letters, spreadsheets), never a program. The declared type must agree with the first
// bytes of the file, so a program renamed `attestation.pdf` is refused too.

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** Accepted types, with the bytes each must start with (null: plain text, checked otherwise). */
const ACCEPTED: Record<string, readonly number[][] | null> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46]], // %PDF
  'image/png': [[0x89, 0x50, 0x4e, 0x47]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'text/plain': null,
  'text/csv': null,
  // Office and OpenDocument files are zip archives.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [[0x50, 0x4b, 0x03, 0x04]],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [[0x50, 0x4b, 0x03, 0x04]],
  'application/vnd.oasis.opendocument.text': [[0x50, 0x4b, 0x03, 0x04]],
  'application/vnd.oasis.opendocument.spreadsheet': [[0x50, 0x4b, 0x03, 0x04]],
};

export const ACCEPTED_TYPES = Object.keys(ACCEPTED);

const EXECUTABLE_EXTENSIONS =
  /\.(exe|com|bat|cmd|msi|scr|dll|ps1|vbs|vbe|js|jse|wsf|hta|jar|sh|bash|apk|app|bin|run|elf|lnk|reg|cpl)$/i;

/** Programs, whatever they are called: Windows (MZ), Linux (ELF), macOS (Mach-O), scripts (#!). */
const EXECUTABLE_MAGIC: readonly number[][] = [
  [0x4d, 0x5a],
  [0x7f, 0x45, 0x4c, 0x46],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
  [0x23, 0x21],
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((byte, i) => bytes[i] === byte);

export type AttachmentProblem = { field: string; code: string; params?: Record<string, unknown> };

/** The first reason to refuse the file, or null when it is acceptable. */
export function checkAttachment(
  filename: string,
  contentType: string,
  bytes: Uint8Array,
): AttachmentProblem | null {
  if (bytes.length === 0) return { field: 'content_base64', code: 'inquiries.attachment_empty' };
  if (bytes.length > MAX_ATTACHMENT_BYTES)
    return { field: 'content_base64', code: 'inquiries.attachment_too_large', params: { limit: '5 MB' } };
  if (EXECUTABLE_EXTENSIONS.test(filename) || EXECUTABLE_MAGIC.some((magic) => startsWith(bytes, magic)))
    return { field: 'filename', code: 'inquiries.attachment_executable' };
  if (!(contentType in ACCEPTED))
    return {
      field: 'content_type',
      code: 'inquiries.attachment_type',
      params: { types: 'PDF, PNG, JPEG, TXT, CSV, DOCX, XLSX, ODT, ODS' },
    };
  const magics = ACCEPTED[contentType];
  if (magics ? !magics.some((magic) => startsWith(bytes, magic)) : bytes.includes(0))
    return { field: 'content_type', code: 'inquiries.attachment_mismatch' };
  return null;
}
