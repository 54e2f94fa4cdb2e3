// Office (OOXML) and OpenDocument files are zip archives; what they hold says what they are. This
// reads only the names the archive lists (its central directory), and the first entry as stored,
// never inflating anything: enough to tell a spreadsheet from a zip of programs, at no risk.

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
/** More entries than any document holds: a bound on the work a crafted archive can ask for. */
const MAX_ENTRIES = 10_000;

const u16 = (bytes: Uint8Array, at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
const u32 = (bytes: Uint8Array, at: number) => (u16(bytes, at) + u16(bytes, at + 2) * 0x10000) >>> 0;
const text = (bytes: Uint8Array, from: number, length: number) =>
  new TextDecoder('utf-8').decode(bytes.subarray(from, from + length));

/** The names an archive lists, or null when it is no readable zip. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  // The end record is 22 bytes, followed by a comment of at most 65,535.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (u32(bytes, at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (count > MAX_ENTRIES || at >= bytes.length) return null;
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== DIRECTORY_ENTRY) return null;
    const nameLength = u16(bytes, at + 28);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(text(bytes, at + 46, nameLength));
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return names;
}

/** The first entry's name and, when it is stored uncompressed, its content (OpenDocument's `mimetype`). */
export function firstZipEntry(bytes: Uint8Array): { name: string; storedText: string | null } | null {
  if (bytes.length < 30 || u32(bytes, 0) !== LOCAL_ENTRY) return null;
  const isStored = u16(bytes, 8) === 0;
  const size = u32(bytes, 18);
  const nameLength = u16(bytes, 26);
  const dataAt = 30 + nameLength + u16(bytes, 28);
  if (dataAt > bytes.length) return null;
  const name = text(bytes, 30, nameLength);
  const hasData = isStored && dataAt + size <= bytes.length && size <= 200;
  return { name, storedText: hasData ? text(bytes, dataAt, size) : null };
}
