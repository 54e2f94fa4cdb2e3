import { describe, expect, it } from 'vitest';
import { zipOf } from '../../test-support/documents.js';
import { firstZipEntry, zipEntryNames } from './zip-entries.js';

describe('reading what a zip archive holds', () => {
  const archive = zipOf([
    ['mimetype', 'application/vnd.oasis.opendocument.text'],
    ['content.xml', '<office:document-content/>'],
  ]);

  it('lists the names of its entries, and the first one as stored', () => {
    expect(zipEntryNames(archive)).toEqual(['mimetype', 'content.xml']);
    expect(firstZipEntry(archive)).toEqual({
      name: 'mimetype',
      storedText: 'application/vnd.oasis.opendocument.text',
    });
  });

  it('finds the directory behind a trailing comment', () => {
    const commented = Buffer.concat([archive, Buffer.from('a comment')]);
    commented.writeUInt16LE(9, archive.length - 2);
    expect(zipEntryNames(commented)).toEqual(['mimetype', 'content.xml']);
  });

  it('gives up on what is no zip, or a damaged or truncated one', () => {
    expect(zipEntryNames(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(firstZipEntry(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(zipEntryNames(archive.subarray(0, archive.length - 30))).toBeNull();
    const lying = Buffer.from(archive);
    lying.writeUInt16LE(60_000, lying.length - 12); // claims 60,000 entries
    expect(zipEntryNames(lying)).toBeNull();
  });
});
