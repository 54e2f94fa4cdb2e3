import type { FieldError } from '../../platform/errors.js';

// A contribution's receipt: a PDF or a photo/scan (JPEG, PNG, HEIC), judged by its content's own
// signature, never by the type the sender declared; at most 5 MB.

export const MAX_RECEIPT_BYTES = 5 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const HEIF_BRANDS = ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'];

/** The type the receipt's content proves, or null when it is neither a PDF nor an image we accept. */
export function receiptTypeOf(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('ftyp'), 4) && HEIF_BRANDS.some((b) => startsWith(bytes, ascii(b), 8)))
    return 'image/heic';
  return null;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The receipt's bytes and proven type, or the problem naming the field `receipt`. */
export function checkReceipt(
  contentBase64: string,
): { bytes: Buffer; type: string; problem?: undefined } | { problem: FieldError } {
  if (!BASE64.test(contentBase64))
    return { problem: { field: 'receipt', code: 'equipment.receipt.not_base64' } };
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) return { problem: { field: 'receipt', code: 'equipment.receipt.type' } };
  if (bytes.length > MAX_RECEIPT_BYTES)
    return {
      problem: {
        field: 'receipt',
        code: 'equipment.receipt.too_large',
        params: { maxMb: MAX_RECEIPT_BYTES / 1024 / 1024 },
      },
    };
  const type = receiptTypeOf(bytes);
  if (!type) return { problem: { field: 'receipt', code: 'equipment.receipt.type' } };
  return { bytes, type };
}
